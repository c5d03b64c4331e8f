import { db } from "../db";
import { questionSide } from "../go/question";
import { type TrueAnswer, type TruthEstimate, trueAnswer } from "./answer";

export type PairTruth = { pairId: string; answer: TrueAnswer; a: TruthEstimate; b: TruthEstimate };

/**
 * The true answer of every pair of a GO project whose two candidates both have a ground truth,
 * for the side the project's question asks about. Pairs still waiting for the truth job are left out.
 */
export async function pairTruths(projectId: string): Promise<PairTruth[]> {
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { question: true } });
  const side = questionSide(project.question);
  const rows = await db().$queryRaw<{ pairId: string; aP: number; aSe: number; bP: number; bSe: number }[]>`
    SELECT p.id AS "pairId", ga."pBlackWins" AS "aP", ga."standardError" AS "aSe",
           gb."pBlackWins" AS "bP", gb."standardError" AS "bSe"
    FROM "Pair" p
    JOIN "GroundTruth" ga ON ga."candidateId" = p."candidateAId"
    JOIN "GroundTruth" gb ON gb."candidateId" = p."candidateBId"
    WHERE p."projectId" = ${projectId}
    ORDER BY p.id`;
  return rows.map((row) => {
    const a = { pBlackWins: row.aP, standardError: row.aSe };
    const b = { pBlackWins: row.bP, standardError: row.bSe };
    return { pairId: row.pairId, answer: trueAnswer({ a, b }, side), a, b };
  });
}
