import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { HTTP_STATUS } from "../../lib/http/status";
import { queueName, retrainQueue, stopJobSender } from "../../lib/jobs";
import type { ModelCard } from "../../lib/rm/eval/card";
import { pruneVersions } from "../../lib/rm/service/prune";
import { retrainProject } from "../../lib/rm/service/retrain";
import { scoreWithVersion } from "../../lib/rm/service/score-request";
import { loadTrainingSnapshot } from "../../lib/rm/service/snapshot";
import { projectsDueForRetrain, sweepRetrains } from "../../lib/rm/service/sweep";
import { enqueueRetrain } from "../../lib/rm/service/trigger";
import { onnxBytes, promoteVersion } from "../../lib/rm/service/versions";
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
    240_000,
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
  }, 300_000);
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
  }, 300_000);
});

async function currentVersion(projectId: string): Promise<number | undefined> {
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: { currentModel: { select: { version: true } } },
  });
  return project.currentModel?.version;
}

describe("the serving rule", () => {
  it("keeps a first version that cannot show it beats chance, and serves none", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 5, candidates: 3 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    const outcome = await retrainProject(project.id, { train: FAST, log: () => {} });
    expect(outcome).toMatchObject({ status: "trained", version: 1, serves: false });
    if (outcome.status !== "trained") throw new Error("not trained");
    expect(outcome.reason).toMatch(/^Only \d+ held-out pairs have a majority vote/);
    expect(await currentVersion(project.id)).toBeUndefined();
    const row = await db().rewardModel.findUniqueOrThrow({ where: { id: outcome.modelId } });
    expect(row.notServedReason).toBe(outcome.reason);
    await expect(scoreWithVersion(project, { candidates: [{ text: "x" }] })).rejects.toMatchObject({
      code: "NO_MODEL",
    });
  }, 300_000);

  it("a worse version does not serve; it is kept with the reason and can be promoted by hand", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 30, candidates: 4 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    const first = await retrainProject(project.id, { train: FAST, log: () => {} });
    expect(first).toMatchObject({ status: "trained", version: 1, serves: true, pruned: [] });
    if (first.status !== "trained") throw new Error("not trained");
    expect(first.reason).toMatch(/^Better than chance: \d+ of \d+ held-out pairs/);

    // The same data under a learning rate too small to learn anything: a model near its random start.
    const worse = await retrainProject(project.id, { train: { ...FAST, learningRate: 1e-7 }, log: () => {} });
    expect(worse).toMatchObject({ status: "trained", version: 2, serves: false });
    if (worse.status !== "trained") throw new Error("not trained");
    expect(worse.reason).toMatch(
      /^Significantly worse than v1, which keeps serving: on \d+ held-out pairs both scored/,
    );
    expect(await currentVersion(project.id)).toBe(1);
    const kept = await db().rewardModel.findUniqueOrThrow({ where: { id: worse.modelId } });
    expect(kept.notServedReason).toBe(worse.reason);
    expect(kept.servingDecision).toMatchObject({ serve: false, currentVersion: 1 });
    expect((kept.servingDecision as { pValue: number }).pValue).toBeLessThan(0.05);
    expect(await db().score.count({ where: { modelId: worse.modelId } })).toBe(120);
    expect((await scoreWithVersion(project, { candidates: [{ text: "x" }], version: "current" })).version).toBe(1);

    const lead = await db().user.create({ data: { email: `lead-${project.slug}@example.com`, role: "LEAD" } });
    expect(await promoteVersion(project, 2, lead)).toEqual({ version: 2, previous: 1 });
    expect(await currentVersion(project.id)).toBe(2);
    const promoted = await db().rewardModel.findUniqueOrThrow({ where: { id: worse.modelId } });
    expect(promoted.notServedReason).toBeNull();
    expect(promoted.servingDecision).toMatchObject({ promoted: { by: lead.email, previousVersion: 1 } });
    await expect(promoteVersion(project, 9, lead)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A good version again: not worse than the promoted one, so it serves.
    const third = await retrainProject(project.id, { train: FAST, log: () => {} });
    expect(third).toMatchObject({ status: "trained", version: 3, serves: true, pruned: [] });
    expect(await currentVersion(project.id)).toBe(3);

    // Storage stays bounded: beyond the serving version and the newest `keep`, bytes and scores go.
    expect(await pruneVersions(project.id, 1)).toEqual([1]);
    expect(await pruneVersions(project.id, 1)).toEqual([]);
    const v1 = await db().rewardModel.findUniqueOrThrow({ where: { id: first.modelId } });
    expect(v1).toMatchObject({ onnx: null, heldOutGaps: null });
    expect(v1.prunedAt).toBeInstanceOf(Date);
    expect((v1.metrics as { pairwiseAccuracy: number }).pairwiseAccuracy).toBeGreaterThan(0.9);
    expect(await db().score.count({ where: { modelId: first.modelId } })).toBe(0);
    expect(await db().score.count({ where: { modelId: worse.modelId } })).toBe(120);
    await expect(onnxBytes(first.modelId)).rejects.toMatchObject({
      code: "MODEL_PRUNED",
      message: expect.stringMatching(/^Version 1 of project ".+" was pruned on \d{4}-\d\d-\d\d to bound storage/),
    });
    expect(HTTP_STATUS.MODEL_PRUNED).toBe(410);
    await expect(scoreWithVersion(project, { candidates: [{ text: "x" }], version: 1 })).rejects.toMatchObject({
      code: "MODEL_PRUNED",
    });
    await expect(promoteVersion(project, 1, lead)).rejects.toMatchObject({ code: "MODEL_PRUNED" });
    // Pruning never touches the serving version, however old.
    await promoteVersion(project, 2, lead);
    expect(await pruneVersions(project.id, 0)).toEqual([3]);
    expect(await onnxBytes(worse.modelId)).toBeInstanceOf(Uint8Array);
  }, 300_000);
});

