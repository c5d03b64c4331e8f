import { hashPair, hashString } from "../features/hash";
import type { Comparison } from "./comparison";

/**
 * Held-out split by prompt: every comparison of a prompt goes to the same side, so validation
 * measures generalization to new prompts, not memorized candidates. The side is decided by a hash
 * of the prompt text, not by position, so a prompt stays on its side as more judgments arrive.
 */
export function splitByPrompt<T extends Pick<Comparison, "prompt">>(
  comparisons: readonly T[],
  options: { validationFraction: number; seed?: number },
): { train: T[]; validation: T[] } {
  const { validationFraction } = options;
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw new Error(`validationFraction must be in [0, 1) (got ${validationFraction}).`);
  }
  const threshold = validationFraction * 4294967296;
  const train: T[] = [];
  const validation: T[] = [];
  const sideOf = new Map<string, boolean>();
  for (const c of comparisons) {
    let held = sideOf.get(c.prompt);
    if (held === undefined) {
      held = hashPair(options.seed ?? 0, hashString(c.prompt, 0x5eed)) < threshold;
      sideOf.set(c.prompt, held);
    }
    (held ? validation : train).push(c);
  }
  return { train, validation };
}
