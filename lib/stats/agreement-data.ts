import {
  type AgreementReport,
  type AgreementTallies,
  agreementReport,
  type BootstrapOptions,
  CHOICES,
  type Choice,
  JUDGMENT_SEPARATOR,
  type Leaderboard,
  leaderboardFromMatchups,
  PAIR_SEPARATOR,
  parsePackedPairs,
  talliesFromPacked,
  tallyMatchups,
} from "../agreement";
import { db, Prisma } from "../db";

const sql = Prisma.sql;

/**
 * The agreement and leaderboard figures of a project, from the database. The judgments are never
 * loaded one by one: the leaderboard's are aggregated in SQL, the agreement's packed per pair into
 * one text (lib/agreement/packed.ts). Left out: judgments by excluded labelers
 * (Membership.excluded) and judgments on gold pairs (counted separately: they have a known answer
 * and are served to everyone, so they would inflate agreement).
 */
export type AgreementFilter = {
  /** Judgments made at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  /** Only these labelers' judgments (agreement among them). */
  labelerIds?: string[];
};

export type ProjectAgreement = AgreementReport & { goldJudgments: number };

function votesCte(projectId: string, filter: AgreementFilter): Prisma.Sql {
  const where = [sql`j."projectId" = ${projectId}`, sql`NOT p."isGold"`, sql`NOT coalesce(m.excluded, false)`];
  if (filter.from) where.push(sql`j."createdAt" >= ${filter.from}`);
  if (filter.to) where.push(sql`j."createdAt" < ${filter.to}`);
  if (filter.labelerIds && filter.labelerIds.length > 0)
    where.push(sql`j."userId" IN (${Prisma.join(filter.labelerIds)})`);
  return sql`
    SELECT j."pairId", j."userId", j.choice::text AS choice, p."candidateAId", p."candidateBId"
    FROM "Judgment" j
    JOIN "Pair" p ON p.id = j."pairId"
    LEFT JOIN "Membership" m ON m."projectId" = j."projectId" AND m."userId" = j."userId"
    WHERE ${Prisma.join(where, " AND ")}`;
}

/**
 * Everyone with a judgment in the project. A loose index scan: one probe per labeler into the
 * (projectId, userId, createdAt) index instead of reading every judgment.
 */
function judgingIds(projectId: string): Prisma.Sql {
  return sql`
    WITH RECURSIVE l AS (
      SELECT min("userId") AS id FROM "Judgment" WHERE "projectId" = ${projectId}
      UNION ALL
      SELECT (SELECT min("userId") FROM "Judgment" WHERE "projectId" = ${projectId} AND "userId" > l.id)
      FROM l WHERE l.id IS NOT NULL)
    SELECT id FROM l WHERE id IS NOT NULL`;
}

