import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "../../lib/db";
import type { Choice, Project, User } from "../../lib/generated/prisma/client";
import { scoreWithVersion } from "../../lib/rm/service/score-request";
import { makeProject } from "./fixtures";

export * from "./fixtures";

// Reward-model fixtures: text projects whose candidates have a quality the model can learn from
// words (so accuracy on held-out prompts means something), and judgments written straight to the
// tables (the labeling path has its own tests; these need many judgments fast).

export const GOOD = ["clear", "vivid", "precise", "elegant", "witty"];
export const BAD = ["vague", "dull", "sloppy", "clumsy", "bland"];

/** Candidate `c<q>` of every prompt has quality q: q good words and (candidates − 1 − q) bad ones. */
export async function makeLearnableProject(
  settings: Parameters<typeof makeProject>[0] & { retrainEvery?: number } = {},
): Promise<Project> {
  const { retrainEvery = 200, ...rest } = settings;
  const candidates = settings.candidates ?? 4;
  const created = await makeProject({ ...rest, candidates });
  const project = await db().project.update({ where: { id: created.id }, data: { retrainEvery } });
  const rows = await db().candidate.findMany({
    where: { prompt: { projectId: project.id } },
    select: { id: true, externalId: true, prompt: { select: { externalId: true } } },
  });
  for (const row of rows) {
    const q = quality(row.externalId);
    const words = [...GOOD.slice(0, q), ...BAD.slice(0, candidates - 1 - q)];
    await db().candidate.update({
      where: { id: row.id },
      data: { text: `Answer to ${row.prompt.externalId}: ${words.join(" ")}.` },
    });
  }
  return project;
}

export function quality(externalId: string): number {
  return Number(externalId.slice(1));
}

export type PairView = { id: string; aQuality: number; bQuality: number; candidateAId: string };

/** The better candidate (higher quality) wins. */
export const byQuality = (pair: PairView): Choice => (pair.aQuality > pair.bQuality ? "A" : "B");

/**
 * Every labeler judges every (non-gold) pair once, or `limit` judgments in all, through rows
 * written directly (an assignment marked DONE and its judgment).
 */
export async function addJudgments(
  project: Project,
  labelers: User[],
  options: { choose?: (pair: PairView, labeler: number) => Choice; limit?: number; gold?: boolean } = {},
): Promise<number> {
  const pairs = await db().pair.findMany({
    where: { projectId: project.id, isGold: options.gold ?? false },
    select: {
      id: true,
      candidateAId: true,
      candidateA: { select: { externalId: true } },
      candidateB: { select: { externalId: true } },
    },
    orderBy: { id: "asc" },
  });
  const assignments = [];
  const judgments = [];
  for (const [l, labeler] of labelers.entries()) {
    for (const p of pairs) {
      if (options.limit !== undefined && judgments.length >= options.limit) break;
      const view = {
        id: p.id,
        candidateAId: p.candidateAId,
        aQuality: quality(p.candidateA.externalId),
        bQuality: quality(p.candidateB.externalId),
      };
      const assignmentId = randomUUID();
      assignments.push({
        id: assignmentId,
        projectId: project.id,
        pairId: p.id,
        userId: labeler.id,
        leftCandidateId: p.candidateAId,
        status: "DONE" as const,
        expiresAt: new Date(Date.now() + 600_000),
      });
      judgments.push({
        clientId: randomUUID(),
        projectId: project.id,
        pairId: p.id,
        userId: labeler.id,
        assignmentId,
        choice: (options.choose ?? byQuality)(view, l),
        leftCandidateId: p.candidateAId,
        durationMs: 1000,
      });
    }
  }
  await db().assignment.createMany({ data: assignments });
  await db().judgment.createMany({ data: judgments });
  return judgments.length;
}

/**
 * Scores every candidate of the project through the serving path (the current version's ONNX
 * session) and checks each reward against the score stored when the version was trained.
 * Returns the served rewards.
 */
export async function expectServedMatchesStored(project: Project, digits = 5): Promise<number[]> {
  const candidates = await db().candidate.findMany({
    where: { prompt: { projectId: project.id } },
    include: { scores: { where: { modelId: project.currentModelId ?? undefined } } },
    orderBy: { id: "asc" },
  });
  const served = await scoreWithVersion(project, { candidates: candidates.map((c) => ({ text: c.text })) });
  expect(candidates.length).toBeGreaterThan(0);
  expect(served.rewards).toHaveLength(candidates.length);
  served.rewards.forEach((reward, i) => {
    expect(reward).toBeCloseTo(candidates[i]?.scores[0]?.reward as number, digits);
  });
  return served.rewards;
}

/** Polls `probe` every 100 ms until it returns something truthy, and returns that; throws after `ms`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
