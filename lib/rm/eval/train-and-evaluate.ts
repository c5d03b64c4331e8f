import type { Comparison } from "../train/comparison";
import { splitByPrompt } from "../train/split";
import { type TrainOptions, type TrainResult, trainRewardModel } from "../train/train";
import { evaluateRewardModel } from "./evaluate";
import { scoreTexts } from "./score-texts";
import type { HeldOutPair } from "./serving";

/** A comparison read from the database: which pair it judged, and whether the pair's A won (null: tie). */
export type JudgedComparison = Comparison & { pairId: string; aWins: boolean | null };

/** A pair with a known answer: `better` and `worse` are candidate texts. */
export type KnownPair = { pairId: string; prompt: string; better: string; worse: string };

export type VersionData = {
  /** Usable judgments in the order they were made. */
  comparisons: readonly JudgedComparison[];
  /** Gold pairs with their known answer (never trained on). */
  gold: readonly KnownPair[];
  /** Go: pairs whose true answer is decided (lib/truth: not within two standard errors); empty for text. */
  truth: readonly KnownPair[];
};

/** Everything stored as a version's `metrics`; null where there was nothing to measure. */
export type VersionMetrics = {
  /** Held-out prompts: accuracy against each pair's majority vote. */
  pairwiseAccuracy: number | null;
  pairsWithMajority: number;
  judgmentAccuracy: number | null;
  logLoss: number | null;
  expectedCalibrationError: number | null;
  heldOutPrompts: number;
  heldOutJudgments: number;
  /** The human ceiling: how often one labeler agrees with the majority of the others on a pair. */
  humanMajorityAgreement: number | null;
  humanAgreementJudgments: number;
  goldAccuracy: number | null;
  goldPairs: number;
  /** Go, held-out prompts: the model's and the majority's accuracy against the true answer. */
  truthAccuracy: number | null;
  truthPairs: number;
  humanTruthAccuracy: number | null;
  humanTruthPairs: number;
  trainJudgments: number;
  trainingSeconds: number;
};

export type LearningCurvePoint = {
  fraction: number;
  judgments: number;
  pairwiseAccuracy: number | null;
  judgmentAccuracy: number | null;
  logLoss: number | null;
};

export type EvaluatedVersion = {
  /** The held-out run: every metric and the learning curve come from it. */
  result: TrainResult;
  metrics: VersionMetrics;
  learningCurve: LearningCurvePoint[];
  /** The held-out run's reward gap and the votes of each held-out pair (for the serving rule). */
  heldOutPairs: HeldOutPair[];
  /** With `refit`: the model refit on every comparison with the held-out run's settings (refitOnAll). */
  served?: TrainResult;
};

/** Share of prompts held out for the metrics; early stopping holds out its own share of the rest. */
export const TEST_FRACTION = 0.2;
// Another seed than the trainer's own split, so the two held-out sets are drawn independently.
const TEST_SEED = 0x7e57;
export const CURVE_FRACTIONS = [0.25, 0.5, 0.75, 1] as const;

/**
 * Trains on the judgments of the training prompts and measures on the held-out prompts. With too
 * few prompts for both sides, it trains on everything and the held-out metrics are null. With
 * `refit`, the model to serve is then refit on every comparison (refitOnAll).
 */
