import { db } from "../db";

/**
 * Expired leases give their slot back to the pair. Safe to run from many processes at once:
 * the status condition is re-checked under the row lock, so each lease is reclaimed once.
 * A judgment that arrives later for such a lease may still take a free slot (see judgments/submit).
 */
export async function reclaimExpiredLeases(projectId?: string): Promise<number> {
  const rows = await db().$queryRaw<{ reclaimed: bigint }[]>`
    WITH expired AS (
      UPDATE "Assignment" SET status = 'EXPIRED'
      WHERE status = 'ACTIVE' AND "expiresAt" < now()
        AND (${projectId ?? null}::text IS NULL OR "projectId" = ${projectId ?? null}::text)
      RETURNING "pairId"
    ), per_pair AS (
      SELECT "pairId", count(*)::int AS n FROM expired GROUP BY "pairId"
    ), freed AS (
      UPDATE "Pair" p SET "openSlots" = p."openSlots" + per_pair.n
      FROM per_pair WHERE p.id = per_pair."pairId" AND NOT p."isGold"
    )
    SELECT count(*) AS reclaimed FROM expired`;
  return Number(rows[0]?.reclaimed ?? 0);
}
