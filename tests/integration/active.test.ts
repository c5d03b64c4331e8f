import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextTask } from "../../lib/assign";
import { db, disconnect } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { submitJudgment } from "../../lib/judgments";
import { simulateCrowd } from "../../lib/simulate";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
  process.env.DB_POOL_SIZE = "100";
});

afterAll(async () => {
  await disconnect();
});

type Candidate = { id: string; promptId: string; externalId: string };

/** A project of `prompts` × `candidates` with every pair, active learning on, no retrain jobs. */
async function activeProject(settings: { prompts: number; candidates: number; k: number }) {
  const made = await fixtures.makeProject({ ...settings, goldRate: 0 });
  const project = await db().project.update({
    where: { id: made.id },
    data: { activeLearning: true, retrainEvery: 0 },
  });
  const candidates: Candidate[] = await db().candidate.findMany({
    where: { prompt: { projectId: project.id } },
    select: { id: true, promptId: true, externalId: true },
    orderBy: [{ promptId: "asc" }, { externalId: "asc" }],
  });
  return { project, candidates };
}

/** A current reward model whose Scores are `reward(candidate)`; null leaves the candidate unscored. */
async function installModel(
  project: Project,
  candidates: Candidate[],
  reward: (c: Candidate, i: number) => number | null,
): Promise<Project> {
  const model = await db().rewardModel.create({
    data: {
      projectId: project.id,
      version: 1,
      featurizer: {},
      metrics: {},
      card: {},
      onnx: new Uint8Array(0),
      judgmentCount: 0,
      cutoff: new Date(),
    },
  });
  const scores = candidates.flatMap((c, i) => {
    const r = reward(c, i);
    return r === null ? [] : [{ modelId: model.id, candidateId: c.id, reward: r }];
  });
  await db().score.createMany({ data: scores });
  return db().project.update({ where: { id: project.id }, data: { currentModelId: model.id } });
}

async function pairOf(task: Awaited<ReturnType<typeof nextTask>>) {
  if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
  const assignment = await db().assignment.findUniqueOrThrow({ where: { id: task.assignmentId } });
  return { task, pairId: assignment.pairId };
}

async function judge(project: Project, userId: string, assignmentId: string) {
  await submitJudgment(project, userId, { clientId: randomUUID(), assignmentId, choice: "A", durationMs: 1 });
}

