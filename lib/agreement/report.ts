import type { BootstrapOptions } from "./bootstrap";
import { humanCeilingFromProfiles, looMajorityFromCells } from "./ceiling";
import { COHEN_MIN_SHARED, cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement } from "./coefficients";
import type { Estimate } from "./estimate";
import { type CohenTable, cohenTables, type LabelerCell, labelerCells, type PairProfile, pairProfiles } from "./tally";
import { CHOICES, type Choice, type Vote } from "./votes";

/** Everything the agreement figures need, from votes in memory or from SQL aggregates. */
export type AgreementTallies = {
  profiles: PairProfile[];
  cells: LabelerCell[];
  /** Every two labelers with at least one shared pair (κ is only computed from COHEN_MIN_SHARED). */
  cohen: CohenTable[];
};

export type AgreementReport = {
  judgments: number;
  pairs: number;
  labelers: number;
  /** Judgments per category. */
  categories: Record<Choice, number>;
  /** Pairs by how many judgments they have. */
  pairsByJudgments: { judgments: number; pairs: number }[];
  percentAgreement: Estimate;
  fleissKappa: Estimate;
  krippendorffAlpha: Estimate;
  humanCeiling: Estimate;
  cohenKappa: { first: string; second: string; kappa: Estimate }[];
  looMajority: { labelerId: string; agreement: Estimate }[];
};

export function talliesOf(votes: readonly Vote[]): AgreementTallies {
  return { profiles: pairProfiles(votes), cells: labelerCells(votes), cohen: cohenTables(votes) };
}

export function agreementReport(tallies: AgreementTallies, options: BootstrapOptions = {}): AgreementReport {
  const { profiles, cells } = tallies;
  const categories = Object.fromEntries(CHOICES.map((c) => [c, 0])) as Record<Choice, number>;
  const bySize = new Map<number, number>();
  let judgments = 0;
  let pairs = 0;
  for (const profile of profiles) {
    const size = profile.counts.reduce((a, b) => a + b, 0);
    bySize.set(size, (bySize.get(size) ?? 0) + profile.pairs);
    pairs += profile.pairs;
    judgments += size * profile.pairs;
    CHOICES.forEach((choice, i) => {
      categories[choice] += (profile.counts[i] ?? 0) * profile.pairs;
    });
  }
  const loo = looMajorityFromCells(cells, options);
  return {
    judgments,
    pairs,
    labelers: new Set(cells.map((c) => c.labelerId)).size,
    categories,
    pairsByJudgments: [...bySize.entries()].sort((a, b) => a[0] - b[0]).map(([j, p]) => ({ judgments: j, pairs: p })),
    percentAgreement: percentAgreement(profiles, options),
    fleissKappa: fleissKappa(profiles, options),
    krippendorffAlpha: krippendorffAlpha(profiles, options),
    humanCeiling: humanCeilingFromProfiles(profiles, options),
    cohenKappa: tallies.cohen
      .filter((t) => t.table.flat().reduce((a, b) => a + b, 0) >= COHEN_MIN_SHARED)
      .map((t) => ({ first: t.first, second: t.second, kappa: cohenKappa(t.table, options) })),
    looMajority: [...loo.entries()].map(([labelerId, agreement]) => ({ labelerId, agreement })),
  };
}
