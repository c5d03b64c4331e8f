import { planPairs } from "../pairs/plan";
import type { GoldRecord } from "./record";

/** A pair to store, by candidate key, in canonical order (A given before B). */
export type PlannedPair = { a: string; b: string; gold: GoldRecord["answer"] | null };

export type PromptPairing = {
  /** Every candidate of the prompt, in canonical order: as given on the line, then stored ones not on it. */
  candidates: readonly string[];
  /** Candidates this import creates; pairs are only planned for them. */
  fresh: ReadonlySet<string>;
  /** Pairs the prompt already has, in either order. */
  existing: ReadonlyArray<readonly [string, string]>;
  /** Known answers, by candidate key. */
  gold: readonly GoldRecord[];
  cap: number;
  random: () => number;
};

/**
 * The pairs to create for one prompt. A new prompt gets planPairs over its candidates. A prompt that
 * exists gets pairs that involve at least one new candidate, sampled so that the prompt has at most
 * `cap` pairs in all (gold ones included). Gold pairs are always stored: one that is also a planned
 * pair turns it gold instead of making a second; one that already exists is left as it is (an
 * import never changes stored rows).
 */
export function planPromptPairs(input: PromptPairing): PlannedPair[] {
  const { candidates, fresh, existing, cap, random } = input;
  const order = new Map(candidates.map((key, index) => [key, index]));
  const regular =
    existing.length === 0 && candidates.every((key) => fresh.has(key))
      ? planPairs(candidates, cap, random)
      : sample(pairsWithFresh(candidates, fresh), Math.max(0, cap - existing.length), random);

  const planned = new Map<string, PlannedPair>();
  for (const [a, b] of regular) planned.set(unordered(a, b), { a, b, gold: null });
  const stored = new Set(existing.map(([a, b]) => unordered(a, b)));
  for (const gold of input.gold) {
    const key = unordered(gold.a, gold.b);
    if (stored.has(key)) continue;
    const inOrder = (order.get(gold.a) ?? 0) < (order.get(gold.b) ?? 0);
    const pair: PlannedPair = inOrder
      ? { a: gold.a, b: gold.b, gold: gold.answer }
      : { a: gold.b, b: gold.a, gold: flip(gold.answer) };
    planned.set(key, pair);
  }
  return [...planned.values()];
}

function pairsWithFresh(candidates: readonly string[], fresh: ReadonlySet<string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i] as string;
      const b = candidates[j] as string;
      if (fresh.has(a) || fresh.has(b)) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** `count` items chosen uniformly at random (partial Fisher-Yates), or all of them if there are fewer. */
function sample<T>(items: T[], count: number, random: () => number): T[] {
  if (items.length <= count) return items;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items.slice(0, count);
}

function unordered(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function flip(answer: GoldRecord["answer"]): GoldRecord["answer"] {
  return answer === "A" ? "B" : answer === "B" ? "A" : "TIE";
}
