/**
 * One human judgment as the statistics see it. The four choices are four nominal categories:
 * BOTH_BAD is its own category (not a tie, not missing), because "neither answer is acceptable"
 * is a real verdict two labelers can agree or disagree on.
 */
export const CHOICES = ["A", "B", "TIE", "BOTH_BAD"] as const;
export type Choice = (typeof CHOICES)[number];

export type Vote = {
  pairId: string;
  labelerId: string;
  choice: Choice;
  /** Who wrote candidate A / B (a model name, `human`, `probe`); only the leaderboard needs them. */
  sourceA?: string | null;
  sourceB?: string | null;
  createdAt?: Date;
};

/** Votes on one pair per category, in CHOICES order: [A, B, TIE, BOTH_BAD]. */
export type Counts = [number, number, number, number];

export function isChoice(value: unknown): value is Choice {
  return typeof value === "string" && (CHOICES as readonly string[]).includes(value);
}

export function choiceIndex(choice: Choice): number {
  return CHOICES.indexOf(choice);
}

export function emptyCounts(): Counts {
  return [0, 0, 0, 0];
}

export function total(counts: readonly number[]): number {
  let sum = 0;
  for (const c of counts) sum += c;
  return sum;
}

/** Items grouped by a key, groups and items in first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The votes of each pair, in first-seen order. */
export function groupByPair(votes: readonly Vote[]): Map<string, Vote[]> {
  return groupBy(votes, (v) => v.pairId);
}

/** The votes of each labeler, in first-seen order. */
export function groupByLabeler(votes: readonly Vote[]): Map<string, Vote[]> {
  return groupBy(votes, (v) => v.labelerId);
}

export function labelersOf(votes: readonly Vote[]): string[] {
  return [...new Set(votes.map((v) => v.labelerId))].sort();
}

/** Category counts of each pair. */
export function countsByPair(votes: readonly Vote[]): Map<string, Counts> {
  const byPair = new Map<string, Counts>();
  for (const vote of votes) {
    let counts = byPair.get(vote.pairId);
    if (!counts) {
      counts = emptyCounts();
      byPair.set(vote.pairId, counts);
    }
    const i = choiceIndex(vote.choice);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return byPair;
}
