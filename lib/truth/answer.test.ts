import { describe, expect, it } from "vitest";
import { trueAnswer } from "./answer";
import { truthPlayouts, truthSeed } from "./config";

const estimate = (pBlackWins: number, standardError = 0.01) => ({ pBlackWins, standardError });

describe("trueAnswer", () => {
  it("picks the candidate better for Black by default", () => {
    expect(trueAnswer({ a: estimate(0.7), b: estimate(0.4) })).toBe("A");
    expect(trueAnswer({ a: estimate(0.3), b: estimate(0.45) })).toBe("B");
  });

  it("picks the candidate better for White when the question asks about White", () => {
    expect(trueAnswer({ a: estimate(0.7), b: estimate(0.4) }, "W")).toBe("B");
    expect(trueAnswer({ a: estimate(0.3), b: estimate(0.45) }, "W")).toBe("A");
  });

  it("calls it a tie within twice the combined standard error, and not beyond", () => {
    // Combined error sqrt(0.01² + 0.01²) ≈ 0.01414, so the tie margin is about 0.0283.
    expect(trueAnswer({ a: estimate(0.52), b: estimate(0.5) })).toBe("TIE");
    expect(trueAnswer({ a: estimate(0.5), b: estimate(0.528) })).toBe("TIE");
    expect(trueAnswer({ a: estimate(0.53), b: estimate(0.5) })).toBe("A");
    expect(trueAnswer({ a: estimate(0.5, 0.03), b: estimate(0.56, 0.01) })).toBe("TIE");
    expect(trueAnswer({ a: estimate(0.5, 0), b: estimate(0.5, 0) })).toBe("TIE");
    expect(trueAnswer({ a: estimate(1, 0), b: estimate(0.99, 0) })).toBe("A");
  });
});

describe("truth settings", () => {
  it("derives a stable 31-bit seed from the candidate id", () => {
    const seed = truthSeed("0b5f8c1e-1d3a-4c1e-9f3e-2a1b3c4d5e6f");
    expect(seed).toBe(truthSeed("0b5f8c1e-1d3a-4c1e-9f3e-2a1b3c4d5e6f"));
    expect(seed).not.toBe(truthSeed("0b5f8c1e-1d3a-4c1e-9f3e-2a1b3c4d5e70"));
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(seed).toBeLessThan(2 ** 31);
  });

  it("reads GO_TRUTH_PLAYOUTS, defaulting to 2,500, and names the variable when it is wrong", () => {
    expect(truthPlayouts(undefined)).toBe(2500);
    expect(truthPlayouts(" ")).toBe(2500);
    expect(truthPlayouts("300")).toBe(300);
    expect(() => truthPlayouts("lots")).toThrow(/^GO_TRUTH_PLAYOUTS=lots/);
    expect(() => truthPlayouts("0")).toThrow(/at least 1/);
  });
});
