import type PgBoss from "pg-boss";
import { z } from "zod";

/**
 * One contract per queue, shared by the processes that send jobs (web, CLIs) and the worker that
 * runs them: the name, the payload version (part of the queue's name, `retrain.v1`, so a payload
 * of an older shape never reaches a newer handler), the payload's schema (checked when sending
 * and again when running), the queue's pg-boss options and an optional cron schedule.
 */
export type Queue<N extends string = string, S extends z.ZodType = z.ZodType> = {
  name: N;
  version: number;
  payload: S;
  options?: Omit<PgBoss.Queue, "name">;
  cron?: string;
};

export function defineQueue<const N extends string, S extends z.ZodType>(queue: Queue<N, S>): Queue<N, S> {
  return queue;
}

/** What a sender passes for a queue (defaults of the schema may be left out). */
export type JobInput<Q extends Queue> = z.input<Q["payload"]>;
/** What the worker's handler receives for a queue. */
export type JobPayload<Q extends Queue> = z.output<Q["payload"]>;

export function queueName(queue: Pick<Queue, "name" | "version">): string {
  return `${queue.name}.v${queue.version}`;
}

/**
 * Reward-model training for one project (singletonKey = project id).
 * - "stately": per project at most one job waiting and one running, so a burst of triggers
 *   collapses into one queued retrain, and a second worker cannot start the same project's job
 *   while one is active (the unique index is pg-boss's; a per-project advisory lock in
 *   lib/rm/service/lock.ts guards the training itself as well).
 * - expireInSeconds: a worker that dies mid-training leaves its job "active"; pg-boss's
 *   maintenance fails it after this long and it is retried. Training 100,000 judgments takes under
 *   a minute here, so 30 minutes only ever cuts off a dead worker.
 */
export const retrainQueue = defineQueue({
  name: "retrain",
  version: 1,
  payload: z.object({ projectId: z.string().min(1), trigger: z.enum(["auto", "manual"]).default("manual") }),
  options: { policy: "stately", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
});

/**
 * The ground truth (Black's win probability) of every Go board candidate that has none: every
 * minute, or on demand for one project.
 * - expireInSeconds: a run stops itself after 5 minutes (workers/jobs/go-truth.ts), so 10 minutes
 *   only ever cuts off a dead worker; its job is then failed and retried. Each batch commits on its
 *   own, so a killed run loses only the batch it was computing (tests/integration/go-truth-worker.test.ts).
 */
export const goTruthQueue = defineQueue({
  name: "go-truth",
  version: 1,
  payload: z.object({ projectId: z.string().optional() }).passthrough(),
  options: { retryLimit: 3, retryDelay: 30, expireInSeconds: 10 * 60 },
  cron: "* * * * *",
});

/** Gives expired leases' slots back to their pairs every minute. */
export const reclaimLeasesQueue = defineQueue({
  name: "reclaim-leases",
  version: 1,
  payload: z.object({}).passthrough(),
  cron: "* * * * *",
});

/**
 * Queues an automatic retrain of every project with judgments no version was trained on, when
 * they reach retrainEvery or the oldest is older than RM_RETRAIN_QUIET_SECONDS (lib/rm/service/sweep.ts).
 */
export const retrainSweepQueue = defineQueue({
  name: "retrain-sweep",
  version: 1,
  payload: z.object({}).passthrough(),
  cron: "* * * * *",
});

/**
 * The over-optimization lab's best-of-n curve of one GO project (lib/lab-service), queued from the
 * Lab page. "stately" per project: one waiting and one running at most, so repeated clicks collapse.
 */
export const labBonQueue = defineQueue({
  name: "lab-bon",
  version: 1,
  payload: z.object({ projectId: z.string().min(1) }),
  options: { policy: "stately", retryLimit: 1, expireInSeconds: 30 * 60 },
});

/**
 * A TEXT project's probes and the hackability of every kept version (lib/lab-service/probes.ts),
 * queued from the Lab page: every prompt is scored once per version, minutes on a large project.
 */
export const labProbesQueue = defineQueue({
  name: "lab-probes",
  version: 1,
  payload: z.object({ projectId: z.string().min(1) }),
  options: { policy: "stately", retryLimit: 1, expireInSeconds: 30 * 60 },
});

/**
 * The optimizer's hill-climb on one prompt of a TEXT project (lib/lab-service/optimize.ts), queued
 * from the Lab page: each step scores hundreds of edited texts. Not stately: two prompts may run.
 */
export const labOptimizeQueue = defineQueue({
  name: "lab-optimize",
  version: 1,
  payload: z.object({
    projectId: z.string().min(1),
    prompt: z.string().min(1),
    from: z.enum(["genuine", "empty"]).default("genuine"),
    steps: z.number().int().min(1).max(200).default(30),
  }),
  options: { retryLimit: 1, expireInSeconds: 30 * 60 },
});

/** Every queue: the worker creates each of them, with its options and schedule, from this list. */
export const queues = [
  reclaimLeasesQueue,
  goTruthQueue,
  retrainQueue,
  retrainSweepQueue,
  labBonQueue,
  labProbesQueue,
  labOptimizeQueue,
] as const;
export type QueueName = (typeof queues)[number]["name"];
