import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { binomial, bootstrap, multinomial, percentileInterval } from "./bootstrap";
import { humanCeiling, looCredit, looMajorityAgreement } from "./ceiling";
import type { Vote } from "./votes";

const v = (pairId: string, labelerId: string, choice: Vote["choice"]): Vote => ({ pairId, labelerId, choice });

describe("leave-one-out majority", () => {
  it("gives full credit for the others' only mode, 1/m for a tie among m modes, none otherwise", () => {
    expect(looCredit([2, 1, 0, 0], "A")).toBe(0.5); // others: A, B
    expect(looCredit([3, 0, 0, 0], "A")).toBe(1);
    expect(looCredit([2, 1, 0, 0], "B")).toBe(0);
    expect(looCredit([1, 0, 0, 0], "A")).toBeNull(); // nobody else
  });

  it("computes the human ceiling by hand on two pairs", () => {
    // p1: A, A, B → 0.5 + 0.5 + 0; p2: A, A, A → 3; p3 has two judgments and is left out.
    const votes = [
      v("p1", "a", "A"),
      v("p1", "b", "A"),
      v("p1", "c", "B"),
      ...["a", "b", "c"].map((l) => v("p2", l, "A")),
      v("p3", "a", "B"),
      v("p3", "b", "TIE"),
    ];
    const ceiling = humanCeiling(votes, { rounds: 200 });
    expect(ceiling.value).toBeCloseTo(4 / 6, 12);
    expect(ceiling.n).toBe(2);
    expect(ceiling.ciLow).toBeGreaterThanOrEqual(1 / 3 - 1e-12);
    expect(ceiling.ciHigh).toBeLessThanOrEqual(1);
    const loo = looMajorityAgreement(votes, { rounds: 200 });
    // a: p1 0.5, p2 1, p3 0 → 1.5 / 3; c: p1 0, p2 1 → 1 / 2
    expect(loo.get("a")?.value).toBeCloseTo(0.5, 12);
    expect(loo.get("c")?.value).toBeCloseTo(0.5, 12);
    expect(loo.get("a")?.n).toBe(3);
  });

  it("says 'not enough overlap' instead of NaN", () => {
    const lone = [v("p1", "a", "A"), v("p2", "a", "B")];
    const ceiling = humanCeiling(lone);
    expect(ceiling.value).toBeNull();
    expect(ceiling.reason).toMatch(/not enough overlap/i);
    expect(looMajorityAgreement(lone).get("a")?.reason).toMatch(/not enough overlap/i);
  });
});

describe("bootstrap", () => {
  it("draws binomials with the right mean and variance", () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 4000 }, () => binomial(random, 1000, 0.3));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
    expect(mean).toBeGreaterThan(298);
    expect(mean).toBeLessThan(302);
    expect(variance).toBeGreaterThan(190);
    expect(variance).toBeLessThan(230);
  });

  it("keeps a multinomial's total", () => {
    const draw = multinomial(mulberry32(1), 100000, [5, 0, 3, 2]);
    expect(draw.reduce((a, b) => a + b, 0)).toBe(100000);
    expect(draw[1]).toBe(0);
  });

  it("interpolates percentiles and is reproducible with a seed", () => {
    const interval = percentileInterval([4, 0, 1, 3, 2]);
    expect(interval?.low).toBeCloseTo(0.1, 12);
    expect(interval?.high).toBeCloseTo(3.9, 12);
    const items = [1, 2, 3, 4, 5, 6];
    const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    expect(bootstrap(items, mean, { seed: 3 })).toEqual(bootstrap(items, mean, { seed: 3 }));
  });
});

describe("tallies", () => {
  it("recovers pair profiles from labeler cells", async () => {
    const { labelerCells, pairProfiles, profilesFromCells } = await import("./tally");
    const votes = [v("p1", "a", "A"), v("p1", "b", "B"), v("p2", "a", "A"), v("p2", "b", "B"), v("p3", "c", "TIE")];
    expect(profilesFromCells(labelerCells(votes))).toEqual(pairProfiles(votes));
  });
});

describe("binomial draws", () => {
  it("match the binomial's mean and variance in both samplers, and P(X = k) for small n", () => {
    const random = mulberry32(11);
    for (const [n, p] of [
      [30, 0.1], // inversion
      [100000, 0.37], // BTRS
      [50, 0.9], // flipped
    ] as const) {
      const draws = Array.from({ length: 20000 }, () => binomial(random, n, p));
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws.length));
      expect(variance / (sd * sd)).toBeGreaterThan(0.95);
      expect(variance / (sd * sd)).toBeLessThan(1.05);
      expect(draws.every((d) => Number.isInteger(d) && d >= 0 && d <= n)).toBe(true);
    }
    // Exact probabilities for n = 40, p = 0.5 (BTRS): P(X = 20) = C(40, 20) / 2^40 ≈ 0.1254
    const draws = Array.from({ length: 40000 }, () => binomial(random, 40, 0.5));
    const share = draws.filter((d) => d === 20).length / draws.length;
    expect(Math.abs(share - 0.12537)).toBeLessThan(0.01);
  });
});
