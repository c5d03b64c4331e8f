import { describe, expect, it } from "vitest";
import { IllegalMove } from "./board";
import { PASS } from "./coords";
import { type GameRecord, replayGame } from "./game";
import { readSgf, SgfError, writeSgf } from "./sgf";

const EVEN_GAME = String.raw`(;FF[4]GM[1]CA[UTF-8]SZ[9]KM[6.5]PB[Alice]PW[Bob]RE[W+0.5]
C[A friendly game: brackets \] and backslashes \\ are escaped]
;B[ee]C[Tengen]
;W[cc]
(;B[gc];W[cg];B[gg]C[main line continues];W[];B[tt])
(;B[cg]C[a variation that is not taken];W[gc]))`;

const HANDICAP_GAME = String.raw`(;GM[1]FF[4]SZ[19]KM[0.5]HA[4]PL[W]
AB[dd][pd][dp][pp]
C[Four stones.
A soft line break joins one\
word]
(;W[qf];B[qh];W[qc];B[pc];W[qd];B[oe];W[re])
(;W[cf];B[ch]))`;

// The root alone would leave Black's six stones without a liberty; AE in the next node frees one.
const SETUP_GAME = `(;FF[4]GM[1]SZ[13]KM[7.5]
  AB[aa:cb] AW[da][db][ac][bc][cc]
  ;AE[aa]C[a setup node before play]
  ;W[aa]BL[30];B[dc];W[];B[ab])`;

describe("readSgf", () => {
  it("reads the main line with passes, skipping comments and the other variation", () => {
    const game = readSgf(EVEN_GAME);
    expect(game.size).toBe(9);
    expect(game.komi).toBe(6.5);
    expect(game.setup).toEqual({ black: [], white: [] });
    expect(game.toPlay).toBeUndefined();
    expect(game.moves).toEqual([
      { colour: "B", point: { x: 4, y: 4 } },
      { colour: "W", point: { x: 2, y: 2 } },
      { colour: "B", point: { x: 6, y: 2 } },
      { colour: "W", point: { x: 2, y: 6 } },
      { colour: "B", point: { x: 6, y: 6 } },
      { colour: "W", point: PASS },
      { colour: "B", point: PASS },
    ]);
    const board = replayGame(game);
    expect(board.isOver).toBe(true);
    expect(board.moveNumber).toBe(7);
  });

  it("reads handicap setup and who plays first", () => {
    const game = readSgf(HANDICAP_GAME);
    expect(game.size).toBe(19);
    expect(game.komi).toBe(0.5);
    expect(game.toPlay).toBe("W");
    expect(game.setup.black).toEqual([
      { x: 3, y: 3 },
      { x: 15, y: 3 },
      { x: 3, y: 15 },
      { x: 15, y: 15 },
    ]);
    expect(game.moves).toHaveLength(7);
    expect(game.moves[0]).toEqual({ colour: "W", point: { x: 16, y: 5 } });
    expect(game.moves[6]).toEqual({ colour: "W", point: { x: 17, y: 4 } });
    expect(replayGame(game).toPlay).toBe("B");
  });

  it("expands compressed point lists and applies AE before the first move", () => {
    const game = readSgf(SETUP_GAME);
    expect(game.setup.black).toEqual([
      { x: 1, y: 0 },
      { x: 2, y: 0 },
      { x: 0, y: 1 },
      { x: 1, y: 1 },
      { x: 2, y: 1 },
    ]);
    expect(game.setup.white).toHaveLength(5);
    const board = replayGame(game);
    expect(board.captures).toEqual({ B: 0, W: 5 });
    expect(board.get(0, 0)).toBe("W");
    expect(board.get(1, 0)).toBeNull();
    expect(board.get(0, 1)).toBe("B");
  });

  it("skips a byte-order mark and ignores a second game in the collection", () => {
    const game = readSgf("\uFEFF(;SZ[5];B[cc])(;SZ[7];W[aa])");
    expect(game.size).toBe(5);
    expect(game.moves).toEqual([{ colour: "B", point: { x: 2, y: 2 } }]);
  });

  it("gives back the same game after writing and reading again", () => {
    for (const text of [EVEN_GAME, HANDICAP_GAME, SETUP_GAME]) {
      const game = readSgf(text);
      expect(readSgf(writeSgf(game))).toEqual(game);
    }
  });
});

describe("writeSgf", () => {
  it("writes FF[4] with setup, side to move and empty-value passes", () => {
    const game: GameRecord = {
      size: 9,
      komi: 7.5,
      setup: { black: [{ x: 2, y: 2 }], white: [] },
      toPlay: "W",
      moves: [
        { colour: "W", point: { x: 4, y: 4 } },
        { colour: "B", point: PASS },
      ],
    };
    expect(writeSgf(game)).toBe("(;FF[4]GM[1]CA[UTF-8]SZ[9]KM[7.5]PL[W]AB[cc]\n;W[ee];B[])\n");
  });
});

describe("SGF errors", () => {
  const errorOf = (text: string): SgfError => {
    try {
      readSgf(text);
    } catch (error) {
      if (error instanceof SgfError) return error;
      throw error;
    }
    throw new Error("expected an SgfError");
  };

  it("names the offset of an unterminated value and where it opened", () => {
    const error = errorOf("(;SZ[9];B[ee");
    expect(error.offset).toBe(12);
    expect(error.message).toContain("offset 12 (line 1, column 13)");
    expect(error.message).toContain("expected ']' to close the value of B opened at offset 9");
  });

  it("counts lines and columns for a property without a value", () => {
    const error = errorOf("(;SZ[9]\n;B[ee]X;W[cc])");
    expect([error.offset, error.line, error.column]).toEqual([15, 2, 8]);
    expect(error.message).toContain("expected '[' to start a value of property X");
  });

  it("reports stray characters, a missing '(' and a missing ')'", () => {
    expect(errorOf("(;SZ[9];B[ee]x)").offset).toBe(13);
    expect(errorOf("hello").message).toContain("offset 0 (line 1, column 1): expected '('");
    const unclosed = errorOf("(;SZ[9];B[ee]");
    expect(unclosed.offset).toBe(13);
    expect(unclosed.message).toContain("close the game tree opened at offset 0");
  });

  it("reports values that do not fit the game at the value's offset", () => {
    expect(errorOf("(;SZ[9];B[jj])").offset).toBe(10);
    expect(errorOf("(;SZ[9];B[jj])").message).toContain("not a point on a 9x9 board");
    expect(errorOf("(;SZ[30])").message).toContain("SZ[30] is not a supported board size");
    expect(errorOf("(;KM[six])").offset).toBe(5);
    expect(errorOf("(;GM[2])").message).toContain("not a Go record");
  });

  it("numbers the illegal move when replaying a record", () => {
    const game = readSgf("(;SZ[9];B[ee];W[dd];B[dd])");
    expect(() => replayGame(game)).toThrow(IllegalMove);
    try {
      replayGame(game);
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalMove);
      expect((error as IllegalMove).moveNumber).toBe(3);
      expect((error as IllegalMove).reason).toBe("occupied");
      expect((error as IllegalMove).message).toMatch(/^move 3: Black cannot play D6/);
    }
  });
});
