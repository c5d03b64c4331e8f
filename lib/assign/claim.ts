import { db } from "../db";

export type Lease = { id: string; pairId: string; leftCandidateId: string; expiresAt: Date };

/**
 * Claims one open slot of a regular pair for a labeler, in one statement.
 *
 * Why it is safe under concurrency: the pair row is locked (FOR UPDATE SKIP LOCKED, so concurrent
 * labelers spread over different pairs instead of queueing) and `openSlots` is decremented in the
 * same statement. A pair row changed by a concurrent transaction is re-checked against
 * `openSlots > 0` under the lock, so a pair never has more judgments plus live leases than k.
 */
export async function claimRegularPair(projectId: string, userId: string, leaseSeconds: number): Promise<Lease | null> {
  const rows = await db().$queryRaw<Lease[]>`
    WITH pick AS (
      SELECT p.id FROM "Pair" p
      WHERE p."projectId" = ${projectId} AND NOT p."isGold" AND p."openSlots" > 0
        AND NOT EXISTS (
          SELECT 1 FROM "Assignment" a
          WHERE a."pairId" = p.id AND a."userId" = ${userId} AND a.status <> 'EXPIRED')
        AND NOT EXISTS (
          SELECT 1 FROM "Candidate" c
          WHERE c.id IN (p."candidateAId", p."candidateBId") AND c."authorId" = ${userId})
      ORDER BY p."shuffleKey"
      LIMIT 1
      FOR UPDATE OF p SKIP LOCKED
    ), claimed AS (
      UPDATE "Pair" p SET "openSlots" = p."openSlots" - 1
      FROM pick WHERE p.id = pick.id
      RETURNING p.id, p."candidateAId", p."candidateBId"
    )
    INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "expiresAt")
    SELECT gen_random_uuid()::text, ${projectId}, c.id, ${userId},
           CASE WHEN random() < 0.5 THEN c."candidateAId" ELSE c."candidateBId" END,
           'ACTIVE', now() + make_interval(secs => ${leaseSeconds})
    FROM claimed c
    RETURNING id, "pairId", "leftCandidateId", "expiresAt"`;
  return rows[0] ?? null;
}

/**
 * Gold pairs are quality checks: every labeler may see each one once, so they take no slots.
 * They are served in random order so that labelers cannot learn their positions.
 */
export async function claimGoldPair(projectId: string, userId: string, leaseSeconds: number): Promise<Lease | null> {
  const rows = await db().$queryRaw<Lease[]>`
    INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "expiresAt")
    SELECT gen_random_uuid()::text, ${projectId}, p.id, ${userId},
           CASE WHEN random() < 0.5 THEN p."candidateAId" ELSE p."candidateBId" END,
           'ACTIVE', now() + make_interval(secs => ${leaseSeconds})
    FROM (
      SELECT p.id, p."candidateAId", p."candidateBId" FROM "Pair" p
      WHERE p."projectId" = ${projectId} AND p."isGold"
        AND NOT EXISTS (
          SELECT 1 FROM "Assignment" a
          WHERE a."pairId" = p.id AND a."userId" = ${userId} AND a.status <> 'EXPIRED')
      ORDER BY random() LIMIT 1
    ) p
    RETURNING id, "pairId", "leftCandidateId", "expiresAt"`;
  return rows[0] ?? null;
}

/** A live lease the labeler already holds (after a reload), other than those the client has on screen. */
export async function resumeLease(projectId: string, userId: string, exclude: string[]): Promise<Lease | null> {
  const rows = await db().$queryRaw<Lease[]>`
    SELECT id, "pairId", "leftCandidateId", "expiresAt" FROM "Assignment"
    WHERE "userId" = ${userId} AND "projectId" = ${projectId} AND status = 'ACTIVE'
      AND "expiresAt" > now() AND NOT (id = ANY(${exclude}::text[]))
    ORDER BY "createdAt" LIMIT 1`;
  return rows[0] ?? null;
}
