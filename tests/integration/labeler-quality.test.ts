import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextTask } from "../../lib/assign";
import { db, disconnect } from "../../lib/db";
import { exportQuerySchema, labelerPseudonym, startExport } from "../../lib/export";
import type { Choice, Project } from "../../lib/generated/prisma/client";
import { submitJudgment } from "../../lib/judgments";
import { actOnLabeler, includedVotes, labelerHistory, labelerQuality } from "../../lib/labelers";
import { updateSettings } from "../../lib/projects";
import { loadTrainingSnapshot } from "../../lib/rm/service/snapshot";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

/** Serves the labeler their next pair and judges it, as the compare screen does. */
async function judgeNext(project: Project, userId: string, choice: Choice = "A") {
  const task = await nextTask(project, userId, { random: () => 0.99 });
  if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
  await submitJudgment(project, userId, {
    clientId: randomUUID(),
    assignmentId: task.assignmentId,
    choice,
    durationMs: 3000,
  });
  return task;
}

const slotsOf = async (project: Project) =>
  (
    await db().pair.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" }, select: { openSlots: true } })
  ).map((p) => p.openSlots);

/** The users whose judgments a default raw-votes export holds (it names labelers by pseudonym). */
async function exportedLabelers(project: Project): Promise<Set<string>> {
  const judges = await db().judgment.findMany({ where: { projectId: project.id }, distinct: ["userId"] });
  const byPseudonym = new Map(judges.map((j) => [labelerPseudonym(project.id, j.userId), j.userId]));
  const run = await startExport(project, exportQuerySchema.parse({ format: "votes" }), "test");
  let text = "";
  for await (const chunk of run.chunks) text += Buffer.from(chunk).toString("utf8");
  const ids = new Set<string>();
  for (const line of text.split("\n").filter(Boolean)) {
    ids.add(byPseudonym.get((JSON.parse(line) as { labeler_id: string }).labeler_id) ?? "unknown");
  }
  return ids;
}

