import { nextTask, type Task } from "../assign";
import { DomainError } from "../errors";
import type { Project } from "../generated/prisma/client";
import type { JudgmentRequest } from "./schema";
import { type StoredJudgment, submitJudgment } from "./submit";

export type JudgmentAnswer = StoredJudgment & {
  /**
   * The labeler's next task, when the request asked for it and it could be found. Missing when
   * it was not asked for or could not be served (paused, archived, a fault): the judgment is stored
   * regardless, and the browser then asks GET /next, which explains a refusal in words.
   */
  next?: Task;
};

/**
 * Stores a judgment and, when asked, claims the labeler's next task in the same request: one
 * round trip per judgment instead of two. The claim runs only after the judgment is stored, so a
 * refused judgment (400, 409) hands out no lease; a replay of a stored judgment finds the lease its
 * lost answer carried (nextTask serves a live lease the client does not list before claiming anew).
 */
export async function judgeAndContinue(
  project: Project,
  userId: string,
  { next, ...judgment }: JudgmentRequest,
): Promise<JudgmentAnswer> {
  const stored = await submitJudgment(project, userId, judgment);
  if (!next) return stored;
  try {
    return { ...stored, next: await nextTask(project, userId, { exclude: next.exclude }) };
  } catch (error) {
    // The judgment is stored: its answer must say so whatever happens to the next claim.
    if (!(error instanceof DomainError)) console.error("next task after a judgment failed:", error);
    return stored;
  }
}
