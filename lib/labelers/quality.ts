import { type Estimate, looMajorityAgreement, notEnough, type Vote } from "../agreement";
import { db, Prisma } from "../db";
import type { Project } from "../generated/prisma/client";
import { listMembers, type MemberStatus } from "../projects";
import { binomialTwoSidedP, type Flag, labelerFlags, TIME_EDGES_MS, wilson } from "../quality";

const sql = Prisma.sql;

/** Judgments made in [from, to): either end may be open. */
export type DateRange = { from?: Date | null; to?: Date | null };

/** A share with its count and 95% Wilson interval; value null when the count is 0. */
export type Share = { value: number | null; low: number | null; high: number | null; hits: number; n: number };

/**
 * A model is "confident" on a pair when its P(A beats B) = σ(r_A − r_B) is at least 0.8 or at most
 * 0.2, i.e. |P − ½| ≥ 0.3: there a labeler who disagrees is more likely wrong than the model.
 */
export const CONFIDENT_MARGIN = 0.3;

export type LabelerQuality = {
  userId: string;
  label: string;
  status: MemberStatus;
  member: boolean;
  paused: boolean;
  excluded: boolean;
  judgments: number;
  gold: Share;
  /** Left picks among A/B decisions, with the exact two-sided binomial test against ½. */
  left: Share & { p: number | null };
  tieRate: number | null;
  bothBadRate: number | null;
  medianMs: number | null;
  /** Decisions made in under the project's fastMs. */
  fast: Share;
  /** Decisions per TIME_EDGES_MS bucket (timeBucketLabels names them). */
  histogram: number[];
  /** Agreement with the leave-one-out majority of the other included labelers (lib/agreement). */
  majority: Estimate;
  /** Agreement with the serving reward model on decisive judgments where it is confident. */
  model: Share;
  skips: number;
  reports: number;
  flags: Flag[];
};

type JudgmentStats = {
  userId: string;
  judgments: number;
  goldJudged: number;
  goldRight: number;
  decisive: number;
  leftPicks: number;
  ties: number;
  bothBad: number;
  medianMs: number | null;
  fast: number;
  histogram: number[];
};

function share(hits: number, n: number): Share {
  if (n === 0) return { value: null, low: null, high: null, hits, n };
  const { low, high } = wilson(hits, n);
  return { value: hits / n, low, high, hits, n };
}

// One count per decision-time bucket; width_bucket gives 0 below the first edge, i above edge i.
const histogramColumns = Prisma.join(
  Array.from(
    { length: TIME_EDGES_MS.length + 1 },
    (_, b) => sql`count(*) FILTER (WHERE width_bucket(j."durationMs", ${[...TIME_EDGES_MS]}::int[]) = ${b}::int)::int`,
  ),
);

const inRange = (column: string, range: DateRange) => {
  const c = Prisma.raw(column);
  return sql`${range.from ? sql`AND ${c} >= ${range.from}` : Prisma.empty} ${range.to ? sql`AND ${c} < ${range.to}` : Prisma.empty}`;
};

/**
 * Per labeler of the project (members and anyone who judged in it): the quality figures of the
 * Labelers page and the flags the project's rules raise, over judgments made in `range`. Counting
 * is done in SQL, one row per labeler; only the votes for the majority agreement come back whole.
 */
