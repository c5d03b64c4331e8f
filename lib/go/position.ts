import { GoBoard, InvalidSetup } from "./board";
import { type Colour, MAX_SIZE, MIN_SIZE, type Point } from "./coords";

/** A position string that cannot be read; rows and columns in the message count from 1. */
export class PositionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PositionError";
  }
}

const STONE: Record<string, Colour | null> = { X: "B", x: "B", O: "W", o: "W", ".": null };

/**
 * Reads rows of `X` (black), `O` (white) and `.` (empty), top row first, separated by newlines or
 * `/`. Spaces are ignored and blank rows skipped, so indented template literals work. The board
 * is square: the number of rows is its size.
 */
export function parsePosition(text: string, options: { toPlay?: Colour; komi?: number } = {}): GoBoard {
  const rows = text
    .split(/[\n/]/)
    .map((row) => row.replace(/\s+/g, ""))
    .filter((row) => row.length > 0);
  const size = rows.length;
  if (size < MIN_SIZE || size > MAX_SIZE) {
    throw new PositionError(
      `a position needs ${MIN_SIZE} to ${MAX_SIZE} rows (one per board line) but this one has ${size}; separate rows with newlines or "/"`,
    );
  }
  const black: Point[] = [];
  const white: Point[] = [];
  rows.forEach((row, y) => {
    const points = [...row];
    if (points.length !== size) {
      throw new PositionError(
        `row ${y + 1} has ${points.length} points, expected ${size} (the position has ${size} rows, so the board is ${size}x${size})`,
      );
    }
    points.forEach((char, x) => {
      const stone = STONE[char];
      if (stone === undefined) {
        throw new PositionError(
          `unknown character '${char}' at row ${y + 1}, column ${x + 1}: use X for black, O for white, . for empty`,
        );
      }
      if (stone === "B") black.push({ x, y });
      if (stone === "W") white.push({ x, y });
    });
  });
  try {
    return GoBoard.fromSetup(size, { black, white }, options);
  } catch (error) {
    if (error instanceof InvalidSetup) {
      throw new PositionError(`${error.message} (row ${error.point.y + 1}, column ${error.point.x + 1})`);
    }
    throw error;
  }
}

/** The stones as `parsePosition` reads them; the side to move and komi are not included. */
export function toPositionString(board: GoBoard, separator: "\n" | "/" = "\n"): string {
  const rows: string[] = [];
  for (let y = 0; y < board.size; y++) {
    let row = "";
    for (let x = 0; x < board.size; x++) {
      const stone = board.get(x, y);
      row += stone === "B" ? "X" : stone === "W" ? "O" : ".";
    }
    rows.push(row);
  }
  return rows.join(separator);
}
