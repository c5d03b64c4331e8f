import { describe, expect, it } from "vitest";
import { parsePosition } from "./position";
import { uctWinProbability } from "./uct";
import { winProbability } from "./winprob";

// Hand-built 9x9 positions, Black to play, komi 7.5, where one move decides the game: E5 (x 4,
// y 4), the last liberty of a 12-stone group. Random playouts do not know it: Black and White
// are equally likely to take E5 first, so random-playouts/v1 scores the position as if the fight
// were a coin toss, and calls the winner wrongly.

// White's 12 stones on columns C-D have one liberty, E5. Black captures there and wins
// (45 points to White's 36, komi 7.5); if White connects there instead, Black's top group is in
// atari and White wins. White's right side has eyes, so random play cannot kill it.
const CAPTURE = `
  ..XXXO.O.
  .XOOXOOOO
  .XOOXO.O.
  .XOOXOOOO
  .XOO.O.O.
  .XOOXOOOO
  .XOOXO.O.
  .XXXXOOOO
  ....XO.O.`;

// The same shape with the colours swapped: Black's 12 stones have one liberty, E5, where they
// connect to Black's wall (and put White's top group in atari); anywhere else White captures them.
const SAVE = `
  ..OOOX...
  .OXXOX...
  .OXXOX...
  .OXXOX...
  .OXX.X...
  .OXXOX...
  .OXXOX...
  .OOOOX...
  ....OX...`;

const E5 = { x: 4, y: 4 };

function search(position: string) {
  const board = parsePosition(position, { toPlay: "B", komi: 7.5 });
  const uct = uctWinProbability(board, { seed: 1 });
  return {
    move: { x: board.core.xOf(uct.bestPoint), y: board.core.yOf(uct.bestPoint) },
    uct: uct.pBlackWins,
    random: winProbability(board, { seed: 1 }).pBlackWins,
  };
}

describe("uct/v2 reads the one move that decides the game", () => {
  it("captures the 12 white stones at E5 and calls Black the winner (random-playouts/v1: P(Black) = 0.42, White wins)", () => {
    const found = search(CAPTURE);
    expect(found.move).toEqual(E5);
    expect(found.uct).toBeGreaterThan(0.8);
    expect(found.random).toBeCloseTo(0.42, 2);
  });

  it("saves the 12 black stones at E5 and calls Black the winner (random-playouts/v1: P(Black) = 0.42, White wins)", () => {
    const found = search(SAVE);
    expect(found.move).toEqual(E5);
    expect(found.uct).toBeGreaterThan(0.7);
    expect(found.random).toBeCloseTo(0.42, 2);
  });
});
