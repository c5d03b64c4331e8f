import { boardFromPosition } from "../../go/candidate";
import { generatePrompts } from "../../go/generate";
import { winProbability } from "../../go/winprob";
import { scoreTexts } from "../eval/score-texts";
import type { Comparison } from "../train/comparison";
import type { RewardModel } from "../train/model";

// Simulated votes about Go boards whose true reward is known, for the Go learning test and bench:
// generated positions (lib/go/generate), each candidate's utility the logit of Black's win
// probability from random playouts, and votes that follow P(A) = σ(u_A − u_B).

export type GoWorld = {
  /** Each prompt's candidate boards as compact position strings. */
  prompts: { id: string; boards: string[] }[];
  /** logit P(Black wins), clamped to [0.01, 0.99] before the logit. */
  utility: Map<string, number>;
};

export function createGoWorld(options: { size: number; prompts: number; seed: number; playouts: number }): GoWorld {
  const generated = generatePrompts({ ...options, candidates: { min: 2, max: 4 } });
  const utility = new Map<string, number>();
  const prompts = generated.map((p) => {
    const boards = p.candidates.map((c) => {
      const position = `${c.position} ${c.toPlay}`;
      const board = boardFromPosition({ position, komi: c.komi });
      const q = Math.min(
        Math.max(winProbability(board, { playouts: options.playouts, seed: 1 }).pBlackWins, 0.01),
        0.99,
      );
      utility.set(position, Math.log(q / (1 - q)));
      return position;
    });
    return { id: p.id, boards };
  });
  return { prompts, utility };
}

/** `perPrompt` votes on random pairs of each prompt in [from, to); the prompt id is the comparison's prompt. */
export function goVotes(world: GoWorld, from: number, to: number, perPrompt: number, random: () => number) {
  const u = (board: string) => world.utility.get(board) as number;
  const comparisons: Comparison[] = [];
  for (const { id, boards } of world.prompts.slice(from, to)) {
    for (let v = 0; v < perPrompt; v++) {
      const a = boards[Math.floor(random() * boards.length)] as string;
      const b = boards.filter((board) => board !== a)[Math.floor(random() * (boards.length - 1))] as string;
      const aWins = random() < 1 / (1 + Math.exp(u(b) - u(a)));
      comparisons.push({ prompt: id, chosen: aWins ? a : b, rejected: aWins ? b : a });
    }
  }
  return comparisons;
}

/**
 * How often the model orders two boards of a prompt in [from, end) like the truth, over pairs
 * whose true utilities differ by at least `minGap` (closer ones are within the playouts' noise).
 */
export function goTruthAccuracy(model: RewardModel, world: GoWorld, from: number, minGap = 0.2) {
  const score = scoreTexts(model, []);
  const u = (board: string) => world.utility.get(board) as number;
  let right = 0;
  let pairs = 0;
  for (const { id, boards } of world.prompts.slice(from)) {
    boards.forEach((a, j) => {
      for (const b of boards.slice(j + 1)) {
        const gap = u(a) - u(b);
        if (Math.abs(gap) < minGap) continue;
        pairs++;
        if (Math.sign(score(id, a) - score(id, b)) === Math.sign(gap)) right++;
      }
    });
  }
  return { accuracy: pairs ? right / pairs : Number.NaN, pairs };
}
