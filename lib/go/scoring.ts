import { BLACK, type BoardCore, EMPTY, WHITE } from "./core";

// Reused across calls: scoring runs once per playout and must not allocate.
let regionStack = new Int32Array(0);
let visited = new Int32Array(0);
let visitStamp = 0;

/**
 * Tromp-Taylor area, Black minus White, without komi: each stone counts for its colour, each
 * empty region counts for a colour when it borders stones of that colour only.
 */
export function areaDifference(core: BoardCore): number {
  const colour = core.colour;
  const s = core.stride;
  if (visited.length < core.area) {
    visited = new Int32Array(core.area);
    regionStack = new Int32Array(core.area);
    visitStamp = 0;
  }
  visitStamp++;
  let difference = 0;
  for (let p = s + 1; p < core.area - s - 1; p++) {
    const c = colour[p];
    if (c === BLACK) difference++;
    else if (c === WHITE) difference--;
    else if (c === EMPTY && visited[p] !== visitStamp) {
      const region = floodRegion(core, p);
      // The low bits say which colours the region touches; the rest is its size.
      const touches = region & 3;
      if (touches === BLACK) difference += region >> 2;
      else if (touches === WHITE) difference -= region >> 2;
    }
  }
  return difference;
}

function floodRegion(core: BoardCore, start: number): number {
  const colour = core.colour;
  const s = core.stride;
  let top = 0;
  let size = 0;
  let touches = 0;
  regionStack[top++] = start;
  visited[start] = visitStamp;
  while (top > 0) {
    const p = regionStack[--top] as number;
    size++;
    for (let i = 0; i < 4; i++) {
      const n = i === 0 ? p - 1 : i === 1 ? p + 1 : i === 2 ? p - s : p + s;
      const c = colour[n];
      if (c === EMPTY) {
        if (visited[n] !== visitStamp) {
          visited[n] = visitStamp;
          regionStack[top++] = n;
        }
      } else if (c === BLACK || c === WHITE) {
        touches |= c;
      }
    }
  }
  return (size << 2) | touches;
}