describe("active learning", () => {
  it("serves the pair the current model is least sure of first, to k labelers, even when it comes last in regular order", async () => {
    // 24 pairs: fewer than UNCERTAINTY_WINDOW, so every request weighs all of them.
    const { project, candidates } = await activeProject({ prompts: 4, candidates: 4, k: 2 });
    // Rewards 0, 10, 20, … make every pair certain (|r_A − r_B| ≥ 10), except c1 and c2 of one prompt.
    const [c1, c2] = candidates.filter((c) => c.promptId === candidates[8]?.promptId).slice(1, 3);
    if (!c1 || !c2) throw new Error("fixture has too few candidates");
    const current = await installModel(project, candidates, (c, i) => (c.id === c2.id ? i * 10 - 10 : i * 10));
    const uncertain = await db().pair.findFirstOrThrow({ where: { candidateAId: c1.id, candidateBId: c2.id } });
    await db().pair.update({ where: { id: uncertain.id }, data: { shuffleKey: 2_147_483_600 } });

    // With exploration only, or without a current model, the regular order applies: not that pair.
    const explorer = await fixtures.makeLabeler(current);
    expect((await pairOf(await nextTask(current, explorer.id, { exploration: 1 }))).pairId).not.toBe(uncertain.id);
    const withoutModel = { ...current, currentModelId: null };
    const other = await fixtures.makeLabeler(current);
    expect((await pairOf(await nextTask(withoutModel, other.id, { exploration: 0 }))).pairId).not.toBe(uncertain.id);

    const labelers = await fixtures.makeLabelers(current, 3);
    const served = [];
    for (const labeler of labelers) {
      served.push(await pairOf(await nextTask(current, labeler.id, { exploration: 0 })));
    }
    expect(served.map((s) => s.pairId)).toEqual([uncertain.id, uncertain.id, expect.any(String)]);
    expect(served[2]?.pairId).not.toBe(uncertain.id);
    expect([served[0]?.task.left.id, served[0]?.task.right.id].sort()).toEqual([c1.id, c2.id].sort());
  });

  it("serves pairs in order of |r_A − r_B|, unscored pairs first, and resumes a held lease instead of claiming", async () => {
    const { project, candidates } = await activeProject({ prompts: 4, candidates: 4, k: 1 }); // 24 pairs, all weighed
    // Rewards i² spread the gaps; the last candidate has no score, so its 3 pairs count as a tie.
    const current = await installModel(project, candidates, (_, i) => (i === candidates.length - 1 ? null : i * i));
    const rewardOf = new Map(candidates.map((c, i) => [c.id, i === candidates.length - 1 ? null : i * i]));
    const labeler = await fixtures.makeLabeler(current);

    const first = await nextTask(current, labeler.id, { exploration: 0 });
    const reloaded = await nextTask(current, labeler.id, { exploration: 0 });
    expect(reloaded.kind === "pair" && first.kind === "pair" && reloaded.assignmentId === first.assignmentId).toBe(
      true,
    );

    const gaps: (number | null)[] = [];
    let task = first;
    while (task.kind === "pair") {
      const a = rewardOf.get(task.left.id);
      const b = rewardOf.get(task.right.id);
      gaps.push(a === null || b === null || a === undefined || b === undefined ? null : Math.abs(a - b));
      await judge(current, labeler.id, task.assignmentId);
      task = await nextTask(current, labeler.id, { exploration: 0 });
    }
    expect(gaps).toHaveLength(24);
    expect(gaps.slice(0, 3)).toEqual([null, null, null]);
    const scored = gaps.slice(3) as number[];
    expect(scored).toEqual([...scored].sort((x, y) => x - y));
  });

  it("falls back to a regular pair when every pair it would rather serve is held by concurrent claims", async () => {
    const { project, candidates } = await activeProject({ prompts: 4, candidates: 4, k: 1 }); // 24 pairs
    const current = await installModel(project, candidates, (_, i) => i * i);
    const reward = new Map(candidates.map((c, i) => [c.id, i * i]));
    const pairs = await db().pair.findMany({ where: { projectId: project.id } });
    const gap = (p: (typeof pairs)[number]) =>
      Math.abs((reward.get(p.candidateAId) as number) - (reward.get(p.candidateBId) as number));
    // The surest pair is the only one not locked by "other labelers": it is never among the few
    // most uncertain that the uncertain claim tries to lock.
    const surest = pairs.reduce((best, p) => (gap(p) > gap(best) ? p : best));
    const held = pairs.filter((p) => p.id !== surest.id).map((p) => p.id);
    const labeler = await fixtures.makeLabeler(current);
    const served = await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Pair" WHERE id = ANY(${held}::text[]) FOR UPDATE`;
      return pairOf(await nextTask(current, labeler.id, { exploration: 0 }));
    });
    expect(served.pairId).toBe(surest.id);
  });

  it("never lets a pair collect more than k judgments with 60 labelers asking at once", async () => {
    const k = 3;
    const { project, candidates } = await activeProject({ prompts: 6, candidates: 4, k }); // 36 pairs, 108 slots
    const current = await installModel(project, candidates, (_, i) => (i % 5) * 0.1);
    const labelers = await fixtures.makeLabelers(current, 60);
    let served = 0;
    for (let round = 0; round < 6; round++) {
      const tasks = await Promise.all(
        labelers.map(async (l) => ({ labeler: l, task: await nextTask(current, l.id, { exploration: 0 }) })),
      );
      const pairs = tasks.flatMap(({ labeler, task }) => (task.kind === "pair" ? [{ labeler, task }] : []));
      await Promise.all(pairs.map(({ labeler, task }) => judge(current, labeler.id, task.assignmentId)));
      served += pairs.length;
    }
    expect(served).toBe(36 * k);
    const pairs = await db().pair.findMany({
      where: { projectId: current.id },
      include: { _count: { select: { judgments: true } } },
    });
    for (const pair of pairs) expect(pair).toMatchObject({ judgmentCount: k, openSlots: 0, _count: { judgments: k } });
  });

  it("stays within k per pair when the simulator drives it with many concurrent labelers", async () => {
    const { project, candidates } = await activeProject({ prompts: 8, candidates: 4, k: 2 }); // 48 pairs, 96 slots
    const current = await installModel(project, candidates, (_, i) => Math.sin(i));
    const summary = await simulateCrowd(current, {
      labelers: 30,
      temperature: 1,
      positionBias: 0,
      spammers: 0,
      seed: 4,
      judgments: 500,
      concurrency: 30,
    });
    expect(summary).toMatchObject({ stored: 96, exhausted: true });
    const counts = await db().judgment.groupBy({ by: ["pairId"], where: { projectId: current.id }, _count: true });
    expect(counts).toHaveLength(48);
    for (const c of counts) expect(c._count).toBe(2);
  });
});
