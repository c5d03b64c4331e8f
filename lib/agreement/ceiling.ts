import { type BootstrapOptions, bootstrapCells } from "./bootstrap";
import { type Estimate, notEnough } from "./estimate";
import { type LabelerCell, labelerCells, type PairProfile, pairProfiles } from "./tally";
import { CHOICES, type Choice, choiceIndex, groupBy, type Vote } from "./votes";

/**
 * Credit for one vote against the majority of the *other* votes on its pair (the pair's counts
 * minus this vote): 1 when its category is the others' only most frequent one, 1/m when it is one
 * of m tied most frequent categories (the chance a coin-flip tie-break agrees), 0 otherwise.
 * Null when nobody else judged the pair.
 */
export function looCredit(counts: readonly number[], choice: Choice): number | null {
  const own = choiceIndex(choice);
  const others = counts.map((c, i) => (i === own ? c - 1 : c));
  const top = Math.max(...others);
  if (top <= 0) return null;
  const modes = others.filter((c) => c === top).length;
  return others[own] === top ? 1 / modes : 0;
}

function judgmentsOn(counts: readonly number[]): number {
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Share of a profile's judgments that agree with their leave-one-out majority, summed: the
 * expected number of agreeing judgments on one pair with these counts.
 */
function pairCredit(counts: readonly number[]): number {
  let credit = 0;
  CHOICES.forEach((choice, i) => {
    const c = counts[i] ?? 0;
    if (c > 0) credit += c * (looCredit(counts, choice) ?? 0);
  });
  return credit;
}

/**
 * The human ceiling: how often one labeler agrees with the majority of the others, over every
 * judgment on pairs with 3+ judgments (so "the others" are at least two). Interval: bootstrap
 * over pairs. This is the bar a reward model predicting the consensus is measured against.
 */
export function humanCeiling(votes: readonly Vote[], options: BootstrapOptions = {}): Estimate {
  return humanCeilingFromProfiles(pairProfiles(votes), options);
}

export function humanCeilingFromProfiles(profiles: readonly PairProfile[], options: BootstrapOptions = {}): Estimate {
  const eligible = profiles.filter((p) => judgmentsOn(p.counts) >= 3 && p.pairs > 0);
  const pairs = eligible.reduce((a, p) => a + p.pairs, 0);
  if (pairs === 0) return notEnough(0, "pairs", "Not enough overlap: no pair has 3 or more judgments yet.");
  const credits = eligible.map((p) => pairCredit(p.counts));
  const sizes = eligible.map((p) => judgmentsOn(p.counts));
  const statistic = (weights: readonly number[]) => {
    let agree = 0;
    let all = 0;
    weights.forEach((w, i) => {
      agree += w * (credits[i] ?? 0);
      all += w * (sizes[i] ?? 0);
    });
    return all > 0 ? agree / all : null;
  };
  const weights = eligible.map((p) => p.pairs);
  const interval = bootstrapCells(weights, statistic, options);
  return {
    value: statistic(weights),
    ciLow: interval?.low ?? null,
    ciHigh: interval?.high ?? null,
    n: pairs,
    unit: "pairs",
  };
}

/**
 * Each labeler's agreement with the leave-one-out majority of the others, over their judgments on
 * pairs with 2+ judgments (credit as in looCredit). Interval: bootstrap over that labeler's pairs.
 * Labelers with no shared pair get "not enough overlap".
 */
export function looMajorityAgreement(votes: readonly Vote[], options: BootstrapOptions = {}): Map<string, Estimate> {
  return looMajorityFromCells(labelerCells(votes), options);
}

export function looMajorityFromCells(
  cells: readonly LabelerCell[],
  options: BootstrapOptions = {},
): Map<string, Estimate> {
  const byLabeler = groupBy(cells, (c) => c.labelerId);
  const result = new Map<string, Estimate>();
  for (const labelerId of [...byLabeler.keys()].sort()) {
    const shared = (byLabeler.get(labelerId) ?? []).filter((c) => judgmentsOn(c.counts) >= 2 && c.judgments > 0);
    const n = shared.reduce((a, c) => a + c.judgments, 0);
    if (n === 0) {
      result.set(
        labelerId,
        notEnough(0, "pairs", "Not enough overlap: nobody else has judged this labeler's pairs yet."),
      );
      continue;
    }
    // Cells with the same credit are interchangeable for this mean: merge them (fewer draws per round).
    const byCredit = new Map<number, number>();
    for (const c of shared) {
      const credit = looCredit(c.counts, c.choice) ?? 0;
      byCredit.set(credit, (byCredit.get(credit) ?? 0) + c.judgments);
    }
    const merged = [...byCredit.entries()].sort((x, y) => x[0] - y[0]);
    const credits = merged.map(([credit]) => credit);
    const statistic = (weights: readonly number[]) => {
      let agree = 0;
      let all = 0;
      weights.forEach((w, i) => {
        agree += w * (credits[i] ?? 0);
        all += w;
      });
      return all > 0 ? agree / all : null;
    };
    const weights = merged.map(([, judgments]) => judgments);
    const interval = bootstrapCells(weights, statistic, options);
    result.set(labelerId, {
      value: statistic(weights),
      ciLow: interval?.low ?? null,
      ciHigh: interval?.high ?? null,
      n,
      unit: "pairs",
    });
  }
  return result;
}
