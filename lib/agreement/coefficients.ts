import { type BootstrapOptions, bootstrapCells } from "./bootstrap";
import { type Estimate, notEnough } from "./estimate";

/**
 * Pair-level agreement coefficients, computed from tallies of pairs by their category counts
 * (see tally.ts). They accept any number of categories so the published worked examples (5
 * categories) test the same code the app runs on its 4 (A, B, TIE, BOTH_BAD).
 *
 * Interval: percentile bootstrap over pairs (a multinomial draw over the tallies, the same as
 * resampling pairs with replacement). Only pairs with 2+ judgments enter; n counts them.
 */
export type Tally = { counts: readonly number[]; pairs: number };

type Sums = (weights: readonly number[]) => number | null;

function size(counts: readonly number[]): number {
  return counts.reduce((a, b) => a + b, 0);
}

function overlapping(tallies: readonly Tally[]): Tally[] {
  return tallies.filter((t) => t.pairs > 0 && size(t.counts) >= 2);
}

const NO_OVERLAP = "Not enough overlap: no pair has been judged by two or more labelers yet.";

function estimate(
  tallies: readonly Tally[],
  statistic: Sums,
  undefinedReason: string,
  options: BootstrapOptions,
): Estimate {
  const used = overlapping(tallies);
  const pairs = used.reduce((a, t) => a + t.pairs, 0);
  if (pairs === 0) return notEnough(0, "pairs", NO_OVERLAP);
  const weights = used.map((t) => t.pairs);
  const value = statistic(weights);
  if (value === null) return notEnough(pairs, "pairs", undefinedReason);
  const interval = bootstrapCells(weights, statistic, options);
  return { value, ciLow: interval?.low ?? null, ciHigh: interval?.high ?? null, n: pairs, unit: "pairs" };
}

/** Share of agreeing couples of judgments on pair i: Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1)). */
function pairAgreement(counts: readonly number[]): number {
  const n = size(counts);
  let agree = 0;
  for (const c of counts) agree += c * (c - 1);
  return agree / (n * (n - 1));
}

/**
 * Percent agreement: the chance that two judgments of the same pair, drawn at random, agree,
 * averaged over pairs with 2+ judgments (Fleiss' P̄).
 */
export function percentAgreement(tallies: readonly Tally[], options: BootstrapOptions = {}): Estimate {
  const used = overlapping(tallies);
  const perPair = used.map((t) => pairAgreement(t.counts));
  const statistic: Sums = (w) => {
    let sum = 0;
    let pairs = 0;
    w.forEach((weight, i) => {
      sum += weight * (perPair[i] ?? 0);
      pairs += weight;
    });
    return pairs > 0 ? sum / pairs : null;
  };
  return estimate(used, statistic, NO_OVERLAP, options);
}

/**
 * Fleiss' κ. Pairs with different numbers of judgments: each pair's P_i uses its own n_i (the
 * share of agreeing couples among its n_i(n_i − 1)), P̄ is the plain mean of P_i over pairs, and
 * the category shares p_j pool all judgments (Σ_i n_ij / Σ_i n_i). With equal n_i this is exactly
 * Fleiss (1971). κ is undefined when P_e = 1 (every judgment in one category): said, not divided.
 */
export function fleissKappa(tallies: readonly Tally[], options: BootstrapOptions = {}): Estimate {
  const used = overlapping(tallies);
  const perPair = used.map((t) => pairAgreement(t.counts));
  const categories = Math.max(0, ...used.map((t) => t.counts.length));
  const statistic: Sums = (w) => {
    let observed = 0;
    let pairs = 0;
    let judgments = 0;
    const perCategory = new Array<number>(categories).fill(0);
    w.forEach((weight, i) => {
      if (weight === 0) return;
      const counts = used[i]?.counts ?? [];
      observed += weight * (perPair[i] ?? 0);
      pairs += weight;
      counts.forEach((c, j) => {
        perCategory[j] = (perCategory[j] ?? 0) + weight * c;
        judgments += weight * c;
      });
    });
    if (pairs === 0) return null;
    let chance = 0;
    for (const c of perCategory) chance += (c / judgments) ** 2;
    if (chance >= 1 - 1e-12) return null;
    return (observed / pairs - chance) / (1 - chance);
  };
  return estimate(
    used,
    statistic,
    "Undefined: every judgment is in one category, so chance agreement is 100% (κ would divide by zero).",
    options,
  );
}

