import { GoBoard, IllegalMove } from "./board";
import type { Colour, Pass, Point } from "./coords";

export type GameMove = { colour: Colour; point: Point | Pass };

/** A game as SGF stores its main line: a starting position and the moves played from it. */
export type GameRecord = {
  size: number;
  komi: number;
  setup: { black: Point[]; white: Point[] };
  /** Who moves first after the setup (SGF `PL`), when the record says. */
  toPlay?: Colour;
  moves: GameMove[];
};

/**
 * The position after every move of the record, checked against the rules (superko included).
 * An illegal move throws IllegalMove naming its 1-based move number.
 */
export function replayGame(record: GameRecord): GoBoard {
  const firstMover = record.toPlay ?? record.moves[0]?.colour ?? "B";
  const board = GoBoard.fromSetup(record.size, record.setup, { komi: record.komi, toPlay: firstMover });
  record.moves.forEach((move, index) => {
    const reason = board.whyIllegal(move.point, move.colour);
    if (reason) throw new IllegalMove(reason, move.point, move.colour, record.size, index + 1);
    board.play(move.point, move.colour);
  });
  return board;
}
