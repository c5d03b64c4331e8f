import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labelingProgress, nextTask, reclaimExpiredLeases } from "../../lib/assign";
import { db, disconnect } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { submitJudgment, undoJudgment } from "../../lib/judgments";
import { actOnLabeler } from "../../lib/labelers";
import { mulberry32 } from "../../lib/random";
import { listReports, reportPair, skipCounts } from "../../lib/reports";
import { skipPair } from "../../lib/skips";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
  process.env.DB_POOL_SIZE = "40";
});

afterAll(async () => {
  await disconnect();
});

async function pairTaskFor(project: Project, userId: string) {
  const task = await nextTask(project, userId, { random: () => 0.99 });
  if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
  return task;
}

const judge = (project: Project, userId: string, assignmentId: string, clientId = randomUUID()) =>
  submitJudgment(project, userId, { clientId, assignmentId, choice: "A", durationMs: 900 });

async function pairOf(assignmentId: string) {
  const lease = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, include: { pair: true } });
  return { lease, pair: lease.pair };
}

/** openSlots = k − judgments − live leases on every regular pair, and 0 ≤ openSlots ≤ k − judgments. */
async function expectSlotAccounting(project: Project) {
  const rows = await db().$queryRaw<{ id: string; openSlots: number; judgments: number; leases: number }[]>`
    SELECT p.id, p."openSlots",
           (SELECT count(*)::int FROM "Judgment" j WHERE j."pairId" = p.id) AS judgments,
           (SELECT count(*)::int FROM "Assignment" a WHERE a."pairId" = p.id AND a.status = 'ACTIVE') AS leases
    FROM "Pair" p WHERE p."projectId" = ${project.id} AND NOT p."isGold"`;
  for (const row of rows) {
    expect({ pair: row.id, openSlots: row.openSlots }).toEqual({
      pair: row.id,
      openSlots: project.k - row.judgments - row.leases,
    });
    expect(row.openSlots).toBeGreaterThanOrEqual(0);
    expect(row.openSlots).toBeLessThanOrEqual(project.k - row.judgments);
  }
  const counts = await db().$queryRaw<{ mismatched: number }[]>`
    SELECT count(*)::int AS mismatched FROM "Pair" p
    WHERE p."projectId" = ${project.id}
      AND p."judgmentCount" <> (SELECT count(*) FROM "Judgment" j WHERE j."pairId" = p.id)`;
  expect(counts[0]?.mismatched).toBe(0);
}

