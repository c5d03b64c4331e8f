import type { Embeddings } from "../features/featurize";
import { defaultFeaturizerSpec, type FeaturizerSpec, parseFeaturizerSpec } from "../features/spec";
import { AdamW } from "./adamw";
import { type Augmentation, augmentComparisons } from "./augment";
import { batchLossAndGradient, createBatchWork, evaluateSet } from "./batches";
import type { Comparison } from "./comparison";
import { buildComparisonSet, type StrengthUse } from "./dataset";
import { sigmoid, softplus } from "./loss";
import {
  createGradients,
  initParams,
  type RewardModel,
  type RewardModelParams,
  resetGradients,
  rowWidth,
} from "./model";
import { sfc32, shuffle } from "./random";
import { splitByPrompt } from "./split";

export type TrainOptions = {
  featurizer: FeaturizerSpec;
  /** Hidden units; 0 trains the linear model. */
  hidden: number;
  seed: number;
  maxEpochs: number;
  /** Stop after this many epochs without a better validation loss; the best epoch's weights are kept. */
  patience: number;
  batchSize: number;
  learningRate: number;
  weightDecay: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** "rao-kupper" models ties with a learned threshold (see loss.ts); "exclude" drops them. */
  ties: "rao-kupper" | "exclude";
  strength: StrengthUse;
  /** Extra training copies of each comparison (validation is never augmented); see augment.ts. */
  augment: Augmentation;
  /** Share of prompts held out for early stopping, when `validation` is not given. */
  validationFraction: number;
  /** An explicit held-out set; its prompts should not occur in the training comparisons. */
  validation?: readonly Comparison[];
  /** Every text's embedding, with the sentence-encoder featurizer (see features/encoder.ts). */
  embeddings?: Embeddings;
};

export const defaultTrainOptions: TrainOptions = {
  featurizer: defaultFeaturizerSpec,
  hidden: 32,
  seed: 1,
  maxEpochs: 8,
  patience: 1,
  batchSize: 256,
  learningRate: 0.003,
  weightDecay: 0.1,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  ties: "rao-kupper",
  strength: { as: "margin", perLevel: 0.5 },
  augment: "none",
  validationFraction: 0.1,
};

export type EpochReport = { epoch: number; trainLoss: number; validationLoss: number; validationAccuracy: number };

export type TrainResult = {
  model: RewardModel;
  /** The options in effect (defaults filled in), without the validation comparisons and embeddings. */
  options: Omit<TrainOptions, "validation" | "embeddings">;
  epochs: EpochReport[];
  /** 0 when there was no validation set and the last epoch was kept. */
  bestEpoch: number;
  data: { trainComparisons: number; validationComparisons: number; trainCandidates: number; ties: number };
};

