/**
 * Gao, Schulman and Hilton's best-of-n form for the gold reward: R(d) = d(α − βd), d = √KL, with
 * R measured from the base policy (R(0) = 0). Linear in (α, β), so least squares has a closed
 * form: minimize Σ (r − α d + β d²)², two normal equations in two unknowns.
 */
export type GoodhartFit = {
  alpha: number;
  beta: number;
  /** d* = α / (2β), where R stops rising; null when β ≤ 0 (the fit never turns down). */
  peakD: number | null;
  peakKl: number | null;
  peakValue: number | null;
};

export type FitPoint = { kl: number; value: number };

export function fitGoodhart(points: readonly FitPoint[]): GoodhartFit | null {
  // Regressors x1 = d, x2 = −d²; r ≈ α x1 + β x2.
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let s1r = 0;
  let s2r = 0;
  for (const { kl, value } of points) {
    if (!Number.isFinite(kl) || !Number.isFinite(value) || kl < 0) continue;
    const d = Math.sqrt(kl);
    const x1 = d;
    const x2 = -d * d;
    s11 += x1 * x1;
    s12 += x1 * x2;
    s22 += x2 * x2;
    s1r += x1 * value;
    s2r += x2 * value;
  }
  const det = s11 * s22 - s12 * s12;
  // Fewer than two distinct non-zero d leave the system singular: no fit rather than a made-up one.
  if (!(Math.abs(det) > 1e-12 * Math.max(1, s11 * s22))) return null;
  const alpha = (s1r * s22 - s2r * s12) / det;
  const beta = (s11 * s2r - s12 * s1r) / det;
  if (beta <= 0) return { alpha, beta, peakD: null, peakKl: null, peakValue: null };
  // A negative α means the truth falls from the start: the best is not to optimize at all.
  const peakD = Math.max(0, alpha / (2 * beta));
  if (peakD === 0) return { alpha, beta, peakD, peakKl: 0, peakValue: 0 };
  return { alpha, beta, peakD, peakKl: peakD * peakD, peakValue: (alpha * alpha) / (4 * beta) };
}
