import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyEncoder } from "../fixtures/tiny-encoder";
import { useFreshDatabase } from "../setup/database";

// RM_TEXT_ENCODER: a text project's reward model reads the embeddings of a local ONNX sentence
// encoder (a tiny one written by the test: a real ONNX file and a real tokenizer.json).

let lib: {
  db: typeof import("../../lib/db").db;
  disconnect: typeof import("../../lib/db").disconnect;
  retrainProject: typeof import("../../lib/rm/retrain").retrainProject;
  listVersions: typeof import("../../lib/rm/versions").listVersions;
  scoreWithVersion: typeof import("../../lib/rm/serve").scoreWithVersion;
};
let fixtures: typeof import("./fixtures") & typeof import("./rm-fixtures");
let dir: string;

beforeAll(async () => {
  await useFreshDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "vibecheck-encoder-"));
  fixtures = { ...(await import("./fixtures")), ...(await import("./rm-fixtures")) };
  await writeTinyEncoder(dir, {
    words: ["answer", "to", "prompt", ...fixtures.GOOD, ...fixtures.BAD],
    hidden: 16,
    seed: 4,
  });
  // Read once per process (lib/env.ts), so it is set before anything reads the configuration.
  process.env.RM_TEXT_ENCODER = dir;
  const modules = await Promise.all([
    import("../../lib/db"),
    import("../../lib/rm/retrain"),
    import("../../lib/rm/versions"),
    import("../../lib/rm/serve"),
  ]);
  lib = Object.assign({}, ...modules);
});

afterAll(async () => {
  await lib?.disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("reward models over a local sentence encoder", () => {
  it("train on the encoder's embeddings, serve through it, and refuse another encoder", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 30, candidates: 4 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    const outcome = await lib.retrainProject(project.id, { train: { hidden: 8, maxEpochs: 20 }, log: () => {} });
    expect(outcome).toMatchObject({ status: "trained", version: 1 });

    const [version] = await lib.listVersions(project.id);
    expect(version?.features).toMatch(/^sentence-encoder embeddings \(16 dimensions/);
    expect(version?.metrics.pairwiseAccuracy).toBeGreaterThanOrEqual(0.8);
    const row = await lib.db().rewardModel.findFirstOrThrow({ where: { projectId: project.id } });
    expect(row.featurizer).toMatchObject({ name: "sentence-encoder", dims: 16, pooling: "mean" });

    await fixtures.expectServedMatchesStored(
      await lib.db().project.findUniqueOrThrow({ where: { id: project.id } }),
      4,
    );

    // A version trained with another encoder (other file hashes) cannot be fed by this one.
    const featurizer = { ...(row.featurizer as object), modelSha256: "0".repeat(64) };
    await lib.db().rewardModel.update({ where: { id: row.id }, data: { featurizer } });
    await expect(lib.scoreWithVersion(project, { candidates: [{ text: "clear" }] })).rejects.toMatchObject({
      status: 409,
      code: "ENCODER_MISSING",
      message: expect.stringContaining("this server's RM_TEXT_ENCODER holds another one"),
    });
  });
});
