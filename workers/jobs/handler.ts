import type { JobPayload, Queue } from "../../lib/jobs";

/**
 * How the worker runs one queue's jobs. The queue's contract (name, version, payload schema,
 * options, schedule) lives in lib/jobs/queues.ts, shared with the senders; the handler is
 * imported lazily so the worker only loads what it runs.
 */
export type JobHandler<Q extends Queue = Queue> = {
  queue: Q;
  load: () => Promise<(payload: JobPayload<Q>) => Promise<unknown>>;
};

export function handleJobs<Q extends Queue>(queue: Q, load: JobHandler<Q>["load"]): JobHandler<Q> {
  return { queue, load };
}
