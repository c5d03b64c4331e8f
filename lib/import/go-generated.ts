import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type GenerateOptions, generatePrompts } from "../go/generate";
import { mulberry32 } from "../random";
import { importFile } from "./import";
import type { ImportProject, ImportSummary } from "./write";

/**
 * Generates Go positions (lib/go/generate) and imports them into a GO project through the
 * ordinary import path: a JSONL file, validated and written all or nothing, pairs planned as for
 * any import. Pair sampling and serving order are seeded too, so a seed reproduces the project.
 */
export async function importGeneratedGo(project: ImportProject, options: GenerateOptions): Promise<ImportSummary> {
  if (project.kind !== "GO") {
    throw new Error("generated Go positions need a GO project; this one is TEXT. Choose another slug.");
  }
  const dir = await mkdtemp(path.join(tmpdir(), "vibecheck-go-generate-"));
  try {
    const file = path.join(dir, "positions.jsonl");
    const lines = generatePrompts(options).map((line) => `${JSON.stringify(line)}\n`);
    await pipeline(Readable.from(lines), createWriteStream(file));
    return await importFile(file, project, { random: mulberry32(options.seed) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
