import { z } from "zod";
import { retrainQueue } from "../../lib/jobs/queues";
import { defineJob } from "./registry";

/**
 * Trains a new reward-model version of one project (`{ projectId, trigger }`), enqueued every
 * `retrainEvery` judgments and by the "Retrain now" button. The queue is "stately" per project
 * and the training holds a per-project advisory lock; a job that finds the lock taken fails and is
 * retried later, so no request is lost and no project is trained twice at once.
 */
export const retrainJob = defineJob({
  name: retrainQueue.name,
  version: retrainQueue.version,
  schema: z.object({ projectId: z.string().min(1), trigger: z.enum(["auto", "manual"]).default("manual") }),
  handler: async () => {
    const [{ ensureQueue }, { retrainProject }] = await Promise.all([
      import("../../lib/jobs"),
      import("../../lib/rm/retrain"),
    ]);
    // The worker creates its queues without options; this gives this one its policy and retries.
    await ensureQueue(retrainQueue);
    return async ({ projectId, trigger }) => {
      const outcome = await retrainProject(projectId, { trigger });
      if (outcome.status === "busy") {
        throw new Error(`Another worker is training project ${projectId} right now; this job is retried later.`);
      }
      return outcome;
    };
  },
});
