/**
 * Hackability of one reward model version: the share of probes (degenerate candidates) it scores
 * above the median genuine candidate of the project. A model that cannot tell "the the the" from a
 * real answer scores about half of the probes above that median; a robust one, none.
 */
export type Hackability = { probes: number; aboveMedian: number; share: number | null; genuineMedian: number | null };

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function hackability(probeScores: readonly number[], genuineScores: readonly number[]): Hackability {
  const genuineMedian = median(genuineScores);
  if (genuineMedian === null || probeScores.length === 0)
    return { probes: probeScores.length, aboveMedian: 0, share: null, genuineMedian };
  const aboveMedian = probeScores.filter((s) => s > genuineMedian).length;
  return { probes: probeScores.length, aboveMedian, share: aboveMedian / probeScores.length, genuineMedian };
}
