import { percentAgreement } from "./coefficients";
import type { Estimate } from "./estimate";
import { medianEstimate } from "./median";
import { type Choice, type Counts, choiceIndex, emptyCounts } from "./votes";
import { wilson } from "./wilson";

// The generator-discriminator gap: what it takes to write a good answer against what it takes to
// pick one, and which wins. Pure: the rows come from lib/stats/gap.ts.

export type GapChoice = Choice;

/** A judgment on a prompt that has a human-written candidate. */
export type GapJudgment = {
  promptId: string;
  pairId: string;
  a: { id: string; human: boolean };
  b: { id: string; human: boolean };
  choice: GapChoice;
  durationMs: number;
};

/** A model-written candidate of such a prompt, with the serving version's reward (null: not scored). */
export type GapCandidate = { id: string; promptId: string; reward: number | null };

export type GapNumbers = {
  writeSeconds: Estimate;
  chooseSeconds: Estimate;
  /** Percent agreement among labelers on these prompts' pairs with 2+ judgments. */
  agreement: Estimate;
  /** Human-written against model candidates, blind: share of decisive judgments the human side won. */
  humanWins: Estimate;
  ties: number;
  /** The model candidate the comparisons (or the reward model) rank best on a prompt, against the human one. */
  comparisonsPickWins: Estimate;
  rewardModelPickWins: Estimate;
};

export function gapNumbers(
  demonstrationMs: readonly number[],
  judgments: readonly GapJudgment[],
  candidates: readonly GapCandidate[],
): GapNumbers {
  const againstHuman = judgments.filter((j) => j.a.human !== j.b.human);
  let humanWon = 0;
  let decisive = 0;
  let ties = 0;
  for (const j of againstHuman) {
    if (j.choice === "TIE") ties++;
    if (j.choice !== "A" && j.choice !== "B") continue;
    decisive++;
    if ((j.choice === "A") === j.a.human) humanWon++;
  }
  const byComparisons = pickByComparisons(judgments.filter((j) => !j.a.human && !j.b.human));
  const byRewardModel = pickByReward(candidates);
  return {
    writeSeconds: medianEstimate(
      demonstrationMs.map((ms) => ms / 1000),
      "demonstrations",
    ),
    chooseSeconds: medianEstimate(
      judgments.map((j) => j.durationMs / 1000),
      "judgments",
    ),
    agreement: gapAgreement(judgments),
    humanWins: wilson(humanWon, decisive, "decisive judgments"),
    ties,
    comparisonsPickWins: pickWins(againstHuman, byComparisons),
    rewardModelPickWins: pickWins(againstHuman, byRewardModel),
  };
}

/** Percent agreement (coefficients.ts) over the pairs of these judgments with 2+ judgments. */
export function gapAgreement(judgments: readonly Pick<GapJudgment, "pairId" | "choice">[]): Estimate {
  const counts = new Map<string, Counts>();
  for (const j of judgments) {
    const pair = counts.get(j.pairId) ?? emptyCounts();
    const i = choiceIndex(j.choice);
    pair[i] = (pair[i] ?? 0) + 1;
    counts.set(j.pairId, pair);
  }
  return percentAgreement([...counts.values()].map((c) => ({ counts: c, pairs: 1 })));
}

/** Per prompt, the model candidate with the best record in model-vs-model judgments (a tie: half a win). */
export function pickByComparisons(judgments: readonly GapJudgment[]): Map<string, string> {
  const record = new Map<string, { promptId: string; points: number; games: number }>();
  const add = (id: string, promptId: string, points: number) => {
    const r = record.get(id) ?? { promptId, points: 0, games: 0 };
    r.points += points;
    r.games++;
    record.set(id, r);
  };
  for (const j of judgments) {
    if (j.choice === "BOTH_BAD") continue;
    const aPoints = j.choice === "A" ? 1 : j.choice === "TIE" ? 0.5 : 0;
    add(j.a.id, j.promptId, aPoints);
    add(j.b.id, j.promptId, 1 - aPoints);
  }
  const best = new Map<string, { id: string; rate: number; games: number }>();
  for (const [id, r] of record) {
    const rate = r.points / r.games;
    const current = best.get(r.promptId);
    if (!current || rate > current.rate || (rate === current.rate && r.games > current.games)) {
      best.set(r.promptId, { id, rate, games: r.games });
    }
  }
  return new Map([...best].map(([promptId, b]) => [promptId, b.id]));
}

/** Per prompt, the scored model candidate with the highest reward. */
export function pickByReward(candidates: readonly GapCandidate[]): Map<string, string> {
  const best = new Map<string, GapCandidate>();
  for (const c of candidates) {
    if (c.reward === null) continue;
    const current = best.get(c.promptId);
    if (!current || c.reward > (current.reward ?? -Infinity)) best.set(c.promptId, c);
  }
  return new Map([...best].map(([promptId, c]) => [promptId, c.id]));
}

/** The picked candidates' share of decisive judgments won against the human-written one. */
function pickWins(againstHuman: readonly GapJudgment[], picks: Map<string, string>): Estimate {
  let won = 0;
  let decisive = 0;
  for (const j of againstHuman) {
    const picked = picks.get(j.promptId);
    const side = j.a.id === picked ? "A" : j.b.id === picked ? "B" : null;
    if (!side || (j.choice !== "A" && j.choice !== "B")) continue;
    decisive++;
    if (j.choice === side) won++;
  }
  return wilson(won, decisive, "decisive judgments");
}
