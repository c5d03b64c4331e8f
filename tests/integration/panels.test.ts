import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import type { Choice, Pair, Project, User } from "../../lib/generated/prisma/client";
import { gapPanel, modelPanel, projectProgress } from "../../lib/stats";
import { useFreshDatabase } from "../setup/database";
import { makeLabelers, makeProject } from "./fixtures";

// The numbers of the Overview, Model and Gap pages from rows written by hand, checked against
// values counted here (or by hand) rather than by the code under test.

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

const DAY = 86_400_000;
const NOW = new Date("2026-12-03T12:00:00Z");

/** A judgment as submit would leave it (assignment, judgment, the pair's count), at a chosen time. */
async function judge(
  project: Project,
  pair: Pair,
  user: User,
  options: { choice?: Choice; at?: Date; durationMs?: number } = {},
) {
  const createdAt = options.at ?? new Date(NOW.getTime() - DAY);
  const assignment = await db().assignment.create({
    data: {
      projectId: project.id,
      pairId: pair.id,
      userId: user.id,
      leftCandidateId: pair.candidateAId,
      status: "DONE",
      createdAt,
      expiresAt: createdAt,
    },
  });
  await db().judgment.create({
    data: {
      clientId: randomUUID(),
      projectId: project.id,
      pairId: pair.id,
      userId: user.id,
      assignmentId: assignment.id,
      choice: options.choice ?? "A",
      leftCandidateId: pair.candidateAId,
      durationMs: options.durationMs ?? 2000,
      createdAt,
    },
  });
  await db().pair.update({
    where: { id: pair.id },
    data: { judgmentCount: { increment: 1 }, openSlots: { decrement: 1 } },
  });
}

const pairsOf = (project: Project) => db().pair.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });

describe("the overview's progress", () => {
  it("counts judgments per UTC day, pairs by their number of judgments, and the finish at the last 7 days' rate", async () => {
    // 4 prompts × 3 candidates = 12 regular pairs, k = 3: 36 judgments needed.
    const project = await makeProject({ prompts: 4, candidates: 3, k: 3 });
    const pairs = await pairsOf(project);
    const users = await makeLabelers(project, 3);
    const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);
    // 10 days ago: 2 judgments; 3 days ago: 4; 1 day ago: 3.
    const plan: [number, number, number][] = [
      [0, 0, 10],
      [0, 1, 10],
      [1, 0, 3],
      [1, 1, 3],
      [1, 2, 3],
      [2, 0, 3],
      [3, 0, 1],
      [3, 1, 1],
      [4, 0, 1],
    ];
    for (const [p, u, days] of plan) await judge(project, pairs[p] as Pair, users[u] as User, { at: at(days) });

    const progress = await projectProgress(project, NOW);
    expect(progress.perDay).toHaveLength(11);
    expect(progress.perDay[0]).toEqual({ day: "2026-11-23", judgments: 2 });
    expect(progress.perDay.filter((d) => d.judgments > 0)).toEqual([
      { day: "2026-11-23", judgments: 2 },
      { day: "2026-11-30", judgments: 4 },
      { day: "2026-12-02", judgments: 3 },
    ]);
    expect(progress.perDay.at(-1)).toEqual({ day: "2026-12-03", judgments: 0 });
    // Pairs: #1 has 3 (complete), #0 and #3 have 2, #2 and #4 have 1, seven have none.
    expect(progress.pairsByCount).toEqual([
      { judgments: "0", pairs: 7 },
      { judgments: "1", pairs: 2 },
      { judgments: "2", pairs: 2 },
      { judgments: "3+", pairs: 1 },
    ]);
    expect(progress.completePairs).toBe(1);
    expect(progress.remaining).toBe(36 - 9);
    // 7 judgments in the last 7 days: 1 a day, 27 days to go.
    expect(progress.perDayRecently).toBeCloseTo(1, 12);
    expect(progress.daysToFinish).toBeCloseTo(27, 12);
    expect(progress.finishAt?.toISOString()).toBe(new Date(NOW.getTime() + 27 * DAY).toISOString());

    // A month later nothing new came in: no rate, no finish date (never "infinity").
    const later = await projectProgress(project, new Date(NOW.getTime() + 30 * DAY));
    expect(later).toMatchObject({ perDayRecently: 0, daysToFinish: null, finishAt: null });
    expect(later.perDay).toHaveLength(41);
  });

  it("leaves gold pairs out of the pairs, the remaining judgments and the rate", async () => {
    const project = await makeProject({ prompts: 1, candidates: 3, k: 2 });
    const [gold, regular] = await pairsOf(project);
    if (!gold || !regular) throw new Error("pairs");
    await db().pair.update({ where: { id: gold.id }, data: { isGold: true, goldAnswer: "A" } });
    const [user] = await makeLabelers(project, 1);
    await judge(project, gold, user as User);
    await judge(project, regular, user as User);
    const progress = await projectProgress(project, NOW);
    expect(progress.regularPairs).toBe(2);
    expect(progress.remaining).toBe(3);
    expect(progress.perDay.find((d) => d.judgments > 0)?.judgments).toBe(2);
    expect(progress.perDayRecently).toBeCloseTo(1, 12);
  });
});

