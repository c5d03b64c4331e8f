import type { Queue, QueueName, queues } from "../../lib/jobs";
import { goTruthJob } from "./go-truth";
import type { JobHandler } from "./handler";
import { labBonJob } from "./lab-bon";
import { labOptimizeJob } from "./lab-optimize";
import { labProbesJob } from "./lab-probes";
import { reclaimLeasesJob } from "./reclaim-leases";
import { retrainJob } from "./retrain";
import { retrainSweepJob } from "./retrain-sweep";

/** The worker's handler of every queue in lib/jobs: a queue without one does not type-check. */
export const handlers = {
  "reclaim-leases": reclaimLeasesJob,
  "go-truth": goTruthJob,
  retrain: retrainJob,
  "retrain-sweep": retrainSweepJob,
  "lab-bon": labBonJob,
  "lab-probes": labProbesJob,
  "lab-optimize": labOptimizeJob,
} satisfies { [N in QueueName]: JobHandler<Extract<(typeof queues)[number], { name: N }>> };

export function handlerOf(queue: Queue): JobHandler {
  return handlers[queue.name as QueueName] as unknown as JobHandler;
}
