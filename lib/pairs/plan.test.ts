import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { planPairs } from "./plan";

describe("planPairs", () => {
  it("returns every unordered pair when there are no more than the cap", () => {
    const pairs = planPairs(["a", "b", "c", "d"], 6);
    expect(pairs).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["a", "d"],
      ["b", "c"],
      ["b", "d"],
      ["c", "d"],
    ]);
  });

  it("samples `cap` distinct pairs when there are more", () => {
    const pairs = planPairs(["a", "b", "c", "d", "e", "f"], 5, mulberry32(7));
    expect(pairs).toHaveLength(5);
    expect(new Set(pairs.map((p) => p.join())).size).toBe(5);
    for (const [x, y] of pairs) expect(x < y).toBe(true);
  });

  it("samples each pair with equal probability", () => {
    const random = mulberry32(1);
    const counts = new Map<string, number>();
    const runs = 20_000;
    for (let r = 0; r < runs; r++) {
      for (const p of planPairs([1, 2, 3, 4], 2, random)) counts.set(p.join(), (counts.get(p.join()) ?? 0) + 1);
    }
    // 6 pairs, 2 drawn per run: each is drawn in 1/3 of runs; 4 standard errors of slack.
    const se = Math.sqrt(runs * (1 / 3) * (2 / 3));
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - runs / 3)).toBeLessThan(4 * se);
  });
});
