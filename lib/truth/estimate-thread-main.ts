import { parentPort } from "node:worker_threads";
import { estimateTruth } from "../go/estimators";
import type { EstimateJob, EstimateReply } from "./threads";

// One estimate at a time, in the order the pool sends them; the pool keeps every thread busy.
const port = parentPort;
if (!port) throw new Error("estimate-thread-main.ts runs as a worker thread of lib/truth/threads.ts");
port.on("message", (job: EstimateJob) => {
  estimateTruth(job.state, job.estimator, job.options).then(
    (estimate) => port.postMessage({ id: job.id, estimate } satisfies EstimateReply),
    (error: Error) => port.postMessage({ id: job.id, error: error.message, name: error.name } satisfies EstimateReply),
  );
});
