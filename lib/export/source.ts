import pg from "pg";
import { poolConfig } from "../db/pool";
import { env } from "../env";
import type { ExportFilters } from "./rows/options";
import type { VoteSource } from "./rows/source";
import { exportTypes } from "./timestamp";
import { voteReader } from "./vote-reader";

/** Rows per FETCH: large enough that round trips do not dominate, small enough to stay a few MB. */
export const FETCH_ROWS = 5_000;

export type VoteCursor = {
  /** The snapshot's time: judgments stored after it are not in this export. */
  cutoff: Date;
  batches: AsyncGenerator<VoteSource[]>;
  close: () => Promise<void>;
};

/**
 * The filtered judgments of a project, ordered by pair then judgment id, read through a
 * server-side cursor inside one read-only REPEATABLE READ transaction: the export sees one
 * consistent snapshot however long it streams, and holds one FETCH at a time in memory. The
 * connection is its own (not the Prisma pool's), because the transaction stays open while the
 * reader downloads.
 */
export async function openVoteCursor(
  project: { id: string; go: boolean },
  filters: ExportFilters,
  after: Date | null,
): Promise<VoteCursor> {
  const { Client: _, max: __, ...config } = poolConfig(env().DATABASE_URL);
  const client = new pg.Client({ ...config, application_name: "vibecheck-export" });
  await client.connect();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await client.query("ROLLBACK").catch(() => undefined);
    await client.end().catch(() => undefined);
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Judgment times are stored as UTC timestamps without a zone: compare and read them in UTC.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    // The whole result is read: plan for all rows (hash joins), not the first tenth as cursors do by default.
    await client.query("SET LOCAL cursor_tuple_fraction = 1.0");
    const { rows } = await client.query<{ cutoff: Date }>("SELECT now() AS cutoff");
    const cutoff = rows[0]?.cutoff ?? new Date();
    const { text, values } = voteQuery(project, filters, after);
    await client.query(`DECLARE export_votes NO SCROLL CURSOR FOR ${text}`, values);
    return { cutoff, batches: fetchAll(client, close), close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function* fetchAll(client: pg.Client, close: () => Promise<void>): AsyncGenerator<VoteSource[]> {
  // Rows as arrays, not objects keyed by column name: pg then builds one small array per row
  // instead of a 19-key object that is read once and dropped.
  const fetch = () =>
    client.query<unknown[]>({ text: `FETCH ${FETCH_ROWS} FROM export_votes`, rowMode: "array", types: exportTypes });
  // One FETCH ahead: PostgreSQL produces the next batch while this one is shaped and written.
  let next: ReturnType<typeof fetch> | null = fetch();
  try {
    while (next) {
      const { rows, fields }: pg.QueryResult<unknown[]> = await next;
      next = rows.length === FETCH_ROWS ? fetch() : null;
      if (rows.length > 0) {
        const read = voteReader(fields.map((f) => f.name));
        yield rows.map(read);
      }
    }
  } finally {
    // Stopped early: the FETCH in flight is answered (or fails) before the ROLLBACK, which pg queues after it.
    await next?.catch(() => undefined);
    await close();
  }
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
