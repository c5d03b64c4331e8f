import { describe, expect, it } from "vitest";
import { fromGtp, fromSgfPoint, toGtp, toSgfPoint } from "./coords";
import { PositionError, parsePosition, toPositionString } from "./position";

describe("position strings", () => {
  it("reads rows split by '/' with spaces, and writes them back", () => {
    const board = parsePosition(" X . O / . X . / O . . ", { toPlay: "W", komi: 0 });
    expect(board.size).toBe(3);
    expect(board.get(0, 0)).toBe("B");
    expect(board.get(2, 0)).toBe("W");
    expect(board.get(0, 2)).toBe("W");
    expect(board.get(1, 1)).toBe("B");
    expect(board.get(1, 0)).toBeNull();
    expect(board.toPlay).toBe("W");
    expect(board.komi).toBe(0);
    expect(toPositionString(board, "/")).toBe("X.O/.X./O..");
  });

  it("names the row whose length does not match the number of rows", () => {
    expect(() => parsePosition("XO.\n...\n..")).toThrow("row 3 has 2 points, expected 3");
  });

  it("names an unknown character with its row and column", () => {
    expect(() => parsePosition("...\n.q.\n...")).toThrow(PositionError);
    expect(() => parsePosition("...\n.q.\n...")).toThrow("unknown character 'q' at row 2, column 2");
  });

  it("refuses a size outside 2..25 and a group without liberties", () => {
    expect(() => parsePosition("X")).toThrow(/2 to 25 rows/);
    expect(() => parsePosition("XO\nO.")).toThrow(/black group at A2 has no liberty.*row 1, column 1/);
  });
});

describe("coordinates", () => {
  it("converts between points, GTP names and SGF letters", () => {
    expect(toGtp({ x: 3, y: 5 }, 9)).toBe("D4");
    expect(toGtp({ x: 8, y: 0 }, 9)).toBe("J9");
    expect(fromGtp("j9", 9)).toEqual({ x: 8, y: 0 });
    expect(fromGtp("pass", 19)).toBe("pass");
    expect(() => fromGtp("I5", 19)).toThrow(/no I/);
    expect(() => fromGtp("K1", 9)).toThrow(/not a point on a 9x9 board/);
    expect(toSgfPoint({ x: 3, y: 15 })).toBe("dp");
    expect(fromSgfPoint("pd", 19)).toEqual({ x: 15, y: 3 });
    expect(() => fromSgfPoint("jj", 9)).toThrow(/from "a" to "i"/);
  });
});
