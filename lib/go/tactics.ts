import { BLACK, type BoardCore, EMPTY, WHITE } from "./core";

// Reading helpers for the position generator. Not used by playouts, so clarity beats speed here.

/** The number of distinct empty points next to the group that holds the stone at `p`. */
export function realLiberties(core: BoardCore, p: number): number {
  const root = core.groupOf[p] as number;
  const seen = new Set<number>();
  const s = core.stride;
  let stone = root;
  do {
    for (const n of [stone - 1, stone + 1, stone - s, stone + s]) if (core.colour[n] === EMPTY) seen.add(n);
    stone = core.nextInGroup[stone] as number;
  } while (stone !== root);
  return seen.size;
}

export function groupSizeAt(core: BoardCore, p: number): number {
  return core.groupSize[core.groupOf[p] as number] as number;
}

/** Roots of the groups of colour `c` next to `p`, each once. */
export function neighbourGroups(core: BoardCore, p: number, c: number): number[] {
  const s = core.stride;
  const roots: number[] = [];
  for (const n of [p - 1, p + 1, p - s, p + s]) {
    if (core.colour[n] !== c) continue;
    const root = core.groupOf[n] as number;
    if (!roots.includes(root)) roots.push(root);
  }
  return roots;
}

/**
 * For every empty point, who owns its empty region by Tromp-Taylor (BLACK or WHITE when the
 * region touches that colour only, EMPTY otherwise), and the region's size.
 */
export function emptyRegions(core: BoardCore): { owner: Uint8Array; size: Int32Array } {
  const owner = new Uint8Array(core.area);
  const size = new Int32Array(core.area);
  const done = new Uint8Array(core.area);
  const s = core.stride;
  for (let start = 0; start < core.area; start++) {
    if (core.colour[start] !== EMPTY || done[start]) continue;
    const region = [start];
    done[start] = 1;
    let touches = 0;
    for (let i = 0; i < region.length; i++) {
      const p = region[i] as number;
      for (const n of [p - 1, p + 1, p - s, p + s]) {
        const c = core.colour[n];
        if (c === EMPTY && !done[n]) {
          done[n] = 1;
          region.push(n);
        } else if (c === BLACK || c === WHITE) touches |= c;
      }
    }
    const regionOwner = touches === BLACK || touches === WHITE ? touches : EMPTY;
    for (const p of region) {
      owner[p] = regionOwner;
      size[p] = region.length;
    }
  }
  return { owner, size };
}
