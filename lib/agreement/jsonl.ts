import { DomainError } from "../errors";
import { isChoice, type Vote } from "./votes";

/**
 * Reads a raw-votes file: one JSON object per line with `pair_id`, `labeler_id`, `choice`
 * (A|B|TIE|BOTH_BAD) and, for the leaderboard, `source_a` and `source_b` (the export writes the
 * same format; other fields are ignored). Blank lines are skipped. A bad line is refused with its
 * number and the field at fault; so is the same labeler judging the same pair twice.
 */
export function parseVotes(text: string, options: { sources: boolean }): Vote[] {
  const votes: Vote[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const at = index + 1;
    if (line.trim() === "") return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw invalid(at, "line", "is not valid JSON");
    }
    if (typeof row !== "object" || row === null || Array.isArray(row))
      throw invalid(at, "line", "is not a JSON object");
    const record = row as Record<string, unknown>;
    const pairId = text_(record, "pair_id", at);
    const labelerId = text_(record, "labeler_id", at);
    const choice = record.choice;
    if (!isChoice(choice)) throw invalid(at, "choice", `must be A, B, TIE or BOTH_BAD, got ${JSON.stringify(choice)}`);
    const key = `${pairId}\u0000${labelerId}`;
    if (seen.has(key)) throw invalid(at, "labeler_id", `${labelerId} judged pair ${pairId} twice`);
    seen.add(key);
    const vote: Vote = { pairId, labelerId, choice };
    if (options.sources) {
      vote.sourceA = text_(record, "source_a", at);
      vote.sourceB = text_(record, "source_b", at);
    }
    votes.push(vote);
  });
  return votes;
}

function text_(record: Record<string, unknown>, field: string, at: number): string {
  const value = record[field];
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string" || value === "") throw invalid(at, field, "is missing or not a string");
  return value;
}

function invalid(line: number, field: string, problem: string): DomainError {
  return new DomainError("INVALID_IMPORT", `Line ${line}: ${field} ${problem}.`, { line, field });
}
