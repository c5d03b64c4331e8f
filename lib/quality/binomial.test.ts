import { describe, expect, it } from "vitest";
import { binomialTwoSidedP } from "./binomial";

// Independent values: exact sums of C(n, i) qⁱ (1−q)ⁿ⁻ⁱ over outcomes no more likely than the
// one seen, in Python's fractions (no floating point), e.g. for 2 of 10 at ½ by hand:
// P(X ≤ 2) = (1 + 10 + 45) / 1024, doubled = 112/1024 = 0.109375.
describe("the exact two-sided binomial test", () => {
  it("matches exact rational sums at p = ½", () => {
    expect(binomialTwoSidedP(2, 10)).toBeCloseTo(0.109375, 12);
    expect(binomialTwoSidedP(8, 10)).toBeCloseTo(0.109375, 12);
    expect(binomialTwoSidedP(60, 100)).toBeCloseTo(0.05688793364098079, 12);
    expect(binomialTwoSidedP(40, 100)).toBeCloseTo(0.05688793364098079, 12);
    expect(binomialTwoSidedP(7, 50) / 2.098677427397888e-7).toBeCloseTo(1, 8);
    expect(binomialTwoSidedP(620, 1000) / 3.103245908342666e-14).toBeCloseTo(1, 6);
  });

  it("is 1 at the centre and for no trials", () => {
    expect(binomialTwoSidedP(50, 100)).toBe(1);
    expect(binomialTwoSidedP(0, 0)).toBe(1);
    expect(binomialTwoSidedP(0, 1)).toBe(1);
  });

  it("uses the minlike rule for a skewed p (not a doubled tail)", () => {
    expect(binomialTwoSidedP(6, 10, 0.2)).toBeCloseTo(0.0063693824, 10);
    expect(binomialTwoSidedP(0, 10, 0.2)).toBeCloseTo(0.228248064, 10);
  });

  it("stays finite for large counts", () => {
    const p = binomialTwoSidedP(50_500, 100_000);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.002);
  });

  it("refuses impossible counts", () => {
    expect(() => binomialTwoSidedP(11, 10)).toThrow(/successes/);
  });
});
