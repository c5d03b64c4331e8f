import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { latestLabRun, optimizeAgainstModel, probeHackability, storeProbes } from "../../lib/lab-service";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// Probes of a text project stored once as "probe" candidates (without pairs), and the hackability
// of each kept model version recomputed from their scores.

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

describe("probes and hackability", () => {
  it("stores five probes per prompt once and gives every kept version a hackability", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 20, candidates: 4 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 6 }, log: () => {} });
    await promoteVersion(project, 1, { id: "test", email: null });
    const current = await db().project.findUniqueOrThrow({ where: { id: project.id } });

    const pairsBefore = await db().pair.count({ where: { projectId: project.id } });
    expect(await storeProbes(current)).toBe(100);
    expect(await storeProbes(current)).toBe(0);
    expect(await db().pair.count({ where: { projectId: project.id } })).toBe(pairsBefore);
    const empty = await db().candidate.findMany({
      where: { prompt: { projectId: project.id }, externalId: "probe-empty" },
    });
    expect(empty).toHaveLength(20);
    expect(empty.every((c) => c.source === "probe" && c.text === "")).toBe(true);

    const [v1] = await probeHackability(current);
    expect(v1).toMatchObject({ version: 1, probes: 100 });
    expect(v1?.hackability).toBeGreaterThanOrEqual(0);
    expect(v1?.hackability).toBeLessThanOrEqual(1);
    expect(v1?.above_median).toBe(Math.round((v1?.hackability ?? 0) * 100));
    const stored = await latestLabRun(project.id, "probes");
    // JSONB keeps 15 significant digits, so the median comes back a hair different.
    const [kept] = (stored?.result as { versions: (typeof v1)[] } | undefined)?.versions ?? [];
    expect(kept).toMatchObject({
      version: 1,
      probes: 100,
      above_median: v1?.above_median,
      hackability: v1?.hackability,
    });
    expect(kept?.genuine_median).toBeCloseTo(v1?.genuine_median ?? Number.NaN, 12);

    // The optimizer climbs against the same serving model; its recorded score never falls.
    const prompt = await db().prompt.findFirstOrThrow({ where: { projectId: project.id } });
    const run = await optimizeAgainstModel(current, { prompt: prompt.externalId, from: "genuine", steps: 8 });
    expect(run.model_version).toBe(1);
    expect(run.steps.length).toBeGreaterThan(1);
    for (let i = 1; i < run.steps.length; i++)
      expect(run.steps[i]?.score).toBeGreaterThan(run.steps[i - 1]?.score ?? Number.POSITIVE_INFINITY);
    expect(await latestLabRun(project.id, "optimizer")).toMatchObject({ kind: "optimizer", modelVersion: 1 });
  });
});
