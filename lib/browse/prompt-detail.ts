import { db } from "../db";
import { notFound } from "../errors";
import type { Choice, Project } from "../generated/prisma/client";
import { questionSide } from "../go/question";
import { type BoardState, readBoardState } from "../go/state";
import { type TrueAnswer, type TruthEstimate, trueAnswer } from "../truth/answer";

export type CandidateDetail = {
  id: string;
  externalId: string;
  text: string;
  source: string;
  board: BoardState | null;
  /** Reward under the project's serving model; null without one or before it scored this candidate. */
  score: number | null;
  truth: TruthEstimate | null;
};

/** One judgment of a pair; `choice` is in the pair's terms (A = candidate a). */
export type PairJudgment = {
  id: string;
  createdAt: Date;
  userId: string;
  labeler: string;
  choice: Choice;
  strength: number | null;
  rationale: string | null;
  /** Which of the pair's candidates the labeler saw on the left. */
  shownLeft: "A" | "B";
  durationMs: number;
};

export type PairDetail = {
  id: string;
  aId: string;
  bId: string;
  isGold: boolean;
  goldAnswer: Choice | null;
  judgmentCount: number;
  openSlots: number;
  skips: number;
  reports: number;
  /** GO projects: the answer the playouts give, once both candidates have a ground truth. */
  trueAnswer: TrueAnswer | null;
  judgments: PairJudgment[];
};

export type PromptDetail = {
  id: string;
  externalId: string;
  text: string;
  meta: unknown;
  createdAt: Date;
  /** Version of the model the scores come from, or null when no model serves yet. */
  modelVersion: number | null;
  candidates: CandidateDetail[];
  pairs: PairDetail[];
};

/** One prompt of the project with its candidates, their scores and truths, its pairs and every judgment of them. */
export async function promptDetail(
  project: Pick<Project, "id" | "currentModelId" | "question">,
  promptId: string,
): Promise<PromptDetail> {
  const prompt = await db().prompt.findFirst({ where: { id: promptId, projectId: project.id } });
  if (!prompt) throw notFound(`Prompt ${promptId} in this project`);
  const modelId = project.currentModelId;
  const [model, candidates, pairs, judgments] = await Promise.all([
    modelId ? db().rewardModel.findUnique({ where: { id: modelId }, select: { version: true } }) : null,
    db().candidate.findMany({
      where: { promptId },
      orderBy: [{ createdAt: "asc" }, { externalId: "asc" }],
      include: { groundTruth: true, scores: modelId ? { where: { modelId } } : false },
    }),
    db().pair.findMany({
      where: { promptId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { _count: { select: { skips: true, reports: true } } },
    }),
    db().$queryRaw<(PairJudgment & { pairId: string })[]>`
      SELECT j.id, j."createdAt", j."userId", coalesce(u.email, u.name, u.id) AS labeler, j.choice, j.strength,
             j.rationale, CASE WHEN j."leftCandidateId" = p."candidateBId" THEN 'B' ELSE 'A' END AS "shownLeft",
             j."durationMs", j."pairId"
      FROM "Judgment" j JOIN "Pair" p ON p.id = j."pairId" JOIN "User" u ON u.id = j."userId"
      WHERE p."promptId" = ${promptId}
      ORDER BY j."createdAt" DESC, j.id DESC`,
  ]);
  const truths = new Map(candidates.flatMap((c) => (c.groundTruth ? [[c.id, c.groundTruth] as const] : [])));
  const side = questionSide(project.question);
  return {
    id: prompt.id,
    externalId: prompt.externalId,
    text: prompt.text,
    meta: prompt.meta,
    createdAt: prompt.createdAt,
    modelVersion: model?.version ?? null,
    candidates: candidates.map((c) => ({
      id: c.id,
      externalId: c.externalId,
      text: c.text,
      source: c.source,
      board: readBoardState(c.board),
      score: c.scores?.[0]?.reward ?? null,
      truth: c.groundTruth
        ? { pBlackWins: c.groundTruth.pBlackWins, standardError: c.groundTruth.standardError }
        : null,
    })),
    pairs: pairs.map((p) => {
      const a = truths.get(p.candidateAId);
      const b = truths.get(p.candidateBId);
      return {
        id: p.id,
        aId: p.candidateAId,
        bId: p.candidateBId,
        isGold: p.isGold,
        goldAnswer: p.goldAnswer,
        judgmentCount: p.judgmentCount,
        openSlots: p.openSlots,
        skips: p._count.skips,
        reports: p._count.reports,
        trueAnswer: a && b ? trueAnswer({ a, b }, side) : null,
        judgments: judgments.filter((j) => j.pairId === p.id),
      };
    }),
  };
}

/** The prompt a pair belongs to, so a pair's address can lead to its place on the prompt's page. */
export async function pairPromptId(project: Pick<Project, "id">, pairId: string): Promise<string> {
  const pair = await db().pair.findFirst({ where: { id: pairId, projectId: project.id }, select: { promptId: true } });
  if (!pair) throw notFound(`Pair ${pairId} in this project`);
  return pair.promptId;
}
