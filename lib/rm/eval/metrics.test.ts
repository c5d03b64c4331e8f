import { describe, expect, it } from "vitest";
import { calibrationBins, expectedCalibrationError, logLoss, pairwiseAccuracy } from "./metrics";

describe("pairwiseAccuracy", () => {
  it("scores against the majority vote and skips pairs without one", () => {
    const result = pairwiseAccuracy([
      // majority A (3–1), model prefers A: 1
      { rewardA: 2, rewardB: 1, votesA: 3, votesB: 1 },
      // majority A (2–0), model prefers B: 0
      { rewardA: 0.5, rewardB: 1.5, votesA: 2, votesB: 0 },
      // majority B (1–0), model scores both 1: ½
      { rewardA: 1, rewardB: 1, votesA: 0, votesB: 1 },
      // 2–2, no majority: left out
      { rewardA: 3, rewardB: 0, votesA: 2, votesB: 2 },
    ]);
    // (1 + 0 + ½) / 3 = 0.5
    expect(result).toEqual({ accuracy: 0.5, pairs: 3 });
  });

  it("is NaN without any pair that has a majority", () => {
    expect(pairwiseAccuracy([{ rewardA: 1, rewardB: 0, votesA: 1, votesB: 1 }]).accuracy).toBeNaN();
  });
});

describe("logLoss", () => {
  it("averages the cross-entropy", () => {
    // −(ln 0.8 + ln 0.6 + ln 0.5) / 3 = (0.2231436 + 0.5108256 + 0.6931472) / 3 = 0.4757055
    expect(logLoss([0.8, 0.4, 0.5], [1, 0, 1])).toBeCloseTo(0.4757055, 6);
  });

  it("accepts soft outcomes", () => {
    // −(0.5·ln 0.7 + 0.5·ln 0.3) = 0.5·(0.3566749 + 1.2039728) = 0.7803239
    expect(logLoss([0.7], [0.5])).toBeCloseTo(0.7803239, 6);
  });

  it("stays finite for a confident miss", () => {
    // Clipped at 1e-12: −ln(1e-12) = 27.631
    expect(logLoss([0], [1])).toBeCloseTo(27.631021, 5);
  });

  it("refuses mismatched lengths", () => {
    expect(() => logLoss([0.5, 0.5], [1])).toThrow(/2 probabilities but 1 outcomes/);
  });
});

describe("expectedCalibrationError", () => {
  it("weights each bin's gap by its share of predictions", () => {
    // bin [0, .1): {0.05} → |0 − 0.05| = 0.05, n = 1
    // bin [.1, .2): {0.15, 0.12} → |0.5 − 0.135| = 0.365, n = 2
    // bin [.5, .6): {0.55} → |0 − 0.55| = 0.55, n = 1
    // bin [.9, 1]: {0.95, 0.91} → |1 − 0.93| = 0.07, n = 2
    // ECE = (0.05 + 2·0.365 + 0.55 + 2·0.07) / 6 = 1.47 / 6 = 0.245
    expect(expectedCalibrationError([0.05, 0.15, 0.12, 0.95, 0.91, 0.55], [0, 0, 1, 1, 1, 0])).toBeCloseTo(0.245, 12);
  });

  it("puts p = 1 in the last bin and p = 0.5 in the upper half", () => {
    // 2 bins: [0, .5) holds {0.0} with gap 0; [.5, 1] holds {0.5, 1.0}: |1 − 0.75| = 0.25, n = 2.
    // ECE = 2·0.25 / 3 = 0.1667
    expect(expectedCalibrationError([0.5, 1, 0], [1, 1, 0], 2)).toBeCloseTo(1 / 6, 12);
    const bins = calibrationBins([0.5, 1, 0], [1, 1, 0], 2);
    expect(bins.map((b) => b.count)).toEqual([1, 2]);
  });

  it("is 0 for perfectly calibrated bins", () => {
    // bin [.2, .3): four predictions of 0.25, one of four outcomes is 1.
    expect(expectedCalibrationError([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0])).toBeCloseTo(0, 12);
  });
});
