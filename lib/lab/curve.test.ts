import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import type { Sample } from "./best-of-n";
import { goodhartCurve } from "./curve";

describe("Goodhart curve", () => {
  // The proxy is the truth plus a "vibe" term unrelated to it: best-of-n raises the proxy steadily,
  // and the truth less.
  const random = mulberry32(11);
  const positions: Sample[][] = Array.from({ length: 30 }, () =>
    Array.from({ length: 24 }, () => {
      const truth = random();
      const vibe = random() * 3;
      return { proxy: truth + vibe, truth };
    }),
  );
  const curve = goodhartCurve(positions, { bootstrap: 400, seed: 2 });

  it("has one point per n, KL from the closed form, intervals around the means", () => {
    expect(curve.points).toHaveLength(24);
    expect(curve.points[0]?.kl).toBe(0);
    for (const p of curve.points) {
      expect(p.proxy.ci_low).toBeLessThanOrEqual(p.proxy.mean);
      expect(p.proxy.ci_high).toBeGreaterThanOrEqual(p.proxy.mean);
      expect(p.truth.ci_low).toBeLessThanOrEqual(p.truth.mean);
      expect(p.truth.ci_high).toBeGreaterThanOrEqual(p.truth.mean);
    }
    expect(curve.points.at(-1)?.proxy.mean).toBeGreaterThan(curve.points[0]?.proxy.mean ?? 0);
  });

  it("gives n = 1 the plain mean of every sample, and fits the truth's gain", () => {
    const all = positions.flat();
    expect(curve.points[0]?.truth.mean).toBeCloseTo(all.reduce((s, x) => s + x.truth, 0) / all.length, 12);
    // A vibe independent of the truth only dilutes selection: the truth keeps rising, no peak.
    expect(curve.points.at(-1)?.truth.mean).toBeGreaterThan((curve.points[0]?.truth.mean ?? 0) + 0.2);
    expect(curve.fit).not.toBeNull();
    expect(curve.fit?.peak_kl).toBeNull();
  });

  it("refuses positions with different sample counts", () => {
    expect(() => goodhartCurve([[{ proxy: 1, truth: 1 }], []])).toThrow(RangeError);
  });
});
