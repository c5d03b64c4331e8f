import type { SentenceEncoderSpec } from "./encoder-spec";
import type { Embeddings, SparseVector } from "./featurize";
import type { SentenceEncoder } from "./sentence-encoder";

type TextEmbedder = Pick<SentenceEncoder, "info" | "embed">;

/** A text's embedding as a (dense) feature vector: component i in slot i, exact zeros left out. */
export function embeddingFeatures(spec: SentenceEncoderSpec, text: string, embeddings?: Embeddings): SparseVector {
  const embedding = embeddings?.get(text);
  if (!embedding) {
    throw new Error("No sentence-encoder embedding for this text: embed every text with embedTexts first.");
  }
  if (embedding.length !== spec.dims) {
    throw new Error(`The embedding has ${embedding.length} dimensions but the model reads ${spec.dims}.`);
  }
  let nonzero = 0;
  for (const v of embedding) if (v !== 0) nonzero++;
  const indices = new Int32Array(nonzero);
  const values = new Float32Array(nonzero);
  let k = 0;
  embedding.forEach((v, i) => {
    if (v === 0) return;
    indices[k] = i;
    values[k++] = v;
  });
  return { indices, values };
}

/** Whether the encoder is the one the spec was trained with (same model and tokenizer files). */
export function isSpecEncoder(spec: SentenceEncoderSpec, encoder: TextEmbedder): boolean {
  return encoder.info.modelSha256 === spec.modelSha256 && encoder.info.tokenizerSha256 === spec.tokenizerSha256;
}

/**
 * Embeddings of the distinct texts, by text. Throws when the encoder is not the one the spec was
 * trained with (a different file would give different, meaningless features).
 */
export async function embedTexts(
  spec: SentenceEncoderSpec,
  encoder: TextEmbedder,
  texts: Iterable<string>,
): Promise<Map<string, Float32Array>> {
  if (!isSpecEncoder(spec, encoder)) {
    throw new Error(
      `This reward model reads embeddings of the sentence encoder with model sha256 ${spec.modelSha256} and tokenizer sha256 ${spec.tokenizerSha256}, but RM_TEXT_ENCODER has model ${encoder.info.modelSha256} and tokenizer ${encoder.info.tokenizerSha256}; point RM_TEXT_ENCODER to the encoder the model was trained with.`,
    );
  }
  const distinct = [...new Set(texts)];
  const vectors = await encoder.embed(distinct);
  return new Map(distinct.map((text, i) => [text, vectors[i] as Float32Array]));
}
