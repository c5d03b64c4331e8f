/** A point on the board: `x` is the column from the left, `y` the row from the top, both 0-based. */
export type Point = { readonly x: number; readonly y: number };

export const PASS = "pass";
export type Pass = typeof PASS;
export type Move = Point | Pass;

export type Colour = "B" | "W";

export const MIN_SIZE = 2;
/** SGF and GTP both run out of letters past 25 lines. */
export const MAX_SIZE = 25;

export function opponent(colour: Colour): Colour {
  return colour === "B" ? "W" : "B";
}

export function isPass(move: Move): move is Pass {
  return move === PASS;
}

export function onBoard(point: Point, size: number): boolean {
  return (
    Number.isInteger(point.x) &&
    Number.isInteger(point.y) &&
    point.x >= 0 &&
    point.y >= 0 &&
    point.x < size &&
    point.y < size
  );
}

export function samePoint(a: Move, b: Move): boolean {
  if (a === PASS || b === PASS) return a === b;
  return a.x === b.x && a.y === b.y;
}

// GTP skips "I" so it cannot be misread as "J" or "1".
const GTP_COLUMNS = "ABCDEFGHJKLMNOPQRSTUVWXYZ";
const SGF_LETTERS = "abcdefghijklmnopqrstuvwxy";

/** "D4" style, rows counted from the bottom as on a printed board. */
export function toGtp(move: Move, size: number): string {
  if (move === PASS) return "pass";
  return `${GTP_COLUMNS[move.x] ?? "?"}${size - move.y}`;
}

export function fromGtp(text: string, size: number): Move {
  const trimmed = text.trim().toUpperCase();
  if (trimmed === "PASS") return PASS;
  const match = /^([A-HJ-Z])(\d{1,2})$/.exec(trimmed);
  const point = match ? { x: GTP_COLUMNS.indexOf(match[1] as string), y: size - Number(match[2]) } : null;
  if (!point || !onBoard(point, size)) {
    throw new RangeError(
      `"${text}" is not a point on a ${size}x${size} board: write a column letter (no I) and a row, like D4`,
    );
  }
  return point;
}

/** Two letters, column then row, "aa" being the top-left corner. */
export function toSgfPoint(point: Point): string {
  return `${SGF_LETTERS[point.x] ?? "?"}${SGF_LETTERS[point.y] ?? "?"}`;
}

export function fromSgfPoint(text: string, size: number): Point {
  const point =
    text.length === 2 ? { x: SGF_LETTERS.indexOf(text[0] as string), y: SGF_LETTERS.indexOf(text[1] as string) } : null;
  if (!point || !onBoard(point, size)) {
    throw new RangeError(
      `"${text}" is not a point on a ${size}x${size} board: SGF points are two letters from "a" to "${SGF_LETTERS[size - 1]}"`,
    );
  }
  return point;
}
