import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModelCard } from "../eval/card";
import { featurize, type SparseVector } from "../features/featurize";
import { createSyntheticWorld, syntheticJudgments } from "../synthetic/comparisons";
import { forward, type RewardModel } from "../train/model";
import { trainRewardModel } from "../train/train";
import { exportOnnx, metadataKeys } from "./export";
import { readOnnxMetadata, readOnnxModel } from "./read";
import { createRewardSession, deviceFromEnv, releaseSharedSession, scoreBatch, sharedRewardSession } from "./session";

const world = createSyntheticWorld(3, { temperature: 2 });
const train = syntheticJudgments(world, { seed: 1, prompts: 200, candidatesPerPrompt: 4, judgmentsPerPrompt: 8 });
const heldOut = syntheticJudgments(world, {
  seed: 2,
  prompts: 60,
  candidatesPerPrompt: 4,
  judgmentsPerPrompt: 6,
  minWords: 1,
  maxWords: 40,
  promptPrefix: "held-out",
});
const heldOutCandidates = [
  ...new Map(heldOut.comparisons.flatMap((c) => [c.chosen, c.rejected].map((text) => [text, c.prompt]))),
].map(([text, prompt]) => ({ prompt, text }));

let mlp: RewardModel;
let linear: RewardModel;
let dir: string;

