import { type Embeddings, featuresDependOnPrompt, featurize, type SparseVector } from "../features/featurize";
import type { FeaturizerSpec } from "../features/spec";
import type { Comparison } from "./comparison";

/**
 * How the labeler's strength (1..3) enters the loss. "margin" (the default, as in Llama 2's reward
 * model) asks the chosen reward to exceed the rejected one by perLevel·(strength − 1) more;
 * "weight" multiplies the comparison's loss by 1 + perLevel·(strength − 1); "ignore" drops it.
 */
export type StrengthUse = { as: "margin" | "weight" | "ignore"; perLevel: number };

/**
 * Comparisons with each distinct candidate featurized once. Candidate vectors are packed one after
 * another (CSR: candidate c is [offsets[c], offsets[c+1]) of indices/values), which keeps 100k
 * vectors in a few large arrays instead of 200k small ones.
 */
export type ComparisonSet = {
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  candidateCount: number;
  /** Candidate ids of each comparison: chosen, rejected (for ties, just the two). */
  chosen: Int32Array;
  rejected: Int32Array;
  tie: Uint8Array;
  weight: Float64Array;
  margin: Float64Array;
  size: number;
  /** Comparison ids grouped by prompt: group g is byPrompt[promptOffsets[g], promptOffsets[g+1]). */
  byPrompt: Int32Array;
  promptOffsets: Int32Array;
};

export function buildComparisonSet(
  spec: FeaturizerSpec,
  comparisons: readonly Comparison[],
  strength: StrengthUse,
  embeddings?: Embeddings,
): ComparisonSet {
  const withPrompt = featuresDependOnPrompt(spec);
  const idOf = new Map<string, number>();
  const vectors: SparseVector[] = [];
  const candidate = (prompt: string, text: string) => {
    const key = withPrompt ? `${prompt}\u0000${text}` : text;
    let id = idOf.get(key);
    if (id === undefined) {
      id = vectors.length;
      idOf.set(key, id);
      vectors.push(featurize(spec, { prompt, text }, embeddings));
    }
    return id;
  };
  const size = comparisons.length;
  const set = {
    chosen: new Int32Array(size),
    rejected: new Int32Array(size),
    tie: new Uint8Array(size),
    weight: new Float64Array(size),
    margin: new Float64Array(size),
  };
  comparisons.forEach((c, i) => {
    const { weight, margin } = lossTerms(c, i, strength);
    set.chosen[i] = candidate(c.prompt, c.chosen);
    set.rejected[i] = candidate(c.prompt, c.rejected);
    set.tie[i] = c.tie ? 1 : 0;
    set.weight[i] = weight;
    set.margin[i] = margin;
  });
  return { ...pack(vectors), ...set, size, ...groupByPrompt(comparisons) };
}

function groupByPrompt(comparisons: readonly Comparison[]): Pick<ComparisonSet, "byPrompt" | "promptOffsets"> {
  const groupOf = new Map<string, number>();
  const group = new Int32Array(comparisons.length);
  comparisons.forEach((c, i) => {
    let g = groupOf.get(c.prompt);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(c.prompt, g);
    }
    group[i] = g;
  });
  const promptOffsets = new Int32Array(groupOf.size + 1);
  for (const g of group) promptOffsets[g + 1] = (promptOffsets[g + 1] as number) + 1;
  for (let g = 0; g < groupOf.size; g++)
    promptOffsets[g + 1] = (promptOffsets[g + 1] as number) + (promptOffsets[g] as number);
  const next = promptOffsets.slice(0, groupOf.size);
  const byPrompt = new Int32Array(comparisons.length);
  group.forEach((g, i) => {
    byPrompt[next[g] as number] = i;
    next[g] = (next[g] as number) + 1;
  });
  return { byPrompt, promptOffsets };
}

function lossTerms(c: Comparison, i: number, strength: StrengthUse): { weight: number; margin: number } {
  const weight = c.weight ?? 1;
  const margin = c.margin ?? 0;
  const level = c.strength ?? 1;
  if (!Number.isFinite(weight) || weight < 0) throw new Error(`Comparison ${i}: weight must be a finite number ≥ 0.`);
  if (!Number.isFinite(margin)) throw new Error(`Comparison ${i}: margin must be a finite number.`);
  if (!Number.isInteger(level) || level < 1 || level > 3) {
    throw new Error(`Comparison ${i}: strength must be 1, 2 or 3 (got ${c.strength}).`);
  }
  if (c.tie || strength.as === "ignore") return { weight, margin };
  const extra = strength.perLevel * (level - 1);
  return strength.as === "margin" ? { weight, margin: margin + extra } : { weight: weight * (1 + extra), margin };
}

function pack(vectors: SparseVector[]): Pick<ComparisonSet, "offsets" | "indices" | "values" | "candidateCount"> {
  const offsets = new Int32Array(vectors.length + 1);
  vectors.forEach((v, c) => {
    offsets[c + 1] = (offsets[c] as number) + v.indices.length;
  });
  const total = offsets[vectors.length] as number;
  const indices = new Int32Array(total);
  const values = new Float32Array(total);
  vectors.forEach((v, c) => {
    indices.set(v.indices, offsets[c]);
    values.set(v.values, offsets[c]);
  });
  return { offsets, indices, values, candidateCount: vectors.length };
}
