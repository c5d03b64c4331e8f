import { mulberry32 } from "../random";
import { BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED, type BootstrapOptions, multinomial, percentileInterval } from "./bootstrap";
import type { Choice, Vote } from "./votes";

/**
 * Bradley–Terry leaderboard of candidate sources (model names, `human`, `probe`).
 *
 * P(i beats j) = s_i / (s_i + s_j), fitted by plain maximum likelihood (Hunter's 2004 MM
 * iterations) on decisive and tied judgments: a tie is half a win for each side, BOTH_BAD is left
 * out (it says nothing about which source is better), and so are pairs of one source against
 * itself. Strengths are reported as natural-log strengths centred to mean 0, so the difference of
 * two strengths is the log-odds that one beats the other. Intervals: percentile bootstrap over
 * judgments (a multinomial draw over the matchup tallies, seeded).
 */

/** Judgments of `first` against `second` (first < second): first won, second won, tie. */
export type Matchup = { first: string; second: string; firstWins: number; secondWins: number; ties: number };

export type LeaderboardRow = {
  source: string;
  strength: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** 1 + the number of sources whose lower bound is above this one's upper bound. */
  rank: number;
  wins: number;
  losses: number;
  ties: number;
  reason?: string;
};

export type Leaderboard = {
  sources: LeaderboardRow[];
  /** Judgments used (decisive and tied, between two different sources). */
  judgments: number;
  /** Bootstrap rounds whose resample had a maximum likelihood estimate (see fitBradleyTerry). */
  roundsUsed: number;
  rounds: number;
  reason?: string;
};

export function matchupsOf(votes: readonly Vote[]): Matchup[] {
  return tallyMatchups(votes.map((v) => ({ sourceA: v.sourceA, sourceB: v.sourceB, choice: v.choice, judgments: 1 })));
}

/** Matchups from judgments counted by (source of A, source of B, choice), as SQL returns them. */
export function tallyMatchups(
  rows: Iterable<{ sourceA?: string | null; sourceB?: string | null; choice: Choice; judgments: number }>,
): Matchup[] {
  const byKey = new Map<string, Matchup>();
  for (const { sourceA, sourceB, choice, judgments } of rows) {
    if (!sourceA || !sourceB || sourceA === sourceB || choice === "BOTH_BAD") continue;
    const flipped = sourceA > sourceB;
    const first = flipped ? sourceB : sourceA;
    const second = flipped ? sourceA : sourceB;
    const key = `${first}\u0000${second}`;
    let m = byKey.get(key);
    if (!m) {
      m = { first, second, firstWins: 0, secondWins: 0, ties: 0 };
      byKey.set(key, m);
    }
    if (choice === "TIE") m.ties += judgments;
    else if ((choice === "A") !== flipped) m.firstWins += judgments;
    else m.secondWins += judgments;
  }
  return [...byKey.values()].sort((a, b) => a.first.localeCompare(b.first) || a.second.localeCompare(b.second));
}

type Game = { i: number; j: number; winsI: number; winsJ: number; ties: number };

/**
 * Maximum likelihood log-strengths (centred), or null when they do not exist: the MLE exists only
 * if the "won at least half a game against" graph is strongly connected (Ford 1957) — a source
 * that never lost, or two groups never compared, would have an unbounded strength.
 */
export function fitBradleyTerry(sources: number, games: readonly Game[]): number[] | null {
  const wins = new Array<number>(sources).fill(0);
  const beat: number[][] = Array.from({ length: sources }, () => []);
  for (const g of games) {
    if (g.winsI + g.winsJ + g.ties === 0) continue;
    wins[g.i] = (wins[g.i] ?? 0) + g.winsI + g.ties / 2;
    wins[g.j] = (wins[g.j] ?? 0) + g.winsJ + g.ties / 2;
    if (g.winsI + g.ties > 0) beat[g.i]?.push(g.j);
    if (g.winsJ + g.ties > 0) beat[g.j]?.push(g.i);
  }
  if (!stronglyConnected(beat)) return null;
  let strength = new Array<number>(sources).fill(1);
  for (let iteration = 0; iteration < 100000; iteration++) {
    const denominator = new Array<number>(sources).fill(0);
    for (const g of games) {
      const n = g.winsI + g.winsJ + g.ties;
      if (n === 0) continue;
      const share = n / ((strength[g.i] ?? 1) + (strength[g.j] ?? 1));
      denominator[g.i] = (denominator[g.i] ?? 0) + share;
      denominator[g.j] = (denominator[g.j] ?? 0) + share;
    }
    const next = strength.map((_, k) => (wins[k] ?? 0) / (denominator[k] ?? 1));
    // Rescale so the geometric mean is 1 (log-strengths centred to 0).
    const meanLog = next.reduce((a, s) => a + Math.log(s), 0) / sources;
    const scaled = next.map((s) => s / Math.exp(meanLog));
    const change = Math.max(...scaled.map((s, k) => Math.abs(Math.log(s) - Math.log(strength[k] ?? 1))));
    strength = scaled;
    if (change < 1e-10) break;
  }
  return strength.map((s) => Math.log(s));
}

