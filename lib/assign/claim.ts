import { Prisma } from "../db";
import { hotQuery } from "../db/hot";

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

/**
 * Pairs the labeler may get: not judged, held or skipped by them, and without their own
 * demonstration. A skipped pair stays away for good (the labeler said they cannot or will not
 * judge it); its lease is EXPIRED, so the Skip row is what keeps it away: one probe of the
 * Skip(pairId) index per candidate pair, next to the one of Assignment(pairId, userId).
 * `pair` is the alias of "Pair" in the query, a literal from this code: it is written into the SQL.
 */
export const eligibleFor = (userId: string, pair: string) => {
  const p = Prisma.raw(pair);
  return sql`
    NOT EXISTS (
      SELECT 1 FROM "Assignment" a
      WHERE a."pairId" = ${p}.id AND a."userId" = ${userId} AND a.status <> 'EXPIRED')
    AND NOT EXISTS (SELECT 1 FROM "Skip" s WHERE s."pairId" = ${p}.id AND s."userId" = ${userId})
    AND ${p}."candidateAId" NOT IN (SELECT id FROM "Candidate" WHERE "authorId" = ${userId})
    AND ${p}."candidateBId" NOT IN (SELECT id FROM "Candidate" WHERE "authorId" = ${userId})`;
};

// A live lease the labeler already holds (after a reload), other than those the client has on
// screen or queued. It is served before any new claim, in the same statement as the claim: the
// claim's CTEs check `NOT EXISTS (SELECT 1 FROM resumed)`.
export const resumed = (projectId: string, userId: string, exclude: string[]) => sql`
  resumed AS (
    SELECT id, "pairId", "leftCandidateId", "expiresAt" FROM "Assignment"
    WHERE "userId" = ${userId} AND "projectId" = ${projectId} AND status = 'ACTIVE'
      AND "expiresAt" > now() AND NOT (id = ANY(${exclude}::text[]))
    ORDER BY "createdAt" LIMIT 1
  )`;

// The end of every claim statement, after `resumed` and a CTE `claimed` of at most one pair row
// (id, candidateAId, candidateBId): leases that pair to the labeler, a random side on the left, and
// returns the resumed lease or else the new one, with the pair's content.
const leaseClaimed = (projectId: string, userId: string, leaseSeconds: number) => sql`
  inserted AS (
    INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "expiresAt")
    SELECT gen_random_uuid()::text, ${projectId}, c.id, ${userId},
           CASE WHEN random() < 0.5 THEN c."candidateAId" ELSE c."candidateBId" END,
           'ACTIVE', now() + make_interval(secs => ${leaseSeconds})
    FROM claimed c
    RETURNING id, "pairId", "leftCandidateId", "expiresAt"
  ), lease AS (
    SELECT * FROM resumed UNION ALL SELECT * FROM inserted
  )
  SELECT lease.id, lease."pairId", lease."leftCandidateId", lease."expiresAt", pr.text AS prompt,
         ca.id AS "aId", ca.text AS "aText", cb.id AS "bId", cb.text AS "bText",
         ca.board AS "aBoard", cb.board AS "bBoard"
  FROM lease
  JOIN "Pair" p ON p.id = lease."pairId"
  JOIN "Prompt" pr ON pr.id = p."promptId"
  JOIN "Candidate" ca ON ca.id = p."candidateAId"
  JOIN "Candidate" cb ON cb.id = p."candidateBId"`;

// The end of a claim statement whose CTE `pick` holds at most one regular pair, locked FOR UPDATE
// with `openSlots > 0` (re-checked under the lock): takes one of its open slots and leases it.
export const leasePickedSlot = (projectId: string, userId: string, leaseSeconds: number) => sql`
  claimed AS (
    UPDATE "Pair" p SET "openSlots" = p."openSlots" - 1
    FROM pick WHERE p.id = pick.id
    RETURNING p.id, p."candidateAId", p."candidateBId"
  ), ${leaseClaimed(projectId, userId, leaseSeconds)}`;

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
  const rows = await hotQuery<LeaseRow>(sql`
    WITH ${resumed(projectId, userId, exclude)}, pick AS (
      SELECT p.id FROM "Pair" p
      WHERE NOT EXISTS (SELECT 1 FROM resumed)
        AND p."projectId" = ${projectId} AND NOT p."isGold" AND p."openSlots" > 0 AND ${eligibleFor(userId, "p")}
      ORDER BY p."openSlots", p."shuffleKey"
      LIMIT 1
      FOR UPDATE OF p ${wait ? sql`` : sql`SKIP LOCKED`}
    ), ${leasePickedSlot(projectId, userId, leaseSeconds)}`);
  return rows[0] ?? null;
}

/**
 * Gold pairs are quality checks: every labeler may see each one once, so they take no slots.
 * They are served in random order so that labelers cannot learn their positions.
 */
export async function claimGoldPair(projectId: string, userId: string, leaseSeconds: number, exclude: string[]) {
  const rows = await hotQuery<LeaseRow>(sql`
    WITH ${resumed(projectId, userId, exclude)}, claimed AS (
      SELECT p.id, p."candidateAId", p."candidateBId" FROM "Pair" p
      WHERE NOT EXISTS (SELECT 1 FROM resumed)
        AND p."projectId" = ${projectId} AND p."isGold" AND ${eligibleFor(userId, "p")}
      ORDER BY random() LIMIT 1
    ), ${leaseClaimed(projectId, userId, leaseSeconds)}`);
  return rows[0] ?? null;
}
