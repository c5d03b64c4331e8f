import { CHOICES, type Choice, type Counts, choiceIndex, countsByPair, groupByPair, type Vote } from "./votes";

/**
 * Tallies: what the pair-level statistics actually depend on. Percent agreement, Fleiss' κ,
 * Krippendorff's α and the human ceiling are functions of each pair's category counts only, so
 * pairs are tallied by their count vector (a handful of distinct vectors even for a million
 * judgments). The database computes the same tallies in SQL (lib/stats/agreement-data.ts).
 */

/** How many pairs have exactly these counts [A, B, TIE, BOTH_BAD]. */
export type PairProfile = { counts: Counts; pairs: number };

/** How many of one labeler's judgments were `choice` on a pair whose counts (theirs included) are `counts`. */
export type LabelerCell = { labelerId: string; choice: Choice; counts: Counts; judgments: number };

/** Two labelers' choices on the pairs both judged: table[i][j] = pairs where first chose CHOICES[i], second CHOICES[j]. */
export type CohenTable = { first: string; second: string; table: number[][] };

export function countsKey(counts: readonly number[] | Int32Array): string {
  return counts.join(",");
}

export function pairProfiles(votes: readonly Vote[]): PairProfile[] {
  const byKey = new Map<string, PairProfile>();
  for (const counts of countsByPair(votes).values()) {
    const key = countsKey(counts);
    const profile = byKey.get(key);
    if (profile) profile.pairs += 1;
    else byKey.set(key, { counts, pairs: 1 });
  }
  return [...byKey.values()].sort((a, b) => countsKey(a.counts).localeCompare(countsKey(b.counts)));
}

export function labelerCells(votes: readonly Vote[]): LabelerCell[] {
  const counts = countsByPair(votes);
  const byKey = new Map<string, LabelerCell>();
  for (const vote of votes) {
    const pairCounts = counts.get(vote.pairId) as Counts;
    const key = `${vote.labelerId}\u0000${vote.choice}\u0000${countsKey(pairCounts)}`;
    const cell = byKey.get(key);
    if (cell) cell.judgments += 1;
    else byKey.set(key, { labelerId: vote.labelerId, choice: vote.choice, counts: pairCounts, judgments: 1 });
  }
  return sortCells([...byKey.values()]);
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One order for cells however they were made, so bootstrap draws (and sums) match between SQL and memory. */
export function sortCells(cells: LabelerCell[]): LabelerCell[] {
  return cells.sort(
    (x, y) =>
      order(x.labelerId, y.labelerId) || order(x.choice, y.choice) || order(countsKey(x.counts), countsKey(y.counts)),
  );
}

/** For every two labelers who judged at least one common pair, their 4×4 table of choices. */
export function cohenTables(votes: readonly Vote[]): CohenTable[] {
  const byPair = groupByPair(votes);
  const tables = new Map<string, CohenTable>();
  for (const pairVotes of byPair.values()) {
    for (const x of pairVotes) {
      for (const y of pairVotes) {
        if (x.labelerId >= y.labelerId) continue;
        const key = `${x.labelerId}\u0000${y.labelerId}`;
        let entry = tables.get(key);
        if (!entry) {
          entry = { first: x.labelerId, second: y.labelerId, table: CHOICES.map(() => CHOICES.map(() => 0)) };
          tables.set(key, entry);
        }
        const row = entry.table[choiceIndex(x.choice)] as number[];
        const j = choiceIndex(y.choice);
        row[j] = (row[j] ?? 0) + 1;
      }
    }
  }
  return [...tables.values()].sort((a, b) => a.first.localeCompare(b.first) || a.second.localeCompare(b.second));
}

/**
 * Pair profiles recovered from labeler cells: every judgment on a pair with counts c lands in a
 * cell with those counts, so a profile's pairs = its cells' judgments / Σ c. The database returns
 * only the cells; this saves a second pass over the judgments.
 */
export function profilesFromCells(cells: readonly LabelerCell[]): PairProfile[] {
  const byKey = new Map<string, { counts: Counts; judgments: number }>();
  for (const cell of cells) {
    const key = countsKey(cell.counts);
    const entry = byKey.get(key);
    if (entry) entry.judgments += cell.judgments;
    else byKey.set(key, { counts: cell.counts, judgments: cell.judgments });
  }
  return [...byKey.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([, e]) => ({ counts: e.counts, pairs: e.judgments / e.counts.reduce((x, y) => x + y, 0) }));
}
