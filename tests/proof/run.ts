import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrateDeploy } from "../../lib/db/migrate";
import { freePort } from "../../lib/net/free-port";
import { mulberry32 } from "../../lib/random";
import { seedLabelingProject, startNextServer } from "../setup/labeling-seed";
import { type ProofTally, tallyProof } from "./check";
import { SimulatedLabeler } from "./labeler";

export type ProofPlan = {
  labelers: number;
  judgments: number;
  /** Times the web server is killed with SIGKILL (and started again). */
  webKills: number;
  pgRestarts: number;
  /** How long a fifth of the labelers stay offline. */
  offlineMs: number;
  /** Mean think time per judgment (exponential). */
  thinkMs: number;
  k: number;
  seed: number;
  log: (line: string) => void;
};

export const FULL_PLAN = { labelers: 100, judgments: 10_000, webKills: 3, pgRestarts: 1, offlineMs: 60_000 };
export const SHORT_PLAN = { labelers: 20, judgments: 1_000, webKills: 1, pgRestarts: 1, offlineMs: 10_000 };

export type ProofReport = ProofTally & {
  plan: Omit<ProofPlan, "log">;
  seconds: number;
  /** Seconds from each SIGKILL until the restarted server answered. */
  webOutages: number[];
  pgOutages: number[];
  offlineLabelers: number;
  /** Requests that failed (no answer, 5xx or 429) and were retried by the clients. */
  failedRequests: number;
  requests: number;
};

type Fault = { at: number; name: string; act: () => Promise<void> };

const SLUG = "proof";

/**
 * The proof: simulated browsers label over HTTP while the web server is killed and restarted,
 * PostgreSQL is restarted and a fifth of the labelers lose their network; then the database is
 * compared with what every client was told. Faults fire at fixed shares of the judgments
 * acknowledged so far, so a slow machine gets the same story as a fast one.
 */
export async function runProof(plan: ProofPlan): Promise<ProofReport> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-proof-"));
  const secret = randomBytes(24).toString("hex");
  let database: EmbeddedDatabase | undefined;
  let server: ChildProcess | undefined;
  try {
    const dbPort = await freePort();
    database = await startEmbeddedPostgres({ dir, port: dbPort });
    await migrateDeploy(database.url);
    const pairsNeeded = Math.ceil((plan.judgments * 1.5) / plan.k);
    const cookies = await seedLabelingProject(database.url, secret, {
      slug: SLUG,
      prompts: Math.ceil(pairsNeeded / 6),
      labelers: plan.labelers,
      k: plan.k,
    });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The proof is about faults, not limits: the per-user judgment limit is set out of reach.
    const startWeb = () => startNextServer(port, database?.url ?? "", secret, { extraEnv: noLimits });
    server = await startWeb();
    const labelers = cookies.map(
      (cookie, i) =>
        new SimulatedLabeler({
          base,
          cookie,
          slug: SLUG,
          quota: Math.floor(plan.judgments / plan.labelers) + (i < plan.judgments % plan.labelers ? 1 : 0),
          thinkMs: plan.thinkMs,
          random: mulberry32(plan.seed * 1000 + i),
        }),
    );
    const offline = labelers.filter((_, i) => i % 5 === 4);
    const webOutages: number[] = [];
    const pgOutages: number[] = [];
    const faults: Fault[] = [
      {
        at: 0.1,
        name: `${offline.length} labelers offline for ${plan.offlineMs / 1000} s`,
        act: async () => {
          for (const labeler of offline) labeler.goOffline();
          setTimeout(() => {
            for (const labeler of offline) labeler.goOnline();
            plan.log(`  ${offline.length} labelers back online`);
          }, plan.offlineMs);
        },
      },
      ...Array.from({ length: plan.webKills }, (_, i) => ({
        at: (0.8 * (i + 1)) / (plan.webKills + 1),
        name: `SIGKILL web server (${i + 1} of ${plan.webKills})`,
        act: async () => {
          const started = performance.now();
          await kill(server);
          server = await startWeb();
          webOutages.push((performance.now() - started) / 1000);
        },
      })),
      ...Array.from({ length: plan.pgRestarts }, (_, i) => ({
        at: 0.5 + (0.3 * i) / Math.max(1, plan.pgRestarts),
        name: `restart PostgreSQL (${i + 1} of ${plan.pgRestarts})`,
        act: async () => {
          const started = performance.now();
          await database?.stop();
          database = await startEmbeddedPostgres({ dir, port: dbPort });
          pgOutages.push((performance.now() - started) / 1000);
        },
      })),
    ].sort((a, b) => a.at - b.at);

    const started = performance.now();
    for (const labeler of labelers) labeler.start();
    const acknowledged = () => labelers.reduce((sum, l) => sum + l.ledger.acknowledged.size, 0);
    const allDone = Promise.all(labelers.map((l) => l.done));
    let finished = false;
    void allDone.then(
      () => {
        finished = true;
      },
      () => {
        finished = true;
      },
    );
    let lastReport = 0;
    let lastProgress = { count: -1, at: performance.now() };
    while (!finished) {
      const count = acknowledged();
      if (count !== lastProgress.count) lastProgress = { count, at: performance.now() };
      else if (performance.now() - lastProgress.at > STALL_MS) throw new Error(stalled(labelers));
      const progress = count / plan.judgments;
      const fault = faults[0];
      if (fault && progress >= fault.at) {
        faults.shift();
        plan.log(`  ${(progress * 100).toFixed(0)}% acknowledged: ${fault.name}`);
        await fault.act();
        continue;
      }
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        const pending = labelers.reduce((sum, l) => sum + l.pending, 0);
        plan.log(`  ${acknowledged()} of ${plan.judgments} acknowledged, ${pending} waiting in outboxes`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await allDone;
    const seconds = (performance.now() - started) / 1000;
    if (faults.length > 0)
      throw new Error(`the run ended before these faults: ${faults.map((f) => f.name).join(", ")}`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tally = await tallyProof(
        client,
        SLUG,
        labelers.map((l) => l.ledger),
        plan.k,
      );
      return {
        ...tally,
        plan: withoutLog(plan),
        seconds,
        webOutages,
        pgOutages,
        offlineLabelers: offline.length,
        failedRequests: labelers.reduce((sum, l) => sum + l.failedRequests, 0),
        requests: labelers.reduce((sum, l) => sum + l.requests, 0),
      };
    } finally {
      await client.end();
    }
  } finally {
    await kill(server);
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function withoutLog({ log: _, ...rest }: ProofPlan): Omit<ProofPlan, "log"> {
  return rest;
}

/** No acknowledgment for this long (past every outage and the offline time) means a stuck client. */
const STALL_MS = 180_000;

function stalled(labelers: SimulatedLabeler[]): string {
  const stuck = labelers.filter((l) => l.ledger.acknowledged.size < l.quota);
  return `no judgment was acknowledged for ${STALL_MS / 1000} s; unfinished labelers:\n${stuck
    .slice(0, 10)
    .map((l) => `  ${l.describe()}`)
    .join("\n")}`;
}

const noLimits = { RATE_JUDGMENTS_PER_MINUTE: "1000000" };

function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}
