import { describe, expect, it } from "vitest";
import { humanMajorityAgreement, type JudgedComparison, optionsForSize, trainAndEvaluate } from "./train-and-evaluate";

const vote = (pairId: string, aWins: boolean | null, prompt = "p"): JudgedComparison => ({
  prompt,
  chosen: aWins === false ? `${pairId}-b` : `${pairId}-a`,
  rejected: aWins === false ? `${pairId}-a` : `${pairId}-b`,
  ...(aWins === null ? { tie: true } : {}),
  pairId,
  aWins,
});

describe("humanMajorityAgreement", () => {
  it("scores each decisive vote against the majority of the pair's other votes", () => {
    // Pair x: A, A, B. The A votes each see {A, B} (split, not counted); the B vote sees {A, A}: disagrees.
    // Pair y: A, A, A, B. Each A sees a majority of A (agrees); B sees A (disagrees). Ties are not votes.
    const votes = [
      vote("x", true),
      vote("x", true),
      vote("x", false),
      vote("y", true),
      vote("y", true),
      vote("y", true),
      vote("y", false),
      vote("y", null),
    ];
    expect(humanMajorityAgreement(votes)).toEqual({ agreement: 3 / 5, judgments: 5 });
  });

  it("is null without any pair judged more than once", () => {
    expect(humanMajorityAgreement([vote("x", true), vote("y", false)])).toEqual({ agreement: null, judgments: 0 });
  });
});

describe("trainAndEvaluate", () => {
  it("trains on everything and reports no held-out metrics when one prompt cannot be split", () => {
    const comparisons = Array.from({ length: 6 }, (_, i) => ({
      prompt: "only prompt",
      chosen: `good answer ${i}`,
      rejected: `bad answer ${i}`,
      pairId: `pair-${i}`,
      aWins: true,
    }));
    const { metrics, learningCurve } = trainAndEvaluate(
      {
        comparisons,
        gold: [{ pairId: "g", prompt: "only prompt", better: "good answer 9", worse: "bad answer 9" }],
        truth: [],
      },
      { hidden: 4, maxEpochs: 3 },
    );
    expect(metrics.trainJudgments).toBe(6);
    expect(metrics.heldOutPrompts).toBe(0);
    expect(metrics.pairwiseAccuracy).toBeNull();
    expect(learningCurve).toEqual([]);
    expect(metrics.goldPairs).toBe(1);
    expect(metrics.goldAccuracy).toBe(1);
  });
});

describe("optionsForSize", () => {
  it("gives small data sets small batches and more epochs, and leaves large ones to the defaults", () => {
    expect(optionsForSize(200)).toMatchObject({ batchSize: 16, maxEpochs: 30 });
    expect(optionsForSize(5_000).batchSize).toBe(128);
    expect(optionsForSize(50_000)).toEqual({});
  });
});
