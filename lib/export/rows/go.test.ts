import { describe, expect, it } from "vitest";
import { readSgf, stateFromSgf } from "../../go";
import { goColumns } from "./go";

describe("Go candidates in exports", () => {
  const board = {
    size: 5,
    komi: 6.5,
    toPlay: "W",
    position: "X..../.O.../..X../...../....O",
    lastMove: { x: 2, y: 2 },
  };

  it("writes SGF that reads back to the same stones, side to move and komi, and the compact position", () => {
    const { sgf, position } = goColumns(board);
    expect(position).toBe("X..../.O.../..X../...../....O W");
    const record = readSgf(sgf as string);
    expect(record).toMatchObject({ size: 5, komi: 6.5, toPlay: "W", moves: [] });
    expect(record.setup.black).toEqual([
      { x: 0, y: 0 },
      { x: 2, y: 2 },
    ]);
    expect(record.setup.white).toEqual([
      { x: 1, y: 1 },
      { x: 4, y: 4 },
    ]);
    expect(stateFromSgf(sgf as string)).toMatchObject({ position: board.position, toPlay: "W", komi: 6.5 });
  });

  it("leaves both empty for a value that is not a board", () => {
    expect(goColumns(null)).toEqual({ sgf: null, position: null });
    expect(goColumns({ size: 5, position: "bad" })).toEqual({ sgf: null, position: null });
  });
});
