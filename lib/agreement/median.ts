import { mulberry32 } from "../random";
import { type Estimate, notEnough } from "./estimate";
import { percentile95 } from "./ratio-bootstrap";

/** The median of a list (the mean of the two middle values for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The median with a percentile-bootstrap 95% interval (resampling the values, seeded so a page
 * and a test see the same interval). One value gives the value without an interval.
 */
export function medianEstimate(values: readonly number[], unit: string, rounds = 1000, seed = 1): Estimate {
  if (values.length === 0) return notEnough(0, unit, "none recorded yet");
  const value = median(values);
  if (values.length === 1) return { value, ciLow: null, ciHigh: null, n: 1, unit };
  const random = mulberry32(seed);
  const medians: number[] = [];
  const sample = new Array<number>(values.length);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < values.length; i++) sample[i] = values[Math.floor(random() * values.length)] as number;
    medians.push(median(sample));
  }
  return { value, ...percentile95(medians), n: values.length, unit };
}
