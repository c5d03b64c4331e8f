import { featurizeGoBoard } from "./go-features";
import type { FeaturizerSpec } from "./spec";
import { featurizeText } from "./text-features";

/** Sparse feature vector: strictly increasing indices, no explicit zeros. */
export type SparseVector = { indices: Int32Array; values: Float32Array };

/** A candidate as the featurizers read it: its text (for a Go board, the compact position string). */
export type FeaturizerInput = { prompt?: string; text: string };

/** The feature vector of one candidate under a stored spec: hashed text or Go board planes. */
export function featurize(spec: FeaturizerSpec, input: FeaturizerInput): SparseVector {
  return spec.name === "go-planes" ? featurizeGoBoard(spec, input.text) : featurizeText(spec, input);
}

/** Whether a candidate's vector depends on its prompt, so a cache keyed by text alone would be wrong. */
export function featuresDependOnPrompt(spec: FeaturizerSpec): boolean {
  return spec.name === "hashed-text" && (spec.promptOverlap.weight > 0 || spec.scalars);
}

/** One line for dashboards: what a version reads. */
export function describeFeaturizer(spec: FeaturizerSpec): string {
  if (spec.name === "go-planes") {
    const side = spec.perspective === "B" ? "Black" : "White";
    const sizes = spec.sizes.map((s) => `${s}x${s}`).join(", ");
    return `Go board planes seen from ${side} (${sizes}; stones, empty points, liberties 1/2/3+)`;
  }
  return `hashed text: words, word ${spec.words.maxN}-grams, character n-grams (${spec.dims.toLocaleString("en-US")} slots)`;
}
