import { describe, expect, it } from "vitest";
import { defaultFeaturizerSpec } from "../features/spec";
import { createSyntheticWorld, syntheticJudgments } from "../synthetic/comparisons";
import { trainRewardModel } from "../train/train";
import { buildModelCard } from "./card";
import { evaluateRewardModel } from "./evaluate";

describe("buildModelCard", () => {
  const world = createSyntheticWorld(2, { temperature: 2 });
  const { comparisons } = syntheticJudgments(world, {
    seed: 1,
    prompts: 60,
    candidatesPerPrompt: 3,
    judgmentsPerPrompt: 4,
  });
  const result = trainRewardModel(comparisons, {
    featurizer: { ...defaultFeaturizerSpec, dims: 4096 },
    hidden: 4,
    maxEpochs: 2,
  });

  it("records the featurizer, inputs, training snapshot and metrics as plain JSON", () => {
    const metrics = evaluateRewardModel(result.model, comparisons);
    const card = buildModelCard({
      model: result.model,
      snapshot: { judgmentCount: 250, cutoff: new Date("2026-11-20T12:00:00Z"), projectId: "p1" },
      metrics,
      result,
      modelVersion: "rm-3",
      createdAt: new Date("2026-11-24T00:00:00Z"),
    });
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(card.featurizer).toEqual(result.model.featurizer);
    expect(card.architecture).toMatchObject({ kind: "embedding-bag-mlp", inputDims: 4096, hidden: 4 });
    expect(card.architecture.parameters).toBe(4096 * 4 + 4 + 4 + 1);
    expect(card.onnx.inputs.map((i) => i.name)).toEqual(["indices", "values"]);
    expect(card.data).toEqual({ judgmentCount: 250, cutoff: "2026-11-20T12:00:00.000Z", projectId: "p1" });
    expect(card.training.hyperparameters).toMatchObject({ hidden: 4, maxEpochs: 2, ties: "rao-kupper" });
    expect(card.training.comparisons?.trainComparisons).toBe(result.data.trainComparisons);
    expect(card.metrics.pairwiseAccuracy).toBe(metrics.pairwiseAccuracy);
  });

  it("refuses a cut-off that is not a date", () => {
    expect(() =>
      buildModelCard({ model: result.model, snapshot: { judgmentCount: 1, cutoff: "yesterday" }, metrics: {} }),
    ).toThrow(/cutoff "yesterday" is not a date/);
  });
});