/** The labelers whose judgments count (excluded ones and those outside the filter left out), in JavaScript's string order. */
async function countedLabelers(projectId: string, filter: AgreementFilter): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    WITH judging AS (${judgingIds(projectId)})
    SELECT id FROM judging
    WHERE NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."projectId" = ${projectId} AND m."userId" = judging.id AND m.excluded)`;
  const only = filter.labelerIds && filter.labelerIds.length > 0 ? new Set(filter.labelerIds) : null;
  return rows
    .map((r) => r.id)
    .filter((id) => !only || only.has(id))
    .sort();
}

// Constants of this file, written into the SQL rather than bound per row.
const CHOICE_DIGIT = Prisma.raw(`CASE j.choice ${CHOICES.map((c, i) => `WHEN '${c}' THEN '${i}'`).join(" ")} END`);
const JUDGMENTS_APART = Prisma.raw(`E'\\x${JUDGMENT_SEPARATOR.charCodeAt(0).toString(16)}'`);
const PAIRS_APART = Prisma.raw(`E'\\x${PAIR_SEPARATOR.charCodeAt(0).toString(16)}'`);

/**
 * One pass over the judgments: every non-gold pair's judgments packed as `<labeler id><choice
 * index>` into one text (see lib/agreement/packed.ts), the gold judgments counted on the way.
 * Every tally is then built in memory, so the database neither self-joins judgments for Cohen's κ
 * nor sends a row per judgment. Rows come in the order of the (projectId, pairId, …) index, which
 * covers every column read here: grouped by pair without a sort and without reading the table.
 * Labeler ids go out as text because mapping them to numbers in SQL (a join breaks the index
 * order, a JSON lookup per row doubles the query's time) costs more than the longer text.
 */
export async function agreementTallies(
  projectId: string,
  filter: AgreementFilter = {},
): Promise<AgreementTallies & { goldJudgments: number }> {
  const labelerIds = await countedLabelers(projectId, filter);
  const where = [sql`j."projectId" = ${projectId}`, sql`j."userId" = ANY(${labelerIds}::text[])`];
  if (filter.from) where.push(sql`j."createdAt" >= ${filter.from}`);
  if (filter.to) where.push(sql`j."createdAt" < ${filter.to}`);
  const [row] = await db().$queryRaw<{ packed: string | null; gold: number | null }[]>`
    WITH gold AS (SELECT id FROM "Pair" WHERE "projectId" = ${projectId} AND "isGold"),
    per_pair AS (
      SELECT j."pairId", count(*)::int AS judgments,
             string_agg(j."userId" || ${CHOICE_DIGIT}, ${JUDGMENTS_APART}) AS judged
      FROM "Judgment" j
      WHERE ${Prisma.join(where, " AND ")}
      GROUP BY j."pairId")
    SELECT string_agg(judged, ${PAIRS_APART}) FILTER (WHERE gold.id IS NULL) AS packed,
           sum(judgments) FILTER (WHERE gold.id IS NOT NULL)::int AS gold
    FROM per_pair LEFT JOIN gold ON gold.id = per_pair."pairId"`;
  const index = new Map(labelerIds.map((id, i) => [id, i]));
  const tallies = talliesFromPacked(labelerIds, parsePackedPairs(row?.packed ?? "", index));
  return { ...tallies, goldJudgments: row?.gold ?? 0 };
}

export async function projectAgreement(
  projectId: string,
  filter: AgreementFilter = {},
  options: BootstrapOptions = {},
): Promise<ProjectAgreement> {
  const tallies = await agreementTallies(projectId, filter);
  return { ...agreementReport(tallies, options), goldJudgments: tallies.goldJudgments };
}

/** The leaderboard of candidate sources on the same judgments (same filter, gold pairs and excluded labelers left out). */
export async function projectLeaderboard(
  projectId: string,
  filter: AgreementFilter = {},
  options: BootstrapOptions = {},
): Promise<Leaderboard> {
  const votes = votesCte(projectId, filter);
  const rows = await db().$queryRaw<{ sourceA: string; sourceB: string; choice: Choice; judgments: number }[]>`
    WITH v AS (${votes})
    SELECT ca.source AS "sourceA", cb.source AS "sourceB", v.choice, count(*)::int AS judgments
    FROM v
    JOIN "Candidate" ca ON ca.id = v."candidateAId"
    JOIN "Candidate" cb ON cb.id = v."candidateBId"
    WHERE v.choice <> 'BOTH_BAD'
    GROUP BY 1, 2, 3`;
  return leaderboardFromMatchups(tallyMatchups(rows), options);
}

export type LabelerName = { userId: string; label: string };

/** Everyone who judged in the project (for the labeler filter and to name labelers in tables). */
export async function judgingLabelers(projectId: string): Promise<LabelerName[]> {
  return db().$queryRaw<LabelerName[]>`
    SELECT u.id AS "userId", coalesce(u.email, u.name, u.id) AS label
    FROM "User" u
    WHERE u.id IN (${judgingIds(projectId)})
    ORDER BY label`;
}
