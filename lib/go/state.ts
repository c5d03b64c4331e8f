import type { GoBoard } from "./board";
import { type Colour, MAX_SIZE, MIN_SIZE, type Move, onBoard, PASS, type Point } from "./coords";
import { parsePosition, toPositionString } from "./position";

/**
 * A board candidate as stored (`Candidate.board`) and shown: the stones, who moves next, komi,
 * and the move that led here. The game history before it is not kept, so superko is judged from
 * this position on.
 */
export type BoardState = {
  size: number;
  komi: number;
  toPlay: Colour;
  /** Rows top first, `X` black, `O` white, `.` empty, separated by `/`. */
  position: string;
  /** 0-based from the top-left corner, as `Point`; null when the position was set up. */
  lastMove: Point | typeof PASS | null;
};

export const DEFAULT_KOMI = 7.5;

export function boardStateOf(board: GoBoard): BoardState {
  const last = board.lastMove;
  return {
    size: board.size,
    komi: board.komi,
    toPlay: board.toPlay,
    position: toPositionString(board, "/"),
    lastMove: last === null || last === PASS ? last : { x: last.x, y: last.y },
  };
}

/** The engine position for a stored state (fresh history: superko starts from here). */
export function boardFromState(state: BoardState): GoBoard {
  return parsePosition(state.position, { toPlay: state.toPlay, komi: state.komi });
}

/**
 * The compact position string kept as the candidate's text: the rows and the side to move,
 * `"X.O/.X./O.. W"`. `stateFromPosition` (candidate.ts) reads it back.
 */
export function compactPosition(state: Pick<BoardState, "position" | "toPlay">): string {
  return `${state.position} ${state.toPlay}`;
}

const TRAILING_TURN = /\s([BWbw])\s*$/;

/**
 * Splits an optional trailing side to move (` B` or ` W`) off a position string. Rows hold only
 * X, O and dots, so the letter cannot be mistaken for a point.
 */
export function splitTurn(text: string): { rows: string; toPlay: Colour | undefined } {
  const match = TRAILING_TURN.exec(text);
  if (!match) return { rows: text, toPlay: undefined };
  return { rows: text.slice(0, match.index), toPlay: (match[1] as string).toUpperCase() as Colour };
}

/**
 * A stored `Candidate.board` value, checked; null when it is not a board state (so a damaged row
 * shows as text instead of breaking the screen).
 */
export function readBoardState(value: unknown): BoardState | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const { size, komi, toPlay, position, lastMove } = v;
  if (typeof size !== "number" || !Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) return null;
  if (typeof komi !== "number" || !Number.isFinite(komi)) return null;
  if (toPlay !== "B" && toPlay !== "W") return null;
  if (typeof position !== "string") return null;
  const rows = position.split("/");
  if (rows.length !== size || rows.some((row) => !new RegExp(`^[XO.]{${size}}$`).test(row))) return null;
  let move: BoardState["lastMove"] = null;
  if (lastMove === PASS) move = PASS;
  else if (lastMove !== null && lastMove !== undefined) {
    const point = lastMove as Partial<Point>;
    if (typeof point.x !== "number" || typeof point.y !== "number" || !onBoard(point as Point, size)) return null;
    move = { x: point.x, y: point.y };
  }
  return { size, komi, toPlay, position, lastMove: move };
}

/** Who played `lastMove`: the side that is not to move now. */
export function lastMover(state: Pick<BoardState, "toPlay">): Colour {
  return state.toPlay === "B" ? "W" : "B";
}

export function isPoint(move: Move | null): move is Point {
  return move !== null && move !== PASS;
}
