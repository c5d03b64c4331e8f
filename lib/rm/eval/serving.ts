// Whether a newly trained version may serve. A version is always stored; it replaces the serving
// one only when the held-out data says it is not a step back (see decideServing).

/** A held-out pair as one model saw it: its reward gap r(A) − r(B) and the pair's held-out votes. */
export type HeldOutPair = { pairId: string; gap: number; votesA: number; votesB: number };

/** One-sided significance level of both tests. */
export const SERVING_ALPHA = 0.05;
/**
 * Held-out pairs with a majority vote a first version needs before it can serve. With 20, a
 * version must get at least 15 right to be better than chance at 5% (P(X ≥ 15) = 0.021 for
 * X ~ Binomial(20, ½)); fewer pairs could not tell a working model from a coin.
 */
export const FIRST_VERSION_MIN_PAIRS = 20;

export type ServingDecision = {
  serve: boolean;
  /** The reason, in words (shown on the dashboard and stored with the version). */
  reason: string;
  test: "exact binomial against chance, one-sided" | "exact McNemar test on discordant pairs, one-sided";
  alpha: number;
  /** Pairs the test counted: held-out pairs with a majority vote (and, against a version, scored by both). */
  pairs: number;
  pValue: number | null;
  /** First version: pairs it ranks like the majority. */
  correct?: number;
  /** Against the serving version: pairs only the new version gets right, and only the serving one. */
  onlyNewRight?: number;
  onlyCurrentRight?: number;
  currentVersion?: number;
};

/**
 * The serving rule:
 * - with no serving version, the new one serves when at least FIRST_VERSION_MIN_PAIRS held-out
 *   pairs have a majority vote and it ranks significantly more of them like the majority than
 *   chance would (exact one-sided binomial test, p < SERVING_ALPHA);
 * - with a serving version, the new one serves unless it is significantly worse on the held-out
 *   pairs both versions scored (the held-out prompts are chosen by a hash of the prompt, so they
 *   are the same for every version): exact one-sided McNemar test on the pairs exactly one of the
 *   two gets right, p < SERVING_ALPHA. Few or no shared pairs cannot show it worse, so it serves.
 * A gap of exactly 0 counts as wrong. Votes are the new version's (the newest majority).
 */
export function decideServing(
  heldOut: readonly HeldOutPair[],
  current: { version: number; gaps: Readonly<Record<string, number>> } | null,
): ServingDecision {
  const decided = heldOut.filter((p) => p.votesA !== p.votesB);
  const right = (gap: number, p: HeldOutPair) => (p.votesA > p.votesB ? gap > 0 : gap < 0);
  if (!current) {
    const correct = decided.filter((p) => right(p.gap, p)).length;
    const n = decided.length;
    const base = { test: "exact binomial against chance, one-sided", alpha: SERVING_ALPHA, pairs: n, correct } as const;
    if (n < FIRST_VERSION_MIN_PAIRS) {
      return {
        ...base,
        serve: false,
        pValue: null,
        reason: `Only ${n} held-out pairs have a majority vote; a first version serves once at least ${FIRST_VERSION_MIN_PAIRS} do and it beats chance on them. Collect more judgments, or promote it by hand.`,
      };
    }
    const pValue = binomialUpperTail(correct, n);
    const serve = pValue < SERVING_ALPHA;
    const measured = `${correct} of ${n} held-out pairs ranked like the majority (exact binomial p = ${formatP(pValue)})`;
    return {
      ...base,
      serve,
      pValue,
      reason: serve ? `Better than chance: ${measured}.` : `Not better than chance: ${measured}.`,
    };
  }
  let onlyNewRight = 0;
  let onlyCurrentRight = 0;
  let pairs = 0;
  for (const p of decided) {
    const gap = current.gaps[p.pairId];
    if (gap === undefined) continue;
    pairs++;
    const newRight = right(p.gap, p);
    if (newRight !== right(gap, p)) {
      if (newRight) onlyNewRight++;
      else onlyCurrentRight++;
    }
  }
  const pValue = binomialUpperTail(onlyCurrentRight, onlyNewRight + onlyCurrentRight);
  const serve = !(pValue < SERVING_ALPHA);
  const counts = `on ${pairs} held-out pairs both scored, only this version is right on ${onlyNewRight}, only v${current.version} on ${onlyCurrentRight} (exact McNemar p = ${formatP(pValue)})`;
  return {
    serve,
    reason: serve
      ? `Not significantly worse than v${current.version}: ${counts}.`
      : `Significantly worse than v${current.version}, which keeps serving: ${counts}.`,
    test: "exact McNemar test on discordant pairs, one-sided",
    alpha: SERVING_ALPHA,
    pairs,
    pValue,
    onlyNewRight,
    onlyCurrentRight,
    currentVersion: current.version,
  };
}

/**
 * P(X ≥ k) for X ~ Binomial(n, ½), exact: the terms C(n, i)/2ⁿ are built in log space (so a
 * hundred thousand pairs do not underflow) and summed from the largest down.
 */
export function binomialUpperTail(k: number, n: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0) throw new Error(`binomialUpperTail(${k}, ${n})`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logHalf = n * Math.log(0.5);
  // log C(n, i) for i = k … n by the ratio C(n, i+1)/C(n, i) = (n − i)/(i + 1), from log C(n, k).
  let logC = 0;
  for (let i = 0; i < k; i++) logC += Math.log((n - i) / (i + 1));
  const logs: number[] = [];
  for (let i = k; i <= n; i++) {
    logs.push(logC + logHalf);
    logC += Math.log((n - i) / (i + 1));
  }
  let top = Number.NEGATIVE_INFINITY;
  for (const l of logs) if (l > top) top = l;
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - top);
  return Math.min(1, Math.exp(top + Math.log(sum)));
}

function formatP(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}
