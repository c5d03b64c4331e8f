/**
 * `npm start`: one command from a fresh clone to a running Vibecheck.
 * Embedded PostgreSQL (unless DATABASE_URL is set) → migrations → demo seed on first run →
 * production build if needed → web server and worker. Ctrl-C stops all of it cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { ActionableError } from "../lib/actionable-error";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../lib/db/embedded";
import { migrateDeploy } from "../lib/db/migrate";
import { demoAccountsOnDemoPassword, exposureProblem, isLoopback, lockDemoAccounts, seedDemo } from "../lib/demo";
import { printBanner } from "./start/banner";
import { ensureBuild } from "./start/build";
import { dataDir, loadOrCreateSecret } from "./start/data-dir";
import { failureSentence } from "./start/failure";

const { values: flags } = parseArgs({
  options: {
    demo: { type: "boolean", default: false },
    dev: { type: "boolean", default: false },
    "lock-demo": { type: "boolean", default: false },
  },
});

const children: ChildProcess[] = [];
let database: EmbeddedDatabase | undefined;
let stopping = false;

async function main() {
  const dir = dataDir();
  const port = Number(process.env.PORT ?? 3000);
  // Only this machine by default: the demo accounts' password is in the README.
  const host = process.env.HOST || "127.0.0.1";
  const wildcard = host === "0.0.0.0" || host === "::";
  const reachAt = wildcard ? "127.0.0.1" : host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  let url = process.env.DATABASE_URL;
  let fresh = false;
  if (!url) {
    console.log(`Starting embedded PostgreSQL in ${dir} …`);
    database = await startEmbeddedPostgres({ dir });
    url = database.url;
    fresh = database.created;
  }
  const secret = process.env.NEXTAUTH_SECRET ?? (await loadOrCreateSecret(dir));
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://${wildcard || isLoopback(host) ? "localhost" : reachAt}:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  Object.assign(process.env, env);

  console.log("Applying migrations …");
  await migrateDeploy(url);
  const logins = fresh || flags.demo ? await seedDemo() : null;
  if (flags["lock-demo"]) {
    const locked = await lockDemoAccounts();
    console.log(
      `Password sign-in turned off for ${locked.length ? locked.join(", ") : "no demo account (none had the demo password)"}.`,
    );
  }
  const problem = exposureProblem(host, isLoopback(host) ? [] : await demoAccountsOnDemoPassword());
  if (problem) throw new ActionableError(problem);

  if (!flags.dev) await ensureBuild(env);
  const next = [flags.dev ? "dev" : "start", "-p", String(port), "-H", host];
  children.push(run("web", process.execPath, ["node_modules/next/dist/bin/next", ...next], env));
  children.push(run("worker", process.execPath, ["--import", "tsx", "workers/index.ts"], env));
  await untilAnswering(`http://${reachAt}:${port}/api/health`);
  printBanner({
    url: env.NEXTAUTH_URL,
    databaseUrl: url,
    embedded: Boolean(database),
    logins,
    demoPasswords: !flags["lock-demo"],
  });
}

async function untilAnswering(url: string): Promise<void> {
  for (let i = 0; i < 600 && !stopping; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? `code ${code}`}); stopping Vibecheck.`);
    void shutdown(1);
  });
  return child;
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping web, worker and database …");
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
        }),
    ),
  );
  await database?.stop();
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

// Whatever fails, the start ends in one sentence saying what to do, never a stack trace.
async function fail(error: unknown) {
  if (stopping) return;
  console.error(`\n${failureSentence(error, dataDir())}`);
  await shutdown(1);
}
process.on("uncaughtException", (error) => void fail(error));
process.on("unhandledRejection", (error) => void fail(error));

main().catch(fail);
