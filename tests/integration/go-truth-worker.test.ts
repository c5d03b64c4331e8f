import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { importGeneratedGo } from "../../lib/import";
import { goTruthQueue, sendJob, stopJobSender } from "../../lib/jobs";
import { inviteCode } from "../../lib/projects";
import { useFreshDatabase } from "../setup/database";
import { until } from "./rm-fixtures";
import { completedJob, exited, jobState, WORKER_WAIT_MS, workerProcesses } from "./worker-process";

// A worker killed in the middle of a ground-truth job: nothing half-computed is stored, and the
// job finishes on retry in another worker.

let databaseUrl: string;
const workers = workerProcesses(() => databaseUrl);

beforeAll(async () => {
  databaseUrl = await useFreshDatabase();
});

afterAll(async () => {
  await workers.stopAll();
  await stopJobSender();
  await disconnect();
});

/** Candidates of the project that some transaction holds locked (a truth run claimed them). */
async function claimedCandidates(projectId: string): Promise<number> {
  const free = await db().$transaction(
    (tx) => tx.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM "Candidate" c JOIN "Prompt" p ON p.id = c."promptId"
      WHERE p."projectId" = ${projectId} FOR NO KEY UPDATE OF c SKIP LOCKED`,
  );
  const all = await db().candidate.count({ where: { prompt: { projectId } } });
  return all - free.length;
}

describe("a ground-truth worker that dies", () => {
  it("stores nothing of the interrupted batch, and the retried job computes every candidate once", async () => {
    const slug = `truth-${randomBytes(4).toString("hex")}`;
    const project = await db().project.create({
      data: { slug, name: slug, kind: "GO", inviteCode: inviteCode(), goTruthEstimator: "random-playouts/v1" },
    });
    await importGeneratedGo(project, { size: 9, prompts: 4, seed: 5, candidates: { min: 2, max: 3 } });
    const candidates = await db().candidate.count({ where: { prompt: { projectId: project.id } } });
    expect(candidates).toBeGreaterThan(4);

    const jobId = await sendJob(
      goTruthQueue,
      { projectId: project.id },
      { expireInSeconds: 5, retryDelay: 1, retryBackoff: false, retryLimit: 3 },
    );
    if (!jobId) throw new Error("the job was not queued");
    // A million playouts per candidate: the first batch (every candidate here) takes minutes.
    const doomed = workers.start({ GO_TRUTH_PLAYOUTS: "1000000" });
    await until("the job to start", async () => (await jobState(jobId))?.state === "active", 2 * WORKER_WAIT_MS);
    await until(
      "the candidates to be claimed",
      async () => (await claimedCandidates(project.id)) === candidates,
      WORKER_WAIT_MS,
    );
    doomed.child.kill("SIGKILL");
    await exited(doomed.child);

    // The batch's transaction died with the process: no truth, and the rows are free again.
    expect(await db().groundTruth.count({ where: { candidate: { prompt: { projectId: project.id } } } })).toBe(0);
    await until("the locks to go", async () => (await claimedCandidates(project.id)) === 0);

    const healthy = workers.start({ GO_TRUTH_PLAYOUTS: "50" });
    await workers.fastMaintenance();
    const job = await completedJob(jobId).catch((error) => {
      throw new Error(`${(error as Error).message}\n--- worker output ---\n${healthy.output()}`);
    });
    expect(job.retryCount).toBeGreaterThanOrEqual(1);
    const truths = await db().groundTruth.findMany({ where: { candidate: { prompt: { projectId: project.id } } } });
    expect(truths).toHaveLength(candidates);
    expect(new Set(truths.map((t) => t.candidateId)).size).toBe(candidates);
    // Every estimate is the healthy worker's: none of the dead one's survived.
    expect(truths.every((t) => t.playouts === 50)).toBe(true);
    healthy.child.kill("SIGTERM");
    await exited(healthy.child);
  }, 240_000);
});
