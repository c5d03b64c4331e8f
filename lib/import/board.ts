import { IllegalMove, PositionError, SgfError } from "../go";
import { LastMoveError, stateFromPosition, stateFromSgf } from "../go/candidate";
import { type BoardState, compactPosition, splitTurn } from "../go/state";

type FieldProblem = { field: string; message: string };
type JsonObject = Record<string, unknown>;

/** Candidate fields that make a board candidate; TEXT projects refuse every one of them. */
export const BOARD_FIELDS = ["board", "position", "toPlay", "komi", "lastMove"];
const POSITION_OPTIONS = ["toPlay", "komi", "lastMove"];
const SGF_BOARD_FIELDS = ["sgf"];

export type BoardContent = { text: string; board: BoardState };

/**
 * A GO candidate's board, from `"board": {"sgf": "…"}` (the position after the main line) or
 * `"position": "…"` with `toPlay` (and optional `komi`, `lastMove`). The text stored with it is the
 * compact position string, so text exports and the reward model's text view stay meaningful.
 */
export function boardContent(raw: JsonObject, field: string, problems: FieldProblem[]): BoardContent | undefined {
  const before = problems.length;
  if ("text" in raw) {
    problems.push({
      field: `${field}.text`,
      message: 'GO projects take board candidates: give "board": {"sgf": "…"} or "position" instead of text',
    });
  }
  if ("board" in raw && "position" in raw) {
    problems.push({ field, message: 'give either "board" (SGF) or "position", not both' });
    return undefined;
  }
  if ("board" in raw) {
    for (const option of POSITION_OPTIONS.filter((name) => name in raw)) {
      problems.push({
        field: `${field}.${option}`,
        message: `${option} goes with "position"; an SGF board takes it from the record (PL, KM, the last move)`,
      });
    }
    const content = sgfBoard(raw.board, `${field}.board`, problems);
    return problems.length > before ? undefined : content;
  }
  if ("position" in raw) {
    const content = positionBoard(raw, field, problems);
    return problems.length > before ? undefined : content;
  }
  problems.push({
    field,
    message: 'missing the board: give "board": {"sgf": "(;SZ[9]…)"} or "position": "…/…" with "toPlay": "B" or "W"',
  });
  return undefined;
}

function sgfBoard(value: unknown, field: string, problems: FieldProblem[]): BoardContent | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push({ field, message: 'expected an object {"sgf": "(;FF[4]SZ[9]…)"}' });
    return undefined;
  }
  const board = value as JsonObject;
  for (const name of Object.keys(board)) {
    if (!SGF_BOARD_FIELDS.includes(name)) {
      problems.push({ field: `${field}.${name}`, message: "unknown field (allowed: sgf); check the spelling" });
    }
  }
  const sgf = board.sgf;
  if (typeof sgf !== "string" || sgf.trim() === "") {
    problems.push({ field: `${field}.sgf`, message: "expected the SGF record as a non-empty string" });
    return undefined;
  }
  try {
    return withText(stateFromSgf(sgf));
  } catch (error) {
    if (error instanceof SgfError || error instanceof IllegalMove) {
      problems.push({ field: `${field}.sgf`, message: error.message });
      return undefined;
    }
    throw error;
  }
}

function positionBoard(raw: JsonObject, field: string, problems: FieldProblem[]): BoardContent | undefined {
  const { position, toPlay, komi, lastMove } = raw;
  const before = problems.length;
  if (typeof position !== "string" || position.trim() === "") {
    problems.push({
      field: `${field}.position`,
      message: 'expected rows of X, O and . separated by "/" or newlines, e.g. "X.O/.X./O.."',
    });
  }
  if (toPlay !== undefined && toPlay !== "B" && toPlay !== "W") {
    problems.push({ field: `${field}.toPlay`, message: 'expected "B" or "W"' });
  }
  if (komi !== undefined && (typeof komi !== "number" || !Number.isFinite(komi) || Math.abs(komi) > 1000)) {
    problems.push({ field: `${field}.komi`, message: "expected a number such as 7.5 (the default), 6.5 or 0" });
  }
  if (lastMove !== undefined && typeof lastMove !== "string") {
    problems.push({ field: `${field}.lastMove`, message: 'expected a point like "D4", or "pass"' });
  }
  if (problems.length > before) return undefined;
  const written = splitTurn(position as string).toPlay;
  if (toPlay === undefined && written === undefined) {
    problems.push({
      field: `${field}.toPlay`,
      message: 'missing: say who moves next with "B" or "W" (or end the position with " B" or " W")',
    });
    return undefined;
  }
  if (toPlay !== undefined && written !== undefined && toPlay !== written) {
    problems.push({
      field: `${field}.toPlay`,
      message: `"${toPlay}" contradicts the position, which ends with "${written}" to play; give the side to move once`,
    });
    return undefined;
  }
  try {
    return withText(
      stateFromPosition({
        position: position as string,
        ...(toPlay === undefined ? {} : { toPlay: toPlay as "B" | "W" }),
        ...(komi === undefined ? {} : { komi: komi as number }),
        ...(lastMove === undefined ? {} : { lastMove: lastMove as string }),
      }),
    );
  } catch (error) {
    if (error instanceof PositionError) {
      const blamed = error instanceof LastMoveError ? "lastMove" : "position";
      problems.push({ field: `${field}.${blamed}`, message: error.message });
      return undefined;
    }
    throw error;
  }
}

function withText(board: BoardState): BoardContent {
  return { text: compactPosition(board), board };
}
