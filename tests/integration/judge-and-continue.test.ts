import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextTask, type PairTask } from "../../lib/assign";
import { db, disconnect } from "../../lib/db";
import { judgeAndContinue } from "../../lib/judgments";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

// The submit route's one-request loop: a judgment and the labeler's next task in one call.

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

type Project = Awaited<ReturnType<typeof fixtures.makeProject>>;

async function pairFor(project: Project, userId: string, exclude: string[] = []): Promise<PairTask> {
  const task = await nextTask(project, userId, { exclude, random: () => 0.99 });
  if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
  return task;
}

const activeLeases = (userId: string) => db().assignment.count({ where: { userId, status: "ACTIVE" } });

describe("a judgment that asks for the next task", () => {
  it("stores the judgment and leases a new pair, handing out none of the leases the client holds", async () => {
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const onScreen = await pairFor(project, labeler.id);
    const prefetched = await pairFor(project, labeler.id, [onScreen.assignmentId]);

    const answer = await judgeAndContinue(project, labeler.id, {
      clientId: randomUUID(),
      assignmentId: onScreen.assignmentId,
      choice: "A",
      durationMs: 800,
      next: { exclude: [onScreen.assignmentId, prefetched.assignmentId] },
    });

    expect(await db().judgment.count({ where: { assignmentId: onScreen.assignmentId } })).toBe(1);
    expect(answer.next?.kind).toBe("pair");
    const next = answer.next as PairTask;
    expect([onScreen.assignmentId, prefetched.assignmentId]).not.toContain(next.assignmentId);
    const lease = await db().assignment.findUniqueOrThrow({ where: { id: next.assignmentId } });
    expect(lease).toMatchObject({ userId: labeler.id, status: "ACTIVE" });
    expect([onScreen, prefetched].map((t) => t.prompt + t.left.id + t.right.id)).not.toContain(
      next.prompt + next.left.id + next.right.id,
    );
  });

  it("answers a replay with the same lease its lost answer carried, claiming nothing new", async () => {
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const onScreen = await pairFor(project, labeler.id);
    const prefetched = await pairFor(project, labeler.id, [onScreen.assignmentId]);
    const request = {
      clientId: randomUUID(),
      assignmentId: onScreen.assignmentId,
      choice: "B" as const,
      durationMs: 500,
      next: { exclude: [onScreen.assignmentId, prefetched.assignmentId] },
    };

    const first = await judgeAndContinue(project, labeler.id, request);
    const leasesAfterFirst = await activeLeases(labeler.id);
    const replay = await judgeAndContinue(project, labeler.id, request);

    expect(replay.judgmentId).toBe(first.judgmentId);
    expect((replay.next as PairTask).assignmentId).toBe((first.next as PairTask).assignmentId);
    expect(await activeLeases(labeler.id)).toBe(leasesAfterFirst);
  });

  it("hands out no lease when the judgment is refused", async () => {
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3, goldRate: 0, allowTie: false });
    const labeler = await fixtures.makeLabeler(project);
    const onScreen = await pairFor(project, labeler.id);
    const before = await activeLeases(labeler.id);

    await expect(
      judgeAndContinue(project, labeler.id, {
        clientId: randomUUID(),
        assignmentId: onScreen.assignmentId,
        choice: "TIE",
        durationMs: 500,
        next: { exclude: [onScreen.assignmentId] },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await activeLeases(labeler.id)).toBe(before);
  });

  it("stores the judgment of a labeler paused meanwhile, and leaves the refusal to GET /next", async () => {
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const onScreen = await pairFor(project, labeler.id);
    await db().membership.update({
      where: { projectId_userId: { projectId: project.id, userId: labeler.id } },
      data: { paused: true },
    });

    const answer = await judgeAndContinue(project, labeler.id, {
      clientId: randomUUID(),
      assignmentId: onScreen.assignmentId,
      choice: "A",
      durationMs: 500,
      next: { exclude: [onScreen.assignmentId] },
    });

    expect(answer.judgmentId).toEqual(expect.any(String));
    expect(answer.next).toBeUndefined();
    await expect(nextTask(project, labeler.id)).rejects.toMatchObject({ code: "LABELER_PAUSED" });
  });

  it("asks for nothing more without `next`", async () => {
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const onScreen = await pairFor(project, labeler.id);
    const answer = await judgeAndContinue(project, labeler.id, {
      clientId: randomUUID(),
      assignmentId: onScreen.assignmentId,
      choice: "A",
      durationMs: 500,
    });
    expect(answer.next).toBeUndefined();
    expect(await activeLeases(labeler.id)).toBe(0);
  });
});
