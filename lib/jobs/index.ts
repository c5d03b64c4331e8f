// Background jobs seen from the processes that enqueue them; workers/ runs them.
export { ensureQueue, pendingJobStates, sendJob, stopJobSender } from "./boss";
export { type QueueSpec, queueName, retrainQueue } from "./queues";
