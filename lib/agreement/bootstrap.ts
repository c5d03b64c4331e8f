import { mulberry32 } from "../random";

/**
 * Percentile bootstrap. Intervals are 95% percentile intervals over `rounds` resamples drawn with a
 * seeded mulberry32, so the page, the CLI and the tests print the same interval for the same data.
 */
export const BOOTSTRAP_ROUNDS = 1000;
export const BOOTSTRAP_SEED = 20261203;

export type BootstrapOptions = { rounds?: number; seed?: number };
export type Interval = { low: number; high: number };

/** The 2.5th and 97.5th percentiles (linear interpolation) of the finite samples; null when none. */
export function percentileInterval(samples: ArrayLike<number>, level = 0.95): Interval | null {
  // A typed array sorts numerically without a comparator call per step (the page sorts ~600 of these).
  const finite = Float64Array.from(Array.prototype.filter.call(samples, Number.isFinite) as number[]).sort();
  if (finite.length === 0) return null;
  const tail = (1 - level) / 2;
  return { low: quantile(finite, tail), high: quantile(finite, 1 - tail) };
}

function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const lo = sorted[below] ?? Number.NaN;
  const hi = sorted[above] ?? Number.NaN;
  return lo + (hi - lo) * (position - below);
}

/**
 * Resample items (pairs, judgments) with replacement and collect the statistic each time. The
 * statistic returns null when a resample cannot support it (those rounds are left out).
 */
export function bootstrap<T>(
  items: readonly T[],
  statistic: (sample: T[]) => number | null,
  options: BootstrapOptions = {},
): Interval | null {
  if (items.length === 0) return null;
  const random = mulberry32(options.seed ?? BOOTSTRAP_SEED);
  const samples: number[] = [];
  const sample = new Array<T>(items.length);
  for (let round = 0; round < (options.rounds ?? BOOTSTRAP_ROUNDS); round++) {
    for (let i = 0; i < items.length; i++) sample[i] = items[Math.floor(random() * items.length)] as T;
    const value = statistic(sample);
    if (value !== null && Number.isFinite(value)) samples.push(value);
  }
  return percentileInterval(samples);
}

/**
 * The same bootstrap when items are tallied into cells (e.g. pairs by their vote counts): drawing
 * N items with replacement is a multinomial draw of N over the cells' shares, which costs
 * O(cells) per round instead of O(N) — what lets a million judgments fit the page budget.
 */
export function bootstrapCells(
  cellCounts: readonly number[],
  statistic: (resampled: readonly number[]) => number | null,
  options: BootstrapOptions = {},
): Interval | null {
  let n = 0;
  for (const c of cellCounts) n += c;
  if (n === 0) return null;
  const random = mulberry32(options.seed ?? BOOTSTRAP_SEED);
  const rounds = options.rounds ?? BOOTSTRAP_ROUNDS;
  // Typed, so the samples are not boxed one by one (the page runs ~600 of these bootstraps).
  const samples = new Float64Array(rounds);
  let kept = 0;
  // One array reused every round: the statistic reads it and keeps nothing.
  const drawn = new Array<number>(cellCounts.length).fill(0);
  for (let round = 0; round < rounds; round++) {
    multinomialInto(random, n, cellCounts, drawn);
    const value = statistic(drawn);
    if (value !== null && Number.isFinite(value)) samples[kept++] = value;
  }
  return percentileInterval(samples.subarray(0, kept));
}

/** A multinomial draw of n over weights, as conditional binomials. */
export function multinomial(random: () => number, n: number, weights: readonly number[]): number[] {
  const drawn = new Array<number>(weights.length).fill(0);
  multinomialInto(random, n, weights, drawn);
  return drawn;
}

function multinomialInto(random: () => number, n: number, weights: readonly number[], into: number[]): void {
  let left = n;
  let weightLeft = 0;
  for (const w of weights) weightLeft += w;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    if (left === 0 || weightLeft <= 0) {
      into[i] = 0;
      continue;
    }
    const k = w >= weightLeft ? left : binomial(random, left, w / weightLeft);
    into[i] = k;
    left -= k;
    weightLeft -= w;
  }
}

/**
 * A binomial draw, exact: Hörmann's (1993) BTRS transformed rejection with squeeze when n·p ≥ 10
 * (a few uniforms per draw, however large n is; as in PyTorch's and TensorFlow's samplers), else
 * inversion by sequential search.
 */
export function binomial(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(random, n, 1 - p);
  return n * p >= 10 ? btrs(random, n, p) : inversion(random, n, p);
}

/** Sequential search from 0 (BINV, Kachitvichyanukul & Schmeiser 1988): one uniform, about n·p steps. */
function inversion(random: () => number, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  for (;;) {
    let r = q ** n;
    let u = random();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) break;
      r *= a / x - s;
    }
    if (x <= n) return x;
  }
}

const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

/** log(k!) − [(k + ½) log(k + 1) − (k + 1) + ½ log 2π], the Stirling series' tail. */
function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k] ?? 0;
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

function btrs(random: () => number, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) +
      stirlingTail(n - m) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}
