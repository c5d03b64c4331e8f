import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * A temporary folder of import files for one test file, made before its tests and removed after.
 * `write(lines)` writes a new JSONL file and returns its path: strings are written as they are
 * (to test malformed lines), anything else as JSON.
 */
export function jsonlFilesPerFile(prefix: string): { write: (lines: unknown[]) => Promise<string> } {
  let dir: string | undefined;
  let count = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `vibecheck-${prefix}-`));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    write: async (lines) => {
      if (!dir) throw new Error("jsonlFilesPerFile: write is for tests and hooks, after the folder was made");
      const file = path.join(dir, `${prefix}-${++count}.jsonl`);
      await writeFile(file, `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`);
      return file;
    },
  };
}
