import { pendingJobStates, retrainQueue, sendJob, updateWaitingJobs } from "../../jobs";
import type { RetrainTrigger } from "./retrain";
import { judgmentsSinceLatestVersion } from "./versions";

/**
 * Enqueues a retrain of the project: the new job's id, or null when a waiting job covers the
 * request (the queue keeps at most one waiting job per project). A manual request must train, so
 * it turns a waiting automatic job into a manual one: otherwise that job could end as "not
 * needed" (fewer than retrainEvery new judgments) and nothing would train.
 */
export async function enqueueRetrain(projectId: string, trigger: RetrainTrigger): Promise<string | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = await sendJob(retrainQueue, { projectId, trigger }, { singletonKey: projectId });
    if (id !== null || trigger !== "manual") return id;
    if (await updateWaitingJobs(retrainQueue, projectId, { trigger: "manual" })) return null;
    // The waiting job started between the two statements, so the waiting slot is free again.
  }
  throw new Error(`Could not queue a retrain of project ${projectId}: the queue kept changing; try again.`);
}

// What this process last sent per project. While the newest version stays the same, one send
// covers the judgments that follow for a while; when retraining lags far behind (a count of twice
// retrainEvery or more), the count itself is skipped for that while too, since it is not free then.
const QUIET_MS = 10_000;
const sent = new Map<string, { at: number; cutoff: number; lagging: boolean }>();

// Checks still running in this process: submitting a judgment does not wait for its check, and
// whoever must know the outcome (a test, a shutdown) waits for these.
const checking = new Set<Promise<void>>();

/**
 * Called after a judgment was stored: once `retrainEvery` judgments have arrived since the newest
 * version's snapshot (or since the start), enqueue an automatic retrain. Never throws: a judgment
 * is stored whether or not this works.
 */
export function noteJudgmentStored(project: { id: string; retrainEvery: number }): Promise<void> {
  const check = checkRetrainDue(project);
  checking.add(check);
  void check.finally(() => checking.delete(check));
  return check;
}

/** Resolves once every retrain check started so far in this process has finished. */
export async function retrainChecksSettled(): Promise<void> {
  await Promise.all(checking);
}

async function checkRetrainDue(project: { id: string; retrainEvery: number }): Promise<void> {
  if (project.retrainEvery <= 0) return;
  const last = sent.get(project.id);
  const quiet = last !== undefined && Date.now() - last.at < QUIET_MS;
  if (quiet && last.lagging) return;
  try {
    const { newJudgments, latestCutoff } = await judgmentsSinceLatestVersion(project.id, 2 * project.retrainEvery);
    if (newJudgments < project.retrainEvery) return;
    const cutoff = latestCutoff?.getTime() ?? 0;
    if (quiet && last.cutoff === cutoff) return;
    if (sent.size > 10_000) sent.clear();
    sent.set(project.id, { at: Date.now(), cutoff, lagging: newJudgments >= 2 * project.retrainEvery });
    await enqueueRetrain(project.id, "auto");
  } catch (error) {
    console.warn(`[rm] could not enqueue a retrain of project ${project.id}: ${(error as Error).message}`);
  }
}

/** Whether a retrain of the project is waiting ("queued") or running, for the dashboard. */
export async function retrainStatus(projectId: string): Promise<"idle" | "queued" | "running"> {
  const states = await pendingJobStates(retrainQueue, projectId);
  return states.includes("active") ? "running" : states.length ? "queued" : "idle";
}
