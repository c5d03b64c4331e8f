import pg from "pg";
import { poolConfig } from "../db/pool";
import { env } from "../env";
import { copyRows } from "./copy-rows";
import type { ExportFilters } from "./rows/options";
import type { VoteSource } from "./rows/source";
import { exportTypes } from "./timestamp";
import { voteReader } from "./vote-reader";

/** Rows per batch handed to shaping: large enough to amortize the per-batch work, a few MB at most. */
export const BATCH_ROWS = 5_000;

export type VoteCursor = {
  /** The snapshot's time: judgments stored after it are not in this export. */
  cutoff: Date;
  batches: AsyncGenerator<VoteSource[]>;
  close: () => Promise<void>;
};

/**
 * The filtered judgments of a project, ordered by pair then judgment id, streamed by
 * `COPY (query) TO STDOUT` inside one read-only REPEATABLE READ transaction: the export sees one
 * consistent snapshot however long it streams, and holds a few batches at a time in memory
 * (copy-rows.ts pauses the socket). The connection is its own (not the Prisma pool's), because the
 * transaction stays open while the reader downloads. COPY, not a cursor: a FETCH is a request and
 * an answer, so PostgreSQL idled whenever Node was shaping, and cursors run without parallel workers.
 */
export async function openVoteCursor(
  project: { id: string; go: boolean },
  filters: ExportFilters,
  after: Date | null,
): Promise<VoteCursor> {
  const { Client: _, max: __, ...config } = poolConfig(env().DATABASE_URL);
  const client = new pg.Client({ ...config, application_name: "vibecheck-export" });
  await client.connect();
  // Errors reach the queries; a connection dropped on purpose (below) must not crash the process.
  client.on("error", () => undefined);
  let closed = false;
  let running = () => false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // Stopped mid-COPY: ending the client drops the connection, which ends the transaction too.
    if (!running()) await client.query("ROLLBACK").catch(() => undefined);
    await client.end().catch(() => undefined);
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Judgment times are stored as UTC timestamps without a zone: compare and read them in UTC.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const { rows } = await client.query<{ cutoff: Date }>("SELECT now() AS cutoff");
    const cutoff = rows[0]?.cutoff ?? new Date();
    const { text, values } = voteQuery(project, filters, after);
    // The columns' names and types, from the same query planned but not run: COPY sends text only.
    const { fields } = await client.query({ text: `${text} LIMIT 0`, values, rowMode: "array" });
    const parsers = fields.map((f) => exportTypes.getTypeParser(f.dataTypeID, "text") as (text: string) => unknown);
    const copy = copyRows(client, `COPY (${inlined(client, text, values)}) TO STDOUT`, parsers, BATCH_ROWS);
    running = copy.running;
    const read = voteReader(fields.map((f) => f.name));
    async function* batches(): AsyncGenerator<VoteSource[]> {
      try {
        for await (const rows of copy.batches) yield rows.map(read);
      } finally {
        await close();
      }
    }
    return { cutoff, batches: batches(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** COPY takes no bind parameters: the values are written into the text as quoted literals. */
export function inlined(client: pg.Client, text: string, values: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    return client.escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
  });
}

/** The one query every export reads; also what the bench's COPY floor copies. */
export function voteQuery(
  project: { id: string; go: boolean },
  filters: ExportFilters,
  after: Date | null,
): { text: string; values: unknown[] } {
  // No "createdAt <= cutoff" here: the transaction's snapshot is the cut, and app servers' clocks
  // may run ahead of the database's.
  const values: unknown[] = [project.id];
  const where = [`j."projectId" = $1`];
  // timestamptz: the driver sends a Date with its offset, which a plain timestamp would drop.
  const param = (value: Date) => {
    values.push(value);
    return `$${values.length}::timestamptz`;
  };
  if (filters.from) where.push(`j."createdAt" >= ${param(filters.from)}`);
  if (filters.to) where.push(`j."createdAt" < ${param(filters.to)}`);
  if (after) where.push(`j."createdAt" > ${param(after)}`);
  if (filters.excludeGold) where.push(`NOT p."isGold"`);
  if (filters.excludeExcludedLabelers) {
    where.push(`NOT EXISTS (SELECT 1 FROM "Membership" m
      WHERE m."projectId" = j."projectId" AND m."userId" = j."userId" AND m.excluded)`);
  }
  const go = project.go
    ? `ca.board AS a_board, ga."pBlackWins" AS a_truth, cb.board AS b_board, gb."pBlackWins" AS b_truth`
    : `NULL::jsonb AS a_board, NULL::float8 AS a_truth, NULL::jsonb AS b_board, NULL::float8 AS b_truth`;
  const goJoins = project.go
    ? `LEFT JOIN "GroundTruth" ga ON ga."candidateId" = ca.id LEFT JOIN "GroundTruth" gb ON gb."candidateId" = cb.id`
    : "";
  const text = `
    SELECT j.id, j."pairId" AS pair_id, j."userId" AS user_id, j.choice::text AS choice,
           j."leftCandidateId" = p."candidateAId" AS left_is_a, j.strength, j.rationale,
           j."durationMs" AS duration_ms, j."createdAt" AT TIME ZONE 'UTC' AS created_at,
           p."isGold" AS is_gold, p."goldAnswer"::text AS gold_answer,
           pr."externalId" AS prompt_id, pr.text AS prompt,
           ca."externalId" AS a_id, ca.text AS a_text, ca.source AS a_source,
           cb."externalId" AS b_id, cb.text AS b_text, cb.source AS b_source, ${go}
    FROM "Judgment" j
    JOIN "Pair" p ON p.id = j."pairId"
    JOIN "Prompt" pr ON pr.id = p."promptId"
    JOIN "Candidate" ca ON ca.id = p."candidateAId"
    JOIN "Candidate" cb ON cb.id = p."candidateBId"
    ${goJoins}
    WHERE ${where.join(" AND ")}
    ORDER BY j."pairId", j.id`;
  return { text, values };
}
