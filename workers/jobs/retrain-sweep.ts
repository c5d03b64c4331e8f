import { retrainSweepQueue } from "../../lib/jobs";
import { handleJobs } from "./handler";

/**
 * Every minute: queues an automatic retrain of each project whose untrained judgments reached
 * retrainEvery or waited longer than RM_RETRAIN_QUIET_SECONDS, so no judgment is left behind.
 */
export const retrainSweepJob = handleJobs(retrainSweepQueue, async () => {
  const { sweepRetrains } = await import("../../lib/rm/service/sweep");
  return async () => {
    const run = await sweepRetrains();
    if (run.queued > 0) console.log(`[rm] sweep queued ${run.queued} retrain(s)`);
    return run;
  };
});