describe("pausing a labeler", () => {
  it("stops serving at their next request, releases their leases, and is undone by resuming", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 3, k: 2, goldRate: 0 });
    const [ada] = await fixtures.makeLabelers(project, 1);
    if (!ada) throw new Error("labeler");
    const lead = await fixtures.makeLead();
    const held = await nextTask(project, ada.id, { random: () => 0.99 });
    if (held.kind !== "pair") throw new Error("expected a pair");
    expect((await slotsOf(project)).sort()).toEqual([1, 2, 2]);

    await expect(actOnLabeler(project, ada.id, lead.id, { action: "PAUSE", reason: "  " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await actOnLabeler(project, ada.id, lead.id, { action: "PAUSE", reason: "gold accuracy 40%" });

    const lease = await db().assignment.findUniqueOrThrow({ where: { id: held.assignmentId } });
    expect(lease.status).toBe("EXPIRED");
    expect(await slotsOf(project)).toEqual([2, 2, 2]);
    // The same cached project object the route would hold: the pause is read on every request.
    await expect(nextTask(project, ada.id)).rejects.toMatchObject({ code: "LABELER_PAUSED" });
    await expect(actOnLabeler(project, ada.id, lead.id, { action: "PAUSE", reason: "again" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });

    await actOnLabeler(project, ada.id, lead.id, { action: "UNPAUSE", reason: "" });
    expect((await nextTask(project, ada.id, { random: () => 0.99 })).kind).toBe("pair");

    const history = await labelerHistory(project.id);
    expect(history.map((h) => [h.action, h.reason, h.labeler, h.actor])).toEqual([
      ["UNPAUSE", "", ada.email, lead.email],
      ["PAUSE", "gold accuracy 40%", ada.email, lead.email],
    ]);
    for (const h of history) expect(Date.now() - h.createdAt.getTime()).toBeLessThan(60_000);
  });
});

describe("excluding a labeler", () => {
  it("reopens their slots and leaves them out of statistics, training and exports; including restores all", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 3, k: 2, goldRate: 0 });
    const [ada, bob, cy] = await fixtures.makeLabelers(project, 3);
    if (!ada || !bob || !cy) throw new Error("labelers");
    const lead = await fixtures.makeLead();
    for (const who of [ada, bob]) for (let i = 0; i < 3; i++) await judgeNext(project, who.id);
    expect(await slotsOf(project)).toEqual([0, 0, 0]);
    expect((await nextTask(project, cy.id)).kind).toBe("done");
    expect(await exportedLabelers(project)).toEqual(new Set([ada.id, bob.id]));

    await expect(actOnLabeler(project, bob.id, lead.id, { action: "EXCLUDE", reason: "" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await actOnLabeler(project, bob.id, lead.id, { action: "EXCLUDE", reason: "clicks left every time" });

    // Each pair has one judgment that counts: one slot each, so it can still reach k = 2.
    expect(await slotsOf(project)).toEqual([1, 1, 1]);
    expect(await exportedLabelers(project)).toEqual(new Set([ada.id]));
    const snapshot = await loadTrainingSnapshot(project);
    expect(snapshot.left.excludedLabelers).toBe(3);
    expect(snapshot.comparisons).toHaveLength(3);
    expect(new Set((await includedVotes(project.id)).map((v) => v.labelerId))).toEqual(new Set([ada.id]));
    const quality = await labelerQuality(project);
    expect(quality.find((q) => q.userId === bob.id)?.majority.reason).toMatch(/Excluded/);

    // Cy takes one reopened slot and holds it while bob is included again.
    const cyTask = await nextTask(project, cy.id, { random: () => 0.99 });
    if (cyTask.kind !== "pair") throw new Error("expected a pair for cy");
    await actOnLabeler(project, bob.id, lead.id, { action: "INCLUDE", reason: "checked by hand" });
    // k − 2 judgments − cy's lease would be −1 on cy's pair: floored at 0.
    expect(await slotsOf(project)).toEqual([0, 0, 0]);
    expect(await exportedLabelers(project)).toEqual(new Set([ada.id, bob.id]));
    expect((await loadTrainingSnapshot(project)).left.excludedLabelers).toBe(0);
    expect(new Set((await includedVotes(project.id)).map((v) => v.labelerId))).toEqual(new Set([ada.id, bob.id]));
    expect((await labelerHistory(project.id)).map((h) => [h.action, h.reason])).toEqual([
      ["INCLUDE", "checked by hand"],
      ["EXCLUDE", "clicks left every time"],
    ]);
  });

  it("keeps excluded judgments out when k changes", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    const [ada, bob] = await fixtures.makeLabelers(project, 2);
    if (!ada || !bob) throw new Error("labelers");
    for (const who of [ada, bob]) await judgeNext(project, who.id);
    await actOnLabeler(project, bob.id, (await fixtures.makeLead()).id, { action: "EXCLUDE", reason: "spam" });
    await updateSettings(project.slug, { k: 3 });
    expect(await slotsOf(project)).toEqual([2]);
  });
});

