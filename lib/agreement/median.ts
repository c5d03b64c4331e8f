import { type BootstrapOptions, bootstrap } from "./bootstrap";
import { type Estimate, notEnough } from "./estimate";

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
export function medianEstimate(values: readonly number[], unit: string, options: BootstrapOptions = {}): Estimate {
  if (values.length === 0) return notEnough(0, unit, "none recorded yet");
  const value = median(values);
  if (values.length === 1) return { value, ciLow: null, ciHigh: null, n: 1, unit };
  const interval = bootstrap(values, median, options);
  return { value, ciLow: interval?.low ?? null, ciHigh: interval?.high ?? null, n: values.length, unit };
}
