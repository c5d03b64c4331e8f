import { mulberry32 } from "../random";
import { bestOfNCurve, type Sample } from "./best-of-n";
import { fitGoodhart, type GoodhartFit } from "./fit";
import { klBestOfN } from "./kl";

/**
 * The Goodhart curve: for each n, the mean over positions of the best-of-n proxy and truth, with
 * 95% percentile-bootstrap intervals that resample positions (the samples within a position are
 * not independent of each other's position, so positions are the unit). The fit is to the truth's
 * gain over n = 1, since R(d) = d(α − βd) is zero at the base policy.
 */
export type Interval = { mean: number; ci_low: number; ci_high: number };
export type CurvePoint = { n: number; kl: number; proxy: Interval; truth: Interval };
export type GoodhartCurve = {
  positions: number;
  samples: number;
  points: CurvePoint[];
  fit: { alpha: number; beta: number; peak_kl: number | null } | null;
};

export type CurveOptions = { bootstrap?: number; seed?: number };

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (at - lo);
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** samplesByPosition[p] = the m samples of position p (every position must have the same m). */
export function goodhartCurve(
  samplesByPosition: readonly (readonly Sample[])[],
  options: CurveOptions = {},
): GoodhartCurve {
  const P = samplesByPosition.length;
  if (P === 0) throw new RangeError("no positions");
  const m = samplesByPosition[0]?.length ?? 0;
  if (m === 0 || samplesByPosition.some((s) => s.length !== m))
    throw new RangeError("every position needs the same, non-zero number of samples");
  const perPosition = samplesByPosition.map(bestOfNCurve); // [P][n−1]
  const B = options.bootstrap ?? 1000;
  const random = mulberry32(options.seed ?? 1);
  // One resample of positions serves every n, so the intervals of neighbouring n are coherent.
  const draws: number[][] = Array.from({ length: B }, () => Array.from({ length: P }, () => Math.floor(random() * P)));
  const points: CurvePoint[] = [];
  for (let n = 1; n <= m; n++) {
    const proxy = perPosition.map((c) => (c[n - 1] as Sample).proxy);
    const truth = perPosition.map((c) => (c[n - 1] as Sample).truth);
    const bootProxy: number[] = [];
    const bootTruth: number[] = [];
    for (const draw of draws) {
      bootProxy.push(mean(draw.map((p) => proxy[p] as number)));
      bootTruth.push(mean(draw.map((p) => truth[p] as number)));
    }
    bootProxy.sort((a, b) => a - b);
    bootTruth.sort((a, b) => a - b);
    points.push({
      n,
      kl: klBestOfN(n),
      proxy: { mean: mean(proxy), ci_low: percentile(bootProxy, 0.025), ci_high: percentile(bootProxy, 0.975) },
      truth: { mean: mean(truth), ci_low: percentile(bootTruth, 0.025), ci_high: percentile(bootTruth, 0.975) },
    });
  }
  const base = points[0]?.truth.mean ?? 0;
  const fit: GoodhartFit | null = fitGoodhart(points.map((p) => ({ kl: p.kl, value: p.truth.mean - base })));
  return {
    positions: P,
    samples: m,
    points,
    fit: fit ? { alpha: fit.alpha, beta: fit.beta, peak_kl: fit.peakKl } : null,
  };
}
