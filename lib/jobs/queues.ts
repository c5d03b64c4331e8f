import type PgBoss from "pg-boss";

/**
 * A queue both sides agree on: the web process sends to it, the worker works it. The name carries
 * the payload version (`retrain.v1`), as the worker's job registry does.
 */
export type QueueSpec = { name: string; version: number; options: Omit<PgBoss.Queue, "name"> };

export function queueName(spec: Pick<QueueSpec, "name" | "version">): string {
  return `${spec.name}.v${spec.version}`;
}

/**
 * Reward-model training for one project (singletonKey = project id).
 * - "stately": per project at most one job waiting and one running, so a burst of triggers
 *   collapses into one queued retrain, and a second worker cannot start the same project's job
 *   while one is active (the unique index is pg-boss's; a per-project advisory lock in
 *   lib/rm/lock.ts guards the training itself as well).
 * - expireInSeconds: a worker that dies mid-training leaves its job "active"; pg-boss's
 *   maintenance fails it after this long and it is retried. Training 100,000 judgments takes under
 *   a minute here, so 30 minutes only ever cuts off a dead worker.
 */
export const retrainQueue: QueueSpec = {
  name: "retrain",
  version: 1,
  options: { policy: "stately", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
};
