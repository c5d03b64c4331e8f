import { describe, expect, it } from "vitest";
import { GoBoard } from "./board";
import { opponent, PASS } from "./coords";
import { playRandomGame } from "./playout";
import { parsePosition, toPositionString } from "./position";
import { Rng } from "./rng";
import { winProbability } from "./winprob";

// Black: 48 points of stones and eyes in rows 0-7; White: 24 there plus the bottom-right three.
// Both big groups have many real eyes, so only the six-point strip at the bottom is in play:
// even if White took all of it, Black would lead 48 to 33 before komi.
const BLACK_AHEAD = `
  .X.X.XO.O
  XXXXXXOOO
  .X.X.XO.O
  XXXXXXOOO
  .X.X.XO.O
  XXXXXXOOO
  .X.X.XO.O
  XXXXXXOOO
  ......O.O`;

// A few stones each and undecided: random playouts give Black about 0.6 at komi 0.5.
const OPENING = `
  .........
  .........
  ..X...O..
  .........
  ....X....
  .........
  ..O...X..
  .........
  .........`;

/** Same position with the colours, the side to move and the sign of komi exchanged. */
function swapColours(board: GoBoard): GoBoard {
  const swapped = toPositionString(board).replace(/[XO]/g, (stone) => (stone === "X" ? "O" : "X"));
  return parsePosition(swapped, { toPlay: opponent(board.toPlay), komi: -board.komi });
}

describe("winProbability", () => {
  it("sees a position far ahead for Black as won", () => {
    const estimate = winProbability(parsePosition(BLACK_AHEAD), { playouts: 1000, seed: 3 });
    expect(estimate.pBlackWins).toBeGreaterThan(0.95);
    expect(estimate.playouts).toBe(1000);
  });

  it("gives the complement after swapping colours, side to move and komi", () => {
    const board = parsePosition(OPENING, { komi: 0.5 });
    const original = winProbability(board, { playouts: 2000, seed: 5 });
    const swapped = winProbability(swapColours(board), { playouts: 2000, seed: 6 });
    expect(original.pBlackWins).toBeGreaterThan(0.1);
    expect(original.pBlackWins).toBeLessThan(0.9);
    const combinedError = Math.hypot(original.standardError, swapped.standardError);
    expect(Math.abs(original.pBlackWins + swapped.pBlackWins - 1)).toBeLessThan(4 * combinedError);
  });

  it("mirrors every playout exactly when the seed is shared, as the engine is colour-blind", () => {
    const board = parsePosition(OPENING, { komi: 0, toPlay: "W" });
    const original = winProbability(board, { playouts: 500, seed: 9 });
    const swapped = winProbability(swapColours(board), { playouts: 500, seed: 9 });
    expect(original.pBlackWins + swapped.pBlackWins).toBeCloseTo(1, 12);
  });

  it("is deterministic for a seed", () => {
    const first = winProbability(parsePosition(OPENING, { komi: 0.5 }), { playouts: 300, seed: 42 });
    expect(winProbability(parsePosition(OPENING, { komi: 0.5 }), { playouts: 300, seed: 42 })).toEqual(first);
  });

  it("plays different games for different seeds", () => {
    const finalPosition = (seed: number) => {
      const core = GoBoard.empty(9).core.clone();
      playRandomGame(core, new Rng(seed), 243);
      return core.positionKey();
    };
    expect(finalPosition(1)).toBe(finalPosition(1));
    expect(finalPosition(1)).not.toBe(finalPosition(2));
  });

  it("defaults to enough playouts for a standard error of about 0.01", () => {
    const estimate = winProbability(parsePosition(OPENING, { komi: 0.5 }));
    expect(estimate.playouts).toBe(2500);
    // The largest possible: sqrt(0.25 / 2499).
    expect(estimate.standardError).toBeLessThanOrEqual(Math.sqrt(0.25 / 2499) + 1e-12);
    expect(estimate.standardError).toBeGreaterThan(0.005);
  });

  it("scores a finished game as it stands", () => {
    const board = parsePosition(BLACK_AHEAD).play(PASS).play(PASS);
    expect(winProbability(board, { playouts: 50 })).toEqual({ pBlackWins: 1, standardError: 0, playouts: 50 });
  });
});
