import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { retrainProject } from "../../lib/rm/service/retrain";
import { scoreWithVersion } from "../../lib/rm/service/score-request";
import { loadTrainingSnapshot } from "../../lib/rm/service/snapshot";
import { listVersions } from "../../lib/rm/service/versions";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// Small and quick: the mechanics are under test here, the learning itself in lib/rm's own tests.
const FAST = { hidden: 8, maxEpochs: 12 };

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

describe("training data from the database", () => {
  it("keeps decisive judgments and ties, leaves out both-bad, excluded labelers and gold pairs", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 2, candidates: 3, strengthScale: true });
    const [good, tied, bad, excluded] = await fixtures.makeLabelers(project, 4);
    if (!good || !tied || !bad || !excluded) throw new Error("labelers");
    const gold = await db().pair.findFirstOrThrow({
      where: { projectId: project.id },
      include: { candidateA: true, candidateB: true },
    });
    const goldAnswer = fixtures.quality(gold.candidateA.externalId) > fixtures.quality(gold.candidateB.externalId);
    await db().pair.update({ where: { id: gold.id }, data: { isGold: true, goldAnswer: goldAnswer ? "A" : "B" } });
    await db().membership.update({
      where: { projectId_userId: { projectId: project.id, userId: excluded.id } },
      data: { excluded: true },
    });
    await fixtures.addJudgments(project, [good]);
    await fixtures.addJudgments(project, [tied], { choose: () => "TIE" });
    await fixtures.addJudgments(project, [bad], { choose: () => "BOTH_BAD" });
    await fixtures.addJudgments(project, [excluded]);
    await fixtures.addJudgments(project, [good], { gold: true });
    await db().judgment.updateMany({ where: { userId: good.id }, data: { strength: 3 } });

    const snapshot = await loadTrainingSnapshot(project);

    // 2 prompts × 3 pairs, one of them gold: 5 regular pairs per labeler.
    expect(snapshot.judgmentCount).toBe(4 * 5 + 1);
    expect(snapshot.left).toEqual({ bothBad: 5, excludedLabelers: 5, goldPairs: 1 });
    expect(snapshot.comparisons).toHaveLength(10);
    const ties = snapshot.comparisons.filter((c) => c.tie);
    expect(ties).toHaveLength(5);
    for (const c of snapshot.comparisons.filter((c) => !c.tie)) {
      // The chosen text is the better one: the pair's A/B became chosen/rejected the right way round.
      expect(c.chosen.split(/clear|vivid/).length).toBeGreaterThan(c.rejected.split(/clear|vivid/).length);
      expect(c.strength).toBe(3);
    }
    expect(snapshot.gold).toHaveLength(1);
    expect(snapshot.candidates).toHaveLength(6);
  });
});

describe("retraining", () => {
  it("trains, evaluates on held-out prompts, scores every candidate and switches in one step", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 30, candidates: 4 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));

    const first = await retrainProject(project.id, { train: FAST, log: () => {} });
    expect(first).toMatchObject({ status: "trained", version: 1, judgments: 360 });
    if (first.status !== "trained") throw new Error("not trained");
    const row = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(row.currentModelId).toBe(first.modelId);
    expect(await db().score.count({ where: { modelId: first.modelId } })).toBe(30 * 4);

    const [v1] = await listVersions(project.id);
    if (!v1) throw new Error("no version");
    expect(v1.current).toBe(true);
    expect(v1.features).toMatch(/^hashed text: .*65,536 slots/);
    expect(v1.judgmentCount).toBe(360);
    expect(v1.metrics.heldOutPrompts).toBeGreaterThan(0);
    expect(v1.metrics.pairwiseAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(v1.metrics.humanMajorityAgreement).toBe(1);
    expect(v1.metrics.logLoss).toBeGreaterThan(0);
    expect(v1.learningCurve.map((p) => p.fraction)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(v1.learningCurve.at(-1)?.judgments).toBe(v1.metrics.trainJudgments);

    // The stored scores rank the better candidate of each prompt higher, and the serving path
    // (the version's ONNX session) gives the same rewards.
    const candidates = await db().candidate.findMany({
      where: { prompt: { projectId: project.id, externalId: "prompt-0" } },
      include: { scores: true, prompt: true },
      orderBy: { externalId: "asc" },
    });
    const stored = candidates.map((c) => c.scores[0]?.reward ?? Number.NaN);
    expect(stored).toHaveLength(4);
    for (const reward of stored) expect(Number.isFinite(reward)).toBe(true);
    expect([...stored].sort((a, b) => a - b)).toEqual(stored);
    const served = await scoreWithVersion(project, {
      prompt: candidates[0]?.prompt.text,
      candidates: candidates.map((c) => ({ text: c.text })),
    });
    expect(served.version).toBe(1);
    expect(served.rewards).toHaveLength(4);
    served.rewards.forEach((r, i) => {
      expect(r).toBeCloseTo(stored[i] as number, 5);
    });

    // A second version becomes current; the first is kept with its scores.
    const second = await retrainProject(project.id, { train: FAST, log: () => {} });
    expect(second).toMatchObject({ status: "trained", version: 2 });
    const versions = await listVersions(project.id);
    expect(versions.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(await db().score.count({ where: { modelId: first.modelId } })).toBe(120);
    expect((await scoreWithVersion(project, { candidates: [{ text: "x" }], version: 1 })).version).toBe(1);
    await expect(scoreWithVersion(project, { candidates: [{ text: "x" }], version: 9 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("answers 'no model yet' before the first version and 'no data' without usable judgments", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 2, candidates: 2 });
    await expect(scoreWithVersion(project, { candidates: [{ text: "x" }] })).rejects.toMatchObject({
      code: "NO_MODEL",
    });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 1), { choose: () => "BOTH_BAD" });
    expect(await retrainProject(project.id, { log: () => {} })).toEqual({ status: "no-data" });
    expect(await db().rewardModel.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("trains a project once when two retrains race: the second finds it busy and writes nothing", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 8, candidates: 3 });
    await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
    let running = 0;
    let most = 0;
    const onTraining = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 200));
      running--;
    };
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => retrainProject(project.id, { train: FAST, onTraining, log: () => {} })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(["busy", "busy", "trained"]);
    expect(most).toBe(1);
    expect(await db().rewardModel.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("skips an automatic retrain when fewer than retrainEvery judgments came since the newest version", async () => {
    const project = await fixtures.makeLearnableProject({ prompts: 6, candidates: 3, retrainEvery: 10 });
    const [labeler] = await fixtures.makeLabelers(project, 1);
    if (!labeler) throw new Error("labeler");
    await fixtures.addJudgments(project, [labeler], { limit: 9 });
    expect(await retrainProject(project.id, { trigger: "auto", log: () => {} })).toEqual({
      status: "not-needed",
      newJudgments: 9,
      retrainEvery: 10,
    });
    expect(await retrainProject(project.id, { trigger: "manual", train: FAST, log: () => {} })).toMatchObject({
      status: "trained",
    });
  });
});
