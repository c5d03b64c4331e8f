import { describe, expect, it } from "vitest";
import { gapAgreement, gapNumbers, pickByComparisons } from "./gap";
import { humanCeilingOnPairs, reliabilityBins } from "./held-out";
import { median, medianEstimate } from "./median";
import { modelAgainstCeiling } from "./verdict";
import { wilson } from "./wilson";

describe("wilson", () => {
  it("matches Newcombe (1998), Table I: 81/263, 15/148 and 0/20", () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
    ];
    for (const [s, n, low, high] of cases) {
      const e = wilson(s, n);
      expect(e.ciLow).toBeCloseTo(low, 4);
      expect(e.ciHigh).toBeCloseTo(high, 4);
      expect(e.n).toBe(n);
    }
  });
  it("says there is nothing to count instead of NaN", () => {
    expect(wilson(0, 0)).toMatchObject({ value: null, ciLow: null, n: 0 });
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
  it("brackets the median with a seeded bootstrap interval", () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    const e = medianEstimate(values, "s");
    expect(e.value).toBe(50);
    expect(e.ciLow).toBeLessThan(50);
    expect(e.ciHigh).toBeGreaterThan(50);
    expect(medianEstimate(values, "s")).toEqual(e);
  });
});

/**
 * Leave-one-out majority agreement written out judgment by judgment: 1 when the others' majority
 * is this judgment's side, ½ when the others split evenly, 0 otherwise.
 */
function bruteCeiling(pairs: { votesA: number; votesB: number }[]): number {
  let agreed = 0;
  let compared = 0;
  for (const { votesA, votesB } of pairs) {
    if (votesA + votesB < 3) continue;
    const votes = [...Array(votesA).fill("A"), ...Array(votesB).fill("B")];
    votes.forEach((mine, i) => {
      const others = votes.filter((_, j) => j !== i);
      const a = others.filter((v) => v === "A").length;
      const b = others.length - a;
      compared++;
      if (a === b) agreed += 0.5;
      else if ((a > b ? "A" : "B") === mine) agreed++;
    });
  }
  return agreed / compared;
}

describe("the human ceiling on held-out pairs", () => {
  it("agrees with the judgment-by-judgment count and ignores pairs with fewer than 3 judgments", () => {
    const pairs = [
      { pairId: "1", gap: 2, votesA: 2, votesB: 1 },
      { pairId: "2", gap: -1, votesA: 3, votesB: 0 },
      { pairId: "3", gap: 0.5, votesA: 1, votesB: 1 },
      { pairId: "4", gap: 1, votesA: 1, votesB: 3 },
      { pairId: "5", gap: 1, votesA: 4, votesB: 2 },
    ];
    const e = humanCeilingOnPairs(pairs);
    expect(e.value).toBeCloseTo(bruteCeiling(pairs), 12);
    expect(e.n).toBe(4);
  });
  it("says why in words when no pair has 3 judgments", () => {
    const e = humanCeilingOnPairs([{ pairId: "1", gap: 1, votesA: 1, votesB: 1 }]);
    expect(e.value).toBeNull();
    expect(e.reason).toMatch(/3 or more decisive judgments/);
    expect(modelAgainstCeiling(wilson(3, 4), e)).toMatch(/cannot be measured/);
  });
  it("claims the model beats one labeler only when the intervals do not overlap", () => {
    const high = wilson(195, 200);
    const low = { ...wilson(140, 200) };
    expect(modelAgainstCeiling(high, low)).toMatch(/better than one labeler/);
    expect(modelAgainstCeiling(wilson(150, 200), low)).toMatch(/within the noise/);
  });
});

describe("reliability bins", () => {
  it("puts each judgment at σ(gap) and counts the share of A votes per bin", () => {
    const bins = reliabilityBins([
      { pairId: "1", gap: 2, votesA: 2, votesB: 1 }, // σ(2) = 0.881
      { pairId: "2", gap: -1, votesA: 3, votesB: 0 }, // σ(−1) = 0.269
    ]);
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ lower: 0.2, count: 3, observed: 1 });
    expect(bins[0]?.predicted).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
    expect(bins[1]).toMatchObject({ lower: 0.8, count: 3 });
    expect(bins[1]?.observed).toBeCloseTo(2 / 3, 12);
  });
});

describe("the gap", () => {
  const side = (id: string) => ({ id, human: id === "h" });
  const j = (pairId: string, a: string, b: string, choice: "A" | "B" | "TIE" | "BOTH_BAD", durationMs = 4000) => ({
    promptId: "p",
    pairId,
    a: side(a),
    b: side(b),
    choice,
    durationMs,
  });
  it("averages the share of agreeing couples of judgments over pairs with 2+ judgments", () => {
    // 3 A + 1 B: 3·2 agreeing ordered couples of 4·3 = ½; 2 TIE: 1; a pair judged once is left out.
    const e = gapAgreement([
      j("1", "x", "y", "A"),
      j("1", "x", "y", "A"),
      j("1", "x", "y", "A"),
      j("1", "x", "y", "B"),
      j("2", "x", "y", "TIE"),
      j("2", "x", "y", "TIE"),
      j("3", "x", "y", "A"),
    ]);
    expect(e.value).toBeCloseTo(0.75, 12);
    expect(e.n).toBe(2);
  });
  it("picks best of N by the comparisons and scores it against the human-written answer", () => {
    const judgments = [
      j("m", "m0", "m1", "B"),
      j("m", "m0", "m1", "B"),
      j("h0", "m0", "h", "A"),
      j("h1", "h", "m1", "B"),
      j("h1", "h", "m1", "B"),
      j("h1", "h", "m1", "A"),
      j("h1", "h", "m1", "TIE"),
    ];
    expect(pickByComparisons(judgments).get("p")).toBe("m1");
    const gap = gapNumbers([30_000, 90_000, 60_000], judgments, [
      { id: "m0", promptId: "p", reward: 2 },
      { id: "m1", promptId: "p", reward: 1 },
    ]);
    expect(gap.writeSeconds.value).toBe(60);
    expect(gap.chooseSeconds.value).toBe(4);
    // Human side: lost h0, lost twice and won once in h1 (the tie left out): 1 of 4.
    expect(gap.humanWins).toMatchObject({ value: 0.25, n: 4 });
    expect(gap.ties).toBe(1);
    expect(gap.comparisonsPickWins).toMatchObject({ value: 2 / 3, n: 3 });
    expect(gap.rewardModelPickWins).toMatchObject({ value: 1, n: 1 });
  });
});
