import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextTask } from "../../lib/assign";
import { db, disconnect } from "../../lib/db";
import { stopJobSender } from "../../lib/jobs";
import { submitJudgment } from "../../lib/judgments";
import { retrainProject } from "../../lib/rm/service/retrain";
import { enqueueRetrain, retrainChecksSettled } from "../../lib/rm/service/trigger";
import { promoteVersion } from "../../lib/rm/service/versions";
import { retrainJob } from "../../workers/jobs/retrain";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

let databaseUrl: string;
const workers: PgBoss[] = [];

const QUEUE = "retrain.v1";
const FAST = { hidden: 8, maxEpochs: 12 };

beforeAll(async () => {
  databaseUrl = await useFreshDatabase();
});

afterAll(async () => {
  for (const boss of workers) await boss.stop({ graceful: false });
  await stopJobSender();
  await disconnect();
});

/** A pg-boss worker of the retrain queue, as workers/index.ts runs it. */
async function startWorker(handle: (data: { projectId: string; trigger: "auto" | "manual" }) => Promise<unknown>) {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 3, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  workers.push(boss);
  await boss.work(QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) =>
    job ? handle(retrainJob.queue.payload.parse(job.data)) : undefined,
  );
  return boss;
}

async function stopWorker(boss: PgBoss) {
  workers.splice(workers.indexOf(boss), 1);
  await boss.stop({ graceful: true, timeout: 5_000 });
}

type JobRow = {
  id: string;
  state: string;
  data: unknown;
  singletonKey: string | null;
  policy: string;
  output: unknown;
};

async function retrainJobs(projectId: string): Promise<JobRow[]> {
  const [exists] = await db().$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`;
  if (!exists?.ok) return [];
  return db().$queryRaw<JobRow[]>`
    SELECT id::text, state::text, data, singleton_key AS "singletonKey", policy, output FROM pgboss.job
    WHERE name = ${QUEUE} AND singleton_key = ${projectId} ORDER BY created_on`;
}

async function judgeThroughLabeling(project: { id: string }, userId: string, count: number) {
  const current = await db().project.findUniqueOrThrow({ where: { id: project.id } });
  for (let i = 0; i < count; i++) {
    const task = await nextTask(current, userId, { random: () => 0.99 });
    if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
    await submitJudgment(current, userId, {
      clientId: randomUUID(),
      assignmentId: task.assignmentId,
      choice: "A",
      durationMs: 900,
    });
  }
}

describe("the retrain queue", () => {
  it("enqueues a retrain every retrainEvery judgments, and a worker trains and switches to it", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 4, candidates: 3, retrainEvery: 4 });
    const [labeler] = await fixtures.makeLabelers(project, 1);
    if (!labeler) throw new Error("labeler");

    await judgeThroughLabeling(project, labeler.id, 3);
    // Every judgment's check has decided by now (and would have queued its job before settling).
    await retrainChecksSettled();
    expect(await retrainJobs(project.id)).toEqual([]);

    await judgeThroughLabeling(project, labeler.id, 1);
    const job = await fixtures.until("the automatic retrain job", async () => (await retrainJobs(project.id)).at(0));
    expect(job).toMatchObject({ state: "created", singletonKey: project.id, policy: "stately" });
    expect(job?.data).toEqual({ projectId: project.id, trigger: "auto" });

    const worker = await startWorker(await retrainJob.load());
    const v1 = await fixtures.until("version 1", () =>
      db()
        .rewardModel.findFirst({ where: { projectId: project.id, version: 1 } })
        .then((m) => m?.id),
    );
    const done = await fixtures.until("the job to complete", async () =>
      (await retrainJobs(project.id)).find((j) => j.id === job?.id && j.state === "completed"),
    );
    expect(done.output).toMatchObject({ status: "trained", version: 1, judgments: 4 });
    // Four judgments are too few for a first version to serve by the serving rule: promoted by hand.
    await promoteVersion(project, 1, { id: "test", email: null });

    // Four more judgments after version 1's snapshot: the next retrain.
    await judgeThroughLabeling(project, labeler.id, 4);
    await fixtures.until(
      "version 2",
      async () => {
        const p = await db().project.findUniqueOrThrow({ where: { id: project.id }, include: { currentModel: true } });
        return p.currentModelId !== v1 && p.currentModel?.version === 2;
      },
      60_000,
    );
    expect(await db().rewardModel.count({ where: { projectId: project.id } })).toBe(2);
    await stopWorker(worker);
  });

  it("two workers on one project: at most one job waits, one runs, and trainings never overlap", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 6, candidates: 3 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    let running = 0;
    let most = 0;
    const outcomes: string[] = [];
    const handle = async ({ projectId, trigger }: { projectId: string; trigger: "auto" | "manual" }) => {
      // These workers take every project's jobs; only this project's trainings are counted.
      if (projectId !== project.id) return retrainProject(projectId, { trigger, log: () => {} });
      const outcome = await retrainProject(projectId, {
        trigger,
        train: FAST,
        log: () => {},
        onTraining: async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          running--;
        },
      });
      outcomes.push(outcome.status);
      if (outcome.status === "busy") throw new Error("busy");
      return outcome;
    };
    await startWorker(handle);
    await startWorker(handle);

    const first = await enqueueRetrain(project.id, "manual");
    expect(first).not.toBeNull();
    await fixtures.until("the first job to run", async () =>
      (await retrainJobs(project.id)).some((j) => j.id === first && j.state === "active"),
    );
    const more = await Promise.all([1, 2, 3].map(() => enqueueRetrain(project.id, "manual")));
    expect(more.filter((id) => id !== null)).toHaveLength(1);

    await fixtures.until(
      "both jobs to complete",
      async () => (await retrainJobs(project.id)).filter((j) => j.state === "completed").length === 2,
      20_000,
    );
    expect(most).toBe(1);
    expect(outcomes).toEqual(["trained", "trained"]);
    const versions = await db().rewardModel.findMany({ where: { projectId: project.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });
});
