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
import { type OpenLoopResult, openLoop } from "./open-loop";
import { type BenchFigure, type BenchSection, median } from "./report";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LEVELS = [50, 100];
/** Open-loop labelers: each answers every 4 s on average (issue: N = 250, 500 and 1,000). */
const OPEN_LEVELS = [250, 500, 1000];
const THINK_MS = 4000;
const OPEN_WARMUP_MS = 6000;
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 30);
const WARMUP_SECONDS = 5;
const SLUG = "bench";
// Load runs measure the loop, not the per-labeler limit (300 judgments a minute by default), which
// a closed loop of 50 labelers would reach; the limiter still runs its query on every submit.
const LOAD_ENV = { RATE_JUDGMENTS_PER_MINUTE: "1000000" };

/**
 * Simulated labelers against the production server. Closed loop at 50 and 100 labelers, each run
 * `RUNS` times (medians reported): the browser's one-request loop (the submit's answer carries the
 * next pair) and the older two-request loop (GET /next, then submit), next to `GET /api/health`
 * with as many connections (the web tier's ceiling) and raw single-row INSERTs through pg (the
 * database's). Then the open loop at 250, 500 and 1,000 labelers with exponential think times.
 */
export const labelingBench: BenchSection = {
  name: "labeling",
  title: "Labeling loop over HTTP (one request per judgment; open loop)",
  run: async () => {
    if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
    const dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-bench-"));
    const database = await startEmbeddedPostgres({ dir });
    const secret = randomBytes(24).toString("hex");
    let server: ChildProcess | undefined;
    try {
      await migrateDeploy(database.url);
      const cookies = await seed(database.url, secret);
      const port = await freePort();
      server = await startServer(port, database.url, secret);
      // Unmeasured: compiles the routes, warms V8 and the prepared statements of each connection.
      await labelLoad(port, cookies.slice(0, Math.max(...LEVELS)), "one", WARMUP_SECONDS);
      await labelLoad(port, cookies.slice(0, Math.max(...LEVELS)), "two", WARMUP_SECONDS);
      const figures: BenchFigure[] = [];
      for (const labelers of LEVELS) {
        const one: LoadResult[] = [];
        const two: LoadResult[] = [];
        const floor: FloorResult[] = [];
        const web: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          one.push(await labelLoad(port, cookies.slice(0, labelers), "one"));
          two.push(await labelLoad(port, cookies.slice(0, labelers), "two"));
          floor.push(await rawInsertFloor(database.url, labelers));
          web.push(await healthLoad(port, labelers));
        }
        figures.push(...levelFigures(labelers, one, two, floor, median(web)));
      }
      for (const labelers of OPEN_LEVELS) {
        const client = new LoadClient(port, labelers);
        const options = { slug: SLUG, thinkMs: THINK_MS, warmupMs: OPEN_WARMUP_MS, seed: labelers };
        const result = await openLoop(client, cookies.slice(0, labelers), {
          ...options,
          measureMs: OPEN_SECONDS * 1000,
        });
        client.close();
        figures.push(...openFigures(result, await rawInsertFloor(database.url, 10)));
      }
      return figures;
    } catch (error) {
      // Said before the server stops: the calls still in flight then fail too and could hide it.
      console.error("labeling bench failed:", error);
      throw error;
    } finally {
      server?.kill("SIGTERM");
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

type Loop = "one" | "two";

function levelFigures(
  labelers: number,
  one: LoadResult[],
  two: LoadResult[],
  floor: FloorResult[],
  webFloor: number,
): BenchFigure[] {
  const pick = (runs: LoadResult[], f: (r: LoadResult) => number) => median(runs.map(f));
  const floorOf = (f: (r: FloorResult) => number) => median(floor.map(f));
  const web = `GET /api/health, ${labelers} connections (no session, no database)`;
  return [
    {
      name: `${labelers} labelers, one request per judgment: judgments stored`,
      value: pick(one, (r) => r.judgmentsPerSecond),
      unit: "/s",
      baselineName: web,
      baseline: webFloor,
      // The target: at least half the requests per second of a route that does nothing.
      target: { op: ">=", value: webFloor / 2 },
    },
    {
      name: `${labelers} labelers, two requests per judgment (GET /next, submit): judgments stored`,
      value: pick(two, (r) => r.judgmentsPerSecond),
      unit: "/s",
      baselineName: web,
      baseline: webFloor,
    },
    {
      name: `${labelers} labelers, one request per judgment: judgments stored`,
      value: pick(one, (r) => r.judgmentsPerSecond),
      unit: "/s",
      baselineName: `raw pg INSERT, ${labelers} connections`,
      baseline: floorOf((f) => f.rate),
    },
    ...(["p50", "p99"] as const).flatMap((q): BenchFigure[] => [
      {
        name: `${labelers} labelers, one request: submit + next pair ${q}`,
        value: pick(one, (r) => r.latency.submit[q]),
        unit: "ms",
        baselineName: `raw INSERT ${q}`,
        baseline: floorOf((f) => f[q]),
      },
      {
        name: `${labelers} labelers, two requests: GET /next ${q} + submit ${q}`,
        value: pick(two, (r) => r.latency.next[q] + r.latency.submit[q]),
        unit: "ms",
        baselineName: `raw INSERT ${q}`,
        baseline: floorOf((f) => f[q]),
      },
    ]),
  ];
}

function openFigures(result: OpenLoopResult, floor: FloorResult): BenchFigure[] {
  const n = result.labelers;
  const calls = (["submit", "next"] as const).filter((call) => result.latency[call].count > 0);
  return [
    {
      name: `open loop, ${n} labelers (think time mean 4 s): judgments stored`,
      value: result.judgmentsPerSecond,
      unit: "/s",
      baselineName: "offered by the labelers (N / 4 s)",
      baseline: result.offeredPerSecond,
    },
    ...calls.flatMap((call) =>
      (["p50", "p99"] as const).map(
        (q): BenchFigure => ({
          name: `open loop, ${n} labelers: ${call === "submit" ? "submit + next pair" : "GET /next"} ${q} (${result.latency[call].count} calls)`,
          value: result.latency[call][q],
          unit: "ms",
          baselineName: `raw INSERT ${q}, 10 connections`,
          baseline: floor[q],
          target: n === 500 && q === "p99" ? { op: "<=", value: 100 } : undefined,
        }),
      ),
    ),
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

type Task = { kind: string; assignmentId?: string };

/**
 * Each labeler judges as fast as the server answers. "one": the submit asks for the next pair and
 * its answer brings it (GET /next only for the first pair); "two": GET /next before every submit.
 */
async function labelLoad(port: number, cookies: string[], loop: Loop, seconds = SECONDS): Promise<LoadResult> {
  const client = new LoadClient(port, cookies.length);
  const deadline = performance.now() + seconds * 1000;
  let stored = 0;
  const started = performance.now();
  const next = (cookie: string) =>
    client.call("next", "GET", `/api/projects/${SLUG}/next`, cookie).then((r) => r.json as Task);
  await Promise.all(
    cookies.map(async (cookie) => {
      let task: Task | undefined;
      while (performance.now() < deadline) {
        if (loop === "two" || !task) task = await next(cookie);
        if (task.kind !== "pair") throw new Error(`bench ran out of pairs: ${JSON.stringify(task)}`);
        const body = {
          clientId: randomUUID(),
          assignmentId: task.assignmentId,
          choice: "A",
          durationMs: 900,
          ...(loop === "one" ? { next: { exclude: [task.assignmentId] } } : {}),
        };
        const answer = await client.call("submit", "POST", `/api/projects/${SLUG}/judgments`, cookie, body);
        if (answer.status === 200) stored++;
        task = (answer.json as { next?: Task }).next;
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
function seed(url: string, secret: string): Promise<string[]> {
  // Closed loops: at most about 1,500 judgments/s; open loops: N / 4 s over warm-up and window.
  const closed = 1500 * (SECONDS * RUNS * LEVELS.length + WARMUP_SECONDS) * 2;
  const open = OPEN_LEVELS.reduce((sum, n) => sum + (n / 4) * (OPEN_SECONDS + OPEN_WARMUP_MS / 1000 + 4), 0);
  const labelers = Math.max(...LEVELS, ...OPEN_LEVELS);
  return seedLabelingProject(url, secret, {
    slug: SLUG,
    prompts: Math.ceil((closed + open) / (3 * 6)),
    labelers,
    k: 3,
  });
}

function startServer(port: number, databaseUrl: string, secret: string): Promise<ChildProcess> {
  return startNextServer(port, databaseUrl, secret, {
    extraEnv: LOAD_ENV,
    output: (chunk) => process.stderr.write(chunk),
  });
}