describe("the served model", () => {
  it("is refit on every usable judgment with the held-out run's settings, and the card says so", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 30, candidates: 4 });
    const [a, b, bothBad] = await fixtures.makeLabelers(project, 3);
    if (!a || !b || !bothBad) throw new Error("labelers");
    await fixtures.addJudgments(project, [a, b]);
    await fixtures.addJudgments(project, [bothBad], { choose: () => "BOTH_BAD" });
    const outcome = await retrainProject(project.id, { train: FAST, log: () => {} });
    if (outcome.status !== "trained") throw new Error(`not trained: ${outcome.status}`);
    const usable = (await loadTrainingSnapshot(project)).comparisons.length;
    expect(usable).toBe(2 * 30 * 6);

    const row = await db().rewardModel.findUniqueOrThrow({ where: { id: outcome.modelId } });
    const card = row.card as ModelCard;
    expect(card.training.comparisons?.trainComparisons).toBe(usable);
    expect(card.training.comparisons?.validationComparisons).toBe(0);
    const heldOut = card.evaluation?.heldOutRun;
    if (!heldOut) throw new Error("the card has no evaluation section");
    const metrics = row.metrics as { trainJudgments: number; heldOutJudgments: number };
    expect(heldOut.comparisons.trainComparisons + heldOut.comparisons.validationComparisons).toBe(
      metrics.trainJudgments,
    );
    expect(metrics.trainJudgments + metrics.heldOutJudgments).toBe(usable);
    expect(heldOut.comparisons.trainComparisons).toBeLessThan(usable);
    expect(card.training.epochs).toHaveLength(heldOut.bestEpoch || heldOut.epochs.length);
    expect(card.training.hyperparameters.seed).toBe(1);
    expect(card.evaluation?.metricsFrom).toMatch(/come from the held-out run/);
    // What serves is the refit: the serving path gives the stored scores.
    const candidates = await db().candidate.findMany({
      where: { prompt: { projectId: project.id, externalId: "prompt-0" } },
      include: { scores: { where: { modelId: outcome.modelId } }, prompt: true },
    });
    const served = await scoreWithVersion(project, {
      prompt: candidates[0]?.prompt.text,
      candidates: candidates.map((c) => ({ text: c.text })),
    });
    expect(served.version).toBe(1);
    served.rewards.forEach((reward, i) => {
      expect(reward).toBeCloseTo(candidates[i]?.scores[0]?.reward as number, 5);
    });
  }, 300_000);
});
