import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { type SyntheticWorld, trueUtility } from "../rm/synthetic/comparisons";
import { sfc32 } from "../rm/train/random";

export type SyntheticImportOptions = {
  seed: number;
  prompts: number;
  candidatesPerPrompt: number;
  minWords?: number;
  maxWords?: number;
  /** Prompt ids are `<prefix>-<n>`; distinct prefixes keep imports apart. */
  prefix?: string;
};

/**
 * Import lines (JSONL) of generated prompts whose candidates are word sequences of the world's
 * vocabulary; each candidate carries its true utility (the sum of the hidden word utilities) as
 * `meta.utility`, which the simulated labelers answer from and the model must learn from the words.
 */
export function* syntheticImportLines(world: SyntheticWorld, options: SyntheticImportOptions): Generator<string> {
  const random = sfc32(options.seed);
  const { vocabulary } = world;
  const minWords = options.minWords ?? 8;
  const maxWords = options.maxWords ?? 16;
  const sentence = (length: number) =>
    Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ");
  const prefix = options.prefix ?? "synthetic";
  for (let p = 0; p < options.prompts; p++) {
    const candidates = Array.from({ length: options.candidatesPerPrompt }, (_, c) => {
      const text = sentence(minWords + Math.floor(random() * (maxWords - minWords + 1)));
      return { id: `c${c}`, text, source: "synthetic", meta: { utility: trueUtility(world, text) } };
    });
    yield JSON.stringify({ id: `${prefix}-${p}`, prompt: `${prefix} ${p}: ${sentence(6)}?`, candidates });
  }
}

export async function writeSyntheticImport(
  path: string,
  world: SyntheticWorld,
  options: SyntheticImportOptions,
): Promise<void> {
  const out = createWriteStream(path);
  for (const line of syntheticImportLines(world, options)) {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
