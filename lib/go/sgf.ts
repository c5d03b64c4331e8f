import { type Colour, fromSgfPoint, MAX_SIZE, MIN_SIZE, PASS, type Pass, type Point, toSgfPoint } from "./coords";
import type { GameMove, GameRecord } from "./game";
import { parseSgfTree, SgfError, type SgfNode, type SgfValue } from "./sgf-syntax";

export { SgfError } from "./sgf-syntax";

/**
 * Reads the main line (first variation at every branch) of the first game in an SGF text.
 * Kept: SZ, KM (0 when absent, as SGF has no default), PL, setup AB/AW/AE before the first
 * move, and B/W moves. Comments, other variations and other properties are dropped. Move
 * legality is not checked here: `replayGame` does that with move numbers.
 */
export function readSgf(text: string): GameRecord {
  const root = parseSgfTree(text);
  const fail = (value: SgfValue, problem: string) => new SgfError(text, value.offset, problem);

  const game = root.properties.get("GM")?.[0];
  if (game && game.text.trim() !== "1") throw fail(game, `GM[${game.text}] is not a Go record; Go is GM[1]`);
  const size = readSize(root.properties.get("SZ")?.[0], fail);
  const komi = readKomi(root.properties.get("KM")?.[0], fail);
  const player = root.properties.get("PL")?.[0];
  let toPlay: Colour | undefined;
  if (player) toPlay = readColour(player, fail);

  const setup = new Map<string, { colour: Colour; point: Point }>();
  const moves: GameMove[] = [];
  for (let node: SgfNode | undefined = root; node; node = node.children[0]) {
    for (const [ident, colour] of [
      ["AB", "B"],
      ["AW", "W"],
      ["AE", null],
    ] as const) {
      const values = node.properties.get(ident);
      if (!values) continue;
      if (moves.length > 0) {
        throw fail(
          values[0] as SgfValue,
          `setup (${ident}) after move ${moves.length} is not supported; put setup stones before the first move`,
        );
      }
      for (const value of values) {
        for (const point of readPointList(value, size, fail)) {
          const key = toSgfPoint(point);
          if (colour) setup.set(key, { colour, point });
          else setup.delete(key);
        }
      }
    }
    const black = node.properties.get("B")?.[0];
    const white = node.properties.get("W")?.[0];
    if (black && white) throw fail(white, "a node holds both a B and a W move; give each move its own node");
    const move = black ?? white;
    if (move) moves.push({ colour: black ? "B" : "W", point: readMove(move, size, fail) });
  }

  const stones = [...setup.values()];
  const record: GameRecord = {
    size,
    komi,
    setup: {
      black: stones.filter((s) => s.colour === "B").map((s) => s.point),
      white: stones.filter((s) => s.colour === "W").map((s) => s.point),
    },
    moves,
  };
  if (toPlay) record.toPlay = toPlay;
  return record;
}

type Fail = (value: SgfValue, problem: string) => SgfError;

function readSize(value: SgfValue | undefined, fail: Fail): number {
  if (!value) return 19;
  const [columns, rows = columns] = value.text.trim().split(":");
  if (columns !== rows) throw fail(value, `SZ[${value.text}] is a rectangular board; only square boards are supported`);
  const size = /^\d+$/.test(columns ?? "") ? Number(columns) : Number.NaN;
  if (!(size >= MIN_SIZE && size <= MAX_SIZE)) {
    throw fail(
      value,
      `SZ[${value.text}] is not a supported board size; use a whole number from ${MIN_SIZE} to ${MAX_SIZE}`,
    );
  }
  return size;
}

function readKomi(value: SgfValue | undefined, fail: Fail): number {
  const text = value?.text.trim() ?? "";
  if (!value || text === "") return 0;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text))
    throw fail(value, `KM[${value.text}] is not a number; write komi like KM[6.5]`);
  return Number(text);
}

function readColour(value: SgfValue, fail: Fail): Colour {
  const text = value.text.trim().toUpperCase();
  if (text === "B" || text === "W") return text;
  throw fail(value, `PL[${value.text}] is not a colour; use PL[B] or PL[W]`);
}

function readPoint(value: SgfValue, text: string, size: number, fail: Fail): Point {
  try {
    return fromSgfPoint(text, size);
  } catch (error) {
    throw fail(value, error instanceof Error ? error.message : String(error));
  }
}

/** One point, or a rectangle "aa:cc" in FF[4]'s compressed point lists. */
function readPointList(value: SgfValue, size: number, fail: Fail): Point[] {
  const [first, second] = value.text.trim().split(":");
  const from = readPoint(value, first ?? "", size, fail);
  if (second === undefined) return [from];
  const to = readPoint(value, second, size, fail);
  const points: Point[] = [];
  for (let y = Math.min(from.y, to.y); y <= Math.max(from.y, to.y); y++) {
    for (let x = Math.min(from.x, to.x); x <= Math.max(from.x, to.x); x++) points.push({ x, y });
  }
  return points;
}

function readMove(value: SgfValue, size: number, fail: Fail): Point | Pass {
  const text = value.text.trim();
  // FF[4] passes are empty values; "tt" is the older FF[3] pass, only meaningful up to 19x19.
  if (text === "" || (text === "tt" && size <= 19)) return PASS;
  return readPoint(value, text, size, fail);
}

const MOVES_PER_LINE = 10;

/** FF[4] text of the record's main line, readable back by `readSgf` into an equal record. */
export function writeSgf(record: GameRecord): string {
  const points = (list: readonly Point[]) => list.map((point) => `[${toSgfPoint(point)}]`).join("");
  let root = `;FF[4]GM[1]CA[UTF-8]SZ[${record.size}]KM[${record.komi}]`;
  if (record.toPlay) root += `PL[${record.toPlay}]`;
  if (record.setup.black.length > 0) root += `AB${points(record.setup.black)}`;
  if (record.setup.white.length > 0) root += `AW${points(record.setup.white)}`;
  const lines = [`(${root}`];
  for (let i = 0; i < record.moves.length; i += MOVES_PER_LINE) {
    lines.push(
      record.moves
        .slice(i, i + MOVES_PER_LINE)
        .map((move) => `;${move.colour}[${move.point === PASS ? "" : toSgfPoint(move.point)}]`)
        .join(""),
    );
  }
  return `${lines.join("\n")})\n`;
}
