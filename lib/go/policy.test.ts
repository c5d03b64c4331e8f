import { describe, expect, it } from "vitest";
import { NO_POINT } from "./core";
import { atariLiberty, isSelfAtari, playPolicyGame } from "./policy";
import { parsePosition } from "./position";
import { Rng } from "./rng";

// 5x5, rows top first; points as (x, y).
const ATARI = `
  .XO..
  XO...
  .X...
  .....
  .....`;

describe("policy playouts", () => {
  it("finds the one liberty of a group in atari, and none for a group with two", () => {
    const board = parsePosition(ATARI, { toPlay: "B" });
    const core = board.core;
    // White B4 (x 1, y 1) has one liberty: C4 (x 2, y 1). White C5 (x 2, y 0) has two.
    expect(atariLiberty(core, core.groupOf[core.pointAt(1, 1)] as number)).toBe(core.pointAt(2, 1));
    expect(atariLiberty(core, core.groupOf[core.pointAt(2, 0)] as number)).toBe(NO_POINT);
  });

  it("calls a move that leaves its group one liberty a self-atari, unless it captures or stands alone", () => {
    const black = parsePosition(ATARI, { toPlay: "B" }).core;
    // Black A5 joins B5 (whose only liberty is A5) and A4 (liberties A5 and A3): the three stones
    // would have A3 alone.
    expect(isSelfAtari(black, black.pointAt(0, 0))).toBe(true);
    // Black A3 has two empty neighbours of its own.
    expect(isSelfAtari(black, black.pointAt(0, 2))).toBe(false);
    const white = parsePosition(ATARI, { toPlay: "W" }).core;
    // White A5 has no liberty of its own but captures B5 (whose last liberty it is).
    expect(isSelfAtari(white, white.pointAt(0, 0))).toBe(false);
  });

  it("plays the same game from the same seed", () => {
    const board = parsePosition(ATARI, { toPlay: "B" });
    const play = (seed: number) => {
      const core = board.core.clone();
      const record = new Int32Array(200);
      const moves = playPolicyGame(core, new Rng(seed), 75, record, 0, NO_POINT);
      return Array.from(record.subarray(0, moves));
    };
    expect(play(3)).toEqual(play(3));
    expect(play(3)).not.toEqual(play(4));
  });
});