describe("the model panel", () => {
  it("measures held-out accuracy and the human ceiling on the same pairs, from the stored gaps and the votes up to the cut-off", async () => {
    const project = await makeProject({ prompts: 2, candidates: 3, k: 5 });
    const pairs = await pairsOf(project);
    const users = await makeLabelers(project, 5);
    const cutoff = NOW;
    // gaps r(A) − r(B) per held-out pair; votes as A/B strings by labeler.
    const plan: { gap: number; votes: Choice[] }[] = [
      { gap: 2, votes: ["A", "A", "B"] }, // majority A: right
      { gap: -1, votes: ["A", "A", "A"] }, // majority A: wrong
      { gap: 0.5, votes: ["A", "B", "TIE"] }, // no majority, 2 decisive votes: not in the ceiling
      { gap: 1, votes: ["B", "B", "B", "A"] }, // majority B: wrong
    ];
    const gaps: Record<string, number> = {};
    for (const [i, { gap, votes }] of plan.entries()) {
      const pair = pairs[i] as Pair;
      gaps[pair.id] = gap;
      for (const [u, choice] of votes.entries()) await judge(project, pair, users[u] as User, { choice });
    }
    // Not counted: a judgment after the snapshot, and the judgments of an excluded labeler.
    await judge(project, pairs[0] as Pair, users[3] as User, { choice: "B", at: new Date(NOW.getTime() + 1000) });
    await judge(project, pairs[1] as Pair, users[4] as User, { choice: "B" });
    await db().membership.updateMany({
      where: { projectId: project.id, userId: users[4]?.id },
      data: { excluded: true },
    });
    await db().rewardModel.create({
      data: {
        projectId: project.id,
        version: 1,
        featurizer: {},
        metrics: {},
        card: { training: { tieThreshold: 0 } },
        judgmentCount: 13,
        cutoff,
        heldOutGaps: gaps,
      },
    });
    await db().rewardModel.create({
      data: {
        projectId: project.id,
        version: 2,
        featurizer: {},
        metrics: {},
        card: {},
        judgmentCount: 13,
        cutoff,
        heldOutGaps: undefined,
      },
    });

    const panel = await modelPanel(project, 1);
    const held = panel?.heldOut;
    if (!held) throw new Error("no held-out numbers");
    expect(held.pairs).toBe(4);
    // 1 of 3 pairs with a majority; Wilson 95% for 1/3 computed with python (z = 1.959964).
    expect(held.accuracy).toMatchObject({ value: 1 / 3, n: 3 });
    expect(held.accuracy.ciLow).toBeCloseTo(0.0614919, 6);
    expect(held.accuracy.ciHigh).toBeCloseTo(0.7923404, 6);
    // Counted by hand, one judgment against the others' majority (½ when they split): pair 1
    // (A,A,B): each A vote sees a split (½ + ½), the B vote disagrees; pair 2 (A,A,A): 3 agree;
    // pair 4 (B,B,B,A): the A vote disagrees, 3 B votes agree. 7 of 10, on 3 pairs.
    expect(held.ceiling).toMatchObject({ value: 0.7, n: 3 });
    expect(held.ceiling.ciLow).not.toBeNull();
    expect(held.verdict).toMatch(/within the noise|less well than one labeler/);
    // Reliability: each decisive vote at σ(gap); bins by tenths.
    expect(held.reliability.map((b) => [b.lower, b.count, b.observed])).toEqual([
      [0.2, 3, 1],
      [0.6, 2, 0.5],
      [0.7, 4, 0.25],
      [0.8, 3, 2 / 3],
    ]);
    expect(held.truth).toBeNull();

    expect(await modelPanel(project, 2)).toEqual({ version: 2, heldOut: null });
    expect(await modelPanel(project, 3)).toBeNull();
  });

  it("for Go, sets the labelers' majority, the model and the two against each other on the decided true answers", async () => {
    const created = await makeProject({ prompts: 2, candidates: 3, k: 3 });
    const project = await db().project.update({ where: { id: created.id }, data: { kind: "GO" } });
    const users = await makeLabelers(project, 3);
    const prompts = await db().prompt.findMany({
      where: { projectId: project.id },
      orderBy: { externalId: "asc" },
      include: { candidates: { orderBy: { externalId: "asc" } } },
    });
    // Black's win probability per candidate (c0, c1, c2); 0.5 and 0.505 are within 2 standard errors: a tie.
    const truths = [
      [0.2, 0.5, 0.8],
      [0.9, 0.5, 0.505],
    ];
    for (const [p, prompt] of prompts.entries()) {
      for (const [c, candidate] of prompt.candidates.entries()) {
        await db().groundTruth.create({
          data: {
            candidateId: candidate.id,
            pBlackWins: truths[p]?.[c] ?? 0,
            standardError: 0.01,
            playouts: 1000,
            seed: 1,
            estimator: "test",
          },
        });
      }
    }
    const pairOf = (p: number, a: number, b: number) =>
      db().pair.findFirstOrThrow({
        where: { candidateAId: prompts[p]?.candidates[a]?.id, candidateBId: prompts[p]?.candidates[b]?.id },
      });
    // [pair, gap, votes]: truth B, B, B, A, TIE.
    const plan: [Pair, number, Choice[]][] = [
      [await pairOf(0, 0, 1), 1, ["B", "B", "A"]], // model wrong, majority right, they disagree
      [await pairOf(0, 0, 2), -1, ["A", "A"]], // model right, majority wrong, they disagree
      [await pairOf(0, 1, 2), -2, ["B", "B"]], // both right
      [await pairOf(1, 0, 1), 1, ["A", "B"]], // model right, no majority
      [await pairOf(1, 1, 2), 3, ["A", "A"]], // truth says tie: left out
    ];
    const gaps: Record<string, number> = {};
    for (const [pair, gap, votes] of plan) {
      gaps[pair.id] = gap;
      for (const [u, choice] of votes.entries()) await judge(project, pair, users[u] as User, { choice });
    }
    await db().rewardModel.create({
      data: {
        projectId: project.id,
        version: 1,
        featurizer: {},
        metrics: {},
        card: {},
        judgmentCount: 11,
        cutoff: NOW,
        heldOutGaps: gaps,
      },
    });
    const truth = (await modelPanel(project, 1))?.heldOut?.truth;
    expect(truth?.modelVsTruth).toMatchObject({ value: 3 / 4, n: 4 });
    expect(truth?.humansVsTruth).toMatchObject({ value: 2 / 3, n: 3 });
    expect(truth?.modelVsHumans).toMatchObject({ value: 1 / 3, n: 3 });
    expect(truth?.words).toMatch(/equally often, within the noise/);
  });
});

