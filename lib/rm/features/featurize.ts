import { embeddingFeatures } from "./encoder";
import { featurizeGoBoard } from "./go-planes";
import type { FeaturizerSpec } from "./spec";
import { featurizeText } from "./text";

/** Sparse feature vector: strictly increasing indices, no explicit zeros. */
export type SparseVector = { indices: Int32Array; values: Float32Array };

/** A candidate as the featurizers read it: its text (for a Go board, the compact position string). */
export type FeaturizerInput = { prompt?: string; text: string };

/**
 * Sentence-encoder embeddings by text. The encoder runs asynchronously in onnxruntime, so its
 * embeddings are computed ahead (embedTexts) and looked up here; other featurizers ignore them.
 */
export type Embeddings = ReadonlyMap<string, Float32Array>;

/** The feature vector of one candidate under a stored spec. */
export function featurize(spec: FeaturizerSpec, input: FeaturizerInput, embeddings?: Embeddings): SparseVector {
  switch (spec.name) {
    case "go-planes":
      return featurizeGoBoard(spec, input.text);
    case "sentence-encoder":
      return embeddingFeatures(spec, input.text, embeddings);
    default:
      return featurizeText(spec, input);
  }
}

/** Whether a candidate's vector depends on its prompt, so a cache keyed by text alone would be wrong. */
export function featuresDependOnPrompt(spec: FeaturizerSpec): boolean {
  return spec.name === "hashed-text" && (spec.promptOverlap.weight > 0 || spec.scalars);
}

/** One line for dashboards: what a version reads. */
export function describeFeaturizer(spec: FeaturizerSpec): string {
  switch (spec.name) {
    case "go-planes": {
      const side = spec.perspective === "B" ? "Black" : "White";
      const sizes = spec.sizes.map((s) => `${s}x${s}`).join(", ");
      return `Go board planes seen from ${side} (${sizes}; stones, empty points, liberties 1/2/3+)`;
    }
    case "sentence-encoder":
      return `sentence-encoder embeddings (${spec.dims} dimensions, encoder ${spec.modelSha256.slice(0, 12)})`;
    default:
      return `hashed text: words, word ${spec.words.maxN}-grams, character n-grams (${spec.dims.toLocaleString("en-US")} slots)`;
  }
}
