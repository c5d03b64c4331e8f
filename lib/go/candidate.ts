import { type GoBoard, InvalidSetup } from "./board";
import { type Colour, fromGtp, PASS, toGtp } from "./coords";
import { replayGame } from "./game";
import { PositionError, parsePosition } from "./position";
import { readSgf, SgfError } from "./sgf";
import { type BoardState, boardStateOf, DEFAULT_KOMI, lastMover, splitTurn } from "./state";

/**
 * The board after the main line of an SGF record, with its last move. Throws SgfError (with the
 * offset) for text that cannot be read, IllegalMove (with the move number) for a move against the
 * rules, and SgfError for an impossible setup.
 */
export function stateFromSgf(text: string): BoardState {
  const record = readSgf(text);
  try {
    return boardStateOf(replayGame(record));
  } catch (error) {
    if (error instanceof InvalidSetup) throw new SgfError(text, 0, error.message);
    throw error;
  }
}

/** A `lastMove` that does not fit the position it comes with. */
export class LastMoveError extends PositionError {
  constructor(message: string) {
    super(message);
    this.name = "LastMoveError";
  }
}

export type PositionInput = {
  position: string;
  /** Overrides nothing: when the string ends with " B" or " W" too, both must agree. */
  toPlay?: Colour;
  komi?: number;
  /** GTP ("D4") or "pass": the move that led to this position, marked on the board. */
  lastMove?: string;
};

/**
 * The engine position of a compact position string and its side to move (the `lastMove` is not
 * read); throws PositionError saying what to fix.
 */
export function boardFromPosition(input: Omit<PositionInput, "lastMove">): GoBoard {
  const { rows, toPlay: written } = splitTurn(input.position);
  if (written && input.toPlay && written !== input.toPlay) {
    throw new PositionError(
      `the position ends with "${written}" to play but toPlay says "${input.toPlay}"; give the side to move once`,
    );
  }
  const toPlay = input.toPlay ?? written;
  if (!toPlay) {
    throw new PositionError('say who moves next: add "toPlay": "B" or "W" (or end the position with " B" or " W")');
  }
  return parsePosition(rows, { toPlay, komi: input.komi ?? DEFAULT_KOMI });
}

/** A board from a compact position string; throws PositionError saying what to fix. */
export function stateFromPosition(input: PositionInput): BoardState {
  const state = boardStateOf(boardFromPosition(input));
  if (input.lastMove === undefined) return state;
  let move: BoardState["lastMove"];
  try {
    move = fromGtp(input.lastMove, state.size);
  } catch (error) {
    throw new LastMoveError(`${(error as Error).message}, or "pass"`);
  }
  if (move !== PASS) {
    const stone = state.position.split("/")[move.y]?.[move.x];
    const mover = lastMover(state);
    if (stone !== (mover === "B" ? "X" : "O")) {
      const name = mover === "B" ? "black" : "white";
      throw new LastMoveError(
        `${toGtp(move, state.size)} holds no ${name} stone, but ${name} moved last since ${state.toPlay === "B" ? "Black" : "White"} is to play`,
      );
    }
  }
  return { ...state, lastMove: move };
}