function stronglyConnected(edges: readonly number[][]): boolean {
  const n = edges.length;
  if (n <= 1) return n === 1;
  const reach = (graph: readonly number[][]) => {
    const seen = new Set([0]);
    const stack = [0];
    while (stack.length > 0) {
      for (const next of graph[stack.pop() ?? 0] ?? [])
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
    }
    return seen.size === n;
  };
  const reversed: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((targets, from) => {
    for (const to of targets) reversed[to]?.push(from);
  });
  return reach(edges) && reach(reversed);
}

/** Rounds may fail to have an MLE; beyond this share of them the interval is not shown. */
const MAX_FAILED_ROUNDS = 0.025;

export function leaderboard(votes: readonly Vote[], options: BootstrapOptions = {}): Leaderboard {
  return leaderboardFromMatchups(matchupsOf(votes), options);
}

export function leaderboardFromMatchups(matchups: readonly Matchup[], options: BootstrapOptions = {}): Leaderboard {
  const names = [...new Set(matchups.flatMap((m) => [m.first, m.second]))].sort();
  const index = new Map(names.map((s, k) => [s, k]));
  const games: Game[] = matchups.map((m) => ({
    i: index.get(m.first) ?? 0,
    j: index.get(m.second) ?? 0,
    winsI: m.firstWins,
    winsJ: m.secondWins,
    ties: m.ties,
  }));
  const record = names.map(() => ({ wins: 0, losses: 0, ties: 0 }));
  for (const g of games) {
    const a = record[g.i];
    const b = record[g.j];
    if (!a || !b) continue;
    a.wins += g.winsI;
    a.losses += g.winsJ;
    a.ties += g.ties;
    b.wins += g.winsJ;
    b.losses += g.winsI;
    b.ties += g.ties;
  }
  const judgments = games.reduce((a, g) => a + g.winsI + g.winsJ + g.ties, 0);
  const rounds = options.rounds ?? BOOTSTRAP_ROUNDS;
  const point = names.length >= 2 ? fitBradleyTerry(names.length, games) : null;
  const reason =
    names.length < 2
      ? "Not enough comparisons: judgments between at least two different sources are needed."
      : point === null
        ? "No strengths yet: some source has never lost (or never won), or some sources were never compared with the rest, so their strength is unbounded."
        : undefined;

  let intervals: ({ low: number; high: number } | null)[] = names.map(() => null);
  let roundsUsed = 0;
  if (point) {
    const random = mulberry32(options.seed ?? BOOTSTRAP_SEED);
    const cells = games.flatMap((g) => [g.winsI, g.winsJ, g.ties]);
    const samples: number[][] = names.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const drawn = multinomial(random, judgments, cells);
      const resampled = games.map((g, k) => ({
        ...g,
        winsI: drawn[3 * k] ?? 0,
        winsJ: drawn[3 * k + 1] ?? 0,
        ties: drawn[3 * k + 2] ?? 0,
      }));
      const fit = fitBradleyTerry(names.length, resampled);
      if (!fit) continue;
      roundsUsed++;
      fit.forEach((s, k) => {
        samples[k]?.push(s);
      });
    }
    if (roundsUsed >= rounds * (1 - MAX_FAILED_ROUNDS)) intervals = samples.map((s) => percentileInterval(s));
  }

  const rows = names.map((source, k) => ({
    source,
    strength: point?.[k] ?? null,
    ciLow: intervals[k]?.low ?? null,
    ciHigh: intervals[k]?.high ?? null,
    rank: 1,
    ...(record[k] ?? { wins: 0, losses: 0, ties: 0 }),
    ...(point ? {} : { reason }),
  }));
  for (const row of rows)
    row.rank =
      1 + rows.filter((o) => o !== row && o.ciLow !== null && row.ciHigh !== null && o.ciLow > row.ciHigh).length;
  rows.sort((a, b) => a.rank - b.rank || (b.strength ?? 0) - (a.strength ?? 0) || a.source.localeCompare(b.source));
  const intervalReason =
    point && roundsUsed < rounds * (1 - MAX_FAILED_ROUNDS)
      ? `No intervals: in ${rounds - roundsUsed} of ${rounds} bootstrap resamples some source never lost or never won, so there are too few comparisons to bound the strengths.`
      : undefined;
  return {
    sources: rows,
    judgments,
    roundsUsed,
    rounds,
    ...(reason ? { reason } : intervalReason ? { reason: intervalReason } : {}),
  };
}
