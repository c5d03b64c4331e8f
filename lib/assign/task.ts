import type { ProjectKind } from "../db";
import { DEFAULT_GO_QUESTION } from "../go/question";
import { type BoardState, readBoardState } from "../go/state";
import type { LeaseRow } from "./claim";

/** `board` is set for GO candidates, which are shown as boards; `text` is then the position string. */
export type CandidateView = { id: string; text: string; board?: BoardState | null };

/** What the labeler sees: blind (no sources, no gold flag), in the lease's left/right order. */
export type PairTask = {
  kind: "pair";
  assignmentId: string;
  expiresAt: string;
  prompt: string;
  /** Asked above the pair, e.g. "Which position is better for Black?"; null asks nothing extra. */
  question?: string | null;
  left: CandidateView;
  right: CandidateView;
};

export type DemonstrationTask = { kind: "demonstration"; promptId: string; prompt: string };

/**
 * Nothing to do now: the quota is met, nothing is left for this labeler ("empty"), or what is
 * left is leased by other labelers right now ("held": slots come back when their leases end).
 */
export type DoneTask = { kind: "done"; reason: "quota" | "empty" | "held"; completionCode?: string };

export type Task = PairTask | DemonstrationTask | DoneTask;

/** The project's question, or the default of its kind (TEXT projects ask none by default). */
export function pairQuestion(project: { kind: ProjectKind; question: string | null }): string | null {
  const own = project.question?.trim();
  if (own) return own;
  return project.kind === "GO" ? DEFAULT_GO_QUESTION : null;
}

export function pairTask(lease: LeaseRow, question: string | null = null): PairTask {
  const a = { id: lease.aId, text: lease.aText, board: readBoardState(lease.aBoard) };
  const b = { id: lease.bId, text: lease.bText, board: readBoardState(lease.bBoard) };
  const aOnLeft = a.id === lease.leftCandidateId;
  return {
    kind: "pair",
    assignmentId: lease.id,
    expiresAt: new Date(lease.expiresAt).toISOString(),
    prompt: lease.prompt,
    question,
    left: aOnLeft ? a : b,
    right: aOnLeft ? b : a,
  };
}
