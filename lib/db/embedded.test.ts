import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

// What `npm start` says when the data folder cannot be used. The happy path runs in every
// integration test (tests/setup/global.ts).

const dirs: string[] = [];

async function dataFolder(pgVersion: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "vibecheck-embedded-"));
  dirs.push(dir);
  await mkdir(path.join(dir, "pg"), { recursive: true });
  await writeFile(path.join(dir, "pg", "PG_VERSION"), pgVersion);
  await writeFile(path.join(dir, "pg-password"), "secret");
  return dir;
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  it("refuses a data folder written by another PostgreSQL major version, saying what to do", async () => {
    const dir = await dataFolder("18\n");
    await expect(startEmbeddedPostgres({ dir })).rejects.toThrow(
      `${path.join(dir, "pg")} holds a PostgreSQL 18 database, but the embedded server is PostgreSQL 17, which cannot read it. Move ${dir} away (or set VIBECHECK_DATA_DIR`,
    );
  });

  it("says why the server did not start, with its last log lines, instead of failing silently", async () => {
    const dir = await dataFolder("17\n"); // the right version, but no cluster behind it
    await expect(startEmbeddedPostgres({ dir })).rejects.toThrow(/did not start .*Its last lines:\n/s);
  });
});
