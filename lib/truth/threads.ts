import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EstimateOptions, TruthEstimateResult, TruthEstimatorName } from "../go/estimators";
import type { BoardState } from "../go/state";

export type EstimateJob = { id: number; state: BoardState; estimator: TruthEstimatorName; options: EstimateOptions };
export type EstimateReply = { id: number; estimate: TruthEstimateResult } | { id: number; error: string; name: string };

// The thread's entry is TypeScript; on Node 20 tsx's ES module hooks do not reach worker threads,
// its CommonJS require hook does (see lib/rm's training thread): a two-line CommonJS bootstrap.
function bootstrap(): string {
  return [
    createRequire(import.meta.url).resolve("tsx/cjs"),
    fileURLToPath(new URL("./estimate-thread-main.ts", import.meta.url)),
  ]
    .map((file) => `require(${JSON.stringify(file)});`)
    .join("\n");
}

/** Threads for truth estimates: GO_TRUTH_THREADS, else one per core. */
export function truthThreads(value = process.env.GO_TRUTH_THREADS): number {
  const threads = value?.trim() ? Number(value) : availableParallelism();
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw new Error(`GO_TRUTH_THREADS=${value} is not a whole number from 1 to 256; unset it for one thread per core`);
  }
  return threads;
}

/**
 * Estimates on every core: a fixed set of worker threads, each taking the next job when it is
 * done, so that a slow board does not hold the others up. Results come back in job order and are
 * the same as computed in this thread (every estimate depends only on its board and seed).
 */
type QueuedJob = { job: EstimateJob; settle: (reply: EstimateReply) => void };

export class EstimatePool {
  readonly #workers: Worker[];
  readonly #idle: Worker[] = [];
  readonly #queue: QueuedJob[] = [];
  readonly #pending = new Map<Worker, (reply: EstimateReply) => void>();
  #nextId = 0;
  #broken: Error | null = null;

  constructor(threads = truthThreads()) {
    this.#workers = Array.from({ length: threads }, () => {
      const worker = new Worker(bootstrap(), { eval: true, execArgv: [] });
      worker.on("message", (reply: EstimateReply) => this.#done(worker, reply));
      worker.on("error", (error) => this.#fail(worker, error));
      worker.on("exit", (code) => this.#fail(worker, new Error(`a truth thread exited (code ${code})`)));
      this.#idle.push(worker);
      return worker;
    });
  }

  get size(): number {
    return this.#workers.length;
  }

  estimate(state: BoardState, estimator: TruthEstimatorName, options: EstimateOptions): Promise<TruthEstimateResult> {
    if (this.#broken) return Promise.reject(this.#broken);
    return new Promise((resolve, reject) => {
      const job = { id: this.#nextId++, state, estimator, options };
      this.#queue.push({
        job,
        settle: (reply) => {
          if ("estimate" in reply) resolve(reply.estimate);
          else reject(Object.assign(new Error(reply.error), { name: reply.name }));
        },
      });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    for (const worker of workers) worker.removeAllListeners("exit");
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop() as Worker;
      const { job, settle } = this.#queue.shift() as QueuedJob;
      this.#pending.set(worker, settle);
      worker.postMessage(job);
    }
  }

  #done(worker: Worker, reply: EstimateReply): void {
    const settle = this.#pending.get(worker);
    this.#pending.delete(worker);
    this.#idle.push(worker);
    settle?.(reply);
    this.#dispatch();
  }

  #fail(worker: Worker, error: Error): void {
    this.#broken ??= error;
    this.#pending.get(worker)?.({ id: -1, error: error.message, name: error.name });
    this.#pending.delete(worker);
    for (const { settle } of this.#queue.splice(0)) settle({ id: -1, error: error.message, name: error.name });
  }
}
