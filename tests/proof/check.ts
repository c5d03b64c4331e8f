import type pg from "pg";
import type { LabelerLedger } from "./labeler";

export type ProofTally = {
  /** Distinct client ids the clients put in their outboxes. */
  sent: number;
  acknowledged: number;
  refused: number;
  stored: number;
  /** Acknowledged judgments not in the database. */
  lost: number;
  /** Client ids stored more than once. */
  duplicated: number;
  /** Stored judgments no client was told about. */
  unacknowledged: number;
  /** The most judgments any pair holds, and the pairs whose counter disagrees with their rows. */
  maxPerPair: number;
  counterMismatches: number;
  pairsOverK: number;
  /** Every broken promise, in words; empty when the proof holds. */
  problems: string[];
};

/** Compares the database with what the clients were told. */
export async function tallyProof(client: pg.Client, projectId: string, ledgers: LabelerLedger[], k: number) {
  const sent = new Set<string>();
  const acknowledged = new Set<string>();
  let refused = 0;
  for (const ledger of ledgers) {
    for (const id of ledger.sent) sent.add(id);
    for (const id of ledger.acknowledged) acknowledged.add(id);
    refused += ledger.refused.size;
  }
  const rows = await client.query<{ clientId: string; copies: number }>(
    `SELECT "clientId", count(*)::int AS copies FROM "Judgment" WHERE "projectId" = $1 GROUP BY "clientId"`,
    [projectId],
  );
  const stored = new Map(rows.rows.map((r) => [r.clientId, r.copies]));
  const storedCount = rows.rows.reduce((sum, r) => sum + r.copies, 0);
  const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
  const duplicated = rows.rows.filter((r) => r.copies > 1).length;
  const unacknowledged = [...stored.keys()].filter((id) => !acknowledged.has(id)).length;
  const perPair = await client.query<{ most: number; over: number; mismatched: number }>(
    `SELECT coalesce(max(n), 0)::int AS most, count(*) FILTER (WHERE n > $2)::int AS over,
            count(*) FILTER (WHERE n <> "judgmentCount")::int AS mismatched
     FROM (SELECT p.id, p."judgmentCount", count(j.id) AS n
           FROM "Pair" p LEFT JOIN "Judgment" j ON j."pairId" = p.id
           WHERE p."projectId" = $1 GROUP BY p.id) counts`,
    [projectId, k],
  );
  const { most, over, mismatched } = perPair.rows[0] ?? { most: 0, over: 0, mismatched: 0 };
  const problems: string[] = [];
  if (lost > 0) problems.push(`${lost} acknowledged judgments are not stored`);
  if (duplicated > 0) problems.push(`${duplicated} client ids are stored more than once`);
  if (unacknowledged > 0) problems.push(`${unacknowledged} stored judgments were never acknowledged to their client`);
  if (over > 0) problems.push(`${over} pairs hold more than k = ${k} judgments`);
  if (mismatched > 0) problems.push(`${mismatched} pairs' judgment counters disagree with their rows`);
  if (refused > 0) problems.push(`${refused} judgments were refused`);
  if (storedCount !== sent.size)
    problems.push(`${storedCount} judgments stored, but the clients sent ${sent.size} distinct ones`);
  return {
    sent: sent.size,
    acknowledged: acknowledged.size,
    refused,
    stored: storedCount,
    lost,
    duplicated,
    unacknowledged,
    maxPerPair: most,
    counterMismatches: mismatched,
    pairsOverK: over,
    problems,
  } satisfies ProofTally;
}
