import { classifyMoves } from "../go/generate";
import { parsePosition } from "../go/position";
import { type BoardState, boardStateOf } from "../go/state";
import { mulberry32 } from "../random";

/**
 * The unoptimized policy of the Goodhart curve: the generator's stochastic move policy (every
 * legal move weighted by its kind, lib/go/generate.ts), sampled m times with replacement, so
 * a strong move can come up twice, as it would for a policy sampled m times. Deterministic for a seed.
 */
export type PolicySample = { move: string; after: BoardState };

export function samplePolicyMoves(
  before: Pick<BoardState, "position" | "toPlay" | "komi">,
  m: number,
  seed: number,
): PolicySample[] {
  const board = parsePosition(before.position, { toPlay: before.toPlay, komi: before.komi });
  const moves = classifyMoves(board).filter((move) => move.weight > 0);
  if (moves.length === 0) return [];
  const total = moves.reduce((sum, move) => sum + move.weight, 0);
  const random = mulberry32(seed);
  const out: PolicySample[] = [];
  for (let i = 0; i < m; i++) {
    let target = random() * total;
    let chosen = moves[moves.length - 1] as (typeof moves)[number];
    for (const move of moves) {
      target -= move.weight;
      if (target < 0) {
        chosen = move;
        break;
      }
    }
    const after = boardStateOf(board.clone().play(chosen.point));
    out.push({ move: `${chosen.point.x},${chosen.point.y}`, after });
  }
  return out;
}
