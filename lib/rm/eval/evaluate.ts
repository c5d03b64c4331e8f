import type { Embeddings } from "../features/featurize";
import type { Comparison } from "../train/comparison";
import { sigmoid } from "../train/loss";
import type { RewardModel } from "../train/model";
import { expectedCalibrationError, logLoss, pairwiseAccuracy, type ScoredPair } from "./metrics";
import { scoreTexts } from "./score-texts";

export type RewardModelMetrics = {
  /** Accuracy against the majority vote of each (prompt, pair), over pairs that have a majority. */
  pairwiseAccuracy: number;
  pairsWithMajority: number;
  /** Accuracy over individual decided judgments (not ties). */
  judgmentAccuracy: number;
  /** Log loss and ECE of P(chosen | not a tie) over the decided judgments. */
  logLoss: number;
  expectedCalibrationError: number;
  decidedJudgments: number;
  ties: number;
};

/**
 * Metrics of a model on held-out comparisons. The win probability conditions on the judgment not
 * being a tie: σ(d − η) / (σ(d − η) + σ(−d − η)), which is σ(d) when ties were not modelled.
 * For calibration each judgment is counted from both sides, (p, 1) and (1 − p, 0), so the result
 * does not depend on which candidate is called A.
 */
export function evaluateRewardModel(
  model: RewardModel,
  comparisons: readonly Comparison[],
  embeddings?: Embeddings,
): RewardModelMetrics {
  const score = scoreTexts(
    model,
    comparisons.flatMap((c) => [
      { prompt: c.prompt, text: c.chosen },
      { prompt: c.prompt, text: c.rejected },
    ]),
    embeddings,
  );
  const eta = model.tieThreshold;
  const probabilities: number[] = [];
  const outcomes: number[] = [];
  const pairs = new Map<string, ScoredPair>();
  let correct = 0;
  let decided = 0;
  let ties = 0;
  for (const c of comparisons) {
    const chosen = score(c.prompt, c.chosen);
    const rejected = score(c.prompt, c.rejected);
    const chosenFirst = c.chosen < c.rejected;
    const key = `${c.prompt}\u0000${chosenFirst ? c.chosen : c.rejected}\u0000${chosenFirst ? c.rejected : c.chosen}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = chosenFirst
        ? { rewardA: chosen, rewardB: rejected, votesA: 0, votesB: 0 }
        : { rewardA: rejected, rewardB: chosen, votesA: 0, votesB: 0 };
      pairs.set(key, pair);
    }
    if (c.tie) {
      ties++;
      continue;
    }
    if (chosenFirst) pair.votesA++;
    else pair.votesB++;
    const gap = chosen - rejected;
    const win = sigmoid(gap - eta);
    const p = win / (win + sigmoid(-gap - eta));
    probabilities.push(p, 1 - p);
    outcomes.push(1, 0);
    decided++;
    correct += gap > 0 ? 1 : gap === 0 ? 0.5 : 0;
  }
  const majority = pairwiseAccuracy([...pairs.values()]);
  return {
    pairwiseAccuracy: majority.accuracy,
    pairsWithMajority: majority.pairs,
    judgmentAccuracy: decided ? correct / decided : Number.NaN,
    logLoss: logLoss(probabilities, outcomes),
    expectedCalibrationError: expectedCalibrationError(probabilities, outcomes),
    decidedJudgments: decided,
    ties,
  };
}
