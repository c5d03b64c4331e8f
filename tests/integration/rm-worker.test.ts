import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { retrainQueue, sendJob, stopJobSender } from "../../lib/jobs";
import { featurize, parseFeaturizerSpec } from "../../lib/rm";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";
import { completedJob, exited, jobState, workerProcesses } from "./worker-process";

// Real worker processes (workers/index.ts) against this file's database: one is killed in the
// middle of a training run, another takes the retried job over.

const ROOT = path.resolve(import.meta.dirname, "../..");

let databaseUrl: string;
const workers = workerProcesses(() => databaseUrl);
const children: ChildProcess[] = [];

beforeAll(async () => {
  databaseUrl = await useFreshDatabase();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await workers.stopAll();
  await stopJobSender();
  await disconnect();
});

async function currentVersion(projectId: string): Promise<number | undefined> {
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: { currentModel: { select: { version: true } } },
  });
  return project.currentModel?.version;
}

describe("a retrain worker that dies", () => {
  it("leaves the previous version serving, and the retried job trains the next one", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 8, candidates: 3 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    expect(await retrainProject(project.id, { train: { hidden: 8 }, log: () => {} })).toMatchObject({
      status: "trained",
      version: 1,
    });
    // Too few held-out pairs for a first version to serve by the serving rule: promoted by hand.
    await promoteVersion(project, 1, { id: "test", email: null });

    // A short expiry so that the dead worker's job is failed (and retried) within the test.
    const jobId = await sendJob(
      retrainQueue,
      { projectId: project.id, trigger: "manual" },
      { singletonKey: project.id, expireInSeconds: 8, retryDelay: 1, retryBackoff: false, retryLimit: 3 },
    );
    if (!jobId) throw new Error("the job was not queued");
    const doomed = workers.start({ RM_TEST_PAUSE_AFTER_SNAPSHOT_MS: "600000" });
    await doomed.waitFor(/paused \d+ ms after the snapshot/);
    expect((await jobState(jobId))?.state).toBe("active");
    doomed.child.kill("SIGKILL");
    await exited(doomed.child);

    expect(await currentVersion(project.id)).toBe(1);
    expect(await db().rewardModel.count({ where: { projectId: project.id } })).toBe(1);

    // pg-boss's maintenance fails the expired job into a retry; a healthy worker picks it up.
    const healthy = workers.start();
    await workers.fastMaintenance();
    await fixtures
      .until("a version after 1", async () => ((await currentVersion(project.id)) ?? 0) >= 2, 40_000)
      .catch((error) => {
        throw new Error(`${(error as Error).message}\n--- worker output ---\n${healthy.output()}`);
      });
    const job = await completedJob(jobId).catch(async (error) => {
      const state = JSON.stringify(await jobState(jobId));
      throw new Error(`${(error as Error).message}: ${state}\n--- worker output ---\n${healthy.output()}`);
    });
    expect(job.retryCount).toBeGreaterThanOrEqual(1);
    // A manual retrain always trains. The healthy worker's retrain sweep may have trained version 2
    // first (it runs when the worker starts); then the retried job trains the one after.
    const output = job.output as { status: string; version: number };
    expect(output.status).toBe("trained");
    expect(output.version).toBeGreaterThanOrEqual(2);
    expect(await db().rewardModel.count({ where: { projectId: project.id } })).toBe(output.version);
    healthy.child.kill("SIGTERM");
    await exited(healthy.child);
  }, 240_000);
});

// Runs in a process of its own with nothing of Vibecheck loaded: the ONNX bytes from the database,
// onnxruntime-node, and the feature vectors the parent computed with the version's stored featurizer.
const SCORE_IN_FRESH_PROCESS = `
import pg from "pg";
import { InferenceSession, Tensor } from "onnxruntime-node";
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const { rows } = await client.query('SELECT onnx FROM "RewardModel" WHERE id = $1', [process.env.MODEL_ID]);
await client.end();
const session = await InferenceSession.create(new Uint8Array(rows[0].onnx));
let input = "";
for await (const chunk of process.stdin) input += chunk;
const { indices, values } = JSON.parse(input);
const n = indices.length;
const k = Math.max(1, ...indices.map((row) => row.length));
const flatIndices = new BigInt64Array(n * k);
const flatValues = new Float32Array(n * k);
indices.forEach((row, i) => row.forEach((slot, j) => {
  flatIndices[i * k + j] = BigInt(slot);
  flatValues[i * k + j] = values[i][j];
}));
const output = await session.run({
  indices: new Tensor("int64", flatIndices, [n, k]),
  values: new Tensor("float32", flatValues, [n, k]),
});
process.stdout.write(JSON.stringify({ inputs: session.inputNames, rewards: Array.from(output.reward.data) }));
`;

describe("a stored version", () => {
  it("loads in onnxruntime-node in a fresh process from its stored bytes and gives the stored scores", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 5, candidates: 3 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 1));
    const outcome = await retrainProject(project.id, { train: { hidden: 8 }, log: () => {} });
    if (outcome.status !== "trained") throw new Error(`not trained: ${outcome.status}`);
    const model = await db().rewardModel.findUniqueOrThrow({ where: { id: outcome.modelId } });
    const spec = parseFeaturizerSpec(model.featurizer);
    const candidates = await db().candidate.findMany({
      where: { prompt: { projectId: project.id } },
      include: { prompt: true, scores: { where: { modelId: model.id } } },
    });
    const vectors = candidates.map((c) => featurize(spec, { prompt: c.prompt.text, text: c.text }));

    const child = spawn(process.execPath, ["--input-type=module", "-e", SCORE_IN_FRESH_PROCESS], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, MODEL_ID: model.id },
      stdio: ["pipe", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdin?.end(
      JSON.stringify({
        indices: vectors.map((v) => Array.from(v.indices)),
        values: vectors.map((v) => Array.from(v.values)),
      }),
    );
    await exited(child);
    expect(child.exitCode, stderr).toBe(0);
    const result = JSON.parse(stdout) as { inputs: string[]; rewards: number[] };
    expect(result.inputs).toEqual(["indices", "values"]);
    expect(result.rewards).toHaveLength(candidates.length);
    candidates.forEach((c, i) => {
      expect(c.scores).toHaveLength(1);
      expect(Math.abs((result.rewards[i] as number) - (c.scores[0]?.reward as number))).toBeLessThan(1e-5);
    });
  });
});
