import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { retrainProject } from "../../lib/rm/service/retrain";
import { scoreWithVersion } from "../../lib/rm/service/score-request";
import { listVersions } from "../../lib/rm/service/versions";
import { writeTinyEncoder } from "../fixtures/tiny-encoder";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// RM_TEXT_ENCODER: a text project's reward model reads the embeddings of a local ONNX sentence
// encoder (a tiny one written by the test: a real ONNX file and a real tokenizer.json).

let dir: string;

beforeAll(async () => {
  await useFreshDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "vibecheck-encoder-"));
  await writeTinyEncoder(dir, {
    words: ["answer", "to", "prompt", ...fixtures.GOOD, ...fixtures.BAD],
    hidden: 16,
    seed: 4,
  });
  // Read once per process (lib/env.ts), so it is set before anything reads the configuration.
  process.env.RM_TEXT_ENCODER = dir;
});

afterAll(async () => {
  await disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("reward models over a local sentence encoder", () => {
  it("train on the encoder's embeddings, serve through it, and refuse another encoder", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 30, candidates: 4 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    const outcome = await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 20 }, log: () => {} });
    expect(outcome).toMatchObject({ status: "trained", version: 1 });

    const [version] = await listVersions(project.id);
    expect(version?.features).toMatch(/^sentence-encoder embeddings \(16 dimensions/);
    expect(version?.metrics.pairwiseAccuracy).toBeGreaterThanOrEqual(0.8);
    const row = await db().rewardModel.findFirstOrThrow({ where: { projectId: project.id } });
    expect(row.featurizer).toMatchObject({ name: "sentence-encoder", dims: 16, pooling: "mean" });

    await fixtures.expectServedMatchesStored(await db().project.findUniqueOrThrow({ where: { id: project.id } }), 4);

    // A version trained with another encoder (other file hashes) cannot be fed by this one.
    const featurizer = { ...(row.featurizer as object), modelSha256: "0".repeat(64) };
    await db().rewardModel.update({ where: { id: row.id }, data: { featurizer } });
    await expect(scoreWithVersion(project, { candidates: [{ text: "clear" }] })).rejects.toMatchObject({
      code: "ENCODER_MISSING",
      message: expect.stringContaining("this server's RM_TEXT_ENCODER holds another one"),
    });
  });
});
