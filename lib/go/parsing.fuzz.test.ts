import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PositionError, parsePosition, toPositionString } from "./position";
import { readSgf, SgfError, writeSgf } from "./sgf";

// Hostile input: whatever text arrives, the readers answer a value or their own error (with a
// place to point at), never another exception.

const RUNS = { numRuns: 500 };

/** Text close to SGF: its punctuation, property names and coordinates, shuffled. */
const sgfish = fc
  .array(
    fc.constantFrom(
      "(",
      ")",
      ";",
      "[",
      "]",
      "\\",
      "\\]",
      "GM",
      "[1]",
      "SZ",
      "[9]",
      "[19]",
      "[52]",
      "[-3]",
      "KM",
      "[6.5]",
      "[x]",
      "PL",
      "[B]",
      "[Q]",
      "B",
      "W",
      "AB",
      "AW",
      "AE",
      "[aa]",
      "[ss]",
      "[zz]",
      "[]",
      "[tt]",
      "[ab:cd]",
      "C",
      "[é 漢 😀\u0000]",
      " ",
      "\n",
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ maxLength: 300 }), sgfish);

function readsOrRefuses<T>(read: () => T, errorType: new (...args: never[]) => Error): T | undefined {
  try {
    return read();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(errorType);
    expect((error as Error).message.length).toBeGreaterThan(0);
    return undefined;
  }
}

describe("readSgf on hostile text", () => {
  it("returns a record or throws SgfError with a line and column", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          readSgf(text);
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(SgfError);
          const { line, column } = error as SgfError;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(column).toBeGreaterThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it("reads back what it writes, for every record it accepted", () => {
    fc.assert(
      fc.property(sgfish, (text) => {
        const record = readsOrRefuses(() => readSgf(text), SgfError);
        if (record) expect(readSgf(writeSgf(record))).toEqual(record);
      }),
      RUNS,
    );
  });
});

const positionText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .array(fc.constantFrom("X", "O", ".", "x", "o", "/", "\n", " ", "\t", "Z", "😀"), { maxLength: 400 })
    .map((chars) => chars.join("")),
);

/** Square boards of X, O and . of a legal size: mostly readable (some have dead groups). */
const squarePosition = fc
  .integer({ min: 5, max: 19 })
  .chain((size) =>
    fc.array(fc.array(fc.constantFrom("X", "O", ".", ".", "."), { minLength: size, maxLength: size }), {
      minLength: size,
      maxLength: size,
    }),
  )
  .map((rows) => rows.map((row) => row.join("")).join("/"));

describe("parsePosition on hostile text", () => {
  it("returns a board or throws PositionError", () => {
    fc.assert(
      fc.property(positionText, (text) => {
        readsOrRefuses(() => parsePosition(text), PositionError);
      }),
      RUNS,
    );
  });

  it("reads back what it writes, for every square board it accepted", () => {
    fc.assert(
      fc.property(squarePosition, (text) => {
        const board = readsOrRefuses(() => parsePosition(text), PositionError);
        if (board) expect(toPositionString(parsePosition(toPositionString(board)))).toBe(toPositionString(board));
      }),
      RUNS,
    );
  });
});
