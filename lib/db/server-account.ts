import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, readlink, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { ActionableError } from "../actionable-error";
import type { Account } from "./postgres-process";

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, who must be able to
 * reach the binaries and the cluster. A clone inside a folder only root can enter (/root, any
 * `mktemp -d`) hides both from it: then that user gets a copy of the binaries and a cluster folder
 * of its own under a shared folder, and the data folder keeps a symlink to the cluster.
 */
export const SHARED_DIR = "/var/lib/vibecheck";

const SERVER_USER = "postgres";

export function serverAccount(): Account {
  if (process.getuid?.() !== 0) return undefined;
  if (!userExists(SERVER_USER)) {
    try {
      execFileSync("groupadd", ["--force", SERVER_USER], { stdio: "pipe" });
      execFileSync("useradd", ["--system", "--no-create-home", "-g", SERVER_USER, SERVER_USER], { stdio: "pipe" });
    } catch (error) {
      throw new ActionableError(
        `As root, the embedded PostgreSQL runs as the user "${SERVER_USER}", which does not exist and could not be created (${firstLine(error)}); create it (useradd ${SERVER_USER}) or run npm start as an ordinary user.`,
      );
    }
  }
  const id = (flag: string) => Number(execFileSync("id", [flag, SERVER_USER], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** Whether `account` can reach (search a folder, or execute a file at) `target`, as the kernel decides. */
export function canReach(account: Account, target: string): boolean {
  if (!account) return true;
  return spawnSync("test", ["-x", target], { uid: account.uid, gid: account.gid }).status === 0;
}

/** The folder with bin/, lib/ and share/: the packaged one, or a copy the server's user can reach. */
export async function reachableBinaries(account: Account, packaged: string, version: string, shared: string) {
  if (canReach(account, path.join(packaged, "bin", "postgres"))) return packaged;
  const copy = path.join(shared, `postgresql-${version}`);
  if (existsSync(path.join(copy, "bin", "postgres"))) return copy;
  await mkdir(shared, { recursive: true, mode: 0o755 });
  await chmod(shared, 0o755);
  // Copied beside its final place and renamed, so a copy cut short is never taken for a whole one.
  const partial = `${copy}.partial-${process.pid}`;
  await cp(packaged, partial, { recursive: true, verbatimSymlinks: true });
  await chmod(partial, 0o755);
  await rename(partial, copy).catch(async (error) => {
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(copy)) throw error;
  });
  return copy;
}

/**
 * The cluster folder. `<dir>/pg` itself when the server's user can reach it; otherwise a folder
 * under `shared` owned by that user, named after `dir`, with `<dir>/pg` a symlink to it.
 */
export async function reachableCluster(account: Account, dir: string, shared: string): Promise<string> {
  const link = path.join(dir, "pg");
  const existing = await readlink(link).catch(() => null);
  if (existing) return existing;
  if (canReach(account, dir)) return link;
  if (existsSync(link)) {
    throw new ActionableError(
      `The embedded PostgreSQL cannot reach its cluster ${link}: as root it runs as "${SERVER_USER}", who cannot enter ${dir}. Move the data folder somewhere that user can enter (set VIBECHECK_DATA_DIR), or run npm start as an ordinary user.`,
    );
  }
  const clusters = path.join(shared, "clusters");
  await mkdir(clusters, { recursive: true, mode: 0o755 });
  await chmod(shared, 0o755);
  await chmod(clusters, 0o755);
  const target = path.join(clusters, createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 16));
  // No link points at it any more (the data folder was deleted): an earlier cluster of a folder at this path.
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { mode: 0o700 });
  if (account) await chown(target, account.uid, account.gid);
  await symlink(target, link);
  return target;
}

function userExists(name: string): boolean {
  return spawnSync("id", ["-u", name], { stdio: "ignore" }).status === 0;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split("\n")[0] ?? "";
}
