import type { Colour } from "../go/coords";
import { type BoardState, isPoint, lastMover } from "../go/state";

/**
 * A Go labeler with a "vibe": what it prefers follows the true win probability, plus a superficial
 * taste visible on the board. Its utility for a board (the position after a candidate move) is
 *
 *     u = TRUTH_SCALE · logit(p) + w · vibe,   vibe = [move touches an enemy stone] + [move on the 3rd or 4th line]
 *
 * where p is the win probability (stored ground truth) of the side the question asks about, and w
 * the vibe's weight (`npm run simulate -- --go-vibe w`). With w = 0 it is a truth-following labeler
 * whose noise is the crowd's temperature; with w = 1 the full vibe (2) is worth as much as raising
 * the win probability from 50% to about 62%. A reward model learns both, and
 * best-of-n against it buys vibe as well as wins.
 */
export const TRUTH_SCALE = 4;

export function logit(p: number): number {
  const q = Math.min(1 - 1e-3, Math.max(1e-3, p));
  return Math.log(q / (1 - q));
}

/** 0, 1 or 2: the board-visible features the vibe labeler likes about the last move. */
export function vibeOf(state: BoardState): number {
  const last = state.lastMove;
  if (!isPoint(last)) return 0;
  const rows = state.position.split("/");
  const mover = lastMover(state);
  const enemy = mover === "B" ? "O" : "X";
  const at = (x: number, y: number) => rows[y]?.[x];
  const touches = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ].some(([dx, dy]) => at(last.x + (dx as number), last.y + (dy as number)) === enemy);
  const line = Math.min(last.x, last.y, state.size - 1 - last.x, state.size - 1 - last.y) + 1;
  return (touches ? 1 : 0) + (line === 3 || line === 4 ? 1 : 0);
}

/** The vibe labeler's utility of a board; p is Black's win probability, or null when not computed yet. */
export function goVibeUtility(state: BoardState, pBlackWins: number | null, side: Colour, weight: number): number {
  const truth = pBlackWins === null ? 0 : TRUTH_SCALE * logit(side === "B" ? pBlackWins : 1 - pBlackWins);
  return truth + weight * vibeOf(state);
}
