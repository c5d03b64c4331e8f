import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { TrainOptions } from "../train/train";
import type { EvaluatedVersion, VersionData } from "./train-and-evaluate";

/** What worker-thread-main.ts receives as its workerData. */
export type TrainThreadInput = { data: VersionData; overrides: Partial<TrainOptions>; options: { refit?: boolean } };

// The thread's entry is TypeScript, and on Node 20 tsx does not register its ES module hooks in a
// worker thread (`--import tsx` in the thread's execArgv is a no-op there; vitest passes no loader
// at all). tsx's CommonJS require hook does work in a thread: the thread starts from a two-line
// CommonJS script that installs it and requires the entry, by absolute paths so that neither the
// working directory nor the parent's loader matters.
function bootstrap(): string {
  return [
    createRequire(import.meta.url).resolve("tsx/cjs"),
    fileURLToPath(new URL("./worker-thread-main.ts", import.meta.url)),
  ]
    .map((file) => `require(${JSON.stringify(file)});`)
    .join("\n");
}

/**
 * trainAndEvaluate (train-and-evaluate.ts) in a worker thread, so that the minute of CPU work at 100k
 * judgments does not block this process's event loop (queue heartbeats, other jobs, the training
 * lock's keepalive). The comparisons, gold and truth pairs are copied into the thread; the model's
 * parameters come back transferred, not copied. The result is bit-identical to calling
 * trainAndEvaluate here. An error in the thread rejects with the thread's own error; the thread is
 * ended however the call ends.
 */
export function trainAndEvaluateInThread(
  data: VersionData,
  overrides: Partial<TrainOptions> = {},
  options: { refit?: boolean } = {},
): Promise<EvaluatedVersion> {
  return new Promise((resolve, reject) => {
    // Only what training reads: a snapshot also carries every candidate, which would be copied too.
    const input: TrainThreadInput = {
      data: { comparisons: data.comparisons, gold: data.gold, truth: data.truth },
      overrides,
      options,
    };
    const worker = new Worker(bootstrap(), { eval: true, workerData: input, execArgv: [] });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
      void worker.terminate();
    };
    worker.once("message", (evaluated: EvaluatedVersion) => settle(() => resolve(evaluated)));
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`The training thread exited (code ${code}) without a trained model.`))),
    );
  });
}
