// Per-comparison losses as functions of the reward gap d = r(chosen) − r(rejected) and of the tie
// threshold η ≥ 0 of the Rao–Kupper model (1967):
//   P(chosen wins)  = σ(d − η)
//   P(rejected wins) = σ(−d − η)
//   P(tie)           = 1 − σ(d − η) − σ(−d − η) = σ(d + η) − σ(d − η)
// With η = 0 (ties excluded) the win probability is plain Bradley–Terry σ(d). A margin m (from an
// explicit margin or the labeler's strength) asks the chosen one to clear m more: σ(d − η − m).

/** Reused output, so the training loop allocates nothing per comparison. */
export type LossTerms = { loss: number; dGap: number; dThreshold: number };

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** log(1 + eˣ) without overflow. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** −log σ(d − η − m) = softplus(−(d − η − m)). */
export function winLoss(gap: number, threshold: number, margin: number, out: LossTerms): LossTerms {
  const x = gap - threshold - margin;
  const s = sigmoid(-x);
  out.loss = softplus(-x);
  out.dGap = -s;
  out.dThreshold = s;
  return out;
}

/**
 * −log(σ(d + η) − σ(d − η)), computed as −[log σ(η + d) + log σ(η − d) + log(1 − e^(−2η))], which
 * stays finite where the difference of two sigmoids would round to zero. Needs η > 0.
 */
export function tieLoss(gap: number, threshold: number, out: LossTerms): LossTerms {
  const up = threshold + gap;
  const down = threshold - gap;
  out.loss = softplus(-up) + softplus(-down) - Math.log(-Math.expm1(-2 * threshold));
  out.dGap = -sigmoid(-up) + sigmoid(-down);
  out.dThreshold = -sigmoid(-up) - sigmoid(-down) - 2 / Math.expm1(2 * threshold);
  return out;
}
