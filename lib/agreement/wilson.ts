import { wilson as wilsonInterval } from "../quality/wilson";
import { type Estimate, notEnough } from "./estimate";

const Z95 = 1.959963984540054;

/**
 * A proportion with its Wilson score 95% interval (lib/quality/wilson), as an Estimate with its
 * count. `successes` may be fractional (half credit for a tie).
 */
export function wilson(successes: number, n: number, unit = "pairs"): Estimate {
  if (n <= 0) return notEnough(0, unit, "nothing to count yet");
  const { low, high } = wilsonInterval(successes, n, Z95);
  return { value: successes / n, ciLow: low, ciHigh: high, n, unit };
}
