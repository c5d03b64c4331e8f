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
export function percentileInterval(samples: readonly number[], level = 0.95): Interval | null {
  const finite = samples.filter((s) => Number.isFinite(s)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const tail = (1 - level) / 2;
  return { low: quantile(finite, tail), high: quantile(finite, 1 - tail) };
}

function quantile(sorted: readonly number[], q: number): number {
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
 * O(cells · log N) per round instead of O(N) — what lets a million judgments fit the page budget.
 */
export function bootstrapCells(
  cellCounts: readonly number[],
  statistic: (resampled: readonly number[]) => number | null,
  options: BootstrapOptions = {},
): Interval | null {
  const n = cellCounts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const random = mulberry32(options.seed ?? BOOTSTRAP_SEED);
  const samples: number[] = [];
  for (let round = 0; round < (options.rounds ?? BOOTSTRAP_ROUNDS); round++) {
    const value = statistic(multinomial(random, n, cellCounts));
    if (value !== null && Number.isFinite(value)) samples.push(value);
  }
  return percentileInterval(samples);
}

/** A multinomial draw of n over weights, as conditional binomials. */
export function multinomial(random: () => number, n: number, weights: readonly number[]): number[] {
  let left = n;
  let weightLeft = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => {
    if (left === 0 || weightLeft <= 0) return 0;
    const k = w >= weightLeft ? left : binomial(random, left, w / weightLeft);
    left -= k;
    weightLeft -= w;
    return k;
  });
}

/**
 * An exact binomial draw: Knuth's (TAOCP vol. 2, 3.4.1) median split with Beta variates halves n
 * each step, then Bernoulli trials finish the small rest.
 */
export function binomial(random: () => number, n: number, p: number): number {
  let successes = 0;
  let trials = n;
  let prob = p;
  while (trials > 40) {
    const a = 1 + Math.floor(trials / 2);
    const b = trials + 1 - a;
    const x = beta(random, a, b);
    if (x >= prob) {
      trials = a - 1;
      prob /= x;
    } else {
      successes += a;
      trials = b - 1;
      prob = (prob - x) / (1 - x);
    }
  }
  for (let i = 0; i < trials; i++) if (random() < prob) successes++;
  return successes;
}

function beta(random: () => number, a: number, b: number): number {
  const x = gamma(random, a);
  return x / (x + gamma(random, b));
}

/** Marsaglia & Tsang (2000) for shape ≥ 1 (every shape here is). */
function gamma(random: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
