import { describe, expect, it } from "vitest";
import { BLACK, BORDER, BoardCore, EMPTY, WHITE } from "./core";
import { playRandomGame } from "./playout";
import { Rng } from "./rng";
import { combineHash, zobristKeys } from "./zobrist";

/**
 * Recomputes from scratch everything the core maintains incrementally and lists the differences.
 * Plain comparisons rather than `expect` per point keep thousands of checks fast.
 */
function inconsistencies(core: BoardCore): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const s = core.stride;
  const keys = zobristKeys(core.area);
  let lo = 0;
  let hi = 0;
  const empties = new Set<number>();
  for (let p = 0; p < core.area; p++) {
    const c = core.colour[p] as number;
    if (c === EMPTY) empties.add(p);
    if (c !== BLACK && c !== WHITE) continue;
    lo ^= keys.lo[c * core.area + p] as number;
    hi ^= keys.hi[c * core.area + p] as number;
    const group = new Set([p]);
    const stack = [p];
    let pseudoLiberties = 0;
    while (stack.length > 0) {
      const q = stack.pop() as number;
      for (const n of [q - 1, q + 1, q - s, q + s]) {
        if (core.colour[n] === EMPTY) pseudoLiberties++;
        else if (core.colour[n] === c && !group.has(n)) {
          group.add(n);
          stack.push(n);
        }
      }
    }
    const root = core.groupOf[p] as number;
    for (const q of group) check(core.groupOf[q] === root, `${q} is not in the group of ${p}`);
    check(core.groupSize[root] === group.size, `group ${root} size ${core.groupSize[root]} != ${group.size}`);
    check(
      core.liberties[root] === pseudoLiberties,
      `group ${root} liberties ${core.liberties[root]} != ${pseudoLiberties}`,
    );
    check(pseudoLiberties > 0, `group ${root} has no liberty`);
    let linked = 0;
    let q = root;
    do {
      check(group.has(q), `${q} is linked into group ${root}`);
      linked++;
      q = core.nextInGroup[q] as number;
    } while (q !== root && linked <= group.size);
    check(linked === group.size, `group ${root} links ${linked} stones, has ${group.size}`);
  }
  check(core.emptyCount === empties.size, `empty count ${core.emptyCount} != ${empties.size}`);
  for (let i = 0; i < core.emptyCount; i++) {
    const p = core.empties[i] as number;
    check(empties.has(p) && core.emptyIndex[p] === i, `empty list entry ${i} (${p}) is wrong`);
  }
  for (let p = 0; p < core.area; p++) {
    if (core.colour[p] === BORDER) continue;
    let counts = 0;
    for (const n of [p - 1, p + 1, p - s, p + s])
      counts += [1, 1 << 4, 1 << 8, 1 << 12][core.colour[n] as number] as number;
    check(core.neighbours[p] === counts, `neighbour counts of ${p} are ${core.neighbours[p]}, not ${counts}`);
  }
  check(core.positionKey() === combineHash(lo, hi), "incremental hash differs from a fresh one");
  return problems;
}

describe("BoardCore", () => {
  it("keeps groups, pseudo-liberties, the empty list, neighbour counts and the hash exact through random games", () => {
    let checks = 0;
    for (const size of [5, 9]) {
      const rng = new Rng(size);
      for (let game = 0; game < 30; game++) {
        const core = new BoardCore(size, 0);
        // Short bursts so the check runs at many points of each game.
        while (core.consecutivePasses < 2) {
          playRandomGame(core, rng, 5);
          const problems = inconsistencies(core);
          if (problems.length > 0) expect.fail(problems.join("\n"));
          checks++;
        }
      }
    }
    expect(checks).toBeGreaterThan(500);
  });

  it("ends a playout only when neither side has a move other than filling its own eyes", () => {
    const rng = new Rng(11);
    for (let game = 0; game < 20; game++) {
      const core = new BoardCore(9, 7.5);
      playRandomGame(core, rng, 1000);
      expect(core.consecutivePasses).toBe(2);
      for (const mover of [BLACK, WHITE]) {
        for (let i = 0; i < core.emptyCount; i++) {
          const p = core.empties[i] as number;
          expect(core.isOwnEye(p, mover) || core.isSuicide(p, mover)).toBe(true);
        }
      }
    }
  });

  it("treats a point with an enemy stone diagonally on the edge as a false eye", () => {
    const core = new BoardCore(5, 0);
    for (const [x, y] of [
      [0, 0],
      [2, 0],
      [1, 1],
    ]) {
      core.placeSetupStone(core.pointAt(x as number, y as number), BLACK);
    }
    expect(core.isOwnEye(core.pointAt(1, 0), BLACK)).toBe(true);
    core.placeSetupStone(core.pointAt(0, 1), WHITE);
    expect(core.isOwnEye(core.pointAt(1, 0), BLACK)).toBe(false);
    expect(core.colour[0]).toBe(BORDER);
  });
});