/**
 * Krippendorff's α, nominal, with missing data: each pair is a unit with however many judgments it
 * has; units with one judgment are unpairable and left out (as in Krippendorff 2011).
 * α = 1 − (n − 1) · Σ_u (m_u² − Σ_c n_uc²)/(m_u − 1) / (n² − Σ_c n_c²).
 */
export function krippendorffAlpha(tallies: readonly Tally[], options: BootstrapOptions = {}): Estimate {
  const used = overlapping(tallies);
  const disagreement = used.map((t) => {
    const m = size(t.counts);
    let same = 0;
    for (const c of t.counts) same += c * c;
    return (m * m - same) / (m - 1);
  });
  const categories = Math.max(0, ...used.map((t) => t.counts.length));
  const statistic: Sums = (w) => {
    let observed = 0;
    let n = 0;
    const perCategory = new Array<number>(categories).fill(0);
    w.forEach((weight, i) => {
      if (weight === 0) return;
      observed += weight * (disagreement[i] ?? 0);
      (used[i]?.counts ?? []).forEach((c, j) => {
        perCategory[j] = (perCategory[j] ?? 0) + weight * c;
        n += weight * c;
      });
    });
    let expected = n * n;
    for (const c of perCategory) expected -= c * c;
    if (n < 2 || expected <= 0) return null;
    return 1 - ((n - 1) * observed) / expected;
  };
  return estimate(
    used,
    statistic,
    "Undefined: every judgment is in one category, so there is no disagreement to expect (α would divide by zero).",
    options,
  );
}

/** Fewest shared pairs for a Cohen's κ worth showing. */
export const COHEN_MIN_SHARED = 20;

/**
 * Cohen's κ for two labelers from their table of choices on shared pairs
 * (table[i][j] = pairs where the first chose category i and the second j).
 * Interval: bootstrap over the shared pairs.
 */
export function cohenKappa(table: readonly (readonly number[])[], options: BootstrapOptions = {}): Estimate {
  const k = table.length;
  const cells = table.flatMap((row) => [...row]);
  const shared = size(cells);
  if (shared < COHEN_MIN_SHARED)
    return notEnough(
      shared,
      "pairs",
      `Not enough overlap: ${shared} shared pairs, at least ${COHEN_MIN_SHARED} needed.`,
    );
  const rows = new Float64Array(k);
  const cols = new Float64Array(k);
  const statistic: Sums = (w) => {
    rows.fill(0);
    cols.fill(0);
    let n = 0;
    let diagonal = 0;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const c = w[i * k + j] ?? 0;
        rows[i] = (rows[i] ?? 0) + c;
        cols[j] = (cols[j] ?? 0) + c;
        n += c;
        if (i === j) diagonal += c;
      }
    let chance = 0;
    for (let i = 0; i < k; i++) chance += ((rows[i] ?? 0) / n) * ((cols[i] ?? 0) / n);
    if (chance >= 1 - 1e-12) return null;
    return (diagonal / n - chance) / (1 - chance);
  };
  const value = statistic(cells);
  if (value === null)
    return notEnough(
      shared,
      "pairs",
      "Undefined: both labelers always chose the same one category, so chance agreement is 100%.",
    );
  const interval = bootstrapCells(cells, statistic, options);
  return { value, ciLow: interval?.low ?? null, ciHigh: interval?.high ?? null, n: shared, unit: "pairs" };
}
