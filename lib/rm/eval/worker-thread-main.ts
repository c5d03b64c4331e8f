// Entry of the worker thread started by trainAndEvaluateInThread (in-worker-thread.ts): trains and
// evaluates once, posts the result back and ends.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { RewardModelParams } from "../train/model";
import type { TrainThreadInput } from "./in-worker-thread";
import { trainAndEvaluate } from "./train-and-evaluate";

if (isMainThread || !parentPort) {
  throw new Error(
    "lib/rm/eval/worker-thread-main.ts runs as a worker thread (see in-worker-thread.ts); do not import it.",
  );
}
const { data, overrides } = workerData as TrainThreadInput;
const evaluated = trainAndEvaluate(data, overrides);
parentPort.postMessage(evaluated, parameterBuffers(evaluated.result.model.params));

/** The parameters' buffers, each once (a buffer listed twice cannot be transferred). */
function parameterBuffers(params: RewardModelParams): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of [params.embedding, params.bias1, params.weight2, params.bias2]) {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}
