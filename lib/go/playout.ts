import type { BoardCore } from "./core";
import { NO_POINT } from "./core";
import type { Rng } from "./rng";

/**
 * Plays uniformly random moves until two consecutive passes or `moveCap` moves (passes count).
 * A move is a candidate when it is legal under simple ko and does not fill one of the mover's own
 * eyes (see `BoardCore.isOwnEye`); with no candidate the mover passes. Returns the moves played.
 *
 * Sampling draws from the empty-point list and swaps each rejected point to the end of the part
 * still in play, so every candidate is equally likely and each point is examined at most once
 * per turn. Swapping only reorders the list, which is an unordered set anyway.
 */
export function playRandomGame(core: BoardCore, rng: Rng, moveCap: number): number {
  let moves = 0;
  while (core.consecutivePasses < 2 && moves < moveCap) {
    const point = pickRandomMove(core, rng);
    if (point === NO_POINT) core.pass();
    else core.play(point, core.toPlay);
    moves++;
  }
  return moves;
}

/**
 * `playRandomGame` that also writes each move's point (NO_POINT for a pass) to
 * `record[offset + i]`: the same games from the same seed, for searches that learn from the moves.
 */
export function playRecordedGame(
  core: BoardCore,
  rng: Rng,
  moveCap: number,
  record: Int32Array,
  offset: number,
): number {
  let moves = 0;
  while (core.consecutivePasses < 2 && moves < moveCap) {
    const point = pickRandomMove(core, rng);
    if (point === NO_POINT) core.pass();
    else core.play(point, core.toPlay);
    record[offset + moves] = point;
    moves++;
  }
  return moves;
}

export function pickRandomMove(core: BoardCore, rng: Rng): number {
  const empties = core.empties;
  const emptyIndex = core.emptyIndex;
  const neighbours = core.neighbours;
  const mover = core.toPlay;
  let remaining = core.emptyCount;
  while (remaining > 0) {
    const i = rng.below(remaining);
    const p = empties[i] as number;
    // An empty neighbour settles most points (see isPlayoutCandidate); test it here, before a call.
    if (((neighbours[p] as number) & 0xf) !== 0 || core.isPlayoutCandidate(p, mover)) return p;
    remaining--;
    const last = empties[remaining] as number;
    empties[i] = last;
    emptyIndex[last] = i;
    empties[remaining] = p;
    emptyIndex[p] = remaining;
  }
  return NO_POINT;
}

export function defaultMoveCap(size: number): number {
  return 3 * size * size;
}
