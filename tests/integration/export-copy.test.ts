import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyRows } from "../../lib/export/copy-rows";
import { exportTypes } from "../../lib/export/timestamp";
import { useFreshDatabase } from "../setup/database";

// The export reads its snapshot with COPY … TO STDOUT (lib/export/copy-rows.ts): values must come
// out exactly as pg's own row reading gives them, and a reader that stops early must drop the
// connection instead of leaving PostgreSQL blocked mid-COPY.

let url: string;
const clients: pg.Client[] = [];

async function connect(name = "copy-test"): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: name });
  client.on("error", () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

beforeAll(async () => {
  url = await useFreshDatabase();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
});

const TRICKY = `SELECT * FROM (VALUES
  (1, E'tab\\there', E'line\\nbreak\\r\\n', E'back\\\\slash \\\\N', NULL::text, 'ünïcödé ✓ 😀', true,
   42, 1.5::float8, '{"x": [1, "a\\tb"]}'::jsonb, timestamptz '2026-10-01 12:34:56.789+00', E'\\b\\f\\v'),
  (2, '', '\\N', 'N', 'plain', '', false, NULL, NULL, NULL, timestamptz '2026-10-01 00:00:00+00', 'x')
) AS t(id, a, b, c, d, e, f, g, h, i, j, k) ORDER BY id`;

describe("copyRows", () => {
  it("gives the values pg's row reading gives: escapes, nulls, empty strings, unicode, types", async () => {
    const client = await connect();
    await client.query("SET TimeZone = 'UTC'");
    const expected = await client.query({ text: TRICKY, rowMode: "array", types: exportTypes });
    const parsers = expected.fields.map(
      (f) => exportTypes.getTypeParser(f.dataTypeID, "text") as (t: string) => unknown,
    );
    const { batches, running } = copyRows(client, `COPY (${TRICKY}) TO STDOUT`, parsers, 1);
    const got: unknown[][] = [];
    for await (const batch of batches) got.push(...batch);
    expect(got).toEqual(expected.rows);
    expect(running()).toBe(false);
  });

  it("hands out batches of the asked size, all rows in order", async () => {
    const client = await connect();
    const parsers = [(t: string) => Number(t)];
    const { batches } = copyRows(client, "COPY (SELECT i FROM generate_series(1, 12345) i) TO STDOUT", parsers, 1000);
    const sizes: number[] = [];
    let next = 1;
    for await (const batch of batches) {
      sizes.push(batch.length);
      for (const [i] of batch) expect(i).toBe(next++);
    }
    expect(next).toBe(12346);
    expect(sizes.slice(0, -1).every((s) => s === 1000)).toBe(true);
  });

  it("stops early: ending the client drops the connection, and the server's backend goes away", async () => {
    const watcher = await connect("copy-watcher");
    const client = await connect("copy-stopped");
    // About 200 MB if read to the end: far more than the socket and the high-water mark hold.
    const sql = "COPY (SELECT i, repeat('x', 200) FROM generate_series(1, 1000000) i) TO STDOUT";
    const { batches, running } = copyRows(client, sql, [Number, String], 5000);
    const first = await batches.next();
    expect(first.done).toBe(false);
    expect(running()).toBe(true);
    await client.end();
    const backends = async () =>
      Number(
        (
          await watcher.query(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'copy-stopped' AND datname = current_database()",
          )
        ).rows[0].count,
      );
    for (let i = 0; i < 100 && (await backends()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await backends()).toBe(0);
  });
});
