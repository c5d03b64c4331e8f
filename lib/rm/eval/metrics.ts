// Agreement between reward-model scores and human judgments.

/** Votes on one pair of candidates and the model's rewards for both. */
export type ScoredPair = { rewardA: number; rewardB: number; votesA: number; votesB: number };

/**
 * Share of pairs where the model ranks the majority's choice higher. Pairs without a majority
 * (equal votes, ties only) are left out; a model that scores both equally gets half credit.
 */
export function pairwiseAccuracy(pairs: readonly ScoredPair[]): { accuracy: number; pairs: number } {
  let credit = 0;
  let counted = 0;
  for (const p of pairs) {
    if (p.votesA === p.votesB) continue;
    counted++;
    const gap = p.votesA > p.votesB ? p.rewardA - p.rewardB : p.rewardB - p.rewardA;
    credit += gap > 0 ? 1 : gap === 0 ? 0.5 : 0;
  }
  return { accuracy: counted ? credit / counted : Number.NaN, pairs: counted };
}

/**
 * Mean binary cross-entropy −[y·log p + (1 − y)·log(1 − p)] of predicted probabilities against
 * outcomes in [0, 1]; p is clipped to [1e-12, 1 − 1e-12] so one confident miss is large, not infinite.
 */
export function logLoss(probabilities: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  checkLengths(probabilities, outcomes);
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(Math.max(probabilities[i] as number, 1e-12), 1 - 1e-12);
    const y = outcomes[i] as number;
    sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
  }
  return probabilities.length ? sum / probabilities.length : Number.NaN;
}

export type CalibrationBin = {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  meanObserved: number;
};

/** Equal-width bins over [0, 1]; p = 1 falls in the last bin. Empty bins are kept (count 0). */
export function calibrationBins(
  probabilities: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  checkLengths(probabilities, outcomes);
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer (got ${bins}).`);
  const count = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b] = (count[b] as number) + 1;
    predicted[b] = (predicted[b] as number) + p;
    observed[b] = (observed[b] as number) + (outcomes[i] as number);
  }
  return Array.from({ length: bins }, (_, b) => {
    const n = count[b] as number;
    return {
      lower: b / bins,
      upper: (b + 1) / bins,
      count: n,
      meanPredicted: n ? (predicted[b] as number) / n : Number.NaN,
      meanObserved: n ? (observed[b] as number) / n : Number.NaN,
    };
  });
}

/** ECE = Σ_bins (n_b / N)·|mean outcome − mean prediction| over equal-width bins. */
export function expectedCalibrationError(
  probabilities: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  bins = 10,
): number {
  const total = probabilities.length;
  if (total === 0) return Number.NaN;
  let ece = 0;
  for (const bin of calibrationBins(probabilities, outcomes, bins)) {
    if (bin.count) ece += (bin.count / total) * Math.abs(bin.meanObserved - bin.meanPredicted);
  }
  return ece;
}

function checkLengths(probabilities: ArrayLike<number>, outcomes: ArrayLike<number>): void {
  if (probabilities.length !== outcomes.length) {
    throw new Error(
      `Got ${probabilities.length} probabilities but ${outcomes.length} outcomes; pass one outcome per prediction.`,
    );
  }
}
