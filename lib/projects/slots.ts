import { Prisma as P, type Prisma } from "../db";

type Tx = Prisma.TransactionClient;

/**
 * openSlots = k − judgments that count − leases still holding a slot, never below 0. Judgments of
 * excluded labelers do not count, so a pair they judged reopens until it has k good judgments
 * (and closes again when they are included: the same formula, floored at 0). A lease holds its
 * slot while ACTIVE, even past its expiry: reclaiming it (assign/leases.ts) gives the slot back.
 *
 * `onlyPairsJudgedBy` limits the recount to one labeler's pairs (an exclusion); without it every
 * regular pair of the project is recounted (a change of k). The pairs are locked first, in id
 * order, so no claim, submission or reclaim moves a count between the read and the update.
 */
export async function recomputeOpenSlots(
  tx: Tx,
  projectId: string,
  k: number,
  onlyPairsJudgedBy?: string,
): Promise<void> {
  const scope = onlyPairsJudgedBy
    ? P.sql`AND p.id IN (SELECT j."pairId" FROM "Judgment" j
                         WHERE j."projectId" = ${projectId} AND j."userId" = ${onlyPairsJudgedBy})`
    : P.empty;
  await tx.$executeRaw`
    SELECT 1 FROM "Pair" p WHERE p."projectId" = ${projectId} AND NOT p."isGold" ${scope} ORDER BY p.id FOR UPDATE`;
  // Excluded labelers are few: their judgments are found through Judgment(projectId, userId).
  await tx.$executeRaw`
    WITH left_out AS (
      SELECT j."pairId", count(*)::int AS n FROM "Judgment" j
      WHERE j."projectId" = ${projectId} AND j."userId" IN (
        SELECT m."userId" FROM "Membership" m WHERE m."projectId" = ${projectId} AND m.excluded)
      GROUP BY j."pairId"
    )
    UPDATE "Pair" p SET "openSlots" = GREATEST(0,
      ${k}::int - (p."judgmentCount" - coalesce((SELECT n FROM left_out WHERE left_out."pairId" = p.id), 0)) - (
        SELECT count(*)::int FROM "Assignment" a WHERE a."pairId" = p.id AND a.status = 'ACTIVE'))
    WHERE p."projectId" = ${projectId} AND NOT p."isGold" ${scope}`;
}
