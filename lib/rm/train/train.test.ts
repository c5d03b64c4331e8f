import { describe, expect, it } from "vitest";
import { defaultFeaturizerSpec } from "../features/spec";
import { createSyntheticWorld, syntheticJudgments } from "../synthetic/comparisons";
import { AdamW } from "./adamw";
import type { Comparison } from "./comparison";
import { createGradients, initParams, resetGradients } from "./model";
import { splitByPrompt } from "./split";
import { trainRewardModel } from "./train";

const small = { ...defaultFeaturizerSpec, dims: 1 << 12 };
const world = createSyntheticWorld(5, { temperature: 2 });
const { comparisons } = syntheticJudgments(world, {
  seed: 1,
  prompts: 150,
  candidatesPerPrompt: 4,
  judgmentsPerPrompt: 8,
});

const bytes = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe("trainRewardModel", () => {
  it("gives bit-identical parameters for the same data and seed, different ones for another seed", () => {
    const options = { featurizer: small, hidden: 8, maxEpochs: 3 };
    const a = trainRewardModel(comparisons, { ...options, seed: 4 });
    const b = trainRewardModel(comparisons, { ...options, seed: 4 });
    const c = trainRewardModel(comparisons, { ...options, seed: 5 });
    for (const key of ["embedding", "bias1", "weight2", "bias2"] as const) {
      expect(bytes(b.model.params[key]).equals(bytes(a.model.params[key]))).toBe(true);
    }
    expect(bytes(c.model.params.embedding).equals(bytes(a.model.params.embedding))).toBe(false);
    expect(b.epochs).toEqual(a.epochs);
  });

  it("keeps the best epoch by validation loss and reports every epoch", () => {
    const result = trainRewardModel(comparisons, { featurizer: small, hidden: 8, maxEpochs: 6, patience: 2 });
    const losses = result.epochs.map((e) => e.validationLoss);
    expect(result.bestEpoch).toBe(losses.indexOf(Math.min(...losses)) + 1);
    expect(result.epochs.at(-1)?.epoch).toBeLessThanOrEqual(Math.min(6, result.bestEpoch + 2));
    expect(result.data.trainComparisons + result.data.validationComparisons).toBe(comparisons.length);
  });

  it("learns a larger tie threshold from labelers who tie more", () => {
    const [low, high] = [0.5, 1].map((eta) => {
      const tying = createSyntheticWorld(5, { temperature: 2, tieThreshold: eta });
      const data = syntheticJudgments(tying, { seed: 1, prompts: 300, candidatesPerPrompt: 4, judgmentsPerPrompt: 8 });
      const result = trainRewardModel(data.comparisons, { featurizer: small, hidden: 8, maxEpochs: 30 });
      expect(result.data.ties).toBeGreaterThan(0);
      // Where training starts: P(tie | equal rewards) = 2σ(η) − 1 set to the observed tie rate,
      // which is below the truth because most pairs' rewards differ.
      const rate = result.data.ties / result.data.trainComparisons;
      return { eta, start: Math.log((1 + rate) / (1 - rate)), learned: result.model.tieThreshold };
    });
    if (!low || !high) throw new Error("expected two trainings");
    expect(high.learned).toBeGreaterThan(1.5 * low.learned);
    for (const { eta, start, learned } of [low, high]) {
      // Training moved η at least a quarter of the way from its start towards the truth. Early
      // stopping shrinks the reward scale, so η stays somewhat below the truth.
      expect(start).toBeLessThan(eta);
      expect(learned).toBeGreaterThan(start + 0.25 * (eta - start));
      expect(learned).toBeLessThan(1.2 * eta);
    }
  });

  it("drops ties when asked to", () => {
    const withTies: Comparison[] = [...comparisons, { ...(comparisons[0] as Comparison), tie: true }];
    const result = trainRewardModel(withTies, { featurizer: small, hidden: 4, maxEpochs: 1, ties: "exclude" });
    expect(result.data.ties).toBe(0);
    expect(result.model.tieThreshold).toBe(0);
  });

  it("says what is wrong with a bad comparison", () => {
    const bad = (c: Partial<Comparison>) => [{ prompt: "p", chosen: "a", rejected: "b", ...c }];
    expect(() => trainRewardModel(bad({ strength: 4 }), { validationFraction: 0 })).toThrow(
      /strength must be 1, 2 or 3/,
    );
    expect(() => trainRewardModel(bad({ weight: -1 }), { validationFraction: 0 })).toThrow(/weight must be/);
    expect(() => trainRewardModel([], {})).toThrow(/No comparisons/);
    expect(() => trainRewardModel(comparisons, { hidden: -1 })).toThrow(/hidden must be an integer ≥ 0/);
    expect(() => trainRewardModel(comparisons, { featurizer: { ...small, dims: 3 } })).toThrow(/dims/);
    expect(() => trainRewardModel(comparisons, { validation: comparisons.slice(0, 5) })).toThrow(
      /both the training and the validation/,
    );
  });

  it("trains without a validation set, keeping the last epoch", () => {
    const result = trainRewardModel(comparisons, { featurizer: small, hidden: 4, maxEpochs: 2, validationFraction: 0 });
    expect(result.bestEpoch).toBe(0);
    expect(result.epochs).toHaveLength(2);
    expect(result.data.validationComparisons).toBe(0);
  });
});

describe("splitByPrompt", () => {
  it("never puts a prompt on both sides and keeps its side as data grows", () => {
    const { train, validation } = splitByPrompt(comparisons, { validationFraction: 0.2 });
    const trainPrompts = new Set(train.map((c) => c.prompt));
    expect(validation.every((c) => !trainPrompts.has(c.prompt))).toBe(true);
    expect(validation.length / comparisons.length).toBeGreaterThan(0.1);
    expect(validation.length / comparisons.length).toBeLessThan(0.3);
    const more = syntheticJudgments(world, {
      seed: 9,
      prompts: 50,
      candidatesPerPrompt: 4,
      judgmentsPerPrompt: 8,
      promptPrefix: "new",
    });
    const grown = splitByPrompt([...more.comparisons, ...comparisons], { validationFraction: 0.2 });
    const heldOut = new Set(grown.validation.map((c) => c.prompt));
    expect(validation.every((c) => heldOut.has(c.prompt))).toBe(true);
  });
});

describe("AdamW", () => {
  it("catches up on the weight decay of steps a row was not touched", () => {
    const params = initParams(16, 2, 1);
    const before = params.embedding.slice();
    const adam = new AdamW(params, { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.5 });
    const grads = createGradients(params);
    for (let step = 0; step < 3; step++) {
      resetGradients(grads, 2);
      adam.update(params, grads, []);
    }
    adam.flush(params);
    // Never touched: decayed by (1 − 0.1·0.5)³ like dense AdamW, with no Adam step.
    expect(params.embedding[6]).toBeCloseTo((before[6] as number) * 0.95 ** 3, 7);
  });
});
