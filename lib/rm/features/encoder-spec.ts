import { z } from "zod";

// The spec of sentence-encoder features: the pooled, L2-normalized embedding of the candidate text
// from a local ONNX sentence encoder (RM_TEXT_ENCODER). The encoder's files are not stored with
// the model; their hashes are, so that scoring can refuse an encoder other than the trained one.

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be a sha256 in hex");

export const sentenceEncoderSpecSchema = z
  .object({
    name: z.literal("sentence-encoder"),
    version: z.literal(1),
    /** sha256 of the encoder's ONNX file and of its tokenizer.json. */
    modelSha256: sha256,
    tokenizerSha256: sha256,
    /** Texts are cut to this many tokens (special tokens included). */
    maxTokens: z.number().int().positive(),
    /** "mean": mean of the token vectors under the attention mask; "model": the encoder's own pooled output. */
    pooling: z.enum(["mean", "model"]),
    normalize: z.literal("l2"),
    /** The embedding size; feature i is the embedding's i-th component. */
    dims: z.number().int().positive(),
  })
  .strict();

export type SentenceEncoderSpec = z.infer<typeof sentenceEncoderSpecSchema>;

export type SentenceEncoderInfo = Pick<
  SentenceEncoderSpec,
  "modelSha256" | "tokenizerSha256" | "maxTokens" | "pooling"
> & { hiddenSize: number };

export function sentenceEncoderSpec(info: SentenceEncoderInfo): SentenceEncoderSpec {
  const { modelSha256, tokenizerSha256, maxTokens, pooling, hiddenSize } = info;
  return {
    name: "sentence-encoder",
    version: 1,
    modelSha256,
    tokenizerSha256,
    maxTokens,
    pooling,
    normalize: "l2",
    dims: hiddenSize,
  };
}
