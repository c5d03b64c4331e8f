import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../lib/net/free-port";
// Not a React hook, despite the name: aliased so the hooks lint rule does not apply.
import { useFreshDatabase as freshDatabase } from "./database";

export type AppServer = { url: string; databaseUrl: string; stop: () => Promise<void> };

const ROOT = path.resolve(import.meta.dirname, "../..");
const STARTUP_MS = 60_000;

/**
 * The production app (`next start`) on a free port, against a fresh database of its own.
 * Call it in beforeAll and `stop()` in afterAll. It serves the build in .next; `npm test` builds
 * before running vitest.
 */
export async function startAppServer(): Promise<AppServer> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("The browser tests need a production build in .next: run `npm run build` first.");
  }
  const databaseUrl = await freshDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
        NEXTAUTH_URL: url,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    await waitUntilAnswering(url, child);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${(error as Error).message}\n--- next start output ---\n${output.join("")}`);
  }
  return { url, databaseUrl, stop: () => stopProcess(child) };
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/login`);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer on ${url} within ${STARTUP_MS / 1000} s`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
