import { compactPosition, type Point, readBoardState, writeSgf } from "../../go";

/** A Go candidate in the two forms Go tools read: FF[4] SGF (setup stones, side to move, komi) and the compact position string. */
export type GoColumns = { sgf: string | null; position: string | null };

export function goColumns(board: unknown): GoColumns {
  const state = readBoardState(board);
  if (!state) return { sgf: null, position: null };
  const black: Point[] = [];
  const white: Point[] = [];
  state.position.split("/").forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] === "X") black.push({ x, y });
      else if (row[x] === "O") white.push({ x, y });
    }
  });
  const sgf = writeSgf({
    size: state.size,
    komi: state.komi,
    toPlay: state.toPlay,
    setup: { black, white },
    moves: [],
  });
  return { sgf, position: compactPosition(state) };
}
