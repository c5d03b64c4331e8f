import { db } from "../db";

type CodeRow = {
  userId: string;
  externalId: string | null;
  email: string | null;
  completionCode: string;
  judgments: number;
  joinedAt: Date;
};

const HEADER = ["worker_id", "email", "user_id", "completion_code", "judgments", "quota_met", "joined_at"];

/**
 * Every member's completion code as CSV, to check the codes crowd workers hand in before paying
 * them: the worker id the platform knows them by, the code they were shown, and whether they met
 * the quota (always "yes" when the project sets none).
 */
export async function completionCodesCsv(project: { id: string; quota: number }): Promise<string> {
  const rows = await db().$queryRaw<CodeRow[]>`
    SELECT u.id AS "userId", u."externalId", u.email, m."completionCode", m."createdAt" AS "joinedAt",
           (SELECT count(*)::int FROM "Judgment" j WHERE j."userId" = u.id AND j."projectId" = ${project.id}) AS judgments
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."projectId" = ${project.id}
    ORDER BY m."createdAt", u.id`;
  const lines = rows.map((row) => [
    workerId(row.externalId, project.id),
    row.email ?? "",
    row.userId,
    row.completionCode,
    String(row.judgments),
    row.judgments >= project.quota ? "yes" : "no",
    row.joinedAt.toISOString(),
  ]);
  return `${[HEADER, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Crowd workers are stored as "<project id>:<worker id>"; the platform knows only the second part. */
function workerId(externalId: string | null, projectId: string): string {
  const prefix = `${projectId}:`;
  return externalId?.startsWith(prefix) ? externalId.slice(prefix.length) : "";
}

// RFC 4180 quoting, and a leading quote mark on anything a spreadsheet would run as a formula.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