export async function labelerQuality(project: Project, range: DateRange = {}): Promise<LabelerQuality[]> {
  const id = project.id;
  const [members, stats, modelRows, skipRows, reportRows, votes] = await Promise.all([
    listMembers(id),
    db().$queryRaw<JudgmentStats[]>`
      SELECT j."userId",
             count(*)::int AS judgments,
             count(*) FILTER (WHERE p."isGold")::int AS "goldJudged",
             count(*) FILTER (WHERE p."isGold" AND j.choice = p."goldAnswer")::int AS "goldRight",
             count(*) FILTER (WHERE j.choice IN ('A', 'B'))::int AS decisive,
             count(*) FILTER (WHERE j.choice IN ('A', 'B')
                                AND (j.choice = 'A') = (j."leftCandidateId" = p."candidateAId"))::int AS "leftPicks",
             count(*) FILTER (WHERE j.choice = 'TIE')::int AS ties,
             count(*) FILTER (WHERE j.choice = 'BOTH_BAD')::int AS "bothBad",
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY j."durationMs"))::float8 AS "medianMs",
             count(*) FILTER (WHERE j."durationMs" < ${project.fastMs})::int AS fast,
             array[${histogramColumns}] AS histogram
      FROM "Judgment" j
      JOIN "Pair" p ON p.id = j."pairId"
      WHERE j."projectId" = ${id} ${inRange('j."createdAt"', range)}
      GROUP BY j."userId"`,
    modelAgreement(project, range),
    db().$queryRaw<{ userId: string; n: number }[]>`
      SELECT "userId", count(*)::int AS n FROM "Skip" s
      WHERE "projectId" = ${id} ${inRange('s."createdAt"', range)} GROUP BY "userId"`,
    db().$queryRaw<{ userId: string; n: number }[]>`
      SELECT "userId", count(*)::int AS n FROM "Report" r
      WHERE "projectId" = ${id} ${inRange('r."createdAt"', range)} GROUP BY "userId"`,
    includedVotes(id, range),
  ]);
  const byUser = <T extends { userId: string }>(rows: T[]) => new Map(rows.map((r) => [r.userId, r]));
  const statsOf = byUser(stats);
  const modelOf = byUser(modelRows);
  const skipsOf = byUser(skipRows);
  const reportsOf = byUser(reportRows);
  const majority = looMajorityAgreement(votes, { seed: 1 });
  return members.map((m) => {
    const s = statsOf.get(m.userId);
    const judgments = s?.judgments ?? 0;
    const gold = share(s?.goldRight ?? 0, s?.goldJudged ?? 0);
    const left = share(s?.leftPicks ?? 0, s?.decisive ?? 0);
    const fast = share(s?.fast ?? 0, judgments);
    const model = modelOf.get(m.userId);
    const rate = (n: number | undefined) => (judgments > 0 ? (n ?? 0) / judgments : null);
    return {
      userId: m.userId,
      label: m.label,
      status: m.status,
      member: m.member,
      paused: m.paused,
      excluded: m.excluded,
      judgments,
      gold,
      left: { ...left, p: left.n > 0 ? binomialTwoSidedP(left.hits, left.n) : null },
      tieRate: rate(s?.ties),
      bothBadRate: rate(s?.bothBad),
      medianMs: s?.medianMs ?? null,
      fast,
      histogram: s?.histogram ?? new Array<number>(TIME_EDGES_MS.length + 1).fill(0),
      majority: m.excluded
        ? notEnough(0, "pairs", "Excluded: left out of the statistics.")
        : (majority.get(m.userId) ?? notEnough(0, "pairs", "No judgment on a regular pair yet.")),
      model: share(model?.agreed ?? 0, model?.n ?? 0),
      skips: skipsOf.get(m.userId)?.n ?? 0,
      reports: reportsOf.get(m.userId)?.n ?? 0,
      flags: labelerFlags(
        {
          judgments,
          goldJudged: gold.n,
          goldAccuracy: gold.value,
          fastShare: fast.value,
          leftRate: left.value,
        },
        project,
      ),
    };
  });
}

/**
 * The votes the project's statistics rest on: regular pairs (gold pairs are quality checks), and
 * no judgment of a labeler a lead excluded.
 */
export async function includedVotes(projectId: string, range: DateRange = {}): Promise<Vote[]> {
  const rows = await db().$queryRaw<{ pairId: string; labelerId: string; choice: Vote["choice"] }[]>`
    SELECT j."pairId", j."userId" AS "labelerId", j.choice::text AS choice
    FROM "Judgment" j
    JOIN "Pair" p ON p.id = j."pairId"
    WHERE j."projectId" = ${projectId} AND NOT p."isGold" ${inRange('j."createdAt"', range)}
      AND NOT EXISTS (SELECT 1 FROM "Membership" m
                      WHERE m."projectId" = j."projectId" AND m."userId" = j."userId" AND m.excluded)`;
  return rows;
}

/**
 * Per labeler: decisive judgments on pairs where the serving model is confident (see
 * CONFIDENT_MARGIN), and how many picked the side the model prefers. None without a model.
 */
async function modelAgreement(project: Project, range: DateRange) {
  if (!project.currentModelId) return [];
  return db().$queryRaw<{ userId: string; n: number; agreed: number }[]>`
    SELECT j."userId", count(*)::int AS n,
           count(*) FILTER (WHERE (j.choice = 'A') = (q.prob > 0.5))::int AS agreed
    FROM "Judgment" j
    JOIN "Pair" p ON p.id = j."pairId"
    JOIN "Score" sa ON sa."modelId" = ${project.currentModelId} AND sa."candidateId" = p."candidateAId"
    JOIN "Score" sb ON sb."modelId" = ${project.currentModelId} AND sb."candidateId" = p."candidateBId"
    CROSS JOIN LATERAL (SELECT 1 / (1 + exp(sb.reward - sa.reward)) AS prob) q
    WHERE j."projectId" = ${project.id} AND j.choice IN ('A', 'B') ${inRange('j."createdAt"', range)}
      AND abs(q.prob - 0.5) >= ${CONFIDENT_MARGIN}
    GROUP BY j."userId"`;
}
