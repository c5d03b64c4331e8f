import { retrainQueue } from "../../lib/jobs";
import { handleJobs } from "./handler";

/**
 * Trains a new reward-model version of one project (`{ projectId, trigger }`), enqueued every
 * `retrainEvery` judgments and by the "Retrain now" button. The queue is "stately" per project
 * and the training holds a per-project advisory lock; a job that finds the lock taken fails and is
 * retried later, so no request is lost and no project is trained twice at once.
 */
export const retrainJob = handleJobs(retrainQueue, async () => {
  const { retrainProject } = await import("../../lib/rm/service/retrain");
  return async ({ projectId, trigger }) => {
    const outcome = await retrainProject(projectId, { trigger });
    if (outcome.status === "busy") {
      throw new Error(`Another worker is training project ${projectId} right now; this job is retried later.`);
    }
    return outcome;
  };
});
