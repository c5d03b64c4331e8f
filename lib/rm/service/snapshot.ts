import { db } from "../../db";
import type { Prisma, ProjectKind } from "../../generated/prisma/client";
import { pairTruths } from "../../truth";
import type { JudgedComparison, KnownPair, VersionData } from "../eval/train-and-evaluate";

// The training data of a project as the reward model sees it, read in one consistent snapshot.
//
// - A and B judgments are comparisons; TIE judgments are ties (the trainer models them with
//   Rao–Kupper); BOTH_BAD says nothing about which one is better and is left out.
// - The labeler's strength (1..3) travels with the comparison (the trainer uses it as a margin).
// - Judgments of labelers a lead excluded are left out.
// - Gold pairs are left out of training: every labeler sees each of them once, so they would
//   outweigh ordinary pairs many times over, and they are better used as a clean check: the
//   model's accuracy on their known answers is a metric of every version.

export type ProjectCandidate = { id: string; prompt: string; text: string };

export type TrainingSnapshot = VersionData & {
  /** Judgments created up to this moment (database clock) are in the snapshot. */
  cutoff: Date;
  /** All of the project's judgments up to the cut-off, before anything was left out. */
  judgmentCount: number;
  left: { bothBad: number; excludedLabelers: number; goldPairs: number };
  /** Every candidate of the project, to be scored by the new version. */
  candidates: ProjectCandidate[];
};

type JudgmentRow = {
  choice: "A" | "B" | "TIE" | "BOTH_BAD";
  strength: number | null;
  pairId: string;
  promptId: string;
  a: string;
  b: string;
  gold: boolean;
  excluded: boolean;
};

type PairRow = { id: string; promptId: string; a: string; b: string; answer: "A" | "B" | null };

export async function loadTrainingSnapshot(project: { id: string; kind: ProjectKind }): Promise<TrainingSnapshot> {
  // Repeatable read: the cut-off, the count and every row come from the same moment.
  return db().$transaction(
    async (tx) => {
      const [{ cutoff } = { cutoff: new Date() }] = await tx.$queryRaw<{ cutoff: Date }[]>`SELECT now() AS cutoff`;
      const [{ count } = { count: 0 }] = await tx.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM "Judgment" WHERE "projectId" = ${project.id} AND "createdAt" <= ${cutoff}`;
      const judgments = await tx.$queryRaw<JudgmentRow[]>`
        SELECT j.choice::text AS choice, j.strength, p.id AS "pairId", p."promptId",
               p."candidateAId" AS a, p."candidateBId" AS b, p."isGold" AS gold,
               coalesce(m.excluded, false) AS excluded
        FROM "Judgment" j
        JOIN "Pair" p ON p.id = j."pairId"
        LEFT JOIN "Membership" m ON m."projectId" = j."projectId" AND m."userId" = j."userId"
        WHERE j."projectId" = ${project.id} AND j."createdAt" <= ${cutoff}
        ORDER BY j."createdAt", j.id`;
      const prompts = await tx.$queryRaw<{ id: string; text: string }[]>`
        SELECT id, text FROM "Prompt" WHERE "projectId" = ${project.id}`;
      const candidates = await tx.$queryRaw<{ id: string; promptId: string; text: string }[]>`
        SELECT c.id, c."promptId", c.text FROM "Candidate" c JOIN "Prompt" pr ON pr.id = c."promptId"
        WHERE pr."projectId" = ${project.id} ORDER BY c.id`;
      const gold = await tx.$queryRaw<PairRow[]>`
        SELECT id, "promptId", "candidateAId" AS a, "candidateBId" AS b, "goldAnswer"::text AS answer
        FROM "Pair" WHERE "projectId" = ${project.id} AND "isGold" AND "goldAnswer" IN ('A', 'B')`;
      const pairs = project.kind === "GO" ? await goPairs(tx, project.id) : [];

      const promptText = new Map(prompts.map((p) => [p.id, p.text]));
      const candidateText = new Map(candidates.map((c) => [c.id, c.text]));
      const text = (id: string) => candidateText.get(id) ?? "";
      const promptOf = (id: string) => promptText.get(id) ?? "";
      const left = { bothBad: 0, excludedLabelers: 0, goldPairs: 0 };
      const comparisons: JudgedComparison[] = [];
      for (const j of judgments) {
        if (j.gold) left.goldPairs++;
        else if (j.excluded) left.excludedLabelers++;
        else if (j.choice === "BOTH_BAD") left.bothBad++;
        else comparisons.push(toComparison(j, promptOf(j.promptId), text));
      }
      const known = (rows: PairRow[]): KnownPair[] =>
        rows.flatMap((p) => {
          if (!p.answer) return [];
          const [better, worse] = p.answer === "A" ? [p.a, p.b] : [p.b, p.a];
          return [{ pairId: p.id, prompt: promptOf(p.promptId), better: text(better), worse: text(worse) }];
        });
      return {
        cutoff,
        judgmentCount: count,
        left,
        comparisons,
        gold: known(gold),
        truth: known(pairs),
        candidates: candidates.map((c) => ({ id: c.id, prompt: promptOf(c.promptId), text: c.text })),
      };
    },
    { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 10_000 },
  );
}

function toComparison(j: JudgmentRow, prompt: string, text: (id: string) => string): JudgedComparison {
  const a = text(j.a);
  const b = text(j.b);
  const strength = j.strength !== null && j.strength >= 1 && j.strength <= 3 ? j.strength : undefined;
  if (j.choice === "TIE") return { prompt, chosen: a, rejected: b, tie: true, pairId: j.pairId, aWins: null };
  const aWins = j.choice === "A";
  return {
    prompt,
    chosen: aWins ? a : b,
    rejected: aWins ? b : a,
    ...(strength === undefined ? {} : { strength }),
    pairId: j.pairId,
    aWins,
  };
}

/** GO: the project's pairs with their true answer where it is decided (see lib/truth), else null. */
async function goPairs(tx: Prisma.TransactionClient, projectId: string): Promise<PairRow[]> {
  const truths = new Map((await pairTruths(projectId)).map((t) => [t.pairId, t.answer]));
  const pairs = await tx.$queryRaw<PairRow[]>`
    SELECT id, "promptId", "candidateAId" AS a, "candidateBId" AS b, NULL AS answer
    FROM "Pair" WHERE "projectId" = ${projectId}`;
  return pairs.map((p) => {
    const answer = truths.get(p.id);
    return { ...p, answer: answer === "A" || answer === "B" ? answer : null };
  });
}