export function trainAndEvaluate(
  data: VersionData,
  overrides: Partial<TrainOptions> = {},
  options: { refit?: boolean } = {},
): EvaluatedVersion {
  let { train, validation: test } = splitByPrompt(data.comparisons, {
    validationFraction: TEST_FRACTION,
    seed: TEST_SEED,
  });
  if (train.length === 0 || test.length === 0) {
    train = [...data.comparisons];
    test = [];
  }
  const started = performance.now();
  const result = trainRewardModel(train, { ...optionsForSize(train.length), ...overrides });
  const trainingSeconds = (performance.now() - started) / 1000;
  const { embeddings } = overrides;
  const heldOut = test.length ? evaluateRewardModel(result.model, test, embeddings) : undefined;
  const score = scoreTexts(result.model, [], embeddings);
  const known = (pairs: readonly KnownPair[]) => {
    let credit = 0;
    for (const p of pairs) {
      const gap = score(p.prompt, p.better) - score(p.prompt, p.worse);
      credit += gap > 0 ? 1 : gap === 0 ? 0.5 : 0;
    }
    return { accuracy: pairs.length ? credit / pairs.length : null, pairs: pairs.length };
  };
  const testPrompts = new Set(test.map((c) => c.prompt));
  const truth = known(data.truth.filter((p) => testPrompts.has(p.prompt)));
  const humanTruth = majorityAgainst(test, data.truth);
  const gold = known(data.gold);
  const human = humanMajorityAgreement(data.comparisons);
  const metrics: VersionMetrics = {
    pairwiseAccuracy: finite(heldOut?.pairwiseAccuracy),
    pairsWithMajority: heldOut?.pairsWithMajority ?? 0,
    judgmentAccuracy: finite(heldOut?.judgmentAccuracy),
    logLoss: finite(heldOut?.logLoss),
    expectedCalibrationError: finite(heldOut?.expectedCalibrationError),
    heldOutPrompts: testPrompts.size,
    heldOutJudgments: test.length,
    humanMajorityAgreement: human.agreement,
    humanAgreementJudgments: human.judgments,
    goldAccuracy: gold.accuracy,
    goldPairs: gold.pairs,
    truthAccuracy: truth.accuracy,
    truthPairs: truth.pairs,
    humanTruthAccuracy: humanTruth.accuracy,
    humanTruthPairs: humanTruth.pairs,
    trainJudgments: train.length,
    trainingSeconds,
  };
  return {
    result,
    metrics,
    learningCurve: test.length ? learningCurve(train, test, result, overrides) : [],
    heldOutPairs: heldOutPairs(test, score),
    ...(options.refit ? { served: refitOnAll(data.comparisons, result, overrides) } : {}),
  };
}

/**
 * The model to serve: trained on every comparison (held-out and early-stopping prompts included)
 * with the settings the held-out run chose: its options and seed, for as many epochs as early
 * stopping kept (all of them when it had no validation set), and no validation split.
 */
export function refitOnAll(
  comparisons: readonly JudgedComparison[],
  heldOutRun: Pick<TrainResult, "options" | "bestEpoch" | "epochs">,
  overrides: Partial<TrainOptions> = {},
): TrainResult {
  return trainRewardModel(comparisons, {
    ...heldOutRun.options,
    embeddings: overrides.embeddings,
    maxEpochs: heldOutRun.bestEpoch || heldOutRun.epochs.length,
    validationFraction: 0,
  });
}

/** Each held-out pair once: the model's gap r(A) − r(B) and the pair's decisive votes. */
function heldOutPairs(
  test: readonly JudgedComparison[],
  score: (prompt: string, text: string) => number,
): HeldOutPair[] {
  const pairs = new Map<string, HeldOutPair>();
  for (const c of test) {
    let pair = pairs.get(c.pairId);
    if (!pair) {
      // A tie keeps the pair's A as `chosen` (snapshot.ts), like a judgment for A.
      const [a, b] = c.aWins === false ? [c.rejected, c.chosen] : [c.chosen, c.rejected];
      pair = { pairId: c.pairId, gap: score(c.prompt, a) - score(c.prompt, b), votesA: 0, votesB: 0 };
      pairs.set(c.pairId, pair);
    }
    if (c.aWins === true) pair.votesA++;
    else if (c.aWins === false) pair.votesB++;
  }
  return [...pairs.values()];
}

/**
 * The trainer's defaults are set for tens of thousands of judgments (batches of 256, 8 epochs).
 * The first versions of a project see a few hundred: smaller batches and more epochs (early
 * stopping still decides) give them enough optimizer steps to learn anything.
 */
