import { describe, expect, it } from "vitest";
import { binomialUpperTail, decideServing, FIRST_VERSION_MIN_PAIRS, type HeldOutPair } from "./serving";

// Reference values computed once with SciPy 1.x:
//   from scipy.stats import binom; float(binom.sf(k - 1, n, 0.5))
// (equal to binomtest(k, n, 0.5, alternative="greater").pvalue for each row).
const SCIPY_UPPER_TAIL: [k: number, n: number, p: number][] = [
  [15, 20, 0.020694732666015625],
  [9, 10, 0.0107421875],
  [8, 10, 0.0546875],
  [14, 20, 0.057659149169921875],
  [60, 100, 0.028443966820490444],
  [540, 1000, 0.0062220731385858995],
  [5100, 10000, 0.023292763852473225],
  [3, 3, 0.125],
  [0, 5, 1],
];

/** `right` pairs the model ranks like the majority (A wins 2:1), then `wrong` it ranks the other way. */
function pairs(right: number, wrong: number, prefix = "p"): HeldOutPair[] {
  return Array.from({ length: right + wrong }, (_, i) => ({
    pairId: `${prefix}${i}`,
    gap: i < right ? 0.5 : -0.5,
    votesA: 2,
    votesB: 1,
  }));
}

describe("binomialUpperTail", () => {
  it.each(SCIPY_UPPER_TAIL)("P(X ≥ %i) for n = %i is SciPy's %f", (k, n, p) => {
    expect(binomialUpperTail(k, n)).toBeCloseTo(p, 12);
    expect(Math.abs(binomialUpperTail(k, n) - p) / p).toBeLessThan(1e-9);
  });

  it("is 0 above n and 1 at 0, and does not underflow for 100,000 pairs", () => {
    expect(binomialUpperTail(4, 3)).toBe(0);
    expect(binomialUpperTail(0, 0)).toBe(1);
    // SciPy: float(binom.sf(49_999, 100_000, 0.5)) = 0.5012615631070978 (the log-space sum of
    // 50,000 ratios is good to about 1e-9 here, plenty for a test at 5%).
    expect(binomialUpperTail(50_000, 100_000)).toBeCloseTo(0.5012615631070978, 8);
  });
});

describe("decideServing: the first version", () => {
  it("does not serve on a handful of pairs, however right", () => {
    const decision = decideServing(pairs(FIRST_VERSION_MIN_PAIRS - 1, 0), null);
    expect(decision).toMatchObject({ serve: false, pairs: 19, correct: 19, pValue: null });
    expect(decision.reason).toMatch(/Only 19 held-out pairs have a majority vote/);
  });

  it("serves at 15 of 20 (p = 0.021) but not at 14 of 20 (p = 0.058)", () => {
    expect(decideServing(pairs(15, 5), null)).toMatchObject({ serve: true, correct: 15, pairs: 20 });
    const kept = decideServing(pairs(14, 6), null);
    expect(kept).toMatchObject({ serve: false, correct: 14 });
    expect(kept.pValue).toBeCloseTo(0.057659149169921875, 12);
    expect(kept.reason).toMatch(/^Not better than chance: 14 of 20/);
  });

  it("leaves out pairs whose votes are split, and counts a gap of 0 as wrong", () => {
    const split = { pairId: "split", gap: 1, votesA: 1, votesB: 1 };
    const flat = { pairId: "flat", gap: 0, votesA: 3, votesB: 0 };
    expect(decideServing([...pairs(20, 0), split, flat], null)).toMatchObject({ pairs: 21, correct: 20 });
  });
});

describe("decideServing: against the serving version", () => {
  it("keeps a version that is significantly worse on the pairs both scored (McNemar)", () => {
    // The serving version is right on all 30; the new one on 20: 10 discordant pairs, all against
    // it: P(X ≥ 10 | 10, ½) = 0.00098.
    const current = { version: 3, gaps: Object.fromEntries(pairs(30, 0).map((p) => [p.pairId, p.gap])) };
    const decision = decideServing(pairs(20, 10), current);
    expect(decision).toMatchObject({ serve: false, pairs: 30, onlyNewRight: 0, onlyCurrentRight: 10 });
    expect(decision.pValue).toBeCloseTo(1 / 1024, 12);
    expect(decision.reason).toMatch(/^Significantly worse than v3, which keeps serving/);
  });

  it("serves a version that is not significantly worse, and counts only pairs both scored", () => {
    // 8 of 10 discordant pairs against the new version: P(X ≥ 8 | 10, ½) = 0.0547, not below 0.05.
    const current = { version: 1, gaps: Object.fromEntries(pairs(30, 0).map((p) => [p.pairId, p.gap])) };
    const mixed = pairs(30, 0).map((p, i) => (i < 8 ? { ...p, gap: -1 } : p));
    const worse = current.gaps;
    for (const id of ["p8", "p9"]) worse[id] = -1;
    const unseen = pairs(5, 0, "new-prompt-");
    const decision = decideServing([...mixed, ...unseen], { version: 1, gaps: worse });
    expect(decision).toMatchObject({ serve: true, pairs: 30, onlyNewRight: 2, onlyCurrentRight: 8 });
    expect(decision.pValue).toBeCloseTo(0.0546875, 12);
  });

  it("serves when the two versions share no held-out pair (nothing shows it worse)", () => {
    expect(decideServing(pairs(3, 7), { version: 2, gaps: {} })).toMatchObject({ serve: true, pairs: 0, pValue: 1 });
  });
});