/** Trains a reward model; the same comparisons, options and seed give bit-identical parameters. */
export function trainRewardModel(
  comparisons: readonly Comparison[],
  overrides: Partial<TrainOptions> = {},
): TrainResult {
  const options = checkOptions({ ...defaultTrainOptions, ...overrides });
  const keep = (c: Comparison) => options.ties === "rao-kupper" || !c.tie;
  // The split does not depend on the training seed: retraining with another seed is judged on the
  // same prompts.
  const split = options.validation
    ? { train: [...comparisons], validation: [...options.validation] }
    : splitByPrompt(comparisons, { validationFraction: options.validationFraction });
  const trainPrompts = new Set(split.train.map((c) => c.prompt));
  const shared = split.validation.find((c) => trainPrompts.has(c.prompt));
  if (shared) {
    throw new Error(
      `Prompt "${shared.prompt.slice(0, 80)}" is in both the training and the validation comparisons; split by prompt.`,
    );
  }
  const augmented = augmentComparisons(split.train.filter(keep), options.augment);
  const { embeddings } = options;
  const trainSet = buildComparisonSet(options.featurizer, augmented.comparisons, options.strength, embeddings);
  const validationSet = buildComparisonSet(
    options.featurizer,
    split.validation.filter(keep),
    options.strength,
    embeddings,
  );
  if (trainSet.size === 0) throw new Error("No comparisons to train on: collect judgments first.");

  const params = initParams(options.featurizer.dims, options.hidden, options.seed);
  const ties = trainSet.tie.reduce((n, t) => n + t, 0);
  // η starts where P(tie | equal rewards) = 2σ(η) − 1 equals the observed tie rate; it is stored as
  // ρ with η = softplus(ρ) so that it stays positive.
  const threshold = { name: "tieThreshold", value: 0, grad: 0 };
  const modelTies = ties > 0;
  if (modelTies) {
    const rate = Math.min(ties / trainSet.size, 0.9);
    const eta = Math.log((1 + rate) / (1 - rate));
    threshold.value = Math.log(Math.expm1(eta));
  }
  const eta = () => (modelTies ? softplus(threshold.value) : 0);

  const optimizer = new AdamW(params, options);
  const grads = createGradients(params);
  const work = createBatchWork(trainSet, params.hidden);
  const random = sfc32(options.seed ^ 0x7a11);
  const groups = new Int32Array(trainSet.promptOffsets.length - 1).map((_, g) => g);
  const epochs: EpochReport[] = [];
  let best: { loss: number; epoch: number; params: RewardModelParams; eta: number } | undefined;

  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    shuffle(groups, random);
    let lossSum = 0;
    for (let from = 0; from < groups.length; ) {
      // Whole prompt groups until the batch holds at least batchSize judgments (augmented copies
      // of one judgment count as one).
      let to = from;
      let size = 0;
      while (to < groups.length && size < options.batchSize * augmented.copies) {
        const g = groups[to++] as number;
        size += (trainSet.promptOffsets[g + 1] as number) - (trainSet.promptOffsets[g] as number);
      }
      resetGradients(grads, rowWidth(params));
      const batch = batchLossAndGradient(params, trainSet, groups, from, to, eta(), grads, work);
      if (!Number.isFinite(batch.loss)) {
        throw new Error(`Training diverged in epoch ${epoch} (the loss is not finite): lower learningRate.`);
      }
      lossSum += batch.loss * batch.comparisons;
      threshold.grad = modelTies ? batch.dThreshold * sigmoid(threshold.value) : 0;
      optimizer.update(params, grads, modelTies ? [threshold] : []);
      from = to;
    }
    optimizer.flush(params);
    const validation = evaluateSet(params, validationSet, eta());
    epochs.push({
      epoch,
      trainLoss: lossSum / trainSet.size,
      validationLoss: validation.loss,
      ...validationAccuracy(validation),
    });
    if (!Number.isFinite(validation.loss)) continue;
    if (!best || validation.loss < best.loss) {
      best = { loss: validation.loss, epoch, params: copyParams(params), eta: eta() };
    } else if (epoch - best.epoch >= options.patience) break;
  }

  const { validation: _, embeddings: __, ...effective } = options;
  return {
    model: { featurizer: options.featurizer, params: best?.params ?? params, tieThreshold: best?.eta ?? eta() },
    options: effective,
    epochs,
    bestEpoch: best?.epoch ?? 0,
    data: {
      trainComparisons: trainSet.size,
      validationComparisons: validationSet.size,
      trainCandidates: trainSet.candidateCount,
      ties,
    },
  };
}

function checkOptions(options: TrainOptions): TrainOptions {
  const problems: string[] = [];
  const positiveInteger = (name: keyof TrainOptions, min: number) => {
    const value = options[name];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min)
      problems.push(`${name} must be an integer ≥ ${min}`);
  };
  positiveInteger("hidden", 0);
  positiveInteger("maxEpochs", 1);
  positiveInteger("patience", 1);
  positiveInteger("batchSize", 1);
  if (!(options.learningRate > 0)) problems.push("learningRate must be > 0");
  if (!(options.weightDecay >= 0 && options.learningRate * options.weightDecay < 1)) {
    problems.push("weightDecay must be ≥ 0 and learningRate·weightDecay < 1");
  }
  if (!(options.beta1 >= 0 && options.beta1 < 1 && options.beta2 >= 0 && options.beta2 < 1)) {
    problems.push("beta1 and beta2 must be in [0, 1)");
  }
  if (!(options.epsilon > 0)) problems.push("epsilon must be > 0");
  if (!Number.isFinite(options.strength.perLevel)) problems.push("strength.perLevel must be a finite number");
  if (options.augment === "board-symmetries" && options.featurizer.name !== "go-planes") {
    problems.push('augment "board-symmetries" needs the go-planes featurizer (it rotates Go boards)');
  }
  if (problems.length) throw new Error(`Invalid training options: ${problems.join("; ")}.`);
  return { ...options, featurizer: parseFeaturizerSpec(options.featurizer) };
}

function validationAccuracy(v: { correct: number; decided: number }): { validationAccuracy: number } {
  return { validationAccuracy: v.decided ? v.correct / v.decided : Number.NaN };
}

function copyParams(p: RewardModelParams): RewardModelParams {
  return {
    dims: p.dims,
    hidden: p.hidden,
    embedding: p.embedding.slice(),
    bias1: p.bias1.slice(),
    weight2: p.weight2.slice(),
    bias2: p.bias2.slice(),
  };
}
