/**
 * A statistic as a data lead should read it: the value, its 95% interval and the count it rests
 * on. When the data cannot support the figure (one labeler, no overlap) `value` is null and
 * `reason` says why in words, so no page or CLI ever shows NaN.
 */
export type Estimate = {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** What the figure rests on: pairs, judgments or labelers, as `unit` says. */
  n: number;
  unit: string;
  reason?: string;
};

export function notEnough(n: number, unit: string, reason: string): Estimate {
  return { value: null, ciLow: null, ciHigh: null, n, unit, reason };
}

/** True when the two intervals are both known and do not overlap. */
export function clearlyApart(a: Estimate, b: Estimate): boolean {
  if (a.ciLow === null || a.ciHigh === null || b.ciLow === null || b.ciHigh === null) return false;
  return a.ciLow > b.ciHigh || b.ciLow > a.ciHigh;
}
