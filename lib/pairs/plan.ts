/**
 * Which candidate pairs of one prompt to ask about: all of them up to `cap`, else a uniform
 * random sample of `cap` (partial Fisher-Yates over the pair indices).
 */
export function planPairs<T>(candidates: readonly T[], cap: number, random: () => number = Math.random): [T, T][] {
  const all: [T, T][] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) all.push([candidates[i] as T, candidates[j] as T]);
  }
  if (all.length <= cap) return all;
  for (let i = 0; i < cap; i++) {
    const j = i + Math.floor(random() * (all.length - i));
    [all[i], all[j]] = [all[j] as [T, T], all[i] as [T, T]];
  }
  return all.slice(0, cap);
}

/** Serving order key for a new pair: random, so concurrent labelers spread over the table. */
export function shuffleKey(random: () => number = Math.random): number {
  return Math.floor(random() * 2_147_483_647);
}

/** Up to `n` items drawn uniformly without replacement, in draw order. */
export function sample<T>(items: readonly T[], n: number, random: () => number = Math.random): T[] {
  const copy = [...items];
  const take = Math.min(n, copy.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, take);
}
