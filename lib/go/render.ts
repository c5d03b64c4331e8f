import { type Colour, PASS, type Point, toGtp } from "./coords";
import { type BoardState, lastMover } from "./state";

// Rendering data only (no engine), so the compare screen's bundle stays small.

export type Stone = Point & { colour: Colour };

/** Every stone of a state, row by row. */
export function stonesOf(state: Pick<BoardState, "position">): Stone[] {
  const stones: Stone[] = [];
  state.position.split("/").forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] === "X") stones.push({ x, y, colour: "B" });
      else if (row[x] === "O") stones.push({ x, y, colour: "W" });
    }
  });
  return stones;
}

/** The hoshi of the usual diagrams: 4-4 (3-3 below 13x13) corners, centre on odd sizes, sides from 15x15. */
export function starPoints(size: number): Point[] {
  if (size < 7) return size === 5 ? [{ x: 2, y: 2 }] : [];
  const edge = size >= 13 ? 3 : 2;
  const far = size - 1 - edge;
  const mid = (size - 1) / 2;
  const lines = size % 2 === 1 && size >= 15 ? [edge, mid, far] : [edge, far];
  const points = lines.flatMap((y) => lines.map((x) => ({ x, y })));
  if (size % 2 === 1 && size < 15) points.push({ x: mid, y: mid });
  return points;
}

const NAME: Record<Colour, string> = { B: "Black", W: "White" };

/**
 * The text alternative of a board: size, side to move, stone counts, the last move, then each
 * colour's stones by coordinate, so a screen reader user can rebuild the position.
 */
export function describeBoard(state: BoardState): string {
  const stones = stonesOf(state);
  const black = stones.filter((s) => s.colour === "B");
  const white = stones.filter((s) => s.colour === "W");
  const list = (group: Stone[]) => (group.length === 0 ? "none" : group.map((s) => toGtp(s, state.size)).join(", "));
  const last =
    state.lastMove === null
      ? "No last move."
      : state.lastMove === PASS
        ? `Last move: ${NAME[lastMover(state)]} passed.`
        : `Last move: ${NAME[lastMover(state)]} at ${toGtp(state.lastMove, state.size)}.`;
  return [
    `${state.size} by ${state.size} Go board, ${NAME[state.toPlay]} to play, komi ${state.komi}.`,
    `${black.length} black ${black.length === 1 ? "stone" : "stones"}, ${white.length} white ${white.length === 1 ? "stone" : "stones"}.`,
    last,
    `Black: ${list(black)}.`,
    `White: ${list(white)}.`,
  ].join(" ");
}

/** Column letters as printed on boards (no I). */
export function columnLabel(x: number): string {
  return "ABCDEFGHJKLMNOPQRSTUVWXYZ"[x] ?? "?";
}

/** Rows are numbered from the bottom, as on printed boards and in GTP. */
export function rowLabel(y: number, size: number): string {
  return String(size - y);
}

/**
 * Board geometry in viewBox units: one grid cell is CELL wide. Row numbers sit left of the grid and
 * column letters below it; the footer says who is to play. The SVG scales with its width.
 */
export const CELL = 10;
const LABEL_SIDE = 12;
const PLAIN_SIDE = 6;
const FOOTER = 13;

export function boardGeometry(size: number) {
  const grid = (size - 1) * CELL;
  const boardWidth = LABEL_SIDE + grid + PLAIN_SIDE;
  return {
    grid,
    width: boardWidth,
    /** Height of the wooden board; the footer is below it. */
    boardHeight: boardWidth,
    height: boardWidth + FOOTER,
    /** Grid line i (column or row) in viewBox units. */
    x: (i: number) => LABEL_SIDE + i * CELL,
    y: (i: number) => PLAIN_SIDE + i * CELL,
    /** Centre of the row labels (left) and of the column labels (below). */
    rowLabelX: LABEL_SIDE / 2 - 0.5,
    columnLabelY: PLAIN_SIDE + grid + LABEL_SIDE / 2 + 0.5,
    footerY: boardWidth + FOOTER / 2,
  };
}