export function optionsForSize(judgments: number): Partial<TrainOptions> {
  if (judgments >= 20_000) return {};
  return {
    batchSize: Math.min(256, Math.max(16, 2 ** Math.floor(Math.log2(judgments / 32)))),
    maxEpochs: judgments < 2_000 ? 30 : 12,
    patience: 3,
  };
}

/**
 * Accuracy on the held-out prompts against the number of judgments used: the model retrained on the
 * earliest 25%, 50%, 75% of the training judgments (the last point is the model itself), which is
 * what the project would have had at that point of collection.
 */
function learningCurve(
  train: readonly JudgedComparison[],
  test: readonly JudgedComparison[],
  full: TrainResult,
  overrides: Partial<TrainOptions>,
): LearningCurvePoint[] {
  const points: LearningCurvePoint[] = [];
  for (const fraction of CURVE_FRACTIONS) {
    const used = Math.ceil(fraction * train.length);
    let model = full.model;
    if (fraction < 1) {
      try {
        model = trainRewardModel(train.slice(0, used), { ...optionsForSize(used), ...overrides }).model;
      } catch {
        continue; // too few judgments for a model at this point (e.g. all in the early-stopping split)
      }
    }
    const m = evaluateRewardModel(model, test, overrides.embeddings);
    points.push({
      fraction,
      judgments: used,
      pairwiseAccuracy: finite(m.pairwiseAccuracy),
      judgmentAccuracy: finite(m.judgmentAccuracy),
      logLoss: finite(m.logLoss),
    });
  }
  return points;
}

/**
 * Leave-one-out agreement: for each decisive judgment on a pair, the majority of the pair's other
 * decisive judgments; judgments whose others are split evenly (or absent) are not counted. This is
 * the accuracy a single fresh labeler would score against the majority: the ceiling to compare the
 * model's majority accuracy with.
 */
export function humanMajorityAgreement(comparisons: readonly JudgedComparison[]): {
  agreement: number | null;
  judgments: number;
} {
  const votes = tally(comparisons);
  let agree = 0;
  let counted = 0;
  for (const c of comparisons) {
    if (c.aWins === null) continue;
    const v = votes.get(c.pairId);
    if (!v) continue;
    const othersA = v.a - (c.aWins ? 1 : 0);
    const othersB = v.b - (c.aWins ? 0 : 1);
    if (othersA === othersB) continue;
    counted++;
    if (othersA > othersB === c.aWins) agree++;
  }
  return { agreement: counted ? agree / counted : null, judgments: counted };
}

/** Go: how often the majority vote of a pair (held-out judgments) picks the truly better board. */
function majorityAgainst(
  comparisons: readonly JudgedComparison[],
  truth: readonly KnownPair[],
): { accuracy: number | null; pairs: number } {
  if (truth.length === 0) return { accuracy: null, pairs: 0 };
  const votes = tally(comparisons);
  const chosenText = new Map<string, string>();
  for (const c of comparisons) if (c.aWins !== null) chosenText.set(`${c.pairId}\u0000${c.aWins}`, c.chosen);
  let right = 0;
  let pairs = 0;
  for (const p of truth) {
    const v = votes.get(p.pairId);
    if (!v || v.a === v.b) continue;
    const majorityText = chosenText.get(`${p.pairId}\u0000${v.a > v.b}`);
    pairs++;
    if (majorityText === p.better) right++;
  }
  return { accuracy: pairs ? right / pairs : null, pairs };
}

function tally(comparisons: readonly JudgedComparison[]): Map<string, { a: number; b: number }> {
  const votes = new Map<string, { a: number; b: number }>();
  for (const c of comparisons) {
    if (c.aWins === null) continue;
    const v = votes.get(c.pairId) ?? { a: 0, b: 0 };
    if (c.aWins) v.a++;
    else v.b++;
    votes.set(c.pairId, v);
  }
  return votes;
}

function finite(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}
