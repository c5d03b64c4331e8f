import type { FeaturizerInput } from "./featurize";
import type { HashedTextSpec } from "./spec";
import { featurizeText } from "./text";

// What a model card writes out so that the ONNX inputs can be computed outside Vibecheck: the
// hashed-text featurizer in words, and test vectors. python/vibecheck_features.py implements the
// same steps; a test holds the two to the same vectors.

/**
 * Ten inputs that exercise every step: prompt overlap, empty text, full-width letters and
 * ligatures (NFKC), accents, emoji and mathematical letters outside the BMP (surrogate pairs in
 * the character n-grams), repetition, code, CJK with an astral ideograph, Greek final sigma, and
 * whitespace that is (tab, no-break space) or is not (zero-width space) a separator.
 */
export const REFERENCE_INPUTS: readonly FeaturizerInput[] = [
  { prompt: "Write a poem about paperclips", text: "Silver loops hold the pages close: a quiet, patient grip." },
  { prompt: "Say nothing", text: "" },
  { text: "ＦＵＬＬ-width ﬁne ligatures ＡＢＣ and Ⅻ" },
  { prompt: "Describe a café", text: "Ünïcödé naïve café — déjà vu!!!" },
  { text: "emoji 🙂🙂🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters" },
  { prompt: "the", text: "the the the the the the the the" },
  { prompt: "Square a number in Python", text: "def square(x):\n    return x**2  # a number squared" },
  { text: "猫が好きです。𠮷野家で食べた" },
  { prompt: "ΟΔΟΣ", text: "ΣΊΣΥΦΟΣ ΟΔΟΣ όδος" },
  { text: "İstanbul\ttab\u00a0nbsp zero\u200bwidth snake_case 3.14 x²" },
];

export type TestVector = { prompt?: string; text: string; indices: number[]; values: number[] };

/** The reference inputs' feature vectors under a spec (values are float32, as the model reads them). */
export function testVectors(spec: HashedTextSpec): TestVector[] {
  return REFERENCE_INPUTS.map((input) => {
    const { indices, values } = featurizeText(spec, input);
    return { ...input, indices: Array.from(indices), values: Array.from(values) };
  });
}

/** The hashed-text featurizer, step by step, with this spec's numbers filled in. */
export function hashedTextSteps(spec: HashedTextSpec): string[] {
  const { dims, reservedSlots: r, hashSeed: s, maxChars, words, chars, promptOverlap } = spec;
  return [
    `Input: a candidate text and, optionally, its prompt. Each is clipped to its first ${maxChars} UTF-16 code units (before normalization), then Unicode NFKC-normalized and lowercased (full case mapping: JavaScript toLowerCase, Python str.lower).`,
    "Tokens, left to right over code points: a maximal run of letters, marks, numbers (Unicode general categories L*, M*, N*) and '_' is a word token; any other code point that is not whitespace is a token by itself (punctuation, symbols, emoji). Whitespace is JavaScript's \\s: U+0009–U+000D, U+0020, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.",
    "Hashes (32-bit unsigned; a·b means the product mod 2^32): fmix32(x) = x ^= x>>>16; x = x·0x85ebca6b; x ^= x>>>13; x = x·0xc2b2ae35; x ^= x>>>16. hashString(str, seed): h = 0x811c9dc5 XOR seed; for each UTF-16 code unit u of str: h = (h XOR u)·0x01000193; result fmix32(h). hashPair(a, b) = fmix32(((a XOR 0x9e3779b9)·0x01000193) XOR b).",
    `Each feature has a hash h and a weight w; it adds +w, or −w when bit 31 of h is set, to slot ${r} + ((h AND 0x7fffffff) mod ${dims - r}). Contributions to one slot are summed in float64, in the order below. S = ${s}.`,
    `Word unigrams: for each token t, h = hashPair(hashPair(S, 1), hashString(t, S)), w = ${words.weight}.`,
    `Word n-grams for n = 2…${words.maxN}: for each window of n tokens, h = hashPair(hashPair(S, 2), n), then h = hashPair(h, hashString(token, S)) for each token of the window in order; w = ${words.weight}.`,
    chars.weight > 0
      ? `Character n-grams of word tokens only: padded = U+0002 + token + U+0003; for n = ${chars.minN}…${chars.maxN} and every start position over the UTF-16 code units of padded, h = hashString(those n code units, hashPair(S, 3)), w = ${chars.weight}.`
      : "Character n-grams: off (weight 0).",
    `Prompt overlap (only when a prompt is given): for each distinct word token of the candidate, in order of first occurrence, that is also a word token of the prompt: h = hashPair(hashPair(S, 4), hashString(word, S)), w = ${promptOverlap.weight}${promptOverlap.weight > 0 ? "" : " (off)"}.`,
    "Values: slots whose sum is exactly 0 are dropped; the remaining hashed slots are divided by the L2 norm of their sums (float64) and rounded to float32.",
    spec.scalars
      ? `Scalars in slots 0–5 (float64, then float32; zeros left out): 0 = log2(1 + tokens)/10; 1 = 1 − distinct tokens/tokens; 2 = distinct tokens/tokens (both 0 without tokens); 3 = log2(longest run of one token repeated back to back, at least 1)/4; with a prompt: 4 = shared words/distinct candidate words, 5 = shared words/distinct prompt words (0 when the denominator is 0). Slots 6–${r - 1} are unused.`
      : `Scalars: off; slots 0–${r - 1} stay empty.`,
    "ONNX inputs: one row per candidate, the scalar slots (ascending) then the hashed slots (ascending): `indices` int64 [N, K] and `values` float32 [N, K], rows shorter than K padded with index 0 and value 0. Output `reward` float32 [N].",
  ];
}
