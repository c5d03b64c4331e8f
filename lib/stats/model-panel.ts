import { type Estimate, notEnough } from "../agreement/estimate";
import {
  accuracyAgainstMajority,
  type HeldOutPair,
  humanCeilingOnPairs,
  type ReliabilityBin,
  reliabilityBins,
} from "../agreement/held-out";
import { compareAgreements, modelAgainstCeiling } from "../agreement/verdict";
import { wilson } from "../agreement/wilson";
import { db } from "../db";
import { pairTruths } from "../truth/pairs";

export type TruthAgreements = {
  humansVsTruth: Estimate;
  modelVsTruth: Estimate;
  modelVsHumans: Estimate;
  words: string;
};

/** One version against the humans on its held-out pairs; `heldOut` is null when they were not kept. */
export type ModelPanel = {
  version: number;
  heldOut: {
    pairs: number;
    accuracy: Estimate;
    ceiling: Estimate;
    verdict: string;
    reliability: ReliabilityBin[];
    truth: TruthAgreements | null;
  } | null;
};

/**
 * The numbers of the Model page for one version, from the held-out run's gap per pair (stored with
 * the version until it is pruned) and the judgments on those pairs up to the version's snapshot,
 * without excluded labelers — the judgments the held-out run was measured on.
 */
export async function modelPanel(project: { id: string; kind: string }, version: number): Promise<ModelPanel | null> {
  const model = await db().rewardModel.findUnique({
    where: { projectId_version: { projectId: project.id, version } },
    select: { version: true, cutoff: true, heldOutGaps: true, card: true },
  });
  if (!model) return null;
  const gaps = (model.heldOutGaps ?? null) as Record<string, number> | null;
  if (!gaps) return { version, heldOut: null };
  const pairs = await heldOutVotes(project.id, gaps, model.cutoff);
  const tieThreshold = Number((model.card as { training?: { tieThreshold?: number } })?.training?.tieThreshold ?? 0);
  const accuracy = accuracyAgainstMajority(pairs);
  const ceiling = humanCeilingOnPairs(pairs);
  return {
    version,
    heldOut: {
      pairs: pairs.length,
      accuracy,
      ceiling,
      verdict: modelAgainstCeiling(accuracy, ceiling),
      reliability: reliabilityBins(pairs, tieThreshold),
      truth: project.kind === "GO" ? await truthAgreements(project.id, pairs) : null,
    },
  };
}

async function heldOutVotes(projectId: string, gaps: Record<string, number>, cutoff: Date): Promise<HeldOutPair[]> {
  const ids = Object.keys(gaps);
  const rows = await db().$queryRaw<{ pairId: string; votesA: number; votesB: number }[]>`
    SELECT j."pairId", count(*) FILTER (WHERE j.choice = 'A')::int AS "votesA",
           count(*) FILTER (WHERE j.choice = 'B')::int AS "votesB"
    FROM "Judgment" j
    LEFT JOIN "Membership" m ON m."projectId" = j."projectId" AND m."userId" = j."userId"
    WHERE j."projectId" = ${projectId} AND j."pairId" = ANY(${ids}::text[]) AND j."createdAt" <= ${cutoff}
      AND NOT coalesce(m.excluded, false)
    GROUP BY j."pairId"`;
  const votes = new Map(rows.map((r) => [r.pairId, r]));
  return ids.map((pairId) => ({
    pairId,
    gap: gaps[pairId] as number,
    votesA: votes.get(pairId)?.votesA ?? 0,
    votesB: votes.get(pairId)?.votesB ?? 0,
  }));
}

/** Go: the labelers' majority, the model, and the two against each other, on held-out pairs the truth decides. */
async function truthAgreements(projectId: string, pairs: readonly HeldOutPair[]): Promise<TruthAgreements> {
  const truth = new Map((await pairTruths(projectId)).map((t) => [t.pairId, t.answer]));
  let model = 0;
  let decided = 0;
  let humans = 0;
  let withMajority = 0;
  let modelHumans = 0;
  for (const p of pairs) {
    const answer = truth.get(p.pairId);
    if (!answer || answer === "TIE") continue;
    decided++;
    const modelSide = p.gap > 0 ? "A" : p.gap < 0 ? "B" : null;
    model += modelSide === answer ? 1 : modelSide === null ? 0.5 : 0;
    if (p.votesA === p.votesB) continue;
    withMajority++;
    const majority = p.votesA > p.votesB ? "A" : "B";
    if (majority === answer) humans++;
    modelHumans += modelSide === majority ? 1 : modelSide === null ? 0.5 : 0;
  }
  const none = (what: string) => notEnough(0, "pairs", `no held-out pair has ${what} yet`);
  const humansVsTruth = withMajority ? wilson(humans, withMajority) : none("a decided true answer and a majority vote");
  const modelVsTruth = decided ? wilson(model, decided) : none("a decided true answer");
  const modelVsHumans = withMajority
    ? wilson(modelHumans, withMajority)
    : none("a decided true answer and a majority vote");
  return {
    humansVsTruth,
    modelVsTruth,
    modelVsHumans,
    words: compareAgreements(
      { name: "the model", estimate: modelVsTruth },
      { name: "the labelers' majority", estimate: humansVsTruth },
      "the true answer",
    ),
  };
}
