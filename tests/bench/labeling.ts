import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrateDeploy } from "../../lib/db/migrate";
import { freePort } from "../../lib/net/free-port";
import { seedLabelingProject, startNextServer } from "../setup/labeling-seed";
import { LoadClient, percentile } from "./load";
import { type BenchFigure, type BenchSection, median } from "./report";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LEVELS = [50, 100];
const SLUG = "bench";

/**
 * Simulated labelers doing next-pair + submit against the production server, each level run
 * `RUNS` times (medians reported), next to raw single-row INSERTs of an equivalent row through
 * pg with the same number of connections, against the same database in the same run.
 */
export const labelingBench: BenchSection = {
  name: "labeling",
  title: "Labeling loop (next pair + submit) over HTTP",
  run: async () => {
    if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
    const dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-bench-"));
    const database = await startEmbeddedPostgres({ dir });
    const secret = randomBytes(24).toString("hex");
    let server: ChildProcess | undefined;
    try {
      await migrateDeploy(database.url);
      const cookies = await seed(database.url, secret, Math.max(...LEVELS));
      const port = await freePort();
      server = await startServer(port, database.url, secret);
      const figures: BenchFigure[] = [];
      for (const labelers of LEVELS) {
        const runs: LoadResult[] = [];
        const floor: FloorResult[] = [];
        const web: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          runs.push(await labelLoad(port, cookies.slice(0, labelers)));
          floor.push(await rawInsertFloor(database.url, labelers));
          web.push(await healthLoad(port, labelers));
        }
        figures.push(...levelFigures(labelers, runs, floor, median(web)));
      }
      return figures;
    } finally {
      server?.kill("SIGTERM");
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

function levelFigures(labelers: number, runs: LoadResult[], floor: FloorResult[], webFloor: number): BenchFigure[] {
  const pick = (f: (r: LoadResult) => number) => median(runs.map(f));
  const floorOf = (f: (r: FloorResult) => number) => median(floor.map(f));
  const at50 = labelers === 50;
  const stored = pick((r) => r.judgmentsPerSecond);
  return [
    {
      name: `${labelers} labelers: judgments stored`,
      value: stored,
      unit: "/s",
      baselineName: `raw pg INSERT, ${labelers} connections`,
      baseline: floorOf((f) => f.rate),
      target: at50 ? { op: ">=", value: 1000 } : undefined,
    },
    {
      name: `${labelers} labelers: HTTP requests (2 per judgment)`,
      value: 2 * stored,
      unit: "req/s",
      baselineName: "GET /api/health, no session, no database",
      baseline: webFloor,
    },
    ...(["next", "submit"] as const).flatMap((call): BenchFigure[] => [
      {
        name: `${labelers} labelers: ${call} p50`,
        value: pick((r) => r.latency[call].p50),
        unit: "ms",
        baselineName: "raw INSERT p50",
        baseline: floorOf((f) => f.p50),
      },
      {
        name: `${labelers} labelers: ${call} p99`,
        value: pick((r) => r.latency[call].p99),
        unit: "ms",
        baselineName: "raw INSERT p99",
        baseline: floorOf((f) => f.p99),
        target: at50 ? { op: "<=", value: 50 } : undefined,
      },
    ]),
  ];
}

/** Requests per second the web tier answers when a route does nothing. */
async function healthLoad(port: number, connections: number): Promise<number> {
  const client = new LoadClient(port, connections);
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) await client.call("health", "GET", "/api/health", "");
    }),
  );
  const count = client.stats.get("health")?.count ?? 0;
  client.close();
  return count / ((performance.now() - started) / 1000);
}

type LoadResult = {
  judgmentsPerSecond: number;
  latency: Record<"next" | "submit", { p50: number; p99: number }>;
};

async function labelLoad(port: number, cookies: string[]): Promise<LoadResult> {
  const client = new LoadClient(port, cookies.length);
  const deadline = performance.now() + SECONDS * 1000;
  let stored = 0;
  const started = performance.now();
  await Promise.all(
    cookies.map(async (cookie) => {
      while (performance.now() < deadline) {
        const next = await client.call("next", "GET", `/api/projects/${SLUG}/next`, cookie);
        const task = next.json as { kind: string; assignmentId?: string };
        if (task.kind !== "pair") throw new Error(`bench ran out of pairs: ${JSON.stringify(task)}`);
        const body = { clientId: randomUUID(), assignmentId: task.assignmentId, choice: "A", durationMs: 900 };
        const answer = await client.call("submit", "POST", `/api/projects/${SLUG}/judgments`, cookie, body);
        if (answer.status === 200) stored++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  client.close();
  const lat = (name: string) => {
    const s = client.stats.get(name);
    if (s?.errors) throw new Error(`${s.errors} ${name} calls failed`);
    return { p50: percentile(s?.latenciesMs ?? [], 50), p99: percentile(s?.latenciesMs ?? [], 99) };
  };
  return { judgmentsPerSecond: stored / elapsed, latency: { next: lat("next"), submit: lat("submit") } };
}

type FloorResult = { rate: number; p50: number; p99: number };

/** The floor: single-row INSERTs of a judgment-shaped row, one per round trip, `connections` at once. */
async function rawInsertFloor(url: string, connections: number): Promise<FloorResult> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_floor (LIKE "Judgment" INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const deadline = performance.now() + SECONDS * 1000;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        await pool.query(
          `INSERT INTO bench_floor (id, "clientId", "projectId", "pairId", "userId", "assignmentId", choice,
                                    "leftCandidateId", "durationMs")
           VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 'p', gen_random_uuid()::text, 'u',
                   gen_random_uuid()::text, 'A', 'c', 900)`,
        );
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const rate = latencies.length / ((performance.now() - started) / 1000);
  await pool.end();
  return { rate, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** A project with enough pairs for every run, and signed session cookies for the labelers. */
function seed(url: string, secret: string, labelers: number): Promise<string[]> {
  const neededSlots = 1500 * SECONDS * RUNS * LEVELS.length * 2;
  return seedLabelingProject(url, secret, { slug: SLUG, prompts: Math.ceil(neededSlots / (3 * 6)), labelers, k: 3 });
}

function startServer(port: number, databaseUrl: string, secret: string): Promise<ChildProcess> {
  return startNextServer(port, databaseUrl, secret, { output: (chunk) => process.stderr.write(chunk) });
}