describe("skipping a pair", () => {
  it("releases the lease at once, counts one skip however often it is sent, and answers the same", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const task = await pairTaskFor(project, labeler.id);
    expect((await pairOf(task.assignmentId)).pair.openSlots).toBe(1);

    const input = { assignmentId: task.assignmentId, reason: "I cannot read Latin" };
    const first = await skipPair(project, labeler.id, input);
    const again = await skipPair(project, labeler.id, input);
    const concurrent = await Promise.all([1, 2, 3].map(() => skipPair(project, labeler.id, input)));

    for (const answer of [again, ...concurrent]) expect(answer).toEqual(first);
    const { lease, pair } = await pairOf(task.assignmentId);
    expect(lease.status).toBe("EXPIRED");
    expect(pair.openSlots).toBe(2);
    const skips = await db().skip.findMany({ where: { pairId: pair.id } });
    expect(skips).toEqual([expect.objectContaining({ userId: labeler.id, reason: "I cannot read Latin" })]);
    await expectSlotAccounting(project);
  });

  it("gives the slot back once when the lease had already expired and been reclaimed", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 1, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const task = await pairTaskFor(project, labeler.id);
    await db().assignment.update({
      where: { id: task.assignmentId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await reclaimExpiredLeases(project.id)).toBe(1);

    await skipPair(project, labeler.id, { assignmentId: task.assignmentId });
    expect((await pairOf(task.assignmentId)).pair.openSlots).toBe(1);
    await expectSlotAccounting(project);
  });

  it("gives the slot back on a pair reopened because a labeler who judged it was excluded", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    const [spammer, good, skipper] = await fixtures.makeLabelers(project, 3);
    if (!spammer || !good || !skipper) throw new Error("three labelers");
    await judge(project, spammer.id, (await pairTaskFor(project, spammer.id)).assignmentId);
    await judge(project, good.id, (await pairTaskFor(project, good.id)).assignmentId);
    const lead = await fixtures.makeLead();
    await actOnLabeler(project, spammer.id, lead.id, { action: "EXCLUDE", reason: "always picks left" });
    // Two judgments, one of them excluded: one slot is open again, and the skipper takes it.
    const task = await pairTaskFor(project, skipper.id);
    expect((await pairOf(task.assignmentId)).pair.openSlots).toBe(0);

    await skipPair(project, skipper.id, { assignmentId: task.assignmentId });
    // The slot goes back (k − judgments that count = 1), so the pair can still get its k good judgments.
    expect((await pairOf(task.assignmentId)).pair.openSlots).toBe(1);
  });

  it("does not serve a skipped pair to that labeler again, but still to others", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    const [skipper, other] = await fixtures.makeLabelers(project, 2);
    if (!skipper || !other) throw new Error("two labelers");
    const task = await pairTaskFor(project, skipper.id);
    await skipPair(project, skipper.id, { assignmentId: task.assignmentId });

    expect(await nextTask(project, skipper.id, { random: () => 0.99 })).toEqual({ kind: "done", reason: "empty" });
    expect(await labelingProgress(project, skipper.id)).toMatchObject({ openPairs: 0 });
    const theirs = await pairTaskFor(project, other.id);
    expect((await pairOf(theirs.assignmentId)).pair.id).toBe((await pairOf(task.assignmentId)).pair.id);
  });

  it("refuses to skip a pair already judged, and a lease that is not the labeler's, in plain words", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, goldRate: 0 });
    const [labeler, stranger] = await fixtures.makeLabelers(project, 2);
    if (!labeler || !stranger) throw new Error("two labelers");
    const task = await pairTaskFor(project, labeler.id);
    await expect(skipPair(project, stranger.id, { assignmentId: task.assignmentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("reload the page"),
    });
    await judge(project, labeler.id, task.assignmentId);
    await expect(skipPair(project, labeler.id, { assignmentId: task.assignmentId })).rejects.toMatchObject({
      code: "ALREADY_JUDGED",
    });
    expect(await db().skip.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("undoing a judgment", () => {
  it("deletes it, gives the labeler the same lease back, keeps the slot, and answers the same when sent again", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const task = await pairTaskFor(project, labeler.id);
    const clientId = randomUUID();
    await judge(project, labeler.id, task.assignmentId, clientId);
    expect(await labelingProgress(project, labeler.id)).toMatchObject({ judged: 1 });

    const first = await undoJudgment(project, labeler.id, { clientId });
    const again = await undoJudgment(project, labeler.id, { clientId });
    const concurrent = await Promise.all([1, 2, 3].map(() => undoJudgment(project, labeler.id, { clientId })));
    for (const answer of [again, ...concurrent]) expect(answer).toEqual(first);

    expect(await db().judgment.count({ where: { clientId } })).toBe(0);
    const { lease, pair } = await pairOf(task.assignmentId);
    expect(lease.status).toBe("ACTIVE");
    expect(lease.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(pair).toMatchObject({ judgmentCount: 0, openSlots: 1 });
    expect(await labelingProgress(project, labeler.id)).toMatchObject({ judged: 0 });
    await expectSlotAccounting(project);

    // The pair comes back to the labeler (the same lease, same sides), and can be answered again.
    const back = await pairTaskFor(project, labeler.id);
    expect(back).toMatchObject({ assignmentId: task.assignmentId, left: task.left, right: task.right });
    await judge(project, labeler.id, task.assignmentId);
    expect((await pairOf(task.assignmentId)).pair).toMatchObject({ judgmentCount: 1, openSlots: 1 });
    await expectSlotAccounting(project);
  });

  it("touches nothing for a client id that is someone else's", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, goldRate: 0 });
    const [labeler, stranger] = await fixtures.makeLabelers(project, 2);
    if (!labeler || !stranger) throw new Error("two labelers");
    const task = await pairTaskFor(project, labeler.id);
    const clientId = randomUUID();
    await judge(project, labeler.id, task.assignmentId, clientId);
    expect(await undoJudgment(project, stranger.id, { clientId })).toEqual({ clientId, undone: true });
    expect(await db().judgment.count({ where: { clientId } })).toBe(1);
  });
});

