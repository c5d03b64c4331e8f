import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { queueName, retrainQueue, stopJobSender } from "../../lib/jobs";
import { retrainProject } from "../../lib/rm/service/retrain";
import { projectsDueForRetrain, sweepRetrains } from "../../lib/rm/service/sweep";
import { enqueueRetrain } from "../../lib/rm/service/trigger";
import { retrainJob } from "../../workers/jobs/retrain";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// A reward model to trust: manual retrains are never lost, no judgment is left untrained.

const QUEUE = queueName(retrainQueue);
const FAST = { hidden: 8, maxEpochs: 12 };
let databaseUrl: string;
let worker: PgBoss | undefined;

beforeAll(async () => {
  databaseUrl = await useFreshDatabase();
});

afterAll(async () => {
  await worker?.stop({ graceful: false });
  await stopJobSender();
  await disconnect();
});

type JobRow = { id: string; state: string; data: { projectId: string; trigger: string }; output: unknown };

async function retrainJobs(projectId: string): Promise<JobRow[]> {
  const [exists] = await db().$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`;
  if (!exists?.ok) return [];
  return db().$queryRaw<JobRow[]>`
    SELECT id::text, state::text, data, output FROM pgboss.job
    WHERE name = ${QUEUE} AND singleton_key = ${projectId} ORDER BY created_on`;
}

/** A worker of the retrain queue running the worker's own handler, as workers/index.ts does. */
async function startWorker() {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 3, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  const handle = await retrainJob.load();
  await boss.work(QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) =>
    job ? handle(retrainQueue.payload.parse(job.data)) : undefined,
  );
  worker = boss;
}

async function completed(job: string): Promise<JobRow> {
  return fixtures.until(
    `job ${job} to complete`,
    async () => {
      const [row] = await db().$queryRaw<JobRow[]>`
        SELECT id::text, state::text, data, output FROM pgboss.job WHERE id = ${job}::uuid`;
      if (row?.state === "failed") throw new Error(`job ${job} failed: ${JSON.stringify(row.output)}`);
      return row?.state === "completed" ? row : undefined;
    },
    60_000,
  );
}

describe("Retrain now", () => {
  it("trains when an automatic retrain already waits, instead of ending as 'not needed'", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 6, candidates: 3, retrainEvery: 1_000 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    // An automatic job waits (sent while the count said so); on its own it would find fewer than
    // retrainEvery new judgments and end as "not needed".
    const auto = await enqueueRetrain(project.id, "auto");
    if (!auto) throw new Error("the automatic job was not queued");
    expect(await enqueueRetrain(project.id, "manual")).toBeNull();
    const [waiting] = await retrainJobs(project.id);
    expect(waiting).toMatchObject({ id: auto, state: "created", data: { projectId: project.id, trigger: "manual" } });

    await startWorker();
    const done = await completed(auto);
    expect(done.output).toMatchObject({ status: "trained", version: 1, judgments: 36 });
    expect(await db().rewardModel.count({ where: { projectId: project.id } })).toBe(1);
  });
});

describe("the retrain sweep", () => {
  it("trains trailing judgments: below retrainEvery once the quiet period has passed, at once when they reach it", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 6, candidates: 3, retrainEvery: 30 });
    const [first, second, third] = await fixtures.makeLabelers(project, 3);
    if (!first || !second || !third) throw new Error("labelers");
    await fixtures.addJudgments(project, [first]);
    expect(await retrainProject(project.id, { train: FAST, log: () => {} })).toMatchObject({ version: 1 });
    // 12 judgments after version 1's snapshot: fewer than retrainEvery, and nothing triggers on them.
    await fixtures.addJudgments(project, [second], { limit: 12 });

    const due = (quiet: number) => projectsDueForRetrain(quiet).then((all) => all.map((p) => p.projectId));
    expect(await due(3_600)).not.toContain(project.id);
    expect(await retrainProject(project.id, { trigger: "auto", train: FAST, log: () => {} })).toMatchObject({
      status: "not-needed",
      newJudgments: 12,
    });
    // Two hours later (everything of the project moved back in time), the oldest of them waited
    // longer than the default quiet period: the sweep queues a retrain, and it trains.
    await db()
      .$executeRaw`UPDATE "RewardModel" SET cutoff = cutoff - interval '2 hours' WHERE "projectId" = ${project.id}`;
    await db()
      .$executeRaw`UPDATE "Judgment" SET "createdAt" = "createdAt" - interval '2 hours' WHERE "projectId" = ${project.id}`;
    expect(await due(3 * 3_600)).not.toContain(project.id);
    expect(await due(3_600)).toContain(project.id);
    const swept = await sweepRetrains();
    expect(swept.queued).toBeGreaterThanOrEqual(1);
    const job = (await retrainJobs(project.id)).find((j) => j.state === "created" || j.state === "active");
    expect(job?.data).toEqual({ projectId: project.id, trigger: "auto" });
    if (!worker) await startWorker();
    const done = await completed(job?.id as string);
    expect(done.output).toMatchObject({ status: "trained", version: 2 });
    const v2 = await db().rewardModel.findFirstOrThrow({ where: { projectId: project.id, version: 2 } });
    expect(v2.judgmentCount).toBe(18 + 12);
    expect(await due(0)).not.toContain(project.id);
    expect(await sweepRetrains(0)).toMatchObject({ queued: 0 });

    // retrainEvery untrained judgments are due whatever the quiet period.
    await db().project.update({ where: { id: project.id }, data: { retrainEvery: 6 } });
    await fixtures.addJudgments(project, [third], { limit: 6 });
    expect(await due(3_600)).toContain(project.id);
  });
});
