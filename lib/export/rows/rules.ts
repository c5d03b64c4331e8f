import type { ExportFilters } from "./options";
import type { CandidateChoice, VoteSource } from "./source";

/**
 * The row rules. Votes arrive grouped by pair (the export reads them ordered by pair), so a pair's
 * counts are known before its rows are written and only one pair is held at a time.
 *
 * - Every count is over the judgments the filters kept (date range, labelers, after a model).
 * - A pair's agreement is the share of its votes that went to its most frequent answer.
 * - `minVotes` and `minAgreement` keep only pairs with at least that many votes and that agreement,
 *   for every format and rule.
 * - Rule "pair": one row per decided pair, i.e. one whose most frequent answer is A or B alone;
 *   a pair whose top answer is a tie, both-bad, or shared by two answers (2 A, 2 B) is left out.
 * - Rule "judgment": one row per decisive judgment (A or B) of a kept pair; ties and both-bad are
 *   left out because a preference row needs a chosen and a rejected side.
 */
export type PairTally = {
  votes: number;
  counts: Record<CandidateChoice, number>;
  /** The most frequent answer, or null when two answers share the top count. */
  top: CandidateChoice | null;
  agreement: number;
};

const CHOICES: CandidateChoice[] = ["A", "B", "TIE", "BOTH_BAD"];

export function tallyPair(votes: readonly Pick<VoteSource, "choice">[]): PairTally {
  const counts: Record<CandidateChoice, number> = { A: 0, B: 0, TIE: 0, BOTH_BAD: 0 };
  for (const vote of votes) counts[vote.choice]++;
  const most = Math.max(...CHOICES.map((c) => counts[c]));
  const leaders = CHOICES.filter((c) => counts[c] === most);
  return {
    votes: votes.length,
    counts,
    top: leaders.length === 1 ? (leaders[0] as CandidateChoice) : null,
    agreement: votes.length === 0 ? 0 : most / votes.length,
  };
}

export function meetsThresholds(tally: PairTally, filters: Pick<ExportFilters, "minVotes" | "minAgreement">): boolean {
  // A small tolerance so that 2/3 meets a typed 0.6667 the way a reader expects, but not 0.67.
  return tally.votes >= filters.minVotes && tally.agreement >= filters.minAgreement - 1e-9;
}

/** The pair rule's winner: "A" or "B" when the pair is decided, else null. */
export function decidedWinner(tally: PairTally): "A" | "B" | null {
  return tally.top === "A" || tally.top === "B" ? tally.top : null;
}

/** Why rows were left out, counted for the manifest. */
export type RuleCounts = {
  judgmentsRead: number;
  pairsRead: number;
  pairsBelowThresholds: number;
  pairsUndecided: number;
  indecisiveJudgments: number;
  rowsWritten: number;
};

export const emptyCounts = (): RuleCounts => ({
  judgmentsRead: 0,
  pairsRead: 0,
  pairsBelowThresholds: 0,
  pairsUndecided: 0,
  indecisiveJudgments: 0,
  rowsWritten: 0,
});

/**
 * Regroups batches of votes (ordered by pair) into whole pairs; a pair cut by a batch boundary is
 * held until its last vote has arrived.
 */
export async function* wholePairs(batches: AsyncIterable<readonly VoteSource[]>): AsyncGenerator<VoteSource[][]> {
  let current: VoteSource[] = [];
  for await (const batch of batches) {
    const pairs: VoteSource[][] = [];
    for (const vote of batch) {
      if (current.length > 0 && current[0]?.pairId !== vote.pairId) {
        pairs.push(current);
        current = [];
      }
      current.push(vote);
    }
    if (pairs.length > 0) yield pairs;
  }
  if (current.length > 0) yield [current];
}
