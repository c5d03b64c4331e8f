import { mulberry32 } from "../random";
import { type Estimate, notEnough } from "./estimate";

/** One pair's share of a ratio statistic: what agreed, out of what was compared. */
export type RatioPart = { agreed: number; compared: number };

/**
 * Σ agreed / Σ compared over pairs, with a percentile-bootstrap 95% interval that resamples whole
 * pairs: judgments of one pair are not independent, so resampling judgments would be too narrow.
 * Seeded, so a page and a test see the same interval.
 */
export function ratioOverPairs(parts: readonly RatioPart[], unit: string, rounds = 1000, seed = 1): Estimate {
  const used = parts.filter((p) => p.compared > 0);
  const total = (pick: (i: number) => RatioPart) => {
    let agreed = 0;
    let compared = 0;
    for (let i = 0; i < used.length; i++) {
      const part = pick(i);
      agreed += part.agreed;
      compared += part.compared;
    }
    return compared ? agreed / compared : Number.NaN;
  };
  if (used.length === 0) return notEnough(0, unit, "no pairs to compare");
  const value = total((i) => used[i] as RatioPart);
  if (used.length === 1) return { value, ciLow: null, ciHigh: null, n: 1, unit };
  const random = mulberry32(seed);
  const draws: number[] = [];
  for (let r = 0; r < rounds; r++) {
    draws.push(total(() => used[Math.floor(random() * used.length)] as RatioPart));
  }
  return { value, ...percentile95(draws), n: used.length, unit };
}

/** The 2.5th and 97.5th percentiles of bootstrap draws: a percentile-bootstrap 95% interval. */
export function percentile95(draws: number[]): { ciLow: number; ciHigh: number } {
  draws.sort((x, y) => x - y);
  const at = (q: number) => draws[Math.min(draws.length - 1, Math.floor(q * draws.length))] as number;
  return { ciLow: at(0.025), ciHigh: at(0.975) };
}
