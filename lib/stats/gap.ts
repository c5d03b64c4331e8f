import { type GapCandidate, type GapJudgment, type GapNumbers, gapNumbers } from "../agreement/gap";
import { db, Prisma } from "../db";

export type GapPanel = GapNumbers & { demonstrations: number; promptsWithHuman: number; servingVersion: number | null };

/**
 * The generator-discriminator gap of a project: demonstrations, and the judgments (of labelers not
 * excluded, gold pairs left out) on the prompts that have a human-written candidate.
 */
export async function gapPanel(projectId: string): Promise<GapPanel> {
  const [demonstrations, judgments, candidates, serving] = await Promise.all([
    db().$queryRaw<{ durationMs: number }[]>`
      SELECT d."durationMs" FROM "Demonstration" d JOIN "Prompt" p ON p.id = d."promptId"
      WHERE p."projectId" = ${projectId}`,
    db().$queryRaw<(Omit<GapJudgment, "a" | "b"> & { aId: string; bId: string; aHuman: boolean; bHuman: boolean })[]>`
      SELECT p."promptId", p.id AS "pairId", p."candidateAId" AS "aId", p."candidateBId" AS "bId",
             ca.source = 'human' AS "aHuman", cb.source = 'human' AS "bHuman", j.choice::text AS choice, j."durationMs"
      FROM "Judgment" j
      JOIN "Pair" p ON p.id = j."pairId"
      JOIN "Candidate" ca ON ca.id = p."candidateAId"
      JOIN "Candidate" cb ON cb.id = p."candidateBId"
      LEFT JOIN "Membership" m ON m."projectId" = j."projectId" AND m."userId" = j."userId"
      WHERE j."projectId" = ${projectId} AND NOT p."isGold" AND NOT coalesce(m.excluded, false)
        AND p."promptId" IN (${humanPrompts(projectId)})`,
    db().$queryRaw<GapCandidate[]>`
      SELECT c.id, c."promptId", s.reward
      FROM "Candidate" c
      JOIN "Project" pr ON pr.id = ${projectId}
      LEFT JOIN "Score" s ON s."candidateId" = c.id AND s."modelId" = pr."currentModelId"
      WHERE c.source <> 'human' AND c."promptId" IN (${humanPrompts(projectId)})`,
    db().project.findUnique({ where: { id: projectId }, select: { currentModel: { select: { version: true } } } }),
  ]);
  const rows: GapJudgment[] = judgments.map((j) => ({
    promptId: j.promptId,
    pairId: j.pairId,
    a: { id: j.aId, human: j.aHuman },
    b: { id: j.bId, human: j.bHuman },
    choice: j.choice,
    durationMs: j.durationMs,
  }));
  return {
    ...gapNumbers(
      demonstrations.map((d) => d.durationMs),
      rows,
      candidates,
    ),
    demonstrations: demonstrations.length,
    promptsWithHuman: new Set(candidates.map((c) => c.promptId)).size,
    servingVersion: serving?.currentModel?.version ?? null,
  };
}

/** Prompts of the project with a human-written candidate (a demonstration or an imported one). */
function humanPrompts(projectId: string) {
  return Prisma.sql`
    SELECT c."promptId" FROM "Candidate" c JOIN "Prompt" pp ON pp.id = c."promptId"
    WHERE pp."projectId" = ${projectId} AND c.source = 'human'`;
}
