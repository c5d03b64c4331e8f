import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultFeaturizerSpec } from "../features/spec";
import { createSyntheticWorld, type SyntheticWorld, syntheticJudgments, trueUtility } from "../synthetic/comparisons";
import type { Comparison } from "../train/comparison";
import { trainAndEvaluateInThread } from "./in-worker-thread";
import { type JudgedComparison, type KnownPair, trainAndEvaluate, type VersionData } from "./train-and-evaluate";

const small = { ...defaultFeaturizerSpec, dims: 1 << 12 };
const world = createSyntheticWorld(5, { temperature: 2 });

/** Synthetic judgments as the database gives them, with some of their pairs as gold and as truth. */
function versionData(world: SyntheticWorld, prompts: number): VersionData {
  const { comparisons } = syntheticJudgments(world, {
    seed: 1,
    prompts,
    candidatesPerPrompt: 4,
    judgmentsPerPrompt: 8,
  });
  const pairs = new Map<string, KnownPair>();
  const judged = comparisons.map((c: Comparison): JudgedComparison => {
    const [a, b] = c.chosen < c.rejected ? [c.chosen, c.rejected] : [c.rejected, c.chosen];
    const pairId = `${c.prompt}\u0000${a}\u0000${b}`;
    const aBetter = trueUtility(world, a) >= trueUtility(world, b);
    pairs.set(pairId, { pairId, prompt: c.prompt, better: aBetter ? a : b, worse: aBetter ? b : a });
    return { ...c, pairId, aWins: c.tie ? null : c.chosen === a };
  });
  const known = [...pairs.values()];
  return { comparisons: judged, gold: known.filter((_, i) => i % 5 === 0), truth: known.filter((_, i) => i % 5 !== 0) };
}

const bytes = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("trainAndEvaluateInThread", () => {
  it("gives the in-process result bit for bit, with the parameters as Float32Arrays", async () => {
    const data = versionData(world, 150);
    const options = { featurizer: small, hidden: 8, maxEpochs: 4, seed: 3 };
    const terminate = vi.spyOn(Worker.prototype, "terminate");
    const threaded = await trainAndEvaluateInThread(data, options);
    expect(terminate).toHaveBeenCalledTimes(1);
    const local = trainAndEvaluate(data, options);

    // Something to compare: held-out, gold, truth and the learning curve are all measured.
    expect(local.metrics.pairwiseAccuracy).not.toBeNull();
    expect(local.metrics.goldPairs).toBeGreaterThan(0);
    expect(local.metrics.truthPairs).toBeGreaterThan(0);
    expect(local.learningCurve).toHaveLength(4);

    for (const key of ["embedding", "bias1", "weight2", "bias2"] as const) {
      const param = threaded.result.model.params[key];
      expect(param).toBeInstanceOf(Float32Array);
      expect(bytes(param).equals(bytes(local.result.model.params[key]))).toBe(true);
    }
    // Everything else equal too, except the wall-clock training time.
    const { trainingSeconds, ...metrics } = threaded.metrics;
    expect(trainingSeconds).toBeGreaterThan(0);
    expect({ ...threaded, metrics }).toEqual({ ...local, metrics: { ...local.metrics, trainingSeconds: undefined } });
  });

  it("rejects with the thread's own error, and ends the thread", async () => {
    const terminate = vi.spyOn(Worker.prototype, "terminate");
    await expect(trainAndEvaluateInThread({ comparisons: [], gold: [], truth: [] })).rejects.toThrow(
      "No comparisons to train on",
    );
    expect(terminate).toHaveBeenCalledTimes(1);
  });

  it("keeps this thread's event loop running while it trains", async () => {
    const data = versionData(createSyntheticWorld(6, { temperature: 2 }), 500);
    const options = { featurizer: small, hidden: 16, maxEpochs: 6, patience: 6 };
    // Turns of this thread's event loop while training runs: a chain of setImmediate callbacks,
    // each taking the next turn. Counting turns, not time, keeps the check free of any duration.
    const turnsDuring = async (train: () => Promise<unknown>) => {
      let turns = 0;
      let stop = false;
      const turn = () => {
        if (stop) return;
        turns++;
        setImmediate(turn);
      };
      setImmediate(turn);
      try {
        await train();
        return turns;
      } finally {
        stop = true;
      }
    };
    // The control: the same training in this thread lets no turn through.
    expect(await turnsDuring(async () => trainAndEvaluate(data, options))).toBe(0);
    expect(await turnsDuring(() => trainAndEvaluateInThread(data, options))).toBeGreaterThan(0);
  });
});
