import type { ProjectShape } from "./columns";
import { goColumns } from "./go";
import type { ExportSpec } from "./options";
import { decidedWinner, meetsThresholds, type RuleCounts, tallyPair } from "./rules";
import type { CandidateSource, VoteSource } from "./source";

export type ExportRow = Record<string, unknown>;
type Message = { role: "user" | "assistant"; content: string };

/**
 * TRL's RewardTrainer subtracts `margin` inside its loss, −log σ(r_chosen − r_rejected − margin).
 * Vibecheck's own trainer uses the labeler's strength the same way, 0.5 per level above "slightly
 * better" (lib/rm/train/train.ts): strength 1 → 0, 2 → 0.5, 3 → 1. A judgment without a strength
 * counts as 1. A decided pair's margin is the mean over the votes for the winner.
 */
export const MARGIN_PER_LEVEL = 0.5;

export function marginOf(strength: number | null): number {
  const level = strength !== null && strength >= 1 && strength <= 3 ? strength : 1;
  return MARGIN_PER_LEVEL * (level - 1);
}

/**
 * The rows of whole pairs under the spec's rule and thresholds, counting what was left out.
 * `labelerId` turns a user id into the project's pseudonym.
 */
export function rowsOfPairs(
  pairs: readonly VoteSource[][],
  project: ProjectShape,
  spec: Pick<ExportSpec, "format" | "rule" | "messages" | "filters">,
  labelerId: (userId: string) => string,
  counts: RuleCounts,
): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const votes of pairs) {
    counts.pairsRead++;
    counts.judgmentsRead += votes.length;
    const tally = tallyPair(votes);
    if (!meetsThresholds(tally, spec.filters)) {
      counts.pairsBelowThresholds++;
      continue;
    }
    if (spec.format === "votes") {
      for (const vote of votes) rows.push(voteRow(vote, project, labelerId));
    } else if (spec.rule === "pair") {
      const winner = decidedWinner(tally);
      const first = votes[0];
      if (!winner || !first) {
        counts.pairsUndecided++;
        continue;
      }
      const forWinner = votes.filter((v) => v.choice === winner);
      const margin = forWinner.reduce((sum, v) => sum + marginOf(v.strength), 0) / forWinner.length;
      rows.push({
        ...preference(first, winner, project, spec.messages, margin),
        votes: tally.votes,
        agreement: tally.agreement,
        ...goSides(first, winner, project),
      });
    } else {
      for (const vote of votes) {
        const choice = vote.choice;
        if (choice !== "A" && choice !== "B") {
          counts.indecisiveJudgments++;
          continue;
        }
        rows.push({
          ...preference(vote, choice, project, spec.messages, marginOf(vote.strength)),
          judgment_id: vote.judgmentId,
          labeler_id: labelerId(vote.userId),
          ...goSides(vote, choice, project),
        });
      }
    }
  }
  counts.rowsWritten += rows.length;
  return rows;
}

export function voteRow(vote: VoteSource, project: ProjectShape, labelerId: (userId: string) => string): ExportRow {
  const row: ExportRow = {
    judgment_id: vote.judgmentId,
    pair_id: vote.pairId,
    prompt_id: vote.promptId,
    candidate_a_id: vote.a.id,
    candidate_b_id: vote.b.id,
    source_a: vote.a.source,
    source_b: vote.b.source,
    left_candidate_id: vote.leftIsA ? vote.a.id : vote.b.id,
    labeler_id: labelerId(vote.userId),
    choice: vote.choice,
    strength: vote.strength,
    rationale: vote.rationale,
    duration_ms: vote.durationMs,
    created_at: vote.createdAt,
    is_gold: vote.isGold,
    gold_answer: vote.goldAnswer,
  };
  if (!project.go) return row;
  const a = goColumns(vote.a.board);
  const b = goColumns(vote.b.board);
  return {
    ...row,
    position_a: a.position,
    position_b: b.position,
    sgf_a: a.sgf,
    sgf_b: b.sgf,
    p_black_wins_a: vote.a.pBlackWins,
    p_black_wins_b: vote.b.pBlackWins,
  };
}

function sides(vote: VoteSource, winner: "A" | "B"): [CandidateSource, CandidateSource] {
  return winner === "A" ? [vote.a, vote.b] : [vote.b, vote.a];
}

function preference(
  vote: VoteSource,
  winner: "A" | "B",
  project: ProjectShape,
  messages: ExportSpec["messages"],
  margin: number,
): ExportRow {
  const [chosen, rejected] = sides(vote, winner);
  const conversational = messages === "conversational";
  const user = (content: string): Message[] => [{ role: "user", content }];
  const assistant = (content: string): Message[] => [{ role: "assistant", content }];
  return {
    prompt: conversational ? user(vote.prompt) : vote.prompt,
    chosen: conversational ? assistant(chosen.text) : chosen.text,
    rejected: conversational ? assistant(rejected.text) : rejected.text,
    ...(project.strength ? { margin } : {}),
    prompt_id: vote.promptId,
    pair_id: vote.pairId,
    chosen_id: chosen.id,
    rejected_id: rejected.id,
  };
}

function goSides(vote: VoteSource, winner: "A" | "B", project: ProjectShape): ExportRow {
  if (!project.go) return {};
  const [chosen, rejected] = sides(vote, winner);
  const c = goColumns(chosen.board);
  const r = goColumns(rejected.board);
  return {
    chosen_position: c.position,
    rejected_position: r.position,
    chosen_sgf: c.sgf,
    rejected_sgf: r.sgf,
    chosen_p_black_wins: chosen.pBlackWins,
    rejected_p_black_wins: rejected.pBlackWins,
  };
}