describe("slot accounting under skips, undos, judgments and expiries", () => {
  it("keeps openSlots = k − judgments − live leases, never negative and never above k − judgments", async () => {
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3, k: 2, goldRate: 0 });
    const labelers = await fixtures.makeLabelers(project, 6);
    const random = mulberry32(7);
    const held = new Map<string, string[]>();
    const judged = new Map<string, string[]>();
    for (let step = 0; step < 240; step++) {
      const labeler = labelers[Math.floor(random() * labelers.length)];
      if (!labeler) continue;
      const leases = held.get(labeler.id) ?? [];
      const clientIds = judged.get(labeler.id) ?? [];
      const action = random();
      if (action < 0.35) {
        const task = await nextTask(project, labeler.id, { random, exclude: leases });
        if (task.kind === "pair") leases.push(task.assignmentId);
      } else if (action < 0.6 && leases.length > 0) {
        const lease = leases.shift() as string;
        const clientId = randomUUID();
        const stored = await judge(project, labeler.id, lease, clientId).catch(() => null);
        if (stored) clientIds.push(clientId);
      } else if (action < 0.75 && leases.length > 0) {
        await skipPair(project, labeler.id, { assignmentId: leases.shift() as string });
      } else if (action < 0.88 && clientIds.length > 0) {
        const clientId = clientIds.pop() as string;
        const { assignmentId } = await db().judgment.findUniqueOrThrow({ where: { clientId } });
        await Promise.all([
          undoJudgment(project, labeler.id, { clientId }),
          undoJudgment(project, labeler.id, { clientId }),
        ]);
        leases.push(assignmentId);
      } else if (leases.length > 0) {
        await db().assignment.update({ where: { id: leases[0] }, data: { expiresAt: new Date(Date.now() - 1) } });
        await reclaimExpiredLeases(project.id);
      }
      held.set(labeler.id, leases);
      judged.set(labeler.id, clientIds);
      if (step % 20 === 0) await expectSlotAccounting(project);
    }
    await expectSlotAccounting(project);
    expect(await db().skip.count({ where: { projectId: project.id } })).toBeGreaterThan(0);
    expect(await db().judgment.count({ where: { projectId: project.id } })).toBeGreaterThan(0);
  });
});

describe("reporting a pair", () => {
  it("stores the report once, skips the pair, and lists it for the lead with the skip counts", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const task = await pairTaskFor(project, labeler.id);
    const input = { assignmentId: task.assignmentId, kind: "OFFENSIVE" as const, note: "slur in response B" };

    const first = await reportPair(project, labeler.id, input);
    expect(await reportPair(project, labeler.id, input)).toEqual(first);

    const { lease, pair } = await pairOf(task.assignmentId);
    expect(lease.status).toBe("EXPIRED");
    expect(pair.openSlots).toBe(2);
    const { reports, nextCursor } = await listReports(project.id);
    expect(nextCursor).toBeNull();
    expect(reports).toEqual([
      expect.objectContaining({
        kind: "OFFENSIVE",
        note: "slur in response B",
        labeler: labeler.email,
        pairId: pair.id,
        prompt: "Prompt 0",
      }),
    ]);
    const counts = await skipCounts(project.id);
    expect(counts.total).toBe(1);
    expect(counts.byPair).toEqual([expect.objectContaining({ pairId: pair.id, skips: 1, reports: 1 })]);
    expect(counts.byLabeler).toEqual([expect.objectContaining({ userId: labeler.id, skips: 1, reports: 1 })]);
    expect(await nextTask(project, labeler.id, { random: () => 0.99 })).toMatchObject({ kind: "done" });
  });

  it("pages the reports newest first without repeating or losing one", async () => {
    const project = await fixtures.makeProject({ prompts: 60, candidates: 2, k: 1, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    for (let i = 0; i < 55; i++) {
      const task = await pairTaskFor(project, labeler.id);
      await reportPair(project, labeler.id, { assignmentId: task.assignmentId, kind: "BROKEN" });
    }
    const first = await listReports(project.id);
    expect(first.reports).toHaveLength(50);
    const second = await listReports(project.id, first.nextCursor ?? undefined);
    expect(second).toMatchObject({ nextCursor: null });
    const ids = [...first.reports, ...second.reports].map((r) => r.id);
    expect(new Set(ids).size).toBe(55);
  });
});

describe("nothing left, or held by others", () => {
  it("tells a labeler the remaining pairs are being labeled by others, then nothing is left once they are judged", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 1, goldRate: 0 });
    const [holder, waiting] = await fixtures.makeLabelers(project, 2);
    if (!holder || !waiting) throw new Error("two labelers");
    const task = await pairTaskFor(project, holder.id);
    expect(await nextTask(project, waiting.id, { random: () => 0.99 })).toEqual({ kind: "done", reason: "held" });

    await skipPair(project, holder.id, { assignmentId: task.assignmentId });
    const freed = await pairTaskFor(project, waiting.id);
    await judge(project, waiting.id, freed.assignmentId);
    const third = await fixtures.makeLabeler(project);
    expect(await nextTask(project, third.id, { random: () => 0.99 })).toEqual({ kind: "done", reason: "empty" });
  });
});
