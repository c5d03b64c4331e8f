const BASE_MS = 500;
const CAP_MS = 30_000;

/**
 * Wait before retry number `failures` (0 for the first retry): doubling from 0.5 s, capped at
 * 30 s, with "equal jitter" (half fixed, half random) so that many browsers coming back online
 * at once do not hit the server in lockstep.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, failures));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
