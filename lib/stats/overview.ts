import { db } from "../db";
import type { Project } from "../generated/prisma/client";

export type LabelerStats = {
  userId: string;
  label: string;
  excluded: boolean;
  judgments: number;
  /** Share of gold pairs answered right; null before any gold pair. */
  goldAccuracy: number | null;
  goldJudged: number;
  /** Share of A/B decisions that picked the left candidate; 0.5 is unbiased. */
  leftRate: number | null;
  medianMs: number | null;
};

export type ProjectOverview = {
  prompts: number;
  candidates: number;
  pairs: number;
  goldPairs: number;
  completePairs: number;
  judgments: number;
  demonstrations: number;
  labelers: LabelerStats[];
};

/** Counts and per-labeler quality signals for the lead's dashboard, in two queries. */
export async function projectOverview(project: Project): Promise<ProjectOverview> {
  const [totals] = await db().$queryRaw<Record<string, bigint>[]>`
    SELECT
      (SELECT count(*) FROM "Prompt" WHERE "projectId" = ${project.id}) AS prompts,
      (SELECT count(*) FROM "Candidate" c JOIN "Prompt" p ON p.id = c."promptId" WHERE p."projectId" = ${project.id}) AS candidates,
      (SELECT count(*) FROM "Pair" WHERE "projectId" = ${project.id} AND NOT "isGold") AS pairs,
      (SELECT count(*) FROM "Pair" WHERE "projectId" = ${project.id} AND "isGold") AS "goldPairs",
      (SELECT count(*) FROM "Pair" WHERE "projectId" = ${project.id} AND NOT "isGold" AND "judgmentCount" >= ${project.k}) AS "completePairs",
      (SELECT count(*) FROM "Judgment" WHERE "projectId" = ${project.id}) AS judgments,
      (SELECT count(*) FROM "Demonstration" d JOIN "Prompt" p ON p.id = d."promptId" WHERE p."projectId" = ${project.id}) AS demonstrations`;
  const labelers = await db().$queryRaw<LabelerStats[]>`
    SELECT u.id AS "userId", coalesce(u.email, u.name, u.id) AS label, coalesce(m.excluded, false) AS excluded,
           count(*)::int AS judgments,
           (avg(CASE WHEN p."isGold" THEN (j.choice = p."goldAnswer")::int END))::float8 AS "goldAccuracy",
           count(*) FILTER (WHERE p."isGold")::int AS "goldJudged",
           (avg(CASE WHEN j.choice IN ('A', 'B') THEN
                  ((j.choice = 'A') = (j."leftCandidateId" = p."candidateAId"))::int END))::float8 AS "leftRate",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY j."durationMs"))::float8 AS "medianMs"
    FROM "Judgment" j
    JOIN "Pair" p ON p.id = j."pairId"
    JOIN "User" u ON u.id = j."userId"
    LEFT JOIN "Membership" m ON m."userId" = u.id AND m."projectId" = ${project.id}
    WHERE j."projectId" = ${project.id}
    GROUP BY u.id, m.excluded
    ORDER BY judgments DESC`;
  const count = (key: string) => Number(totals?.[key] ?? 0);
  return {
    prompts: count("prompts"),
    candidates: count("candidates"),
    pairs: count("pairs"),
    goldPairs: count("goldPairs"),
    completePairs: count("completePairs"),
    judgments: count("judgments"),
    demonstrations: count("demonstrations"),
    labelers,
  };
}
