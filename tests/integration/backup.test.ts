import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect } from "../../lib/db";
import { BackupError, dumpDatabase, restoreDatabase } from "../../lib/db/backup";
import { retrainProject } from "../../lib/rm/service/retrain";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

let source: string;
let dir: string;

beforeAll(async () => {
  source = await useFreshDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-backup-"));
});

afterAll(async () => {
  await disconnect();
  await rm(dir, { recursive: true, force: true });
});

/** Every public table's row count and a digest of its rows' contents, order-independent. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of tables) {
      const quoted = client.escapeIdentifier(name);
      const { rows } = await client.query<{ rows: number; digest: string }>(
        `SELECT count(*)::int AS rows, coalesce(md5(string_agg(r, '|' ORDER BY r)), '') AS digest
         FROM (SELECT row_to_json(t)::text AS r FROM ${quoted} t) x`,
      );
      out[name] = rows[0] as { rows: number; digest: string };
    }
    return out;
  } finally {
    await client.end();
  }
}

describe("db:dump and db:restore", () => {
  it("restore a dump to the same rows in every table, model bytes included, all or nothing", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 6, candidates: 3 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    expect(await retrainProject(project.id, { train: { hidden: 8 }, log: () => {} })).toMatchObject({
      status: "trained",
    });
    const before = await fingerprint(source);
    expect(before.Judgment?.rows).toBeGreaterThan(0);
    expect(before.RewardModel?.rows).toBe(1);

    const file = path.join(dir, "backup.gz");
    const dumped = await dumpDatabase(source, file);
    expect(dumped.rows).toBe(Object.values(before).reduce((sum, t) => sum + t.rows, 0));

    const target = await useFreshDatabase();
    expect(await restoreDatabase(target, file)).toEqual(dumped);
    expect(await fingerprint(target)).toEqual(before);

    // Into a database with data: refused unless told to replace it, and then the same again.
    await expect(restoreDatabase(target, file)).rejects.toThrow(BackupError);
    expect(await fingerprint(target)).toEqual(before);
    await restoreDatabase(target, file, { replace: true });
    expect(await fingerprint(target)).toEqual(before);

    // A file cut short restores nothing.
    const { gunzipSync, gzipSync } = await import("node:zlib");
    const { readFile } = await import("node:fs/promises");
    const text = gunzipSync(await readFile(file)).toString("utf8");
    const cut = path.join(dir, "cut.gz");
    await writeFile(cut, gzipSync(text.slice(0, Math.floor(text.length * 0.7)).replace(/\n[^\n]*$/, "\n")));
    const empty = await useFreshDatabase();
    const emptyPrint = await fingerprint(empty);
    await expect(restoreDatabase(empty, cut)).rejects.toThrow(/cut short/);
    expect(await fingerprint(empty)).toEqual(emptyPrint);
  }, 240_000);
});
