// Background jobs seen from the processes that enqueue them; workers/ runs them.
export { ensureQueue, pendingJobStates, sendJob, stopJobSender, updateWaitingJobs } from "./boss";
export {
  defineQueue,
  goTruthQueue,
  type JobInput,
  type JobPayload,
  labBonQueue,
  labOptimizeQueue,
  labProbesQueue,
  type Queue,
  type QueueName,
  queueName,
  queues,
  reclaimLeasesQueue,
  retrainQueue,
  retrainSweepQueue,
} from "./queues";
