import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { importGeneratedGo } from "../../lib/import";
import { bonJson, latestLabRun, runBestOfN } from "../../lib/lab-service";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { computeMissingTruth, pairTruths } from "../../lib/truth";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// The Goodhart curve of a Go project's serving model: the documented JSON, n = 1 as the policy's
// plain mean, intervals around the means, and the run kept for the Lab page.

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

describe("best-of-n on a Go project", () => {
  it("refuses a project without a model, then computes and stores the curve of the serving one", async () => {
    const made = await fixtures.makeProject({ prompts: 0 });
    const project = await db().project.update({
      where: { id: made.id },
      data: { kind: "GO", retrainEvery: 0, goTruthEstimator: "random-playouts/v1" },
    });
    await importGeneratedGo(project, { size: 9, prompts: 30, seed: 5, candidates: { min: 2, max: 3 } });
    await expect(runBestOfN(project, { positions: 3, samples: 3, playouts: 10, threads: 1 })).rejects.toMatchObject({
      code: "NO_MODEL",
    });

    await computeMissingTruth(project.id, { playouts: 100 });
    const truth = new Map((await pairTruths(project.id)).map((t) => [t.pairId, t.answer]));
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2), {
      choose: (pair) => (truth.get(pair.id) === "B" ? "B" : "A"),
    });
    await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 4 }, log: () => {} });
    await promoteVersion(project, 1, { id: "test", email: null });
    const current = await db().project.findUniqueOrThrow({ where: { id: project.id } });

    const result = await runBestOfN(current, { positions: 5, samples: 6, playouts: 60, threads: 2, bootstrap: 200 });
    // The page says how the truth was computed: by this project's estimator.
    expect(result).toMatchObject({ estimator: "random-playouts/v1", playouts: 60 });
    const json = bonJson(result);
    expect(Object.keys(json)).toEqual(["model_version", "positions", "samples", "points", "fit"]);
    expect(json).toMatchObject({ model_version: 1, positions: 5, samples: 6 });
    expect(json.points.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(json.points[0]?.kl).toBe(0);
    for (const p of json.points) {
      expect(Object.keys(p)).toEqual(["n", "kl", "proxy", "truth"]);
      expect(p.truth.mean).toBeGreaterThanOrEqual(0);
      expect(p.truth.mean).toBeLessThanOrEqual(1);
      expect(p.truth.ci_low).toBeLessThanOrEqual(p.truth.mean + 1e-12);
      expect(p.truth.ci_high).toBeGreaterThanOrEqual(p.truth.mean - 1e-12);
    }
    // Picking by proxy can only raise the expected proxy.
    expect(json.points[5]?.proxy.mean).toBeGreaterThanOrEqual(json.points[0]?.proxy.mean ?? 0);
    expect(json.fit === null || Object.keys(json.fit).join() === "alpha,beta,peak_kl").toBe(true);

    const stored = await latestLabRun(project.id, "bon");
    expect(stored).toMatchObject({ kind: "bon", modelVersion: 1 });
    expect((stored?.result as { points: unknown[] } | undefined)?.points).toHaveLength(6);
    // The same seed gives the same curve (positions, moves, playout seeds and bootstrap are seeded).
    const again = await runBestOfN(current, { positions: 5, samples: 6, playouts: 60, threads: 1, bootstrap: 200 });
    expect(bonJson(again)).toEqual(json);
  });
});