describe("labeler quality figures", () => {
  it("counts gold accuracy, left picks with their test, times, ties, model agreement, skips and reports", async () => {
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3, k: 3, goldRate: 0 });
    const [ada] = await fixtures.makeLabelers(project, 1);
    if (!ada) throw new Error("labeler");
    // By prompt: pairs 0–2 share prompt 0's candidates, 3–5 prompt 1's, and so on.
    const pairs = await db().pair.findMany({
      where: { projectId: project.id },
      orderBy: [{ promptId: "asc" }, { id: "asc" }],
    });
    // 12 pairs: 2 gold (answer A). Ada: 10 decisive picks, 2 of them left; one tie; one both-bad.
    for (const gold of pairs.slice(0, 2)) {
      await db().pair.update({ where: { id: gold.id }, data: { isGold: true, goldAnswer: "A" } });
    }
    const plan: { choice: Choice; leftIsA: boolean; ms: number }[] = [
      { choice: "A", leftIsA: true, ms: 500 }, // gold, right, left pick
      { choice: "B", leftIsA: true, ms: 1500 }, // gold, wrong, right pick
      { choice: "A", leftIsA: false, ms: 2500 }, // right pick
      { choice: "A", leftIsA: false, ms: 4000 },
      { choice: "A", leftIsA: false, ms: 6000 },
      { choice: "B", leftIsA: true, ms: 9000 },
      { choice: "B", leftIsA: true, ms: 12_000 },
      { choice: "B", leftIsA: false, ms: 20_000 }, // left pick
      { choice: "A", leftIsA: false, ms: 40_000 },
      { choice: "A", leftIsA: false, ms: 70_000 },
      { choice: "TIE", leftIsA: true, ms: 100 },
      { choice: "BOTH_BAD", leftIsA: true, ms: 3000 },
    ];
    for (const [i, step] of plan.entries()) {
      const pair = pairs[i];
      if (!pair) throw new Error("pair");
      const assignment = await db().assignment.create({
        data: {
          projectId: project.id,
          pairId: pair.id,
          userId: ada.id,
          status: "DONE",
          expiresAt: new Date(),
          leftCandidateId: step.leftIsA ? pair.candidateAId : pair.candidateBId,
        },
      });
      await db().judgment.create({
        data: {
          clientId: randomUUID(),
          projectId: project.id,
          pairId: pair.id,
          userId: ada.id,
          assignmentId: assignment.id,
          choice: step.choice,
          leftCandidateId: assignment.leftCandidateId,
          durationMs: step.ms,
        },
      });
    }
    // A model sure that A wins on pair 2 (σ(2) = 0.88) and B on pair 3, unsure on pair 6 (σ(0.5) =
    // 0.62). The three are of different prompts, so no candidate is scored twice; pairs with an
    // unscored candidate are not counted.
    const model = await db().rewardModel.create({
      data: {
        projectId: project.id,
        version: 1,
        featurizer: {},
        metrics: {},
        card: {},
        judgmentCount: 0,
        cutoff: new Date(),
      },
    });
    const reward = new Map<string, number>();
    for (const [i, gap] of [
      [2, 2],
      [3, -2],
      [6, 0.5],
    ] as const) {
      const pair = pairs[i];
      if (!pair) throw new Error("pair");
      reward.set(pair.candidateAId, gap);
      reward.set(pair.candidateBId, 0);
    }
    await db().score.createMany({
      data: [...reward].map(([candidateId, r]) => ({ modelId: model.id, candidateId, reward: r })),
    });
    const current = await db().project.update({ where: { id: project.id }, data: { currentModelId: model.id } });
    await db().skip.create({ data: { projectId: project.id, pairId: pairs[11]?.id ?? "", userId: ada.id } });
    await db().report.create({
      data: { projectId: project.id, pairId: pairs[11]?.id ?? "", userId: ada.id, kind: "OTHER" },
    });

    const [q] = await labelerQuality(current);
    if (!q) throw new Error("no row");
    expect(q.judgments).toBe(12);
    expect(q.gold).toMatchObject({ hits: 1, n: 2, value: 0.5 });
    expect(q.left).toMatchObject({ hits: 2, n: 10, value: 0.2 });
    // 2 of 10: (1 + 10 + 45)/1024, both tails.
    expect(q.left.p).toBeCloseTo(0.109375, 12);
    expect(q.tieRate).toBeCloseTo(1 / 12);
    expect(q.bothBadRate).toBeCloseTo(1 / 12);
    expect(q.medianMs).toBe(5000);
    expect(q.fast).toMatchObject({ hits: 3, n: 12 });
    expect(q.histogram).toEqual([2, 1, 3, 2, 2, 1, 1]);
    // Pair 2: model says A, ada A (agrees); pair 3: model says B, ada A (disagrees); pair 6 unsure.
    expect(q.model).toMatchObject({ hits: 1, n: 2 });
    expect(q.skips).toBe(1);
    expect(q.reports).toBe(1);
    expect(q.flags.map((f) => f.rule)).toEqual([]);

    // The project's rules decide the flags: one gold pair and a 25% fast share are enough here.
    const strict = await updateSettings(project.slug, { flagGoldAfter: 2, flagFastShare: 0.25 });
    const [flagged] = await labelerQuality(strict);
    expect(flagged?.flags.map((f) => f.rule)).toEqual(["gold", "fast"]);

    // A date range that ends before any judgment leaves nothing.
    const [none] = await labelerQuality(strict, { to: new Date(Date.now() - 86_400_000) });
    expect(none?.judgments).toBe(0);
    expect(none?.left.p).toBeNull();
  });
});
