import { db, Prisma } from "../db";
import type { ReportKind } from "../generated/prisma/client";

export const REPORTS_PAGE_SIZE = 50;

export type ReportRow = {
  id: string;
  kind: ReportKind;
  note: string | null;
  createdAt: Date;
  labeler: string;
  pairId: string;
  promptId: string;
  promptExternalId: string;
  /** The prompt's first 200 characters. */
  prompt: string;
};

export type ReportsPage = { reports: ReportRow[]; nextCursor: string | null };

/** A page position: the last row's time and id, so a page is stable while reports come in. */
export function reportCursor(row: Pick<ReportRow, "createdAt" | "id">): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}

function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const [at, id] = cursor?.split("_") ?? [];
  const time = at ? new Date(at) : null;
  return time && id && !Number.isNaN(time.getTime()) ? { at: time, id } : null;
}

/** A project's reports, newest first, keyset-paged on the (projectId, createdAt) index. */
export async function listReports(projectId: string, cursor?: string): Promise<ReportsPage> {
  const after = parseCursor(cursor);
  const rows = await db().$queryRaw<ReportRow[]>`
    SELECT r.id, r.kind, r.note, r."createdAt", coalesce(u.email, u.name, u."externalId", u.id) AS labeler,
           r."pairId", pr.id AS "promptId", pr."externalId" AS "promptExternalId", left(pr.text, 200) AS prompt
    FROM "Report" r
    JOIN "User" u ON u.id = r."userId"
    JOIN "Pair" p ON p.id = r."pairId"
    JOIN "Prompt" pr ON pr.id = p."promptId"
    WHERE r."projectId" = ${projectId}
      ${after ? Prisma.sql`AND (r."createdAt", r.id) < (${after.at}, ${after.id})` : Prisma.empty}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${REPORTS_PAGE_SIZE + 1}`;
  const page = rows.slice(0, REPORTS_PAGE_SIZE);
  const last = page.at(-1);
  return { reports: page, nextCursor: rows.length > REPORTS_PAGE_SIZE && last ? reportCursor(last) : null };
}

export type PairSkips = { pairId: string; promptExternalId: string; prompt: string; skips: number; reports: number };
export type LabelerSkips = { userId: string; labeler: string; skips: number; reports: number };
export type SkipCounts = { total: number; byPair: PairSkips[]; byLabeler: LabelerSkips[] };

/** How often pairs were skipped, by pair and by labeler, most skipped first (the top `limit` of each). */
export async function skipCounts(projectId: string, limit = 20): Promise<SkipCounts> {
  const [byPair, byLabeler, total] = await Promise.all([
    db().$queryRaw<PairSkips[]>`
      SELECT s."pairId", pr."externalId" AS "promptExternalId", left(pr.text, 120) AS prompt, s.skips,
             (SELECT count(*)::int FROM "Report" r WHERE r."pairId" = s."pairId") AS reports
      FROM (SELECT "pairId", count(*)::int AS skips FROM "Skip" WHERE "projectId" = ${projectId}
            GROUP BY "pairId" ORDER BY skips DESC, "pairId" LIMIT ${limit}) s
      JOIN "Pair" p ON p.id = s."pairId"
      JOIN "Prompt" pr ON pr.id = p."promptId"
      ORDER BY s.skips DESC, s."pairId"`,
    db().$queryRaw<LabelerSkips[]>`
      SELECT s."userId", coalesce(u.email, u.name, u."externalId", u.id) AS labeler, s.skips,
             (SELECT count(*)::int FROM "Report" r WHERE r."projectId" = ${projectId} AND r."userId" = s."userId") AS reports
      FROM (SELECT "userId", count(*)::int AS skips FROM "Skip" WHERE "projectId" = ${projectId}
            GROUP BY "userId" ORDER BY skips DESC, "userId" LIMIT ${limit}) s
      JOIN "User" u ON u.id = s."userId"
      ORDER BY s.skips DESC, labeler`,
    db().skip.count({ where: { projectId } }),
  ]);
  return { total, byPair, byLabeler };
}
