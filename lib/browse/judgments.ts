import { db, Prisma } from "../db";
import type { Choice, Project } from "../generated/prisma/client";
import { encodeCursor } from "./cursor";
import { dayRange, type JudgmentFilters } from "./filters";
import { labelerIds } from "./labelers";
import type { PairJudgment } from "./prompt-detail";

const sql = Prisma.sql;

export const PAGE_SIZE = 50;

export type CandidateRef = { id: string; externalId: string; source: string; excerpt: string };

/** One judgment as the data browser shows it; `choice` is in the pair's terms (A = candidate a). */
export type JudgmentRow = PairJudgment & {
  pairId: string;
  isGold: boolean;
  goldAnswer: Choice | null;
  promptId: string;
  promptExternalId: string;
  promptExcerpt: string;
  a: CandidateRef;
  b: CandidateRef;
};

export type JudgmentPage = {
  judgments: JudgmentRow[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
  /** False when a labeler filter names nobody in this project. */
  labelerKnown: boolean;
};

const EXCERPT = 160;

type Side = "a" | "b";
type RawRow = Omit<JudgmentRow, Side> & Record<`${Side}${"Id" | "ExternalId" | "Source" | "Excerpt"}`, string>;

const candidateOf = (row: RawRow, side: Side): CandidateRef => ({
  id: row[`${side}Id`],
  externalId: row[`${side}ExternalId`],
  source: row[`${side}Source`],
  excerpt: row[`${side}Excerpt`],
});

/**
 * A page of the project's judgments, newest first, keyset-paged by (createdAt, id): a page costs
 * the same at any depth, and rows arriving meanwhile neither repeat nor skip a row.
 */
export async function judgmentsPage(
  project: Pick<Project, "id">,
  filters: JudgmentFilters,
  limit = PAGE_SIZE,
): Promise<JudgmentPage> {
  const where = [sql`j."projectId" = ${project.id}`];
  if (filters.labeler) {
    const ids = await labelerIds(project.id, filters.labeler);
    if (ids.length === 0) return { judgments: [], next: null, labelerKnown: false };
    where.push(sql`j."userId" IN (${Prisma.join(ids)})`);
  }
  if (filters.choice) where.push(sql`j.choice = ${filters.choice}::"Choice"`);
  if (filters.rationale === "with") where.push(sql`j.rationale IS NOT NULL AND j.rationale <> ''`);
  if (filters.rationale === "without") where.push(sql`(j.rationale IS NULL OR j.rationale = '')`);
  if (filters.gold) where.push(filters.gold === "only" ? sql`p."isGold"` : sql`NOT p."isGold"`);
  const { since, until } = dayRange(filters);
  if (since) where.push(sql`j."createdAt" >= ${since}`);
  if (until) where.push(sql`j."createdAt" < ${until}`);
  if (filters.after) where.push(sql`(j."createdAt", j.id) < (${filters.after.createdAt}, ${filters.after.id})`);

  const rows = await db().$queryRaw<RawRow[]>`
    SELECT j.id, j."createdAt", j."userId", coalesce(u.email, u.name, u.id) AS labeler, j.choice, j.strength,
           j.rationale, CASE WHEN j."leftCandidateId" = p."candidateBId" THEN 'B' ELSE 'A' END AS "shownLeft",
           j."durationMs", p.id AS "pairId", p."isGold", p."goldAnswer",
           pr.id AS "promptId", pr."externalId" AS "promptExternalId", left(pr.text, ${EXCERPT}) AS "promptExcerpt",
           ca.id AS "aId", ca."externalId" AS "aExternalId", ca.source AS "aSource", left(ca.text, ${EXCERPT}) AS "aExcerpt",
           cb.id AS "bId", cb."externalId" AS "bExternalId", cb.source AS "bSource", left(cb.text, ${EXCERPT}) AS "bExcerpt"
    FROM "Judgment" j
    JOIN "Pair" p ON p.id = j."pairId"
    JOIN "Prompt" pr ON pr.id = p."promptId"
    JOIN "Candidate" ca ON ca.id = p."candidateAId"
    JOIN "Candidate" cb ON cb.id = p."candidateBId"
    JOIN "User" u ON u.id = j."userId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY j."createdAt" DESC, j.id DESC
    LIMIT ${limit + 1}`;
  const judgments: JudgmentRow[] = rows.slice(0, limit).map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    userId: row.userId,
    labeler: row.labeler,
    choice: row.choice,
    strength: row.strength,
    rationale: row.rationale,
    shownLeft: row.shownLeft,
    durationMs: row.durationMs,
    pairId: row.pairId,
    isGold: row.isGold,
    goldAnswer: row.goldAnswer,
    promptId: row.promptId,
    promptExternalId: row.promptExternalId,
    promptExcerpt: row.promptExcerpt,
    a: candidateOf(row, "a"),
    b: candidateOf(row, "b"),
  }));
  const last = judgments.at(-1);
  return { judgments, next: rows.length > limit && last ? encodeCursor(last) : null, labelerKnown: true };
}
