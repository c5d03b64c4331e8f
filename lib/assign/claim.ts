import { db, Prisma } from "../db";

const sql = Prisma.sql;

/** A lease with everything the compare screen shows, read in the statement that made it. */
export type LeaseRow = {
  id: string;
  pairId: string;
  leftCandidateId: string;
  expiresAt: Date;
  prompt: string;
  aId: string;
  aText: string;
  bId: string;
  bText: string;
  /** `Candidate.board` (GO projects), as stored; null for text candidates. */
  aBoard?: unknown;
  bBoard?: unknown;
};

// Appended to a statement whose CTE `lease` returns assignment rows: adds the pair's content.
const withContent = sql`
  SELECT lease.id, lease."pairId", lease."leftCandidateId", lease."expiresAt", pr.text AS prompt,
         ca.id AS "aId", ca.text AS "aText", cb.id AS "bId", cb.text AS "bText",
         ca.board AS "aBoard", cb.board AS "bBoard"
  FROM lease
  JOIN "Pair" p ON p.id = lease."pairId"
  JOIN "Prompt" pr ON pr.id = p."promptId"
  JOIN "Candidate" ca ON ca.id = p."candidateAId"
  JOIN "Candidate" cb ON cb.id = p."candidateBId"`;

// Pairs a labeler may not get: ones they judged or hold, and ones with their own demonstration.
const notForUser = (userId: string) => sql`
  NOT EXISTS (
    SELECT 1 FROM "Assignment" a
    WHERE a."pairId" = p.id AND a."userId" = ${userId} AND a.status <> 'EXPIRED')
  AND p."candidateAId" NOT IN (SELECT id FROM "Candidate" WHERE "authorId" = ${userId})
  AND p."candidateBId" NOT IN (SELECT id FROM "Candidate" WHERE "authorId" = ${userId})`;

// A live lease the labeler already holds (after a reload), other than those the client has on
// screen or queued. It is served before any new claim, in the same statement as the claim.
const resumed = (projectId: string, userId: string, exclude: string[]) => sql`
  resumed AS (
    SELECT id, "pairId", "leftCandidateId", "expiresAt" FROM "Assignment"
    WHERE "userId" = ${userId} AND "projectId" = ${projectId} AND status = 'ACTIVE'
      AND "expiresAt" > now() AND NOT (id = ANY(${exclude}::text[]))
    ORDER BY "createdAt" LIMIT 1
  )`;

/**
 * Claims one open slot of a regular pair for a labeler, in one statement, unless the labeler
 * already holds a live lease the client does not know about: then that lease is returned.
 *
 * Why it is safe under concurrency: the pair row is locked (FOR UPDATE SKIP LOCKED, so concurrent
 * labelers spread over different pairs instead of queueing) and `openSlots` is decremented in the
 * same statement. A pair row changed by a concurrent transaction is re-checked against
 * `openSlots > 0` under the lock, so a pair never has more judgments plus live leases than k.
 *
 * With `wait`, locked pairs are waited for instead of skipped: when every open pair is locked by
 * a concurrent claim at this instant, skipping would wrongly tell the labeler there is no work.
 */
export async function claimRegularPair(
  projectId: string,
  userId: string,
  leaseSeconds: number,
  exclude: string[],
  { wait = false } = {},
) {
  const rows = await db().$queryRaw<LeaseRow[]>`
    WITH ${resumed(projectId, userId, exclude)}, pick AS (
      SELECT p.id FROM "Pair" p
      WHERE NOT EXISTS (SELECT 1 FROM resumed)
        AND p."projectId" = ${projectId} AND NOT p."isGold" AND p."openSlots" > 0 AND ${notForUser(userId)}
      ORDER BY p."openSlots", p."shuffleKey"
      LIMIT 1
      FOR UPDATE OF p ${wait ? sql`` : sql`SKIP LOCKED`}
    ), claimed AS (
      UPDATE "Pair" p SET "openSlots" = p."openSlots" - 1
      FROM pick WHERE p.id = pick.id
      RETURNING p.id, p."candidateAId", p."candidateBId"
    ), inserted AS (
      INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "expiresAt")
      SELECT gen_random_uuid()::text, ${projectId}, c.id, ${userId},
             CASE WHEN random() < 0.5 THEN c."candidateAId" ELSE c."candidateBId" END,
             'ACTIVE', now() + make_interval(secs => ${leaseSeconds})
      FROM claimed c
      RETURNING id, "pairId", "leftCandidateId", "expiresAt"
    ), lease AS (
      SELECT * FROM resumed UNION ALL SELECT * FROM inserted
    ) ${withContent}`;
  return rows[0] ?? null;
}

/**
 * Gold pairs are quality checks: every labeler may see each one once, so they take no slots.
 * They are served in random order so that labelers cannot learn their positions.
 */
export async function claimGoldPair(projectId: string, userId: string, leaseSeconds: number, exclude: string[]) {
  const rows = await db().$queryRaw<LeaseRow[]>`
    WITH ${resumed(projectId, userId, exclude)}, inserted AS (
      INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "expiresAt")
      SELECT gen_random_uuid()::text, ${projectId}, p.id, ${userId},
             CASE WHEN random() < 0.5 THEN p."candidateAId" ELSE p."candidateBId" END,
             'ACTIVE', now() + make_interval(secs => ${leaseSeconds})
      FROM (
        SELECT p.id, p."candidateAId", p."candidateBId" FROM "Pair" p
        WHERE NOT EXISTS (SELECT 1 FROM resumed)
          AND p."projectId" = ${projectId} AND p."isGold" AND ${notForUser(userId)}
        ORDER BY random() LIMIT 1
      ) p
      RETURNING id, "pairId", "leftCandidateId", "expiresAt"
    ), lease AS (
      SELECT * FROM resumed UNION ALL SELECT * FROM inserted
    ) ${withContent}`;
  return rows[0] ?? null;
}