describe("the gap panel", () => {
  it("gives median times, the human answer's blind win rate and the best-of-N picks against it", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2, k: 3, demonstrations: true });
    const [writer, ...labelers] = await makeLabelers(project, 4);
    const prompt = await db().prompt.findFirstOrThrow({ where: { projectId: project.id } });
    const [m0, m1] = await db().candidate.findMany({ where: { promptId: prompt.id }, orderBy: { externalId: "asc" } });
    if (!m0 || !m1 || !writer) throw new Error("fixtures");
    const human = await db().candidate.create({
      data: { promptId: prompt.id, externalId: "h", text: "written", source: "human", authorId: writer.id },
    });
    for (const [i, ms] of [40_000, 100_000, 70_000].entries()) {
      const candidate =
        i === 0
          ? human
          : await db().candidate.create({
              data: { promptId: prompt.id, externalId: `h${i}`, text: `w${i}`, source: "human" },
            });
      await db().demonstration.create({
        data: {
          clientId: randomUUID(),
          promptId: prompt.id,
          userId: writer.id,
          candidateId: candidate.id,
          text: "w",
          durationMs: ms,
        },
      });
    }
    const pair = (a: string, b: string) =>
      db().pair.create({
        data: {
          projectId: project.id,
          promptId: prompt.id,
          candidateAId: a,
          candidateBId: b,
          openSlots: 3,
          shuffleKey: 1,
        },
      });
    const models = await db().pair.findFirstOrThrow({ where: { candidateAId: m0.id, candidateBId: m1.id } });
    const m0h = await pair(m0.id, human.id);
    const hm1 = await pair(human.id, m1.id);
    const [x, y, z] = labelers as [User, User, User];
    // The comparisons prefer m1 (2 of 2); the serving reward model prefers m0.
    await judge(project, models, x, { choice: "B", durationMs: 3000 });
    await judge(project, models, y, { choice: "B", durationMs: 5000 });
    // m0 vs human: m0 wins twice, human once. human vs m1: human wins once, m1 twice, one tie.
    await judge(project, m0h, x, { choice: "A", durationMs: 4000 });
    await judge(project, m0h, y, { choice: "A", durationMs: 6000 });
    await judge(project, m0h, z, { choice: "B", durationMs: 8000 });
    await judge(project, hm1, x, { choice: "A", durationMs: 2000 });
    await judge(project, hm1, y, { choice: "B", durationMs: 9000 });
    await judge(project, hm1, z, { choice: "TIE", durationMs: 7000 });
    const model = await db().rewardModel.create({
      data: { projectId: project.id, version: 1, featurizer: {}, metrics: {}, card: {}, judgmentCount: 8, cutoff: NOW },
    });
    await db().score.createMany({
      data: [
        { modelId: model.id, candidateId: m0.id, reward: 1.5 },
        { modelId: model.id, candidateId: m1.id, reward: -0.5 },
        { modelId: model.id, candidateId: human.id, reward: 9 },
      ],
    });
    await db().project.update({ where: { id: project.id }, data: { currentModelId: model.id } });

    const gap = await gapPanel(project.id);
    expect(gap.demonstrations).toBe(3);
    expect(gap.writeSeconds).toMatchObject({ value: 70, n: 3 });
    // Durations 3, 5, 4, 6, 8, 2, 9, 7 s: median 5.5 s.
    expect(gap.chooseSeconds).toMatchObject({ value: 5.5, n: 8 });
    // Human side wins 2 of 5 decisive judgments (1 vs m0, 1 vs m1); Wilson by hand (python).
    expect(gap.humanWins).toMatchObject({ value: 0.4, n: 5 });
    expect(gap.humanWins.ciLow).toBeCloseTo(0.1176208, 6);
    expect(gap.humanWins.ciHigh).toBeCloseTo(0.7692757, 6);
    expect(gap.ties).toBe(1);
    // Best of 2 by the comparisons is m1: it won 1 of 2 decisive against the human answer.
    expect(gap.comparisonsPickWins).toMatchObject({ value: 0.5, n: 2 });
    // By the reward model m0: 2 of 3.
    expect(gap.rewardModelPickWins).toMatchObject({ value: 2 / 3, n: 3 });
    expect(gap.servingVersion).toBe(1);
    // Percent agreement, A/B/TIE/BOTH_BAD as categories, per pair the share of agreeing couples:
    // m0m1 (B,B) 1, m0h (A,A,B) 2 of 6, hm1 (A,B,TIE) 0; their mean is 4/9.
    expect(gap.agreement.value).toBeCloseTo(4 / 9, 12);
  });

  it("has nothing to report without human-written answers", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const gap = await gapPanel(project.id);
    expect(gap).toMatchObject({ promptsWithHuman: 0, demonstrations: 0 });
    expect(gap.humanWins.value).toBeNull();
  });
});
