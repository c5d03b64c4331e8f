import { z } from "zod";
import { sentenceEncoderSpecSchema } from "./encoder-spec";
import { goPlanesSpecSchema } from "./go-spec";

// The featurizer spec is stored with every model: together with the code of its `name` and
// `version` it fully determines the feature vector of any candidate, so any stored score can be
// recomputed later. Three featurizers exist: hashed text, planes of a Go board (go-spec.ts), and
// a local sentence encoder's embedding of the text (encoder-spec.ts).

export const hashedTextSpecSchema = z
  .object({
    name: z.literal("hashed-text"),
    version: z.literal(1),
    /** Size of the whole input space, reserved scalar slots included. */
    dims: z
      .number()
      .int()
      .min(256)
      .max(1 << 24),
    /** Slots [0, reservedSlots) hold scalar features; hashed features go to [reservedSlots, dims). */
    reservedSlots: z.literal(8),
    hashSeed: z.number().int().min(0).max(0xffffffff),
    normalization: z.literal("nfkc-lower"),
    /** Text beyond this many UTF-16 code units is ignored, which bounds featurization time. */
    maxChars: z.number().int().positive(),
    /** Word n-grams 1..maxN over all tokens (punctuation included). */
    words: z.object({ maxN: z.number().int().min(1).max(4), weight: z.number().nonnegative() }),
    /**
     * Character n-grams inside each word token, padded with begin/end markers (fastText style): they
     * carry morphology and spelling; n-grams across words are left to the word bigrams.
     */
    chars: z.object({
      scope: z.literal("word"),
      minN: z.number().int().min(1).max(8),
      maxN: z.number().int().min(1).max(8),
      weight: z.number().nonnegative(),
    }),
    /** One hashed indicator per distinct candidate word that also occurs in the prompt; 0 disables. */
    promptOverlap: z.object({ weight: z.number().nonnegative() }),
    scalars: z.boolean(),
  })
  .refine((s) => s.chars.minN <= s.chars.maxN, { message: "chars.minN must not exceed chars.maxN" });

export type HashedTextSpec = z.infer<typeof hashedTextSpecSchema>;

export const featurizerSpecSchema = z.discriminatedUnion("name", [
  hashedTextSpecSchema,
  goPlanesSpecSchema,
  sentenceEncoderSpecSchema,
]);

export type FeaturizerSpec = z.infer<typeof featurizerSpecSchema>;

export const defaultFeaturizerSpec: HashedTextSpec = {
  name: "hashed-text",
  version: 1,
  dims: 1 << 16,
  reservedSlots: 8,
  hashSeed: 0,
  normalization: "nfkc-lower",
  maxChars: 20_000,
  words: { maxN: 2, weight: 1 },
  // A word yields about 3× its length in character n-grams; a lower weight keeps them from
  // drowning the word features after L2 normalization.
  chars: { scope: "word", minN: 3, maxN: 5, weight: 0.35 },
  promptOverlap: { weight: 1 },
  scalars: true,
};

/** Validates a spec read back from storage; the error names the field that is wrong. */
export function parseFeaturizerSpec(json: unknown): FeaturizerSpec {
  const parsed = featurizerSpecSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(spec)"}: ${i.message}`).join("; ");
    throw new Error(`Invalid featurizer spec (${problems}). Use a spec stored with a model or defaultFeaturizerSpec.`);
  }
  return parsed.data;
}

/** Slots of the scalar features, all scaled to O(1). */
export const scalarSlot = {
  /** log2(1 + tokens) / 10: 1.0 at about a thousand tokens. */
  logLength: 0,
  /** 1 − distinct/total tokens. */
  repetition: 1,
  /** distinct/total tokens. */
  distinctRatio: 2,
  /** log2(longest run of one repeated token) / 4: 0 without runs, 1.0 at 16 in a row. */
  longestRun: 3,
  /** Share of the candidate's distinct words that occur in the prompt. */
  promptOverlap: 4,
  /** Share of the prompt's distinct words that occur in the candidate. */
  promptCoverage: 5,
} as const;
