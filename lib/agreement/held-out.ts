import { calibrationBins } from "../rm/eval/metrics";
import { humanCeilingFromProfiles } from "./ceiling";
import { type Estimate, notEnough } from "./estimate";
import type { Counts } from "./votes";
import { wilson } from "./wilson";

// A reward-model version against the humans, on the pairs its held-out run never trained on.

/** A held-out pair: the model's gap r(A) − r(B) and the labelers' decisive votes (ties left out). */
export type HeldOutPair = { pairId: string; gap: number; votesA: number; votesB: number };

export type ReliabilityBin = { lower: number; upper: number; count: number; predicted: number; observed: number };

/** Pairs need this many decisive judgments for one labeler to be compared with the others' majority. */
export const CEILING_MIN_JUDGMENTS = 3;

/** Share of pairs with a majority where the model ranks the majority's choice higher (a zero gap: half). */
export function accuracyAgainstMajority(pairs: readonly HeldOutPair[]): Estimate {
  let credit = 0;
  let counted = 0;
  for (const p of pairs) {
    if (p.votesA === p.votesB) continue;
    counted++;
    const gap = p.votesA > p.votesB ? p.gap : -p.gap;
    credit += gap > 0 ? 1 : gap === 0 ? 0.5 : 0;
  }
  if (counted === 0) return notEnough(0, "pairs", "no held-out pair has a majority vote");
  return wilson(credit, counted, "pairs");
}

/**
 * The human ceiling on the same pairs (humanCeiling of ceiling.ts): each decisive judgment against
 * the majority of the pair's other decisive judgments (half credit when they split evenly), on
 * pairs with 3+ decisive judgments; ties are left out as they are for the model's accuracy. The
 * interval resamples pairs.
 */
export function humanCeilingOnPairs(pairs: readonly HeldOutPair[]): Estimate {
  const profiles = pairs
    .filter((p) => p.votesA + p.votesB >= CEILING_MIN_JUDGMENTS)
    .map((p) => ({ counts: [p.votesA, p.votesB, 0, 0] as Counts, pairs: 1 }));
  if (profiles.length === 0) {
    return notEnough(
      0,
      "pairs",
      `no held-out pair has ${CEILING_MIN_JUDGMENTS} or more decisive judgments, so one labeler cannot be compared with the others' majority on them`,
    );
  }
  return humanCeilingFromProfiles(profiles);
}

/**
 * Predicted P(A beats B | not a tie) against the observed share of A votes, in ten equal bins of the
 * prediction; counts are judgments. With a tie threshold η the model's P(A wins | decisive) is
 * σ(d − η) / (σ(d − η) + σ(−d − η)), as in the held-out evaluation.
 */
export function reliabilityBins(pairs: readonly HeldOutPair[], tieThreshold = 0, bins = 10): ReliabilityBin[] {
  const probabilities: number[] = [];
  const outcomes: number[] = [];
  for (const p of pairs) {
    const win = sigmoid(p.gap - tieThreshold);
    const predicted = win / (win + sigmoid(-p.gap - tieThreshold));
    for (let i = 0; i < p.votesA + p.votesB; i++) {
      probabilities.push(predicted);
      outcomes.push(i < p.votesA ? 1 : 0);
    }
  }
  return calibrationBins(probabilities, outcomes, bins)
    .filter((b) => b.count > 0)
    .map((b) => ({
      lower: b.lower,
      upper: b.upper,
      count: b.count,
      predicted: b.meanPredicted,
      observed: b.meanObserved,
    }));
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
