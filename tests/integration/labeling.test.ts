import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextTask, reclaimExpiredLeases } from "../../lib/assign";
import { db, disconnect } from "../../lib/db";
import { submitJudgment } from "../../lib/judgments";
import { mulberry32 } from "../../lib/random";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
  process.env.DB_POOL_SIZE = "100";
});

afterAll(async () => {
  await disconnect();
});

async function pairTaskFor(project: Awaited<ReturnType<typeof fixtures.makeProject>>, userId: string) {
  const task = await nextTask(project, userId, { random: () => 0.99 });
  if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
  return task;
}

describe("submitting a judgment", () => {
  it("stores a judgment once however often it is sent, and answers the same", async () => {
    const project = await fixtures.makeProject();
    const labeler = await fixtures.makeLabeler(project);
    const task = await pairTaskFor(project, labeler.id);
    const input = { clientId: randomUUID(), assignmentId: task.assignmentId, choice: "A" as const, durationMs: 1200 };

    // The first copies race each other (a double click, a retry over a slow network); later ones replay.
    const [first, ...racing] = await Promise.all([1, 2, 3, 4].map(() => submitJudgment(project, labeler.id, input)));
    const again = await submitJudgment(project, labeler.id, input);

    for (const answer of racing) expect(answer).toEqual(first);
    expect(again).toEqual(first);
    expect(await db().judgment.count({ where: { clientId: input.clientId } })).toBe(1);
    const pair = await db().assignment.findUniqueOrThrow({ where: { id: task.assignmentId }, include: { pair: true } });
    expect(pair.pair.judgmentCount).toBe(1);
    expect(pair.status).toBe("DONE");
  });

  it("stores one judgment per labeler and pair when two leases of that pair are answered at once", async () => {
    // A reclaimed lease's pair may be handed to the same labeler again; answering the old lease (in
    // another tab) and the new one at once races on the unique index of (pair, labeler).
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const old = await pairTaskFor(project, labeler.id);
    await db().assignment.update({ where: { id: old.assignmentId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await reclaimExpiredLeases(project.id)).toBe(1);
    const renewed = await pairTaskFor(project, labeler.id);
    expect(renewed.assignmentId).not.toBe(old.assignmentId);

    const answers = await Promise.allSettled(
      [old, renewed].map((task) =>
        submitJudgment(project, labeler.id, {
          clientId: randomUUID(),
          assignmentId: task.assignmentId,
          choice: "A",
          durationMs: 5,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === "fulfilled")).toHaveLength(1);
    const refused = answers.find((answer) => answer.status === "rejected");
    expect(refused?.reason).toMatchObject({ status: 409, code: "ALREADY_JUDGED" });
    expect(await db().judgment.count({ where: { projectId: project.id } })).toBe(1);
    expect(await db().pair.findFirstOrThrow({ where: { projectId: project.id } })).toMatchObject({ judgmentCount: 1 });
  });

  it("stores the choice in the pair's terms: 'left' is candidate B when B was shown on the left", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2 });
    const labelers = await fixtures.makeLabelers(project, 2);
    const stored = [];
    for (const labeler of labelers) {
      const task = await pairTaskFor(project, labeler.id);
      await submitJudgment(project, labeler.id, {
        clientId: randomUUID(),
        assignmentId: task.assignmentId,
        choice: "A",
        durationMs: 10,
      });
      stored.push({
        left: task.left.id,
        row: await db().judgment.findFirstOrThrow({ where: { userId: labeler.id }, include: { pair: true } }),
      });
    }
    for (const { left, row } of stored) {
      expect(row.leftCandidateId).toBe(left);
      expect(row.choice).toBe(left === row.pair.candidateAId ? "A" : "B");
    }
  });

  it("accepts a judgment on an expired lease while the pair has room, and refuses it once the pair is full", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 1, leaseSeconds: 5 });
    const slow = await fixtures.makeLabeler(project);
    const fast = await fixtures.makeLabeler(project);
    const slowTask = await pairTaskFor(project, slow.id);
    await db().assignment.update({
      where: { id: slowTask.assignmentId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await reclaimExpiredLeases(project.id)).toBe(1);

    const fastTask = await pairTaskFor(project, fast.id);
    await submitJudgment(project, fast.id, {
      clientId: randomUUID(),
      assignmentId: fastTask.assignmentId,
      choice: "B",
      durationMs: 5,
    });
    await expect(
      submitJudgment(project, slow.id, {
        clientId: randomUUID(),
        assignmentId: slowTask.assignmentId,
        choice: "A",
        durationMs: 5,
      }),
    ).rejects.toMatchObject({ code: "PAIR_FULL" });
    expect(await db().judgment.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("accepts a late judgment when the expired lease's slot is still free", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 1 });
    const labeler = await fixtures.makeLabeler(project);
    const task = await pairTaskFor(project, labeler.id);
    await db().assignment.update({
      where: { id: task.assignmentId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await reclaimExpiredLeases(project.id);
    await submitJudgment(project, labeler.id, {
      clientId: randomUUID(),
      assignmentId: task.assignmentId,
      choice: "A",
      durationMs: 5,
    });
    const pair = await db().pair.findFirstOrThrow({ where: { projectId: project.id } });
    expect(pair).toMatchObject({ judgmentCount: 1, openSlots: 0 });
  });

  it("refuses choices the project does not allow, naming the field", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, allowTie: false, rationale: "REQUIRED" });
    const labeler = await fixtures.makeLabeler(project);
    const task = await pairTaskFor(project, labeler.id);
    const base = { clientId: randomUUID(), assignmentId: task.assignmentId, durationMs: 5 };
    await expect(
      submitJudgment(project, labeler.id, { ...base, choice: "TIE", rationale: "same" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("choice"),
    });
    await expect(submitJudgment(project, labeler.id, { ...base, choice: "A" })).rejects.toMatchObject({
      message: expect.stringContaining("rationale"),
    });
    expect(await db().judgment.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("assigning pairs", () => {
  it("never lets a pair collect more than k judgments with 100 labelers asking at once", async () => {
    const k = 3;
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3, k, goldRate: 0 }); // 12 pairs, 36 slots
    const labelers = await fixtures.makeLabelers(project, 100);

    const rounds = async () => {
      // Every labeler asks at once, then every one who got a pair answers at once.
      const tasks = await Promise.all(labelers.map(async (l) => ({ labeler: l, task: await nextTask(project, l.id) })));
      const served = tasks.flatMap(({ labeler, task }) => (task.kind === "pair" ? [{ labeler, task }] : []));
      await Promise.all(
        served.map(({ labeler, task }) =>
          submitJudgment(project, labeler.id, {
            clientId: randomUUID(),
            assignmentId: task.assignmentId,
            choice: "A",
            durationMs: 1,
          }),
        ),
      );
      return served.length;
    };
    const served = [await rounds(), await rounds()];

    expect(served[0]).toBe(36);
    expect(served[1]).toBe(0);
    const pairs = await db().pair.findMany({
      where: { projectId: project.id },
      include: { _count: { select: { judgments: true } } },
    });
    for (const pair of pairs) {
      expect(pair._count.judgments).toBe(k);
      expect(pair.judgmentCount).toBe(k);
      expect(pair.openSlots).toBe(0);
    }
  });

  it("never gives a labeler the same pair twice, nor a pair with their own demonstration", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 3, k: 5, goldRate: 0 });
    const writer = await fixtures.makeLabeler(project);
    const prompt = await db().prompt.findFirstOrThrow({ where: { projectId: project.id } });
    const own = await db().candidate.create({
      data: { promptId: prompt.id, externalId: "mine", text: "my answer", source: "human", authorId: writer.id },
    });
    const others = await db().candidate.findMany({ where: { promptId: prompt.id, NOT: { id: own.id } } });
    await db().pair.createMany({
      data: others.map((o, i) => ({
        projectId: project.id,
        promptId: prompt.id,
        candidateAId: o.id,
        candidateBId: own.id,
        openSlots: 5,
        shuffleKey: -1 - i, // served first if eligible
      })),
    });
    const seen = new Set<string>();
    for (;;) {
      const task = await nextTask(project, writer.id);
      if (task.kind !== "pair") break;
      const pair = `${[task.left.id, task.right.id].sort()}`;
      expect(seen.has(pair)).toBe(false);
      expect([task.left.id, task.right.id]).not.toContain(own.id);
      seen.add(pair);
      await submitJudgment(project, writer.id, {
        clientId: randomUUID(),
        assignmentId: task.assignmentId,
        choice: "B",
        durationMs: 1,
      });
    }
    expect(seen.size).toBe(3); // the three pairs among the imported candidates, each once
  });

  it("gives a reloaded client its live lease back instead of a new pair", async () => {
    const project = await fixtures.makeProject({ goldRate: 0 });
    const labeler = await fixtures.makeLabeler(project);
    const first = await pairTaskFor(project, labeler.id);
    const again = await pairTaskFor(project, labeler.id);
    expect(again.assignmentId).toBe(first.assignmentId);
    const prefetched = await nextTask(project, labeler.id, { exclude: [first.assignmentId] });
    if (prefetched.kind !== "pair") throw new Error(`expected a second pair, got ${prefetched.kind}`);
    expect(prefetched.assignmentId).not.toBe(first.assignmentId);
  });

  it("mixes gold pairs in at the project's rate", async () => {
    const project = await fixtures.makeProject({ prompts: 30, candidates: 3, goldRate: 0.25, k: 1 });
    await db().pair.updateMany({
      where: {
        projectId: project.id,
        prompt: {
          externalId: {
            in: [
              "prompt-0",
              "prompt-1",
              "prompt-2",
              "prompt-3",
              "prompt-4",
              "prompt-5",
              "prompt-6",
              "prompt-7",
              "prompt-8",
              "prompt-9",
            ],
          },
        },
      },
      data: { isGold: true, goldAnswer: "A", openSlots: 0 },
    });
    const labeler = await fixtures.makeLabeler(project);
    // One seeded draw per request, returned for every random() that request makes: a request
    // whose draw is under goldRate asks for gold, and 30 gold pairs exist, so supply never runs out.
    const draws = Array.from({ length: 40 }, mulberry32(42));
    const served: boolean[] = [];
    for (const draw of draws) {
      const task = await nextTask(project, labeler.id, { random: () => draw });
      if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
      const lease = await db().assignment.findUniqueOrThrow({
        where: { id: task.assignmentId },
        include: { pair: true },
      });
      served.push(lease.pair.isGold);
      await submitJudgment(project, labeler.id, {
        clientId: randomUUID(),
        assignmentId: task.assignmentId,
        choice: "A",
        durationMs: 1,
      });
    }
    expect(served).toEqual(draws.map((draw) => draw < 0.25));
    expect(served.filter(Boolean).length).toBeGreaterThan(0);
  });
});
