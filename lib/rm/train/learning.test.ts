import { describe, expect, it } from "vitest";
import { evaluateRewardModel } from "../eval/evaluate";
import { scoreTexts } from "../eval/score-texts";
import { createSyntheticWorld, syntheticJudgments, trueUtility } from "../synthetic/comparisons";
import { trainRewardModel } from "./train";

// Does the model learn what people prefer? In this synthetic world the true utility of a text is
// the sum of hidden per-word utilities, and each vote follows P(A) = σ((uA − uB)/T). No predictor can
// beat the one that knows the true utilities (Bayes-optimal); the trained model must come within
// 3% of its accuracy on votes about new prompts.

describe("learning from synthetic preferences", () => {
  it("reaches 97% of the Bayes-optimal accuracy on held-out prompts", () => {
    const world = createSyntheticWorld(11, { vocabularySize: 200, temperature: 2 });
    const shape = { candidatesPerPrompt: 4, judgmentsPerPrompt: 8 };
    const train = syntheticJudgments(world, { ...shape, seed: 1, prompts: 1000, promptPrefix: "train" });
    const validation = syntheticJudgments(world, { ...shape, seed: 2, prompts: 125, promptPrefix: "validation" });
    const test = syntheticJudgments(world, { ...shape, seed: 3, prompts: 1000, promptPrefix: "test" });
    const trainPrompts = new Set(train.comparisons.map((c) => c.prompt));
    expect(test.comparisons.some((c) => trainPrompts.has(c.prompt))).toBe(false);
    expect(validation.comparisons.some((c) => trainPrompts.has(c.prompt))).toBe(false);

    const { model } = trainRewardModel(train.comparisons, { validation: validation.comparisons });
    const metrics = evaluateRewardModel(model, test.comparisons);

    let bayesCorrect = 0;
    for (const c of test.comparisons) {
      const gap = trueUtility(world, c.chosen) - trueUtility(world, c.rejected);
      bayesCorrect += gap > 0 ? 1 : gap === 0 ? 0.5 : 0;
    }
    const bayes = bayesCorrect / test.comparisons.length;
    expect(metrics.decidedJudgments).toBe(test.comparisons.length);
    expect(bayes).toBeGreaterThan(0.75);
    expect(bayes).toBeLessThan(0.9);
    expect(metrics.judgmentAccuracy).toBeGreaterThanOrEqual(0.97 * bayes);

    // Against the noiseless truth: how often the model orders two candidates of a prompt correctly.
    const score = scoreTexts(model, []);
    let ordered = 0;
    for (const pair of test.pairs) {
      const truth = trueUtility(world, pair.a) - trueUtility(world, pair.b);
      const predicted = score(pair.prompt, pair.a) - score(pair.prompt, pair.b);
      ordered += Math.sign(truth) === Math.sign(predicted) ? 1 : 0;
    }
    expect(ordered / test.pairs.length).toBeGreaterThan(0.9);
    expect(metrics.expectedCalibrationError).toBeLessThan(0.05);
  });
});
