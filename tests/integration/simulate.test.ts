import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { importFile } from "../../lib/import";
import { createSyntheticWorld } from "../../lib/rm/synthetic/comparisons";
import { simulateCrowd, syntheticImportLines } from "../../lib/simulate";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
  process.env.DB_POOL_SIZE = "30";
});

afterAll(async () => {
  await disconnect();
});

const crowd = { labelers: 10, temperature: 1, positionBias: 0.2, spammers: 0.1, seed: 1, concurrency: 5 };

// These tests judge with the simulator only; no retrain jobs are wanted.
async function withoutRetraining(project: Project): Promise<Project> {
  return db().project.update({ where: { id: project.id }, data: { retrainEvery: 0 } });
}

/** A project of generated word-sequence candidates whose meta.utility is their true utility. */
async function syntheticProject(prompts: number): Promise<Project> {
  const project = await withoutRetraining(await fixtures.makeProject({ prompts: 0, goldRate: 0 }));
  const world = createSyntheticWorld(5);
  const file = path.join(os.tmpdir(), `simulate-${project.id}.jsonl`);
  const lines = [...syntheticImportLines(world, { seed: 9, prompts, candidatesPerPrompt: 4 })];
  await writeFile(file, `${lines.join("\n")}\n`);
  await importFile(file, project);
  return project;
}

/** Judgments read back from the database: which side was picked, and whether it had the higher utility. */
async function storedJudgments(projectId: string) {
  const rows = await db().judgment.findMany({
    where: { projectId },
    include: { pair: { include: { candidateA: true, candidateB: true } } },
  });
  return rows.map((j) => {
    const [chosen, rejected] =
      j.choice === "A" ? [j.pair.candidateA, j.pair.candidateB] : [j.pair.candidateB, j.pair.candidateA];
    const utility = (meta: unknown) => (meta as { utility?: number }).utility;
    return {
      pickedLeft: chosen.id === j.leftCandidateId,
      agrees: (utility(chosen.meta) ?? Number.NaN) > (utility(rejected.meta) ?? Number.NaN),
    };
  });
}

const share = (flags: boolean[]) => flags.filter(Boolean).length / flags.length;

describe("crowd simulator", () => {
  it("stores exactly the judgments asked for through nextTask and submitJudgment, then fills every slot and stops", async () => {
    const project = await withoutRetraining(
      await fixtures.makeProject({ prompts: 10, candidates: 4, k: 3, goldRate: 0 }), // 60 pairs, 180 slots
    );
    const first = await simulateCrowd(project, { ...crowd, judgments: 100 });
    expect(first).toMatchObject({
      requested: 100,
      stored: 100,
      exhausted: false,
      labelers: { total: 10, spammers: 1 },
    });
    expect(await db().judgment.count({ where: { projectId: project.id } })).toBe(100);

    // Every judgment came through a lease (nextTask) that submitJudgment closed, by a member labeler.
    const judgments = await db().judgment.findMany({
      where: { projectId: project.id },
      include: { assignment: true, user: { include: { memberships: true } } },
    });
    for (const j of judgments) {
      expect(j.assignment).toMatchObject({ status: "DONE", userId: j.userId, leftCandidateId: j.leftCandidateId });
      expect(j.user).toMatchObject({ role: "LABELER", name: expect.stringMatching(/^sim-\d+$/) });
      expect(j.user.memberships.map((m) => m.projectId)).toContain(project.id);
    }

    const rest = await simulateCrowd(project, { ...crowd, judgments: 1000 });
    expect(rest).toMatchObject({ stored: 80, exhausted: true });
    const pairs = await db().pair.findMany({
      where: { projectId: project.id },
      include: { _count: { select: { judgments: true } } },
    });
    expect(pairs).toHaveLength(60);
    for (const pair of pairs) expect(pair).toMatchObject({ judgmentCount: 3, openSlots: 0, _count: { judgments: 3 } });
    expect(await db().assignment.count({ where: { projectId: project.id, status: "ACTIVE" } })).toBe(0);
    expect(await db().user.count({ where: { externalId: { startsWith: `${project.id}:sim-` } } })).toBe(10);
  });

  it("with --clean and a low temperature agrees with the utility order of meta.utility over 90% of the time", async () => {
    const project = await syntheticProject(30); // 180 pairs
    const summary = await simulateCrowd(project, {
      ...crowd,
      temperature: 0.2,
      positionBias: 0,
      spammers: 0,
      judgments: 300,
    });
    const stored = await storedJudgments(project.id);
    expect(stored).toHaveLength(300);
    expect(share(stored.map((j) => j.agrees))).toBeGreaterThan(0.9);
    expect(summary.agreement.all.rate).toBeCloseTo(share(stored.map((j) => j.agrees)), 10);
    expect(summary.labelers.spammers).toBe(0);
  });

  it("with a large position bias picks the left candidate measurably more often than half the time", async () => {
    const biased = await withoutRetraining(await fixtures.makeProject({ prompts: 10, candidates: 4, goldRate: 0 }));
    const fair = await withoutRetraining(await fixtures.makeProject({ prompts: 10, candidates: 4, goldRate: 0 }));
    // Utilities here are drawn (no meta.utility): N(0, 1) per candidate.
    await simulateCrowd(biased, { ...crowd, positionBias: 3, spammers: 0, judgments: 150 });
    await simulateCrowd(fair, { ...crowd, positionBias: 0, spammers: 0, judgments: 150 });
    const left = async (project: Project) => share((await storedJudgments(project.id)).map((j) => j.pickedLeft));
    expect(await left(biased)).toBeGreaterThan(0.75);
    expect(Math.abs((await left(fair)) - 0.5)).toBeLessThan(0.15);
  });

  it("spammers agree with the utility order about half the time", async () => {
    const project = await syntheticProject(30);
    const summary = await simulateCrowd(project, { ...crowd, temperature: 0.2, spammers: 1, judgments: 300 });
    expect(summary.labelers.spammers).toBe(10);
    expect(summary.agreement.honest.judgments).toBe(0);
    const rate = share((await storedJudgments(project.id)).map((j) => j.agrees));
    expect(rate).toBeGreaterThan(0.38);
    expect(rate).toBeLessThan(0.62);
  });
});
