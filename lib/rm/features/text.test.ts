import { describe, expect, it } from "vitest";
import { featurize, type SparseVector } from "./featurize";
import { defaultFeaturizerSpec, type FeaturizerSpec, parseFeaturizerSpec, scalarSlot } from "./spec";

const reserved = defaultFeaturizerSpec.reservedSlots;
const hashedNorm = (v: SparseVector) =>
  Math.hypot(...Array.from(v.values).filter((_, k) => (v.indices[k] as number) >= reserved));
const valueAt = (v: SparseVector, slot: number) => {
  const k = v.indices.indexOf(slot);
  return k < 0 ? 0 : (v.values[k] as number);
};
// Word unigrams only, in a small space, so that single features can be traced.
const wordsOnly: FeaturizerSpec = {
  ...defaultFeaturizerSpec,
  dims: 256,
  words: { maxN: 1, weight: 1 },
  chars: { ...defaultFeaturizerSpec.chars, weight: 0 },
  promptOverlap: { weight: 0 },
  scalars: false,
};

describe("featurize", () => {
  it("gives the same vector for the same text, also with an equal spec object", () => {
    const a = featurize(defaultFeaturizerSpec, { prompt: "Write a poem", text: "Roses are red, violets are blue." });
    const b = featurize(structuredClone(defaultFeaturizerSpec), {
      prompt: "Write a poem",
      text: "Roses are red, violets are blue.",
    });
    expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });

  it("has not changed for version 1 (stored models depend on it)", () => {
    // Worked out by hand: "hi", "there", "!" → 3 unigrams + 2 bigrams + 1 prompt-overlap word at
    // weight 1, and 3 + 12 character n-grams at weight 0.35, so the hashed part is scaled by
    // 1/√(6 + 15·0.35²) = 0.3572 and 0.35·0.3572 = 0.1250. Scalars: log2(1 + 3)/10 = 0.2, distinct
    // ratio 1, overlap {hi}/{hi, there} = 0.5, coverage {hi}/{say, hi} = 0.5.
    const v = featurize(defaultFeaturizerSpec, { prompt: "Say hi", text: "Hi there!" });
    expect(Array.from(v.indices)).toEqual([
      0, 2, 4, 5, 9891, 11622, 13158, 17371, 18869, 19540, 25383, 27357, 29137, 29734, 30985, 32019, 38577, 41441,
      45905, 46086, 49786, 50395, 51675, 52061, 62667,
    ]);
    const expected = [
      0.2, 1, 0.5, 0.5, 0.3572, -0.12502, -0.3572, -0.12502, 0.3572, -0.12502, 0.3572, -0.12502, 0.12502, -0.3572,
      0.12502, 0.12502, 0.12502, -0.3572, 0.12502, 0.12502, -0.12502, -0.12502, -0.12502, 0.12502, 0.12502,
    ];
    Array.from(v.values).forEach((x, k) => {
      expect(x).toBeCloseTo(expected[k] as number, 4);
    });
  });

  it("returns strictly increasing indices, no zeros, and a hashed part of norm 1", () => {
    for (const text of [
      "a",
      "The quick brown fox jumps over the lazy dog.",
      "x ".repeat(500),
      "日本語のテキスト、そして émoji 🎉",
    ]) {
      const v = featurize(defaultFeaturizerSpec, { prompt: "p", text });
      for (let k = 1; k < v.indices.length; k++) expect(v.indices[k]).toBeGreaterThan(v.indices[k - 1] as number);
      expect(Array.from(v.values).every((x) => x !== 0)).toBe(true);
      expect(hashedNorm(v)).toBeCloseTo(1, 6);
      expect(Math.max(...v.indices)).toBeLessThan(defaultFeaturizerSpec.dims);
    }
  });

  it("sums repeated features into one slot", () => {
    const v = featurize(wordsOnly, { text: "cat cat dog" });
    const cat = featurize(wordsOnly, { text: "cat" });
    const slot = cat.indices[0] as number;
    // cat counts 2, dog 1: after L2 normalization |cat| = 2/√5.
    expect(Math.abs(valueAt(v, slot))).toBeCloseTo(2 / Math.sqrt(5), 6);
    expect(v.indices.length).toBe(2);
  });

  it("sums colliding features, and drops a slot whose signed contributions cancel", () => {
    const single = new Map<string, { slot: number; sign: number }>();
    let same: [string, string] | undefined;
    let opposite: [string, string] | undefined;
    for (let i = 0; i < 2000 && !(same && opposite); i++) {
      const word = `w${i}`;
      const v = featurize(wordsOnly, { text: word });
      const mine = { slot: v.indices[0] as number, sign: Math.sign(v.values[0] as number) };
      for (const [other, theirs] of single) {
        if (theirs.slot !== mine.slot) continue;
        if (theirs.sign === mine.sign) same ??= [other, word];
        else opposite ??= [other, word];
      }
      single.set(word, mine);
    }
    if (!same || !opposite) throw new Error("no collisions found in 2000 words over 248 slots");
    const summed = featurize(wordsOnly, { text: same.join(" ") });
    expect(summed.indices.length).toBe(1);
    expect(Math.abs(summed.values[0] as number)).toBeCloseTo(1, 6);
    const cancelled = featurize(wordsOnly, { text: opposite.join(" ") });
    expect(cancelled.indices.length).toBe(0);
  });

  it("ignores case and Unicode compatibility forms", () => {
    const a = featurize(defaultFeaturizerSpec, { text: "Café ｆｉｎｅ" });
    const b = featurize(defaultFeaturizerSpec, { text: "café fine" });
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it("computes the scalar features by hand", () => {
    // Tokens: the the the cat → total 4, distinct 2, longest run 3.
    const v = featurize(defaultFeaturizerSpec, { prompt: "a cat", text: "the the the cat" });
    expect(valueAt(v, scalarSlot.logLength)).toBeCloseTo(Math.log2(5) / 10, 6);
    expect(valueAt(v, scalarSlot.repetition)).toBeCloseTo(0.5, 6);
    expect(valueAt(v, scalarSlot.distinctRatio)).toBeCloseTo(0.5, 6);
    expect(valueAt(v, scalarSlot.longestRun)).toBeCloseTo(Math.log2(3) / 4, 6);
    // Candidate words {the, cat}, prompt words {a, cat}: one shared.
    expect(valueAt(v, scalarSlot.promptOverlap)).toBeCloseTo(0.5, 6);
    expect(valueAt(v, scalarSlot.promptCoverage)).toBeCloseTo(0.5, 6);
  });

  it("depends on the prompt only through the overlap features", () => {
    const noOverlap = { ...defaultFeaturizerSpec, promptOverlap: { weight: 0 }, scalars: false };
    const a = featurize(noOverlap, { prompt: "tell me about cats", text: "cats are great" });
    const b = featurize(noOverlap, { prompt: "something else", text: "cats are great" });
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    const c = featurize(defaultFeaturizerSpec, { prompt: "tell me about cats", text: "cats are great" });
    const d = featurize(defaultFeaturizerSpec, { prompt: "something else", text: "cats are great" });
    expect(Array.from(c.indices)).not.toEqual(Array.from(d.indices));
  });

  it("changes every hashed slot with the hash seed", () => {
    const a = featurize(defaultFeaturizerSpec, { text: "hello world" });
    const b = featurize({ ...defaultFeaturizerSpec, hashSeed: 7 }, { text: "hello world" });
    expect(Array.from(a.indices)).not.toEqual(Array.from(b.indices));
  });

  it("gives an empty hashed part for empty text", () => {
    const v = featurize(defaultFeaturizerSpec, { text: "" });
    expect(Array.from(v.indices).every((i) => i < reserved)).toBe(true);
  });
});

describe("parseFeaturizerSpec", () => {
  it("round-trips through JSON", () => {
    expect(parseFeaturizerSpec(JSON.parse(JSON.stringify(defaultFeaturizerSpec)))).toEqual(defaultFeaturizerSpec);
  });

  it("names the field that is wrong", () => {
    expect(() => parseFeaturizerSpec({ ...defaultFeaturizerSpec, dims: 10 })).toThrow(/dims/);
    expect(() => parseFeaturizerSpec({ ...defaultFeaturizerSpec, version: 2 })).toThrow(/version/);
    expect(() =>
      parseFeaturizerSpec({ ...defaultFeaturizerSpec, chars: { scope: "word", minN: 5, maxN: 3, weight: 1 } }),
    ).toThrow(/minN/);
  });
});
