import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import PgBoss from "pg-boss";
import { db } from "../../lib/db";
import { until } from "./rm-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Worker processes start tsx and onnxruntime first: they are given longer than in-process waits.
export const WORKER_WAIT_MS = 30_000;

export type Worker = { child: ChildProcess; output: () => string; waitFor: (pattern: RegExp) => Promise<void> };

/**
 * Real worker processes (workers/index.ts) against one test file's database, to be killed and
 * replaced. `stopAll` (afterAll) kills what is left.
 */
export function workerProcesses(databaseUrl: () => string) {
  const children: ChildProcess[] = [];
  let maintenance: PgBoss | undefined;
  return {
    start(env: Record<string, string> = {}): Worker {
      const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl(), ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let output = "";
      const keep = (chunk: Buffer) => {
        output += chunk.toString();
      };
      child.stdout?.on("data", keep);
      child.stderr?.on("data", keep);
      return {
        child,
        output: () => output,
        waitFor: (pattern) =>
          until(
            `worker output ${pattern}`,
            async () => {
              if (child.exitCode !== null) throw new Error(`The worker exited (${child.exitCode}):\n${output}`);
              return pattern.test(output);
            },
            WORKER_WAIT_MS,
          ).then(() => undefined),
      };
    },
    /**
     * pg-boss's maintenance every second (a worker runs it every few minutes): it fails a dead
     * worker's expired job into its retry within the test.
     */
    async fastMaintenance(): Promise<void> {
      if (maintenance) return;
      maintenance = new PgBoss({
        connectionString: databaseUrl(),
        max: 2,
        schedule: false,
        maintenanceIntervalSeconds: 1,
      });
      maintenance.on("error", () => {});
      await maintenance.start();
    },
    async stopAll(): Promise<void> {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
      await maintenance?.stop({ graceful: false });
    },
  };
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function jobState(id: string) {
  const [row] = await db().$queryRaw<{ state: string; retryCount: number; output: unknown }[]>`
    SELECT state::text, retry_count AS "retryCount", output FROM pgboss.job WHERE id = ${id}::uuid`;
  return row;
}

/** Waits for the job to complete (after its retries) and returns its row. */
export function completedJob(id: string) {
  return until(
    "the job to complete",
    async () => {
      const state = await jobState(id);
      return state?.state === "completed" ? state : undefined;
    },
    WORKER_WAIT_MS * 2,
  );
}
