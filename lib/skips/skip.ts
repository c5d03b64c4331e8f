import { db, type Prisma } from "../db";
import { DomainError } from "../errors";
import type { Project } from "../generated/prisma/client";
import type { SkipInput } from "./schema";

type Tx = Prisma.TransactionClient;

export type SkipAnswer = { assignmentId: string; skipped: true };

/**
 * The labeler will not judge this pair: the lease is released at once (its slot goes back to the
 * pair) and a Skip is stored, which keeps the pair away from this labeler for good (see
 * eligibleFor in lib/assign/claim.ts). Idempotent: sending it again answers the same and counts
 * one skip.
 */
export async function skipPair(project: Project, userId: string, input: SkipInput): Promise<SkipAnswer> {
  await db().$transaction((tx) => skipLease(tx, project, userId, input.assignmentId, input.reason || null));
  return { assignmentId: input.assignmentId, skipped: true };
}

/**
 * Releases the lease and records the skip inside the caller's transaction; returns the pair.
 *
 * The lease row is locked first, so a retry or a second tab waits here and then, in a statement
 * that sees the first one's commit, finds the Skip already stored. The slot goes back only if the
 * lease was still live: an expired lease gave its slot back when it was reclaimed (lib/assign/
 * leases.ts), and the reclaim cannot run twice on it, since it re-checks ACTIVE under the same lock.
 */
export async function skipLease(
  tx: Tx,
  project: Project,
  userId: string,
  assignmentId: string,
  reason: string | null,
): Promise<{ pairId: string }> {
  const leases = await tx.$queryRaw<{ pairId: string; status: string }[]>`
    SELECT "pairId", status::text FROM "Assignment"
    WHERE id = ${assignmentId} AND "userId" = ${userId} AND "projectId" = ${project.id}
    FOR UPDATE`;
  const lease = leases[0];
  if (!lease) {
    throw new DomainError("NOT_FOUND", "This pair is not one you were given; reload the page to get your next pair.");
  }
  if (lease.status === "DONE") {
    throw new DomainError("ALREADY_JUDGED", "You already judged this pair; undo that judgment first to skip it.");
  }
  await tx.$executeRaw`
    WITH released AS (
      UPDATE "Assignment" SET status = 'EXPIRED'
      WHERE id = ${assignmentId} AND status = 'ACTIVE'
      RETURNING "pairId"
    ), freed AS (
      -- Never above k − judgments that count (excluded labelers' do not, as in lib/projects/slots.ts),
      -- even if k was lowered while the lease was out.
      UPDATE "Pair" p SET "openSlots" = LEAST(p."openSlots" + 1, GREATEST(0, ${project.k}::int - p."judgmentCount" + (
        SELECT count(*)::int FROM "Judgment" j
        JOIN "Membership" m ON m."projectId" = j."projectId" AND m."userId" = j."userId"
        WHERE j."pairId" = p.id AND m.excluded)))
      FROM released WHERE p.id = released."pairId" AND NOT p."isGold"
    )
    INSERT INTO "Skip" (id, "projectId", "pairId", "userId", reason)
    SELECT gen_random_uuid()::text, ${project.id}, ${lease.pairId}, ${userId}, ${reason}
    WHERE NOT EXISTS (SELECT 1 FROM "Skip" WHERE "pairId" = ${lease.pairId} AND "userId" = ${userId})`;
  return { pairId: lease.pairId };
}
