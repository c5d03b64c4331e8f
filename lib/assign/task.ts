import { db } from "../db";
import type { Lease } from "./claim";

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

export async function pairTask(lease: Lease): Promise<PairTask> {
  const pair = await db().pair.findUniqueOrThrow({
    where: { id: lease.pairId },
    select: {
      prompt: { select: { text: true } },
      candidateA: { select: { id: true, text: true } },
      candidateB: { select: { id: true, text: true } },
    },
  });
  const aOnLeft = pair.candidateA.id === lease.leftCandidateId;
  return {
    kind: "pair",
    assignmentId: lease.id,
    expiresAt: new Date(lease.expiresAt).toISOString(),
    prompt: pair.prompt.text,
    left: aOnLeft ? pair.candidateA : pair.candidateB,
    right: aOnLeft ? pair.candidateB : pair.candidateA,
  };
}
