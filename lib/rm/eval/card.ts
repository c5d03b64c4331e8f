import { hashedTextSteps, type TestVector, testVectors } from "../features/reference";
import type { FeaturizerSpec } from "../features/spec";
import { ONNX_IR_VERSION, ONNX_OPSET } from "../onnx/export";
import type { RewardModel } from "../train/model";
import type { TrainOptions, TrainResult } from "../train/train";

// The model card travels with the ONNX file and the database row: what the model reads, what it
// was trained on (up to which judgment), how, and how well it did, so a score can be explained
// and the model rebuilt later.

export type TrainingSnapshot = {
  /** Judgments that existed at the cut-off (before filtering and splitting). */
  judgmentCount: number;
  /** Only judgments made up to this time were used. */
  cutoff: Date | string;
  /** Anything else the caller wants on record (project, filters); dates are stored as ISO strings. */
  [field: string]: string | number | boolean | null | Date;
};

export type ModelCard = {
  schema: "vibecheck.reward-model-card/1";
  modelVersion: string | null;
  createdAt: string;
  architecture: {
    kind: "embedding-bag-mlp" | "linear";
    formula: string;
    inputDims: number;
    hidden: number;
    parameters: number;
  };
  featurizer: FeaturizerSpec;
  onnx: {
    irVersion: number;
    opset: number;
    inputs: { name: string; type: string; shape: string[] }[];
    output: { name: string; type: string; shape: string[] };
    padding: string;
  };
  training: {
    objective: string;
    tieThreshold: number;
    strength: TrainOptions["strength"] | null;
    split: string;
    hyperparameters: Record<string, number | string>;
    epochs: TrainResult["epochs"];
    bestEpoch: number;
    comparisons: TrainResult["data"] | null;
  };
  data: { judgmentCount: number; cutoff: string; [field: string]: string | number | boolean | null };
  metrics: Record<string, number>;
  /** Hashed text: how to compute the ONNX inputs outside Vibecheck, with test vectors to check against. */
  reproduce?: { reference: string; steps: string[]; testVectors: TestVector[] };
  /** Where the metrics come from, when the served model is not the measured one (a refit). */
  evaluation?: {
    metricsFrom: string;
    heldOutRun: { epochs: TrainResult["epochs"]; bestEpoch: number; comparisons: TrainResult["data"] };
  };
};

export function buildModelCard(input: {
  model: RewardModel;
  snapshot: TrainingSnapshot;
  metrics: Record<string, number>;
  result?: Pick<TrainResult, "epochs" | "bestEpoch" | "data" | "options">;
  /** The run the metrics were measured on, when `result` is the refit on every comparison. */
  heldOutRun?: Pick<TrainResult, "epochs" | "bestEpoch" | "data">;
  modelVersion?: string;
  createdAt?: Date;
}): ModelCard {
  const { model, snapshot, result } = input;
  const { hidden, dims } = model.params;
  const cutoff = new Date(snapshot.cutoff);
  if (Number.isNaN(cutoff.getTime())) throw new Error(`Model card: cutoff "${String(snapshot.cutoff)}" is not a date.`);
  if (!Number.isInteger(snapshot.judgmentCount) || snapshot.judgmentCount < 0) {
    throw new Error(`Model card: judgmentCount must be a whole number ≥ 0 (got ${snapshot.judgmentCount}).`);
  }
  const parameters = model.params.embedding.length + model.params.bias1.length + model.params.weight2.length + 1;
  const ties = model.tieThreshold > 0;
  return {
    schema: "vibecheck.reward-model-card/1",
    modelVersion: input.modelVersion ?? null,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    architecture: {
      kind: hidden > 0 ? "embedding-bag-mlp" : "linear",
      formula: hidden > 0 ? "r(x) = w2 · relu(Eᵀx + b1) + b2" : "r(x) = eᵀx + b",
      inputDims: dims,
      hidden,
      parameters,
    },
    featurizer: model.featurizer,
    onnx: {
      irVersion: ONNX_IR_VERSION,
      opset: ONNX_OPSET,
      inputs: [
        { name: "indices", type: "int64", shape: ["N", "K"] },
        { name: "values", type: "float32", shape: ["N", "K"] },
      ],
      output: { name: "reward", type: "float32", shape: ["N"] },
      padding: "rows shorter than K are padded with index 0 and value 0",
    },
    training: {
      objective: ties
        ? "Rao–Kupper: P(win) = σ(d − η − m), P(tie) = σ(d + η) − σ(d − η), d = r(chosen) − r(rejected)"
        : "Bradley–Terry: P(win) = σ(d − m), d = r(chosen) − r(rejected)",
      tieThreshold: model.tieThreshold,
      strength: result?.options.strength ?? null,
      split: input.heldOutRun
        ? "none: refit on every usable judgment for the epochs early stopping chose in the held-out run (see evaluation)"
        : "held-out validation by prompt (no prompt on both sides), early stopping on its loss",
      hyperparameters: result ? hyperparameters(result.options) : {},
      epochs: result?.epochs ?? [],
      bestEpoch: result?.bestEpoch ?? 0,
      comparisons: result?.data ?? null,
    },
    data: {
      ...Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
      judgmentCount: snapshot.judgmentCount,
      cutoff: cutoff.toISOString(),
    },
    metrics: input.metrics,
    ...(model.featurizer.name === "hashed-text"
      ? {
          reproduce: {
            reference:
              "python/vibecheck_features.py in the Vibecheck repository implements these steps (standard library; its score command needs onnxruntime); `python3 vibecheck_features.py check card.json` recomputes the test vectors.",
            steps: hashedTextSteps(model.featurizer),
            testVectors: testVectors(model.featurizer),
          },
        }
      : {}),
    ...(input.heldOutRun ? { evaluation: evaluation(input.heldOutRun, result) } : {}),
  };
}

function evaluation(
  heldOutRun: Pick<TrainResult, "epochs" | "bestEpoch" | "data">,
  served: Pick<TrainResult, "epochs" | "data"> | undefined,
): NonNullable<ModelCard["evaluation"]> {
  const epochs = served?.epochs.length ?? heldOutRun.bestEpoch;
  return {
    metricsFrom:
      "Every metric and the learning curve come from the held-out run: the same settings trained on the prompts " +
      "outside the held-out 20% (early stopping on 10% of those) and measured on the held-out prompts. The model " +
      `in this file was then refit on every usable judgment (${served?.data.trainComparisons ?? "all"} comparisons) ` +
      `for the ${epochs} epoch(s) early stopping chose, with the same seed and settings and no validation split; ` +
      "it has seen the held-out prompts, so its own accuracy on them would be optimistic.",
    heldOutRun: { epochs: heldOutRun.epochs, bestEpoch: heldOutRun.bestEpoch, comparisons: heldOutRun.data },
  };
}

// The training settings worth recording on the card (the featurizer and strength use have their own fields).
const HYPERPARAMETERS = [
  "hidden",
  "seed",
  "maxEpochs",
  "patience",
  "batchSize",
  "learningRate",
  "weightDecay",
  "beta1",
  "beta2",
  "epsilon",
  "ties",
  "augment",
] as const;

function hyperparameters(options: Omit<TrainOptions, "validation">): Record<string, number | string> {
  return Object.fromEntries(HYPERPARAMETERS.map((name) => [name, options[name]]));
}
