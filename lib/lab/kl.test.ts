import { describe, expect, it } from "vitest";
import { klBestOfN } from "./kl";

/** KL(best-of-n ‖ base) for a continuous proxy, integrated numerically: the density ratio is n u^(n−1). */
function klByIntegration(n: number): number {
  const steps = 200_000;
  let sum = 0;
  for (let k = 0; k < steps; k++) {
    const u = (k + 0.5) / steps;
    const ratio = n * u ** (n - 1);
    sum += ratio * Math.log(ratio);
  }
  return sum / steps;
}

describe("KL of best-of-n", () => {
  it("matches log n − (n − 1)/n at n = 1, 4 and 16 (values from python's math.log)", () => {
    expect(klBestOfN(1)).toBe(0);
    expect(klBestOfN(4)).toBeCloseTo(0.6362943611198906, 14);
    expect(klBestOfN(16)).toBeCloseTo(1.8350887222397811, 14);
  });

  it("equals the divergence integrated from the best-of-n density", () => {
    for (const n of [1, 4, 16]) expect(klBestOfN(n)).toBeCloseTo(klByIntegration(n), 5);
  });
});
