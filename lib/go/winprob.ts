import type { GoBoard } from "./board";
import { BoardCore } from "./core";
import { defaultMoveCap, playRandomGame } from "./playout";
import { Rng } from "./rng";
import { areaDifference } from "./scoring";

/**
 * Names what `winProbability` computes, stored with every ground truth: Black's share of uniformly
 * random playouts (legal moves that do not fill the mover's own single-point eyes, simple ko, at
 * most 3·size² moves), scored by Tromp-Taylor area with komi, ties counted half. Bump the version
 * when any of that changes, so old and new estimates are never mixed up.
 */
export const WIN_PROBABILITY_ESTIMATOR = "random-playouts/v1";

export type WinProbability = {
  /** Share of playouts Black won by Tromp-Taylor score with komi; a tie counts half. */
  pBlackWins: number;
  /** Of `pBlackWins` as an estimate of the playout policy's true win rate. */
  standardError: number;
  playouts: number;
};

export type WinProbabilityOptions = {
  /** 2,500 keeps the standard error at or below 0.01, since p(1-p) <= 1/4. */
  playouts?: number;
  seed?: number;
  /** Moves (passes included) after which a playout is scored as it stands. */
  moveCap?: number;
};

/**
 * Monte Carlo estimate of Black's chance to win from `board` with the side to move as given:
 * uniformly random non-eye-filling playouts (see `playRandomGame`), simple ko only. Counting a
 * tie as half makes the estimate exactly colour-symmetric: swapping the colours, the side to move
 * and the sign of komi turns p into 1 - p. Deterministic for a given seed.
 */
export function winProbability(board: GoBoard, options: WinProbabilityOptions = {}): WinProbability {
  const playouts = options.playouts ?? 2500;
  if (!Number.isInteger(playouts) || playouts < 1) {
    throw new RangeError(`playouts must be a whole number of at least 1, got ${playouts}`);
  }
  const rng = new Rng(options.seed ?? 1);
  const moveCap = options.moveCap ?? defaultMoveCap(board.size);
  const scratch = new BoardCore(board.size, board.komi);
  scratch.trackHash = false;
  let wins = 0;
  let ties = 0;
  for (let i = 0; i < playouts; i++) {
    scratch.copyFrom(board.core);
    playRandomGame(scratch, rng, moveCap);
    const score = areaDifference(scratch) - board.komi;
    if (score > 0) wins++;
    else if (score === 0) ties++;
  }
  const pBlackWins = (wins + ties / 2) / playouts;
  // Outcomes are 0, 1/2 or 1; their sample variance gives the standard error of the mean.
  const meanSquare = (wins + ties / 4) / playouts;
  const variance = playouts > 1 ? ((meanSquare - pBlackWins * pBlackWins) * playouts) / (playouts - 1) : 0;
  return { pBlackWins, standardError: Math.sqrt(Math.max(variance, 0) / playouts), playouts };
}
