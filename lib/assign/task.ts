import type { LeaseRow } from "./claim";

export type CandidateView = { id: string; text: string };

/** What the labeler sees: blind (no sources, no gold flag), in the lease's left/right order. */
export type PairTask = {
  kind: "pair";
  assignmentId: string;
  expiresAt: string;
  prompt: string;
  left: CandidateView;
  right: CandidateView;
};

export type DemonstrationTask = { kind: "demonstration"; promptId: string; prompt: string };

export type DoneTask = { kind: "done"; reason: "quota" | "empty"; completionCode?: string };

export type Task = PairTask | DemonstrationTask | DoneTask;

export function pairTask(lease: LeaseRow): PairTask {
  const a = { id: lease.aId, text: lease.aText };
  const b = { id: lease.bId, text: lease.bText };
  const aOnLeft = a.id === lease.leftCandidateId;
  return {
    kind: "pair",
    assignmentId: lease.id,
    expiresAt: new Date(lease.expiresAt).toISOString(),
    prompt: lease.prompt,
    left: aOnLeft ? a : b,
    right: aOnLeft ? b : a,
  };
}
