/**
 * Exact two-sided binomial test: the probability, under X ~ Binomial(n, p), of an outcome no more
 * likely than the one seen. It is the "minlike" rule R's binom.test and SciPy's binomtest use (not
 * "double the smaller tail", which can pass 1 for skewed p); for p = ½ the two agree. Computed in
 * log space, so a labeler with 100,000 judgments does not overflow.
 */
export function binomialTwoSidedP(successes: number, trials: number, p = 0.5): number {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new Error(`binomial test: need whole 0 ≤ successes ≤ trials, got ${successes} of ${trials}`);
  }
  if (trials === 0) return 1;
  if (p <= 0) return successes === 0 ? 1 : 0;
  if (p >= 1) return successes === trials ? 1 : 0;
  const logFactorial = new Float64Array(trials + 1);
  for (let i = 1; i <= trials; i++) logFactorial[i] = (logFactorial[i - 1] ?? 0) + Math.log(i);
  const logPmf = (i: number) =>
    (logFactorial[trials] ?? 0) -
    (logFactorial[i] ?? 0) -
    (logFactorial[trials - i] ?? 0) +
    i * Math.log(p) +
    (trials - i) * Math.log1p(-p);
  // The same relative tolerance as R and SciPy, so outcomes as likely as the one seen (up to
  // rounding, e.g. the mirror image when p = ½) count in full.
  const seen = logPmf(successes) + Math.log1p(1e-7);
  let total = 0;
  for (let i = 0; i <= trials; i++) {
    const lp = logPmf(i);
    if (lp <= seen) total += Math.exp(lp);
  }
  return Math.min(1, total);
}
