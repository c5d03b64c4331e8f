import { evaluateRewardModel } from "../../lib/rm/eval/evaluate";
import { featurize, type SparseVector } from "../../lib/rm/features/featurize";
import { exportOnnx } from "../../lib/rm/onnx/export";
import { createRewardSession, scoreBatch } from "../../lib/rm/onnx/session";
import { createSyntheticWorld, syntheticJudgments, trueUtility } from "../../lib/rm/synthetic/comparisons";
import { buildComparisonSet } from "../../lib/rm/train/dataset";
import { forward, forwardRange } from "../../lib/rm/train/model";
import { defaultTrainOptions, type TrainResult, trainRewardModel } from "../../lib/rm/train/train";
import { type BenchFigure, type BenchSection, median, medianOf } from "./report";
import { benchJudgments } from "./rm-data";
import { retrainFromDatabase } from "./rm-db";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * Reward model: training time on 100,000 synthetic judgments (12,500 prompts × 4 candidates of
 * 10–30 words, 8 judgments per prompt), scoring throughput and latency through onnxruntime-node on
 * CPU, and how close the model gets to the Bayes-optimal accuracy at 20,000 judgments. Each figure
 * sits next to the plain TypeScript work it is made of, measured in the same run.
 */
export const rmBench: BenchSection = {
  name: "rm",
  title: "Reward model",
  run: async () => [...training(), ...(await inference()), learning(), await retrainFromDatabase(RUNS)],
};

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

function training(): BenchFigure[] {
  const { comparisons } = benchJudgments();
  let result: TrainResult | undefined;
  const trainSeconds = median(
    Array.from({ length: RUNS }, () => {
      const started = performance.now();
      result = trainRewardModel(comparisons);
      return seconds(started);
    }),
  );
  // The floor: featurize every distinct candidate once and run the forward pass once per side of
  // every comparison, i.e. scoring the data set once, with no backward pass and no optimizer.
  let nonzeros = 0;
  const passSeconds = median(
    Array.from({ length: RUNS }, () => {
      const started = performance.now();
      const set = buildComparisonSet(defaultTrainOptions.featurizer, comparisons, defaultTrainOptions.strength);
      const params = result?.model.params;
      if (!params) throw new Error("training produced no model");
      const pre = new Float64Array(params.hidden);
      let sink = 0;
      for (let i = 0; i < set.size; i++) {
        for (const c of [set.chosen[i] as number, set.rejected[i] as number]) {
          sink += forwardRange(
            params,
            set.indices,
            set.values,
            set.offsets[c] as number,
            set.offsets[c + 1] as number,
            pre,
          );
        }
      }
      nonzeros = set.indices.length / set.candidateCount;
      if (Number.isNaN(sink)) throw new Error("forward pass produced NaN");
      return seconds(started);
    }),
  );
  return [
    {
      name: `train on ${comparisons.length.toLocaleString("en-US")} judgments (H=${defaultTrainOptions.hidden}, ${Math.round(nonzeros)} non-zeros per candidate, ${result?.epochs.length} epochs)`,
      value: trainSeconds,
      unit: "s",
      baselineName: "featurize + one forward pass",
      baseline: passSeconds,
      target: { op: "<=", value: 30 },
    },
  ];
}

async function inference(): Promise<BenchFigure[]> {
  const world = createSyntheticWorld(1, { temperature: 2 });
  const small = syntheticJudgments(world, { seed: 3, prompts: 500, candidatesPerPrompt: 4, judgmentsPerPrompt: 8 });
  const { model } = trainRewardModel(small.comparisons, { maxEpochs: 2 });
  const texts = syntheticJudgments(world, {
    seed: 4,
    prompts: 5_000,
    candidatesPerPrompt: 4,
    judgmentsPerPrompt: 1,
    minWords: 10,
    maxWords: 30,
  });
  const vectors: SparseVector[] = texts.comparisons.flatMap((c) => [
    featurize(model.featurizer, { prompt: c.prompt, text: c.chosen }),
    featurize(model.featurizer, { prompt: c.prompt, text: c.rejected }),
  ]);
  const session = await createRewardSession(exportOnnx(model), { device: "cpu" });
  await scoreBatch(session, vectors.slice(0, 2000));

  const onnxRate = await medianOf(RUNS + 2, async () => {
    const started = performance.now();
    await scoreBatch(session, vectors);
    return vectors.length / seconds(started);
  });
  const tsRate = await medianOf(RUNS + 2, () => {
    const started = performance.now();
    let sink = 0;
    for (const v of vectors) sink += forward(model.params, v);
    if (Number.isNaN(sink)) throw new Error("forward pass produced NaN");
    return vectors.length / seconds(started);
  });

  const singles = vectors.slice(0, 500);
  const onnxLatency: number[] = [];
  for (const v of singles) {
    const started = performance.now();
    await scoreBatch(session, [v]);
    onnxLatency.push(performance.now() - started);
  }
  const tsLatency: number[] = [];
  for (const v of singles) {
    const started = performance.now();
    forward(model.params, v);
    tsLatency.push(performance.now() - started);
  }
  await session.session.release();
  return [
    {
      name: `ONNX batch scoring, CPU, 1 thread (${vectors.length.toLocaleString("en-US")} featurized candidates)`,
      value: onnxRate,
      unit: "candidates/s",
      baselineName: "TypeScript forward pass",
      baseline: tsRate,
      target: { op: ">=", value: 50_000 },
    },
    {
      name: "ONNX single-candidate latency (median)",
      value: median(onnxLatency),
      unit: "ms",
      baselineName: "TypeScript forward pass of one",
      baseline: median(tsLatency),
    },
  ];
}

/** 20,000 judgments, held-out prompts: accuracy on their votes next to the Bayes-optimal predictor's. */
function learning(): BenchFigure {
  const world = createSyntheticWorld(11, { temperature: 2 });
  const shape = { candidatesPerPrompt: 4, judgmentsPerPrompt: 8 };
  const train = syntheticJudgments(world, { ...shape, seed: 1, prompts: 2_500, promptPrefix: "train" });
  const validation = syntheticJudgments(world, { ...shape, seed: 2, prompts: 300, promptPrefix: "validation" });
  const test = syntheticJudgments(world, { ...shape, seed: 3, prompts: 2_000, promptPrefix: "test" });
  const { model } = trainRewardModel(train.comparisons, { validation: validation.comparisons });
  const metrics = evaluateRewardModel(model, test.comparisons);
  let bayes = 0;
  for (const c of test.comparisons) bayes += trueUtility(world, c.chosen) > trueUtility(world, c.rejected) ? 1 : 0;
  bayes /= test.comparisons.length;
  return {
    name: `held-out accuracy after ${train.comparisons.length.toLocaleString("en-US")} judgments`,
    value: metrics.judgmentAccuracy,
    unit: "",
    baselineName: "Bayes-optimal (true utilities)",
    baseline: bayes,
    target: { op: ">=", value: 0.97 * bayes },
  };
}
