import { z } from "zod";

/** 2,500 playouts keep the standard error at or below 0.01, since p(1 - p) <= 1/4. */
export const DEFAULT_TRUTH_PLAYOUTS = 2500;

const playoutsSchema = z.coerce
  .number()
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(1_000_000, "must be at most 1,000,000 (2,500 already gives a standard error of 0.01)");

/** Playouts per candidate for the truth job: `GO_TRUTH_PLAYOUTS`, else 2,500. Throws naming the variable. */
export function truthPlayouts(value = process.env.GO_TRUTH_PLAYOUTS): number {
  if (value === undefined || value.trim() === "") return DEFAULT_TRUTH_PLAYOUTS;
  const parsed = playoutsSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `GO_TRUTH_PLAYOUTS=${value} ${parsed.error.issues[0]?.message ?? "is not valid"}; unset it for 2,500`,
    );
  }
  return parsed.data;
}

/**
 * The playout seed of a candidate: FNV-1a of its id, kept to 31 bits so it fits the `seed`
 * column. The same candidate always gets the same estimate.
 */
export function truthSeed(candidateId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < candidateId.length; i++) {
    hash ^= candidateId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x7fffffff;
}
