/**
 * Best-of-n from m samples without resampling noise: the unbiased order-statistics estimator.
 *
 * Sort the m samples by proxy score. When n of them are drawn without replacement, the i-th
 * smallest (1-based) is the one with the highest proxy exactly when it is drawn and the other
 * n − 1 come from the i − 1 below it: probability C(i−1, n−1) / C(m, n). The expected value of
 * any quantity of the chosen sample (the proxy itself, or the truth) is the weighted sum. The
 * binomials overflow quickly, so the weights are built in log space by a ratio recurrence.
 */

export type Sample = { proxy: number; truth: number };

/** log C(m, n) as a sum of log ratios, exact enough for m in the thousands. */
export function logBinomial(m: number, n: number): number {
  if (n < 0 || n > m) return Number.NEGATIVE_INFINITY;
  const k = Math.min(n, m - n);
  let sum = 0;
  for (let j = 1; j <= k; j++) sum += Math.log((m - k + j) / j);
  return sum;
}

/** Weight of the i-th smallest (index i − 1) of m sorted samples being the best of n. Sums to 1. */
export function bestOfNWeights(m: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1 || n > m) throw new RangeError(`n must be an integer in 1..${m}, got ${n}`);
  const weights = new Array<number>(m).fill(0);
  const logTotal = logBinomial(m, n);
  // log C(i−1, n−1) for i = n is 0; each step i → i + 1 multiplies by i / (i − n + 1).
  let logWays = 0;
  for (let i = n; i <= m; i++) {
    weights[i - 1] = Math.exp(logWays - logTotal);
    logWays += Math.log(i / (i - n + 1));
  }
  return weights;
}

/** Sorted by proxy, ties kept in their given order (so a brute-force check can break ties the same way). */
export function sortByProxy(samples: readonly Sample[]): Sample[] {
  return samples
    .map((s, index) => ({ s, index }))
    .sort((a, b) => a.s.proxy - b.s.proxy || a.index - b.index)
    .map(({ s }) => s);
}

/** Expected proxy and truth of the highest-proxy sample among n drawn from these samples. */
export function bestOfN(samples: readonly Sample[], n: number): Sample {
  const sorted = sortByProxy(samples);
  const weights = bestOfNWeights(sorted.length, n);
  let proxy = 0;
  let truth = 0;
  for (let i = 0; i < sorted.length; i++) {
    const w = weights[i] ?? 0;
    const s = sorted[i] as Sample;
    proxy += w * s.proxy;
    truth += w * s.truth;
  }
  return { proxy, truth };
}

/** bestOfN for every n from 1 to m, sharing one sort. */
export function bestOfNCurve(samples: readonly Sample[]): Sample[] {
  const sorted = sortByProxy(samples);
  const m = sorted.length;
  const out: Sample[] = [];
  for (let n = 1; n <= m; n++) {
    const weights = bestOfNWeights(m, n);
    let proxy = 0;
    let truth = 0;
    for (let i = n - 1; i < m; i++) {
      const w = weights[i] ?? 0;
      const s = sorted[i] as Sample;
      proxy += w * s.proxy;
      truth += w * s.truth;
    }
    out.push({ proxy, truth });
  }
  return out;
}
