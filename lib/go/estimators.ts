import type { TruthEstimatorName } from "./estimator-names";
import { GNUGO_ESTIMATOR, gnugoSelfPlay } from "./gnugo";
import type { BoardState } from "./state";
import { boardFromState } from "./state";
import { UCT_ESTIMATOR, uctWinProbability } from "./uct";
import { WIN_PROBABILITY_ESTIMATOR, winProbability } from "./winprob";

export { DEFAULT_TRUTH_ESTIMATOR, TRUTH_ESTIMATORS, type TruthEstimatorName } from "./estimator-names";

// Each estimator's module names what it computes; the list of names is kept apart so that forms
// can read it without the engines. This fails to compile when the two drift apart.
const COMPUTED: Record<TruthEstimatorName, true> = {
  [WIN_PROBABILITY_ESTIMATOR]: true,
  [UCT_ESTIMATOR]: true,
  [GNUGO_ESTIMATOR]: true,
};
void COMPUTED;

export type TruthEstimateResult = {
  pBlackWins: number;
  standardError: number;
  /** Playouts, simulations, or games played out by the engine. */
  playouts: number;
};

export type EstimateOptions = {
  seed: number;
  /** random-playouts/v1: playouts (default 2,500). Ignored by the others, which use their defaults. */
  playouts?: number;
  /** gnugo/v1: GNU Go's level (default 10). */
  gnugoLevel?: number;
};

/** Points of final score that move gnugo/v1's value from ½ to about 0.73 (a logistic scale). */
export const GNUGO_SCORE_SCALE = 5;

/**
 * GNU Go's final score as a number on the win-probability scale: the sign decides the winner
 * (above ½ exactly when Black wins), the margin orders two boards with the same winner, which
 * the sign alone would call a tie in almost every pair (both moves of one position rarely flip
 * the result).
 */
export function scoreToWinProbability(score: number): number {
  return 1 / (1 + Math.exp(-score / GNUGO_SCORE_SCALE));
}

/**
 * One candidate's ground truth by the named estimator. gnugo/v1 has no error: one deterministic
 * game per seed, so any two different final scores decide a pair.
 */
export async function estimateTruth(
  state: BoardState,
  estimator: TruthEstimatorName,
  options: EstimateOptions,
): Promise<TruthEstimateResult> {
  if (estimator === GNUGO_ESTIMATOR) {
    const game = await gnugoSelfPlay(state, { seed: options.seed, level: options.gnugoLevel });
    return { pBlackWins: scoreToWinProbability(game.score), standardError: 0, playouts: 1 };
  }
  const board = boardFromState(state);
  if (estimator === UCT_ESTIMATOR) {
    const { pBlackWins, standardError, playouts } = uctWinProbability(board, {
      seed: options.seed,
      lastMove: state.lastMove,
    });
    return { pBlackWins, standardError, playouts };
  }
  return winProbability(board, { seed: options.seed, playouts: options.playouts });
}
