import { z } from "zod";
import { db } from "../db";
import type { Project } from "../generated/prisma/client";

export const undoInputSchema = z.object({
  /** The client id the judgment was submitted with. */
  clientId: z.string().uuid("must be the client id (a UUID) the judgment was sent with"),
});

export type UndoInput = z.infer<typeof undoInputSchema>;

export type UndoAnswer = { clientId: string; undone: true };

/**
 * Takes back one of the labeler's judgments, in one statement: the judgment is deleted, the pair
 * counts one judgment less, and the judgment's lease becomes live again (fresh expiry, same
 * left/right order), so the labeler gets that pair back to answer again. The slot moves from the
 * judgment to the lease: `openSlots` (k − judgments − live leases) does not change. If the labeler
 * does not answer again, the lease expires or is skipped and the slot returns to the pair.
 *
 * Idempotent like a submission: the client id names the judgment; an undo sent again (or of a
 * judgment that was never stored, or someone else's) finds nothing to delete and answers the same.
 */
export async function undoJudgment(project: Project, userId: string, input: UndoInput): Promise<UndoAnswer> {
  await db().$executeRaw`
    WITH removed AS (
      DELETE FROM "Judgment"
      WHERE "clientId" = ${input.clientId} AND "userId" = ${userId} AND "projectId" = ${project.id}
      RETURNING "pairId", "assignmentId"
    ), pair AS (
      UPDATE "Pair" p SET "judgmentCount" = p."judgmentCount" - 1
      FROM removed WHERE p.id = removed."pairId"
    )
    UPDATE "Assignment" a SET status = 'ACTIVE', "expiresAt" = now() + make_interval(secs => ${project.leaseSeconds})
    FROM removed WHERE a.id = removed."assignmentId"`;
  return { clientId: input.clientId, undone: true };
}
