/**
 * The KL divergence of the best-of-n policy from the base policy, log n − (n − 1)/n: the analytic
 * form Gao, Schulman and Hilton (2022) use as the x axis for best-of-n (exact for continuous
 * proxies without ties). It grows like log n, so large n buys little extra optimization.
 */
export function klBestOfN(n: number): number {
  if (!(n >= 1)) throw new RangeError(`n must be at least 1, got ${n}`);
  return Math.log(n) - (n - 1) / n;
}
