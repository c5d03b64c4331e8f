import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { importGeneratedGo } from "../../lib/import";
import { retrainProject } from "../../lib/rm/service/retrain";
import { scoreWithVersion } from "../../lib/rm/service/score-request";
import { findVersion, listVersions, promoteVersion } from "../../lib/rm/service/versions";
import { computeMissingTruth, pairTruths } from "../../lib/truth";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// A GO project's reward model: trained on board planes from the question's side, served and
// scored through its ONNX session, with a clear refusal of texts that are not boards it reads.

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

describe("a GO project's reward model", () => {
  it("trains on board planes seen from White when the question asks about White, and serves them", async () => {
    const made = await fixtures.makeProject({ prompts: 0, question: "Which position is better for White?" });
    const project = await db().project.update({
      where: { id: made.id },
      data: { kind: "GO", retrainEvery: 0, goTruthEstimator: "random-playouts/v1" },
    });
    await importGeneratedGo(project, { size: 9, prompts: 40, seed: 21, candidates: { min: 2, max: 3 } });
    await computeMissingTruth(project.id, { playouts: 100 });
    // Labelers who always pick the board that is truly better for White (undecided pairs: A).
    const truth = new Map((await pairTruths(project.id)).map((t) => [t.pairId, t.answer]));
    const judged = await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2), {
      choose: (pair) => (truth.get(pair.id) === "B" ? "B" : "A"),
    });
    expect(judged).toBeGreaterThan(80);

    const outcome = await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 6 }, log: () => {} });
    expect(outcome).toMatchObject({ status: "trained", version: 1 });
    // Too few held-out pairs for a first version to serve by the serving rule: promoted by hand.
    await promoteVersion(project, 1, { id: "test", email: null });
    const model = await findVersion(project.id, "current");
    expect(model?.featurizer).toMatchObject({ name: "go-planes", version: 1, perspective: "W", sizes: [9] });
    const [version] = await listVersions(project.id);
    expect(version?.features).toMatch(/^Go board planes seen from White \(9x9;/);
    const card = (await db().rewardModel.findUniqueOrThrow({ where: { id: model?.id as string } })).card as {
      training: { hyperparameters: { augment: string } };
      architecture: { inputDims: number };
    };
    expect(card.training.hyperparameters.augment).toBe("board-symmetries");
    expect(card.architecture.inputDims).toBe(3 + 9 * 81);

    // The serving path (ONNX session of the version) gives every board the stored score.
    const current = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    const served = await fixtures.expectServedMatchesStored(current);
    expect(new Set(served.map((r) => r.toFixed(4))).size).toBeGreaterThan(10);

    const board = (await db().candidate.findFirstOrThrow({ where: { prompt: { projectId: project.id } } })).text;
    await expect(
      scoreWithVersion(project, { candidates: [{ text: board }, { text: "a poem about autumn" }] }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [{ field: "body.candidates.1.text", message: expect.stringMatching(/rows|position/) }],
    });
    const thirteen = `${Array(13).fill(".".repeat(13)).join("/")} B`;
    await expect(scoreWithVersion(project, { candidates: [{ text: thirteen }] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("reads 9x9 boards, not 13x13"),
    });
  });
});
