import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { fitGoodhart } from "./fit";
import { klBestOfN } from "./kl";

describe("Gao–Schulman–Hilton fit", () => {
  const ns = Array.from({ length: 64 }, (_, i) => i + 1);

  it("recovers α and β exactly from points on the curve", () => {
    const alpha = 0.12;
    const beta = 0.05;
    const points = ns.map((n) => {
      const d = Math.sqrt(klBestOfN(n));
      return { kl: d * d, value: d * (alpha - beta * d) };
    });
    const fit = fitGoodhart(points);
    expect(fit?.alpha).toBeCloseTo(alpha, 12);
    expect(fit?.beta).toBeCloseTo(beta, 12);
    expect(fit?.peakD).toBeCloseTo(alpha / (2 * beta), 10);
    expect(fit?.peakKl).toBeCloseTo((alpha / (2 * beta)) ** 2, 10);
  });

  it("recovers them closely from noisy points", () => {
    const random = mulberry32(5);
    const points = ns.map((n) => {
      const d = Math.sqrt(klBestOfN(n));
      return { kl: d * d, value: d * (0.3 - 0.1 * d) + (random() - 0.5) * 0.002 };
    });
    const fit = fitGoodhart(points);
    expect(fit?.alpha).toBeCloseTo(0.3, 2);
    expect(fit?.beta).toBeCloseTo(0.1, 2);
  });

  it("reports no peak when the curve keeps rising, and no fit from a single point", () => {
    const rising = ns.map((n) => ({
      kl: klBestOfN(n),
      value: Math.sqrt(klBestOfN(n)) * (0.2 + 0.01 * Math.sqrt(klBestOfN(n))),
    }));
    expect(fitGoodhart(rising)?.peakKl).toBeNull();
    expect(fitGoodhart([{ kl: 1, value: 1 }])).toBeNull();
  });
});
