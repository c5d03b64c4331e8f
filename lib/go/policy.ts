import { BLACK, type BoardCore, EMPTY, NO_POINT, WHITE } from "./core";
import { pickRandomMove } from "./playout";
import type { Rng } from "./rng";

/**
 * The playouts of uct/v2: random playouts (the move filter of random-playouts/v1) with the two
 * replies that decide most fights uniformly random play gets wrong, looked for only around the
 * last move, so they stay cheap:
 *
 * 1. capture: the group that just moved has one liberty left: take it;
 * 2. escape: the last move left one of the mover's groups next to it with one liberty: extend at
 *    that liberty when the stone there has at least two empty neighbours (not a self-atari).
 *
 * Otherwise a uniformly random move. Random play lets a group in atari live or die by chance for
 * both sides; with these replies a dead group dies and a savable group is saved, which is what
 * a real game decides. Writes each move's point (NO_POINT for a pass) to `record[offset + i]`.
 */
export function playPolicyGame(
  core: BoardCore,
  rng: Rng,
  moveCap: number,
  record: Int32Array,
  offset: number,
  lastMove: number,
): number {
  let moves = 0;
  let last = lastMove;
  while (core.consecutivePasses < 2 && moves < moveCap) {
    let point = last === NO_POINT ? NO_POINT : replyTo(core, last);
    if (point === NO_POINT) point = pickRandomMove(core, rng);
    // A random self-atari is redrawn (a few times at most): random play throws stones into
    // atari all the time, and the opponent's capture reply would punish every one.
    for (let retry = 0; retry < SELF_ATARI_RETRIES && point !== NO_POINT && isSelfAtari(core, point); retry++) {
      point = pickRandomMove(core, rng);
    }
    if (point === NO_POINT) core.pass();
    else core.play(point, core.toPlay);
    record[offset + moves] = point;
    last = point;
    moves++;
  }
  return moves;
}

/** A capture of the group at `last`, else an escape of a group next to it, else NO_POINT. */
function replyTo(core: BoardCore, last: number): number {
  const colour = core.colour;
  const mover = core.toPlay;
  const enemy = BLACK + WHITE - mover;
  if (colour[last] !== enemy) return NO_POINT;
  const capture = atariLiberty(core, core.groupOf[last] as number);
  if (capture !== NO_POINT && core.isPlayoutCandidate(capture, mover)) return capture;
  const s = core.stride;
  for (let k = 0; k < 4; k++) {
    const n = k === 0 ? last - 1 : k === 1 ? last + 1 : k === 2 ? last - s : last + s;
    if (colour[n] !== mover) continue;
    const exit = atariLiberty(core, core.groupOf[n] as number);
    if (exit === NO_POINT || emptyNeighbours(core, exit) < 2) continue;
    if (core.isPlayoutCandidate(exit, mover)) return exit;
  }
  return NO_POINT;
}

/**
 * The only liberty of the group rooted at `root`, or NO_POINT when it has two or more. More than
 * four pseudo-liberties cannot all be one point (a point has four neighbours), which settles
 * most groups without walking them.
 */
export function atariLiberty(core: BoardCore, root: number): number {
  if ((core.liberties[root] as number) > 4) return NO_POINT;
  const colour = core.colour;
  const next = core.nextInGroup;
  const s = core.stride;
  let liberty = NO_POINT;
  let stone = root;
  do {
    for (let k = 0; k < 4; k++) {
      const n = k === 0 ? stone - 1 : k === 1 ? stone + 1 : k === 2 ? stone - s : stone + s;
      if (colour[n] !== EMPTY || n === liberty) continue;
      if (liberty !== NO_POINT) return NO_POINT;
      liberty = n;
    }
    stone = next[stone] as number;
  } while (stone !== root);
  return liberty;
}

const SELF_ATARI_RETRIES = 3;

/**
 * Whether the mover's stone at `p` would be left with one liberty (its group's, counting the
 * empty points next to p and to the friendly groups it joins) without capturing anything. A
 * single stone is let through: throw-ins and ko captures are single-stone self-ataris that work.
 */
export function isSelfAtari(core: BoardCore, p: number): boolean {
  const counts = core.neighbours[p] as number;
  if ((counts & 0xf) >= 2) return false;
  const colour = core.colour;
  const mover = core.toPlay;
  const s = core.stride;
  let liberty = NO_POINT;
  let joins = false;
  for (let k = 0; k < 4; k++) {
    const n = k === 0 ? p - 1 : k === 1 ? p + 1 : k === 2 ? p - s : p + s;
    const c = colour[n];
    if (c === EMPTY) {
      if (liberty !== NO_POINT && liberty !== n) return false;
      liberty = n;
    } else if (c === mover) {
      joins = true;
    } else if (c !== mover && (c === BLACK || c === WHITE) && atariLiberty(core, core.groupOf[n] as number) === p) {
      return false; // captures
    }
  }
  if (!joins) return false;
  for (let k = 0; k < 4; k++) {
    const n = k === 0 ? p - 1 : k === 1 ? p + 1 : k === 2 ? p - s : p + s;
    if (colour[n] !== mover) continue;
    const root = core.groupOf[n] as number;
    if ((core.liberties[root] as number) > 8) return false;
    let stone = root;
    do {
      for (let j = 0; j < 4; j++) {
        const m = j === 0 ? stone - 1 : j === 1 ? stone + 1 : j === 2 ? stone - s : stone + s;
        if (colour[m] !== EMPTY || m === p || m === liberty) continue;
        if (liberty !== NO_POINT) return false;
        liberty = m;
      }
      stone = core.nextInGroup[stone] as number;
    } while (stone !== root);
  }
  return true;
}

function emptyNeighbours(core: BoardCore, p: number): number {
  return (core.neighbours[p] as number) & 0xf;
}
