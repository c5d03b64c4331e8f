import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fromGtp } from "../go/coords";
import type { TruthEstimateResult, TruthEstimatorName } from "../go/estimators";
import { generatePrompts } from "../go/generate";
import { GNUGO_ESTIMATOR } from "../go/gnugo";
import type { BoardState } from "../go/state";
import { wilson } from "../quality/wilson";
import { type TrueAnswer, type TruthEstimate, trueAnswer } from "./answer";
import { truthSeed } from "./config";
import { EstimatePool } from "./threads";

export type CompareOptions = {
  positions: number;
  size: number;
  seed: number;
  estimators: readonly TruthEstimatorName[];
  gnugoLevel?: number;
  threads?: number;
  /**
   * A JSON file of GNU Go results to reuse and extend: GNU Go is the slow referee and does not
   * change when the other estimators do, so repeated comparisons need not replay it. Keyed by
   * board, seed and level.
   */
  gnugoCache?: string;
  /** Called after each estimator has finished, with its seconds of wall-clock time. */
  progress?: (estimator: TruthEstimatorName, seconds: number) => void;
};

export type Agreement = {
  first: TruthEstimatorName;
  second: TruthEstimatorName;
  /**
   * Set when the GNU Go side of the pair is read by its winner only: a pair is decided when its
   * two boards' games have different winners, the margin left out (the issue's "the final score's
   * sign decides"). Otherwise GNU Go's pairs are decided as its stored truth decides them, by score.
   */
  winnerOnly: boolean;
  /** Pairs both estimators decide (neither calls a tie). */
  decided: number;
  agreed: number;
  /** Wilson 95% interval of the agreement rate. */
  low: number;
  high: number;
};

export type Comparison = {
  positions: number;
  pairs: number;
  /** Per estimator: pairs it calls a tie, and seconds of wall-clock time for all positions. */
  estimators: { name: TruthEstimatorName; ties: number; seconds: number }[];
  agreements: Agreement[];
  /** Every estimator's answer to each pair, in one fixed pair order (the same for the same positions and seed). */
  answers: Map<TruthEstimatorName, TrueAnswer[]>;
  /** GNU Go's answers read by winner alone (see Agreement.winnerOnly), when GNU Go was compared. */
  gnugoWinners: TrueAnswer[] | null;
};

/**
 * Generates positions the way the demo does (prompts of 2-4 candidate boards), computes each
 * estimator's truth for every board, and counts how often two estimators give a pair the same
 * true answer among the pairs both decide. Pairs are every two candidates of one prompt, judged
 * for Black (agreement does not depend on the side: asking for White swaps both answers).
 */
export async function compareEstimators(options: CompareOptions): Promise<Comparison> {
  const prompts = generatePrompts({
    size: options.size,
    prompts: Math.ceil(options.positions / 3),
    seed: options.seed,
    candidates: { min: 2, max: 4 },
  });
  const boards: { id: string; prompt: number; state: BoardState }[] = [];
  prompts.forEach((prompt, index) => {
    for (const candidate of prompt.candidates) {
      if (boards.length >= options.positions) return;
      boards.push({
        id: `${prompt.id}/${candidate.id}`,
        prompt: index,
        state: {
          size: options.size,
          komi: candidate.komi,
          toPlay: candidate.toPlay,
          position: candidate.position.split("\n").join("/"),
          lastMove: fromGtp(candidate.lastMove, options.size),
        },
      });
    }
  });
  const pairs: [number, number][] = [];
  for (let i = 0; i < boards.length; i++) {
    for (let j = i + 1; j < boards.length && boards[j]?.prompt === boards[i]?.prompt; j++) pairs.push([i, j]);
  }
  const pool = new EstimatePool(options.threads);
  const answers = new Map<TruthEstimatorName, TrueAnswer[]>();
  const estimators: Comparison["estimators"] = [];
  let winners: TrueAnswer[] | null = null;
  try {
    for (const name of options.estimators) {
      const started = Date.now();
      const cache = name === GNUGO_ESTIMATOR && options.gnugoCache ? readCache(options.gnugoCache) : null;
      const estimates: TruthEstimateResult[] = await Promise.all(
        boards.map(async (board) => {
          const seed = truthSeed(board.id);
          const key = `${options.gnugoLevel ?? 10}|${seed}|${board.state.toPlay}|${board.state.komi}|${board.state.position}`;
          const known = cache?.[key];
          if (known) return known;
          const estimate = await pool.estimate(board.state, name, { seed, gnugoLevel: options.gnugoLevel });
          if (cache && options.gnugoCache) {
            // Written after every game, so an interrupted comparison keeps what it has.
            cache[key] = estimate;
            writeFileSync(options.gnugoCache, `${JSON.stringify(cache)}\n`);
          }
          return estimate;
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      const pairAnswers = pairs.map(([a, b]) =>
        trueAnswer({ a: estimates[a] as TruthEstimateResult, b: estimates[b] as TruthEstimateResult }),
      );
      answers.set(name, pairAnswers);
      if (name === GNUGO_ESTIMATOR) {
        winners = pairs.map(([a, b]) =>
          winnerAnswer({ a: estimates[a] as TruthEstimateResult, b: estimates[b] as TruthEstimateResult }),
        );
      }
      estimators.push({ name, ties: pairAnswers.filter((answer) => answer === "TIE").length, seconds });
      options.progress?.(name, seconds);
    }
  } finally {
    await pool.close();
  }
  const agreements: Agreement[] = [];
  for (let i = 0; i < options.estimators.length; i++) {
    for (let j = i + 1; j < options.estimators.length; j++) {
      const first = options.estimators[i] as TruthEstimatorName;
      const second = options.estimators[j] as TruthEstimatorName;
      const a = answers.get(first) as TrueAnswer[];
      const b = answers.get(second) as TrueAnswer[];
      agreements.push({ first, second, winnerOnly: false, ...agreement(a, b) });
      if (winners && second === GNUGO_ESTIMATOR) {
        agreements.push({ first, second, winnerOnly: true, ...agreement(a, winners) });
      } else if (winners && first === GNUGO_ESTIMATOR) {
        agreements.push({ first, second, winnerOnly: true, ...agreement(winners, b) });
      }
    }
  }
  return { positions: boards.length, pairs: pairs.length, estimators, agreements, answers, gnugoWinners: winners };
}

/** How often two lists of answers to the same pairs agree where neither says TIE, with a Wilson interval. */
export function agreement(
  a: readonly TrueAnswer[],
  b: readonly TrueAnswer[],
): { decided: number; agreed: number; low: number; high: number } {
  let decided = 0;
  let agreed = 0;
  a.forEach((answer, k) => {
    if (answer === "TIE" || b[k] === "TIE") return;
    decided++;
    if (answer === b[k]) agreed++;
  });
  return { decided, agreed, ...wilson(agreed, decided) };
}

/**
 * A pair's answer by the winners alone (Black wins when pBlackWins is above ½): the board Black
 * wins on, or TIE when both boards have the same winner or either is a jigo.
 */
export function winnerAnswer(pair: { a: TruthEstimate; b: TruthEstimate }): TrueAnswer {
  const winner = (p: number) => Math.sign(p - 0.5);
  const a = winner(pair.a.pBlackWins);
  const b = winner(pair.b.pBlackWins);
  if (a === b || a === 0 || b === 0) return "TIE";
  return a > b ? "A" : "B";
}

function readCache(file: string): Record<string, TruthEstimateResult> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, TruthEstimateResult>) : {};
}
