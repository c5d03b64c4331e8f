import type { AgreementTallies } from "./report";
import { type CohenTable, countsKey, type LabelerCell, type PairProfile, sortCells } from "./tally";
import { CHOICES, type Counts } from "./votes";

/**
 * The same tallies as talliesOf, from judgments packed by pair. The database sends a million
 * judgments as one text, `<labeler id><choice index>` per judgment, judgments of a pair separated
 * by JUDGMENT_SEPARATOR and pairs by PAIR_SEPARATOR (control characters no id contains), instead
 * of a million rows. Here each judgment becomes one small integer, `labeler index × 4 + choice
 * index`, and every tally — pair profiles, labeler cells, Cohen tables — is built in one pass.
 */
export type PackedPairs = {
  /** Codes of all pairs, pair after pair. */
  codes: Int32Array;
  /** Pair p's codes are codes[starts[p] .. starts[p + 1]). */
  starts: Int32Array;
};

export const JUDGMENT_SEPARATOR = "\u001f";
export const PAIR_SEPARATOR = "\u001e";
const JUDGMENT = JUDGMENT_SEPARATOR.charCodeAt(0);
const PAIR = PAIR_SEPARATOR.charCodeAt(0);
const ZERO = "0".charCodeAt(0);

/** Reads the packed text; labelerIndex gives each id's index (an unknown id is an error, never skipped). */
export function parsePackedPairs(text: string, labelerIndex: ReadonlyMap<string, number>): PackedPairs {
  let judgments = text.length > 0 ? 1 : 0;
  let pairs = judgments;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === PAIR) pairs++;
    if (ch === PAIR || ch === JUDGMENT) judgments++;
  }
  const codes = new Int32Array(judgments);
  const starts = new Int32Array(pairs + 1);
  let written = 0;
  let pair = 0;
  let from = 0;
  for (let i = 0; i <= text.length && text.length > 0; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : PAIR;
    if (ch !== JUDGMENT && ch !== PAIR) continue;
    const id = text.slice(from, i - 1);
    const labeler = labelerIndex.get(id);
    if (labeler === undefined) throw new Error(`Packed judgments name an unknown labeler: ${id}`);
    codes[written++] = packCode(labeler, text.charCodeAt(i - 1) - ZERO);
    if (ch === PAIR) starts[++pair] = written;
    from = i + 1;
  }
  return { codes, starts };
}

export function packCode(labelerIndex: number, choiceIndex: number): number {
  return labelerIndex * CHOICES.length + choiceIndex;
}

/**
 * labelerIds must be in ascending order (Array.prototype.sort): "first" of a Cohen table is then
 * simply the lower index, as talliesOf compares ids.
 */
export function talliesFromPacked(labelerIds: readonly string[], { codes, starts }: PackedPairs): AgreementTallies {
  const k = CHOICES.length;
  const labelers = labelerIds.length;
  // A pair's counts as one number in base (largest pair + 1) when that stays exact, else as text.
  let largest = 0;
  for (let p = 0; p + 1 < starts.length; p++)
    largest = Math.max(largest, (starts[p + 1] as number) - (starts[p] as number));
  const base = largest + 1;
  const numericKeys = base ** k <= Number.MAX_SAFE_INTEGER;
  const profiles = new Map<number | string, { counts: Counts; pairs: number; cells: Map<number, number> }>();
  // Cohen tables (4×4 cells each) of labelers first < second, found through a dense slot per
  // (first, second) when that fits in memory, else a map.
  const tables: { first: number; second: number; table: Int32Array }[] = [];
  const dense = labelers <= 2048 ? new Int32Array(labelers * labelers).fill(-1) : null;
  const sparse = new Map<number, number>();
  const counts = new Int32Array(k);
  for (let p = 0; p + 1 < starts.length; p++) {
    const from = starts[p] as number;
    const to = starts[p + 1] as number;
    if (to === from) continue;
    counts.fill(0);
    for (let i = from; i < to; i++) {
      const c = codes[i] as number;
      counts[c % k] = (counts[c % k] as number) + 1;
    }
    let key: number | string = 0;
    if (numericKeys) for (let c = 0; c < k; c++) key = (key as number) * base + (counts[c] as number);
    else key = countsKey(counts);
    let profile = profiles.get(key);
    if (!profile) {
      profile = { counts: [...counts] as Counts, pairs: 0, cells: new Map() };
      profiles.set(key, profile);
    }
    profile.pairs++;
    for (let i = from; i < to; i++) {
      const x = codes[i] as number;
      profile.cells.set(x, (profile.cells.get(x) ?? 0) + 1);
      const xl = (x - (x % k)) / k;
      for (let j = from; j < to; j++) {
        const y = codes[j] as number;
        const yl = (y - (y % k)) / k;
        if (xl >= yl) continue;
        const slotKey = xl * labelers + yl;
        let slot = dense ? (dense[slotKey] as number) : (sparse.get(slotKey) ?? -1);
        if (slot < 0) {
          slot = tables.length;
          tables.push({ first: xl, second: yl, table: new Int32Array(k * k) });
          if (dense) dense[slotKey] = slot;
          else sparse.set(slotKey, slot);
        }
        const table = (tables[slot] as { table: Int32Array }).table;
        table[(x % k) * k + (y % k)] = (table[(x % k) * k + (y % k)] as number) + 1;
      }
    }
  }
  const cells: LabelerCell[] = [];
  for (const profile of profiles.values())
    for (const [code, judgments] of profile.cells)
      cells.push({
        labelerId: labelerIds[(code - (code % k)) / k] as string,
        choice: CHOICES[code % k] as (typeof CHOICES)[number],
        counts: profile.counts,
        judgments,
      });
  const pairProfiles: PairProfile[] = [...profiles.values()]
    .map((p) => ({ key: countsKey(p.counts), counts: p.counts, pairs: p.pairs }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ counts, pairs }) => ({ counts, pairs }));
  const cohen: CohenTable[] = tables.map(({ first, second, table }) => ({
    first: labelerIds[first] as string,
    second: labelerIds[second] as string,
    table: CHOICES.map((_, i) => Array.from(table.subarray(i * k, (i + 1) * k))),
  }));
  cohen.sort((a, b) => a.first.localeCompare(b.first) || a.second.localeCompare(b.second));
  return { profiles: pairProfiles, cells: sortCells(cells), cohen };
}
