import { db } from "../db";
import type { Project } from "../generated/prisma/client";

const BATCH = 1_000;

/**
 * TRL's preference format, one JSON object per line: {"prompt", "chosen", "rejected"} plus stable
 * ids so rows can be traced back. Only decisive judgments (A or B) of labelers who are not
 * excluded; gold pairs are quality checks and left out. Read in keyset-paged batches so memory
 * stays flat however many judgments there are.
 */
export async function* trlPreferenceLines(project: Project): AsyncGenerator<string> {
  let after = "";
  for (;;) {
    const rows = await db().$queryRaw<TrlRow[]>`
      SELECT j.id, j.choice, j."userId", pr."externalId" AS "promptId", pr.text AS prompt,
             ca."externalId" AS "aId", ca.text AS a, cb."externalId" AS "bId", cb.text AS b
      FROM "Judgment" j
      JOIN "Pair" p ON p.id = j."pairId"
      JOIN "Prompt" pr ON pr.id = p."promptId"
      JOIN "Candidate" ca ON ca.id = p."candidateAId"
      JOIN "Candidate" cb ON cb.id = p."candidateBId"
      LEFT JOIN "Membership" m ON m."projectId" = j."projectId" AND m."userId" = j."userId"
      WHERE j."projectId" = ${project.id} AND j.id > ${after} AND j.choice IN ('A', 'B')
        AND NOT p."isGold" AND NOT coalesce(m.excluded, false)
      ORDER BY j.id LIMIT ${BATCH}`;
    for (const row of rows) yield `${JSON.stringify(toTrl(row))}\n`;
    if (rows.length < BATCH) return;
    after = rows.at(-1)?.id ?? after;
  }
}

type TrlRow = {
  id: string;
  choice: "A" | "B";
  userId: string;
  promptId: string;
  prompt: string;
  aId: string;
  a: string;
  bId: string;
  b: string;
};

function toTrl(row: TrlRow) {
  const aWins = row.choice === "A";
  return {
    prompt: row.prompt,
    chosen: aWins ? row.a : row.b,
    rejected: aWins ? row.b : row.a,
    judgment_id: row.id,
    prompt_id: row.promptId,
    chosen_id: aWins ? row.aId : row.bId,
    rejected_id: aWins ? row.bId : row.aId,
    labeler_id: row.userId,
  };
}
