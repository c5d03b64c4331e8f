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
const { data, overrides, options } = workerData as TrainThreadInput;
const evaluated = trainAndEvaluate(data, overrides, options);
const models = [evaluated.result.model.params, ...(evaluated.served ? [evaluated.served.model.params] : [])];
parentPort.postMessage(evaluated, parameterBuffers(models));

/** The parameters' buffers, each once (a buffer listed twice cannot be transferred). */
function parameterBuffers(models: RewardModelParams[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const params of models) {
    for (const array of [params.embedding, params.bias1, params.weight2, params.bias2]) {
      if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
    }
  }
  return [...buffers];
}
