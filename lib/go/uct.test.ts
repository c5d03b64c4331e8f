import { describe, expect, it } from "vitest";
import { parsePosition } from "./position";
import { uctWinProbability } from "./uct";
import { winProbability } from "./winprob";

// White's 16 stones inside Black's wall have one liberty, at D4 (x 3, y 5), and cannot be saved.
const CAPTURE = `
  OOOOOOOOO
  XXXXXXXOO
  XOOOOOXO.
  XOOOOOXO.
  XOOOOOXOO
  XXX.XOXO.
  XXXXXXXOO
  .......O.
  .......OO`;

describe("uctWinProbability", () => {
  it("is reproducible from the seed, and another seed searches differently", () => {
    const board = parsePosition(CAPTURE, { toPlay: "W", komi: 7.5 });
    const first = uctWinProbability(board, { seed: 7, simulations: 300, searches: 2 });
    expect(uctWinProbability(board, { seed: 7, simulations: 300, searches: 2 })).toEqual(first);
    expect(uctWinProbability(board, { seed: 8, simulations: 300, searches: 2 })).not.toEqual(first);
    expect(first.playouts).toBe(600);
  });

  it("sees the capture as won like random playouts do, and scores a finished game as it stands", () => {
    const board = parsePosition(CAPTURE, { toPlay: "B", komi: 7.5 }).play({ x: 3, y: 5 });
    expect(uctWinProbability(board, { seed: 3, simulations: 300 }).pBlackWins).toBeGreaterThan(0.8);
    expect(winProbability(board, { seed: 3, playouts: 300 }).pBlackWins).toBeGreaterThan(0.8);
    const over = board.clone().play("pass").play("pass");
    expect(uctWinProbability(over)).toMatchObject({ pBlackWins: over.score() > 0 ? 1 : 0, standardError: 0 });
  });

  it("says what is wrong with a bad budget", () => {
    const board = parsePosition(CAPTURE);
    expect(() => uctWinProbability(board, { simulations: 0 })).toThrow(/simulations must be a whole number/);
  });
});
