import {
  type AgreementReport,
  type AgreementTallies,
  agreementReport,
  type BootstrapOptions,
  CHOICES,
  type Choice,
  type CohenTable,
  type Counts,
  type LabelerCell,
  type Leaderboard,
  leaderboardFromMatchups,
  profilesFromCells,
  sortCells,
  tallyMatchups,
} from "../agreement";
import { db, Prisma } from "../db";

const sql = Prisma.sql;

/**
 * The agreement and leaderboard figures of a project, from the database. The judgments are
 * aggregated in SQL into the tallies lib/agreement works on (a few hundred rows even for a million
 * judgments), never loaded one by one. Left out: judgments by excluded labelers
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

function votesCte(projectId: string, filter: AgreementFilter, gold: boolean): Prisma.Sql {
  const where = [
    sql`j."projectId" = ${projectId}`,
    gold ? sql`p."isGold"` : sql`NOT p."isGold"`,
    sql`NOT coalesce(m.excluded, false)`,
  ];
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

type CellRow = { userId: string; choice: Choice; a: number; b: number; t: number; x: number; judgments: number };
type CohenRow = { first: string; second: string; firstChoice: Choice; secondChoice: Choice; pairs: number };

export async function agreementTallies(
  projectId: string,
  filter: AgreementFilter = {},
): Promise<AgreementTallies & { goldJudgments: number }> {
  const votes = votesCte(projectId, filter, false);
  const [cellRows, cohenRows, gold] = await Promise.all([
    db().$queryRaw<CellRow[]>`
      WITH v AS (${votes}),
      pc AS (
        SELECT "pairId",
               count(*) FILTER (WHERE choice = 'A')::int AS a, count(*) FILTER (WHERE choice = 'B')::int AS b,
               count(*) FILTER (WHERE choice = 'TIE')::int AS t, count(*) FILTER (WHERE choice = 'BOTH_BAD')::int AS x
        FROM v GROUP BY "pairId")
      SELECT v."userId", v.choice, pc.a, pc.b, pc.t, pc.x, count(*)::int AS judgments
      FROM v JOIN pc ON pc."pairId" = v."pairId"
      GROUP BY v."userId", v.choice, pc.a, pc.b, pc.t, pc.x`,
    db().$queryRaw<CohenRow[]>`
      WITH v AS (${votes})
      SELECT v1."userId" AS first, v2."userId" AS second, v1.choice AS "firstChoice", v2.choice AS "secondChoice",
             count(*)::int AS pairs
      FROM v v1 JOIN v v2 ON v2."pairId" = v1."pairId" AND v1."userId" < v2."userId"
      GROUP BY 1, 2, 3, 4`,
    db().$queryRaw<{ n: number }[]>`WITH v AS (${votesCte(projectId, filter, true)}) SELECT count(*)::int AS n FROM v`,
  ]);
  const cells: LabelerCell[] = sortCells(
    cellRows.map((r) => ({
      labelerId: r.userId,
      choice: r.choice,
      counts: [r.a, r.b, r.t, r.x] as Counts,
      judgments: r.judgments,
    })),
  );
  return { cells, profiles: profilesFromCells(cells), cohen: cohenFromRows(cohenRows), goldJudgments: gold[0]?.n ?? 0 };
}

function cohenFromRows(rows: readonly CohenRow[]): CohenTable[] {
  const tables = new Map<string, CohenTable>();
  for (const r of rows) {
    // SQL compares ids with the database's collation; order them as lib/agreement does.
    const flipped = r.first > r.second;
    const [first, second] = flipped ? [r.second, r.first] : [r.first, r.second];
    const [c1, c2] = flipped ? [r.secondChoice, r.firstChoice] : [r.firstChoice, r.secondChoice];
    const key = `${first}\u0000${second}`;
    let entry = tables.get(key);
    if (!entry) {
      entry = { first, second, table: CHOICES.map(() => CHOICES.map(() => 0)) };
      tables.set(key, entry);
    }
    const row = entry.table[CHOICES.indexOf(c1)] as number[];
    const j = CHOICES.indexOf(c2);
    row[j] = (row[j] ?? 0) + r.pairs;
  }
  return [...tables.values()].sort((a, b) => a.first.localeCompare(b.first) || a.second.localeCompare(b.second));
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
  const votes = votesCte(projectId, filter, false);
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
    WHERE u.id IN (SELECT DISTINCT "userId" FROM "Judgment" WHERE "projectId" = ${projectId})
    ORDER BY label`;
}
