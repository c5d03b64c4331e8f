import { type Estimate, notEnough } from "./estimate";

const Z95 = 1.959963984540054;

/**
 * A proportion with its Wilson score 95% interval, which stays inside [0, 1] and behaves at 0 and n
 * successes (the normal approximation does not). `successes` may be fractional (half credit for a tie).
 */
export function wilson(successes: number, n: number, unit = "pairs"): Estimate {
  if (n <= 0) return notEnough(0, unit, "nothing to count yet");
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, ciLow: Math.max(0, centre - half), ciHigh: Math.min(1, centre + half), n, unit };
}
