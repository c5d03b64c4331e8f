import { describe, expect, it } from "vitest";
import { IllegalMove } from "./board";
import { LastMoveError, stateFromPosition, stateFromSgf } from "./candidate";
import { PositionError } from "./position";
import { SgfError } from "./sgf";
import { boardFromState, compactPosition, readBoardState, splitTurn } from "./state";

describe("board candidates", () => {
  it("takes the position after an SGF main line, with komi, side to move and the last move", () => {
    const state = stateFromSgf("(;GM[1]SZ[5]KM[6.5];B[cc];W[bb](;B[dd])(;B[aa]))");
    expect(state).toEqual({
      size: 5,
      komi: 6.5,
      toPlay: "W",
      position: "...../.O.../..X../...X./.....",
      lastMove: { x: 3, y: 3 },
    });
    expect(compactPosition(state)).toBe("...../.O.../..X../...X./..... W");
  });

  it("removes captured stones and keeps a pass as the last move", () => {
    const state = stateFromSgf("(;SZ[5]AB[ba]AW[aa];W[];B[ab])");
    expect(state.position).toBe(".X.../X..../...../...../.....");
    expect(state.lastMove).toEqual({ x: 0, y: 1 });
    expect(stateFromSgf("(;SZ[5];B[cc];W[])").lastMove).toBe("pass");
  });

  it("says where an SGF record breaks: the offset for syntax, the move number for an illegal move", () => {
    expect(() => stateFromSgf("(;SZ[5];B[cc]")).toThrow(SgfError);
    expect(() => stateFromSgf("(;SZ[5];B[cc]")).toThrow(/offset 13/);
    expect(() => stateFromSgf("(;SZ[5];B[cc];W[cc])")).toThrow(IllegalMove);
    expect(() => stateFromSgf("(;SZ[5];B[cc];W[cc])")).toThrow(/^move 2: White cannot play C3/);
    expect(() => stateFromSgf("(;SZ[2]AB[aa][bb]AW[ab][ba])")).toThrow(/no liberty/);
  });

  it("reads a position with the side to move given once, in the string or beside it", () => {
    expect(stateFromPosition({ position: "X./.O W" }).toPlay).toBe("W");
    expect(stateFromPosition({ position: "X./.O", toPlay: "B", komi: 0.5 })).toMatchObject({ toPlay: "B", komi: 0.5 });
    expect(() => stateFromPosition({ position: "X./.O" })).toThrow(/say who moves next/);
    expect(() => stateFromPosition({ position: "X./.O W", toPlay: "B" })).toThrow(/give the side to move once/);
    expect(() => stateFromPosition({ position: "X./.q", toPlay: "B" })).toThrow(PositionError);
  });

  it("checks that the last move holds a stone of the side that moved", () => {
    expect(stateFromPosition({ position: "X./.O", toPlay: "B", lastMove: "B1" }).lastMove).toEqual({ x: 1, y: 1 });
    expect(stateFromPosition({ position: "X./.O", toPlay: "B", lastMove: "pass" }).lastMove).toBe("pass");
    expect(() => stateFromPosition({ position: "X./.O", toPlay: "W", lastMove: "B1" })).toThrow(LastMoveError);
    expect(() => stateFromPosition({ position: "X./.O", toPlay: "W", lastMove: "B1" })).toThrow(
      "B1 holds no black stone",
    );
    expect(() => stateFromPosition({ position: "X./.O", toPlay: "B", lastMove: "Z9" })).toThrow(/not a point/);
  });
});

describe("stored board states", () => {
  it("reads back what was stored and refuses anything else", () => {
    const state = stateFromPosition({ position: "X../.O./... W", lastMove: "A3" });
    expect(readBoardState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(readBoardState(null)).toBeNull();
    expect(readBoardState({ ...state, position: "X../.O." })).toBeNull();
    expect(readBoardState({ ...state, position: "X../.Q./..." })).toBeNull();
    expect(readBoardState({ ...state, toPlay: "black" })).toBeNull();
    expect(readBoardState({ ...state, lastMove: { x: 3, y: 0 } })).toBeNull();
    expect(readBoardState({ ...state, lastMove: "pass" })?.lastMove).toBe("pass");
  });

  it("rebuilds the engine position with side to move and komi", () => {
    const board = boardFromState(stateFromPosition({ position: "X../.O./...", toPlay: "W", komi: 0.5 }));
    expect(board.toPlay).toBe("W");
    expect(board.komi).toBe(0.5);
    expect(board.get(1, 1)).toBe("W");
  });

  it("splits a trailing side to move off a position string", () => {
    expect(splitTurn("X./.O b")).toEqual({ rows: "X./.O", toPlay: "B" });
    expect(splitTurn("X./.O")).toEqual({ rows: "X./.O", toPlay: undefined });
  });
});
