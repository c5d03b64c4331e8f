import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { probeHackability, sendProbesToLabeling } from "../../lib/lab-service";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { simulateCrowd } from "../../lib/simulate";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// One round of the loop: probes scored by v1 → sent into labeling as blind pairs → judged by the
// simulated crowd (a probe is worse than its prompt's genuine candidates) → v2 → hackability again.

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

describe("a round of the over-optimization loop", () => {
  it(
    "recomputes hackability for the new version after the probes were labeled",
    async () => {
      const project = await fixtures.makeLearnableProject({ prompts: 20, candidates: 4, retrainEvery: 0 });
      await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
      await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 6 }, log: () => {} });
      await promoteVersion(project, 1, { id: "test", email: null });
      const v1 = await db().project.findUniqueOrThrow({ where: { id: project.id } });
      const [before] = await probeHackability(v1);
      expect(before?.version).toBe(1);

      expect(await sendProbesToLabeling(v1)).toBe(100);
      expect(await sendProbesToLabeling(v1)).toBe(0);
      const summary = await simulateCrowd(v1, {
        labelers: 6,
        temperature: 0.5,
        positionBias: 0,
        spammers: 0,
        seed: 3,
        judgments: 2_000,
        concurrency: 3,
      });
      const probeJudgments = await db().judgment.findMany({
        where: { projectId: project.id, pair: { candidateB: { source: "probe" } } },
        select: { choice: true },
      });
      expect(probeJudgments.length).toBeGreaterThanOrEqual(200);
      // A = the genuine candidate: the simulated rule makes the probe lose almost always.
      expect(probeJudgments.filter((j) => j.choice === "A").length / probeJudgments.length).toBeGreaterThan(0.9);
      expect(summary.stored).toBeGreaterThan(0);

      const retrained = await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 6 }, log: () => {} });
      expect(retrained).toMatchObject({ status: "trained", version: 2 });
      const v2 = await db().project.findUniqueOrThrow({ where: { id: project.id } });
      const versions = await probeHackability(v2);
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      const after = versions[1];
      console.log(`hackability v1 ${before?.hackability}, v2 ${after?.hackability}`);
      expect(versions[0]?.hackability).toBe(before?.hackability);
      expect(after?.hackability).toBeLessThan(before?.hackability ?? 0);
    },
    20 * 60_000,
  );
});
