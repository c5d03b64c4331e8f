import { db } from "../db";
import { eligibleFor } from "./claim";

/**
 * Whether the pairs left for this labeler are only held by others: a live lease of another
 * labeler on a regular pair this labeler could judge. Its slot comes back when that labeler
 * judges (then the pair may be full), skips, or lets the lease expire, so "nothing left" would be
 * premature. Asked only when the claim found nothing; it reads the live leases (index on status).
 */
export async function heldByOthers(projectId: string, userId: string): Promise<boolean> {
  const rows = await db().$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Assignment" a JOIN "Pair" p ON p.id = a."pairId"
      WHERE a.status = 'ACTIVE' AND a."expiresAt" > now() AND a."projectId" = ${projectId}
        AND a."userId" <> ${userId} AND NOT p."isGold" AND ${eligibleFor(userId, "p")}
    ) AS held`;
  return rows[0]?.held ?? false;
}
