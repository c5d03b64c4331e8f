import type { Estimate } from "./estimate";

/** "0.712 (95% CI 0.690–0.733, n = 1,204 pairs)" or the reason there is no value. */
export function describeEstimate(e: Estimate, digits = 3): string {
  if (e.value === null) return e.reason ?? "not enough data";
  const interval =
    e.ciLow !== null && e.ciHigh !== null ? `95% CI ${e.ciLow.toFixed(digits)}–${e.ciHigh.toFixed(digits)}, ` : "";
  return `${e.value.toFixed(digits)} (${interval}n = ${e.n.toLocaleString("en-US")} ${e.unit})`;
}

/** "71%" with the interval as percentages: "71% (95% CI 69–73%)". */
export function describePercent(e: Estimate): string {
  if (e.value === null) return e.reason ?? "not enough data";
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const interval = e.ciLow !== null && e.ciHigh !== null ? ` (95% CI ${pct(e.ciLow)}–${pct(e.ciHigh)})` : "";
  return `${pct(e.value)}${interval}`;
}