beforeAll(async () => {
  mlp = trainRewardModel(train.comparisons, { hidden: 16, maxEpochs: 3 }).model;
  linear = trainRewardModel(train.comparisons, { hidden: 0, maxEpochs: 3, learningRate: 0.03 }).model;
  dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-rm-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytesOf = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function maxDifference(model: RewardModel, vectors: SparseVector[], scores: Float32Array): number {
  let worst = 0;
  vectors.forEach((v, i) => {
    worst = Math.max(worst, Math.abs(forward(model.params, v) - (scores[i] as number)));
  });
  return worst;
}

describe("ONNX export", () => {
  it("scores every held-out candidate like the TypeScript forward pass (MLP and linear)", async () => {
    for (const model of [mlp, linear]) {
      const session = await createRewardSession(exportOnnx(model), { device: "cpu" });
      const vectors = heldOutCandidates.map((c) => featurize(model.featurizer, c));
      // Small chunks so that several padded batches of different widths are exercised.
      const scores = await scoreBatch(session, vectors, { maxCells: 3000 });
      expect(scores.length).toBe(heldOutCandidates.length);
      expect(maxDifference(model, vectors, scores)).toBeLessThan(1e-4);
      // Not a constant model: the comparison above would be too easy.
      expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(0.5);
    }
  });

  it("scores an empty batch and a candidate with no features", async () => {
    const session = await createRewardSession(exportOnnx(mlp), { device: "cpu" });
    expect((await scoreBatch(session, [])).length).toBe(0);
    const empty = { indices: new Int32Array(0), values: new Float32Array(0) };
    const [score] = await scoreBatch(session, [empty]);
    expect(score).toBeCloseTo(forward(mlp.params, empty), 5);
  });

  it("carries the featurizer spec and card, and rebuilds the same model", () => {
    const card = buildModelCard({
      model: mlp,
      snapshot: { judgmentCount: 1600, cutoff: "2026-11-24T00:00:00Z" },
      metrics: { pairwiseAccuracy: 0.8 },
      createdAt: new Date("2026-11-24T01:00:00Z"),
    });
    const bytes = exportOnnx(mlp, { card });
    const metadata = readOnnxMetadata(bytes);
    expect(JSON.parse(metadata[metadataKeys.featurizer] as string)).toEqual(mlp.featurizer);
    expect(JSON.parse(metadata[metadataKeys.card] as string)).toEqual(card);
    const rebuilt = readOnnxModel(bytes);
    expect(rebuilt.params.hidden).toBe(16);
    for (const key of ["embedding", "bias1", "weight2", "bias2"] as const) {
      expect(bytesOf(rebuilt.params[key]).equals(bytesOf(mlp.params[key]))).toBe(true);
    }
    const v = featurize(mlp.featurizer, heldOutCandidates[0] as { prompt: string; text: string });
    expect(forward(rebuilt.params, v)).toBe(forward(mlp.params, v));
  });

  it("gives the same scores from the saved file in a fresh process", async () => {
    const modelFile = path.join(dir, "model.onnx");
    const itemsFile = path.join(dir, "items.json");
    // .mts: the temp folder has no package.json saying "type": "module", and the script uses top-level await.
    const scriptFile = path.join(dir, "score.mts");
    await writeFile(modelFile, exportOnnx(mlp));
    await writeFile(itemsFile, JSON.stringify(heldOutCandidates));
    const lib = (file: string) => JSON.stringify(pathToFileURL(path.join(import.meta.dirname, file)).href);
    await writeFile(
      scriptFile,
      [
        `import { readFileSync } from "node:fs";`,
        `import { featurize } from ${lib("../features/featurize.ts")};`,
        `import { readOnnxMetadata } from ${lib("read.ts")};`,
        `import { createRewardSession, scoreBatch } from ${lib("session.ts")};`,
        `const bytes = readFileSync(process.argv[2]);`,
        `const spec = JSON.parse(readOnnxMetadata(bytes)["${metadataKeys.featurizer}"]);`,
        `const items = JSON.parse(readFileSync(process.argv[3], "utf8"));`,
        `const session = await createRewardSession(bytes, { device: "cpu" });`,
        `const scores = await scoreBatch(session, items.map((item) => featurize(spec, item)));`,
        `console.log(JSON.stringify(Array.from(scores)));`,
      ].join("\n"),
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", scriptFile, modelFile, itemsFile],
      {
        cwd: path.resolve(import.meta.dirname, "../.."),
      },
    );
    const scores = Float32Array.from(JSON.parse(stdout) as number[]);
    const vectors = heldOutCandidates.map((c) => featurize(mlp.featurizer, c));
    expect(scores.length).toBe(vectors.length);
    expect(maxDifference(mlp, vectors, scores)).toBeLessThan(1e-4);
  });
});

describe("onnx sessions", () => {
  it("uses CUDA where it can, else falls back to CPU with exactly one log line", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const bytes = exportOnnx(linear);
    const first = await createRewardSession(bytes, { device: "cuda", log });
    const second = await createRewardSession(bytes, { device: "cuda", log });
    // This machine decides which: a GPU host with onnxruntime's CUDA provider scores on CUDA silently.
    expect(second.device).toBe(first.device);
    if (first.device === "cpu") {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/RM_DEVICE=cuda.*CPU/);
    } else {
      expect(lines).toEqual([]);
    }
    const vectors = heldOutCandidates.slice(0, 20).map((c) => featurize(linear.featurizer, c));
    expect(maxDifference(linear, vectors, await scoreBatch(first, vectors))).toBeLessThan(1e-4);
  });

  it("reads RM_DEVICE", () => {
    expect(deviceFromEnv({})).toBe("cpu");
    expect(deviceFromEnv({ RM_DEVICE: "CUDA" })).toBe("cuda");
    expect(() => deviceFromEnv({ RM_DEVICE: "gpu" })).toThrow(/RM_DEVICE must be "cpu" or "cuda"/);
  });

  it("shares one session per model version and loads it once", async () => {
    let loads = 0;
    const load = () => {
      loads++;
      return exportOnnx(linear);
    };
    const [a, b] = await Promise.all([sharedRewardSession("v1", load), sharedRewardSession("v1", load)]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    const other = await sharedRewardSession("v2", load);
    expect(other).not.toBe(a);
    expect(loads).toBe(2);
    await releaseSharedSession("v1");
    await expect(scoreBatch(a, [])).rejects.toThrow(/released/);
    const again = await sharedRewardSession("v1", load);
    expect(again).not.toBe(a);
    expect(loads).toBe(3);
    await releaseSharedSession("v1");
    await releaseSharedSession("v2");
  });
});
