import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { migrateDeploy } from "./migrate";

/**
 * Backups of Vibecheck's database as a gzipped text file: a header line, then for each table of
 * the public schema a line naming it and one JSON object per row (PostgreSQL's row_to_json; bytes
 * as \x hex). Read inside one REPEATABLE READ transaction, so the file is one consistent moment,
 * taken while the app runs. The embedded PostgreSQL package ships no pg_dump, and an older system
 * pg_dump refuses a newer server: this needs only the connection.
 */
export const DUMP_FORMAT = "vibecheck-dump";
const VERSION = 1;
const BATCH = 500;

type Header = { format: string; version: number; createdAt: string; migrations: string[] };
type TableLine = { table: string; rows: number };

export type DumpSummary = { tables: number; rows: number };

export async function dumpDatabase(url: string, file: string): Promise<DumpSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const done = gzip.pipe(createWriteStream(file));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  let rows = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const header: Header = {
      format: DUMP_FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
    };
    await write(JSON.stringify(header));
    const tables = await publicTables(client);
    for (const table of tables) {
      const quoted = client.escapeIdentifier(table);
      const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoted}`);
      const line: TableLine = { table, rows: counted[0]?.n ?? 0 };
      await write(JSON.stringify(line));
      await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoted} t`);
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${BATCH} FROM dump`);
        for (const { row } of batch.rows) await write(row);
        if (batch.rows.length < BATCH) break;
      }
      await client.query("CLOSE dump");
      rows += line.rows;
    }
    await client.query("COMMIT");
    gzip.end();
    await once(done, "finish");
    return { tables: tables.length, rows };
  } catch (error) {
    gzip.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

/** Refusals a person can act on; the CLI prints the message alone. */
export class BackupError extends Error {}

/**
 * Loads a dump into the database at `url`. The database must be empty (no projects, no users)
 * unless `replace` is set: then everything in the public schema is dropped first. Migrations are
 * applied, and must be the dump's (a dump restores into the Vibecheck version that wrote it, or
 * one with the same migrations). Rows go in inside one transaction, with foreign keys checked
 * off while loading (rows arrive table by table): all or nothing.
 */
export async function restoreDatabase(url: string, file: string, { replace = false } = {}): Promise<DumpSummary> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = parseHeader(first.done ? "" : first.value, file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (replace) {
      await client.query("DROP SCHEMA IF EXISTS public CASCADE");
      await client.query("CREATE SCHEMA public");
    }
    await migrateDeploy(url);
    await checkEmpty(client);
    const ours = await appliedMigrations(client);
    if (ours.join("\n") !== header.migrations.join("\n")) {
      throw new BackupError(
        `${file} was written at migration ${header.migrations.at(-1) ?? "(none)"}, but this Vibecheck is at ${ours.at(-1) ?? "(none)"}; restore it with the Vibecheck version that wrote it, then upgrade`,
      );
    }
    await client.query("BEGIN");
    // Superuser only (the embedded database's user is one): triggers, foreign keys included, are off.
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query('DELETE FROM "_prisma_migrations"');
    const summary = await loadTables(client, iterator);
    await client.query("COMMIT");
    return summary;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    lines.close();
  }
}

async function loadTables(client: pg.Client, lines: AsyncIterator<string>): Promise<DumpSummary> {
  let tables = 0;
  let rows = 0;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const { table, rows: count } = JSON.parse(next.value) as TableLine;
    const quoted = client.escapeIdentifier(table);
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(`INSERT INTO ${quoted} SELECT * FROM json_populate_recordset(NULL::${quoted}, $1::json)`, [
        `[${batch.join(",")}]`,
      ]);
      batch = [];
    };
    for (let i = 0; i < count; i++) {
      const row = await lines.next();
      if (row.done) throw new BackupError(`the dump ends inside table ${table}: it is cut short`);
      batch.push(row.value);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    tables += 1;
    rows += count;
  }
  return { tables, rows };
}

function parseHeader(line: string, file: string): Header {
  let header: Partial<Header> = {};
  try {
    header = JSON.parse(line) as Header;
  } catch {
    // Reported below.
  }
  if (header.format !== DUMP_FORMAT || header.version !== VERSION || !Array.isArray(header.migrations)) {
    throw new BackupError(`${file} is not a Vibecheck dump (written by npm run db:dump)`);
  }
  return header as Header;
}

async function checkEmpty(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Project") AS n`,
  );
  if (Number(rows[0]?.n ?? 0) > 0) {
    throw new BackupError(
      "the database already holds users or projects; restore into an empty one, or pass --replace to drop everything in it first",
    );
  }
}

async function publicTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}
