import { readFile, stat, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { GoBoardSvg } from "../components/go/board";
import {
  type GoBoard,
  IllegalMove,
  PositionError,
  parsePosition,
  readSgf,
  replayGame,
  SgfError,
  WIN_PROBABILITY_ESTIMATOR,
  winProbability,
} from "../lib/go";
import type { Colour } from "../lib/go/coords";
import { boardStateOf, DEFAULT_KOMI, splitTurn } from "../lib/go/state";
import { type Agreement, type Comparison, compareEstimators } from "../lib/truth/compare";
import { TRUTH_ESTIMATORS, truthEstimatorSchema } from "../lib/truth/estimator-names";

const USAGE = `Usage:
  npm run go -- score   <file.sgf | position file | "rows/…">  [--to-play B|W] [--komi K]
  npm run go -- winprob <file.sgf | position file | "rows/…">  [--playouts 2500] [--seed 1] [--to-play B|W] [--komi K]
  npm run go -- render  <file.sgf | position file | "rows/…">  [--out board.svg] [--to-play B|W] [--komi K]
  npm run go -- truth-compare [--positions 200] [--size 9] [--seed 1] [--estimators a,b,c] [--gnugo-level 10] [--gnugo-cache file.json]

score    Tromp-Taylor area score of the position as it stands: Black minus White, komi included.
winprob  Black's win probability by random playouts (${WIN_PROBABILITY_ESTIMATOR}) and its standard error.
render   The board as SVG, to --out or standard output.
truth-compare  Generates positions as the demo does and prints, for each two truth estimators
         (default: ${TRUTH_ESTIMATORS.join(", ")}), how often they give a pair of candidates the
         same true answer among the pairs both decide, with a 95% Wilson interval. Uses every core.

A position is rows of X (black), O (white) and . (empty), top row first, separated by "/" or
newlines, optionally ending with " B" or " W" for the side to move, e.g. "X.O/.X./O.. W".
SGF gives the position after its main line, with its komi (KM) unless --komi says otherwise.
Positions default to Black to play and komi ${DEFAULT_KOMI}.`;

export type Io = { out: (text: string) => void; err: (text: string) => void };

const consoleIo: Io = { out: (text) => console.log(text), err: (text) => console.error(text) };

/** Usage and input mistakes: reported on stderr without a stack trace. */
class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Runs one command; returns the exit code. Exported for tests. */
export async function runGo(argv: string[], io: Io = consoleIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(error.exitCode === 2 ? `${error.message}\n\n${USAGE}` : error.message);
      return error.exitCode;
    }
    if (error instanceof SgfError || error instanceof IllegalMove || error instanceof PositionError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new InputError((error as Error).message, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, source, ...extra] = positionals;
  if (!command) throw new InputError("say what to do: score, winprob, render or truth-compare", 2);
  if (command === "truth-compare") {
    if (source) throw new InputError(`unexpected argument "${source}"`, 2);
    return truthCompare(values, io);
  }
  if (!["score", "winprob", "render"].includes(command)) {
    throw new InputError(`unknown command "${command}"; use score, winprob or render`, 2);
  }
  if (!source) throw new InputError(`${command} needs an SGF file, a position file or an inline position`, 2);
  if (extra.length > 0) throw new InputError(`unexpected argument "${extra[0]}"`, 2);

  const board = await loadBoard(source, values["to-play"], values.komi);
  if (command === "score") {
    const score = board.score();
    const verdict =
      score === 0
        ? "a tie"
        : `${score > 0 ? "Black" : "White"} wins by ${Math.abs(score)} (${score > 0 ? "B" : "W"}+${Math.abs(score)})`;
    io.out(`${score}\t${verdict}; Tromp-Taylor area score, Black minus White, komi ${board.komi}`);
    return 0;
  }
  if (command === "winprob") {
    const playouts = wholeNumber(values.playouts ?? "2500", "--playouts", 1, 10_000_000);
    const seed = wholeNumber(values.seed ?? "1", "--seed", 0, 2 ** 31 - 1);
    const estimate = winProbability(board, { playouts, seed });
    const turn = board.toPlay === "B" ? "Black" : "White";
    io.out(
      `P(Black wins) = ${estimate.pBlackWins.toFixed(4)} ± ${estimate.standardError.toFixed(4)}\t(${playouts} playouts, seed ${seed}, ${turn} to play, komi ${board.komi}, ${WIN_PROBABILITY_ESTIMATOR})`,
    );
    return 0;
  }
  const svg = renderToStaticMarkup(createElement(GoBoardSvg, { state: boardStateOf(board) }));
  if (values.out) {
    await writeFile(values.out, `${svg}\n`).catch((error: Error) => {
      throw new InputError(`cannot write ${values.out}: ${error.message}`);
    });
    io.out(`wrote ${values.out}`);
  } else {
    io.out(svg);
  }
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      "to-play": { type: "string" },
      komi: { type: "string" },
      playouts: { type: "string" },
      seed: { type: "string" },
      positions: { type: "string" },
      size: { type: "string" },
      estimators: { type: "string" },
      "gnugo-level": { type: "string" },
      "gnugo-cache": { type: "string" },
      out: { type: "string", short: "o" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
}

/** An SGF file, a position file, or an inline position (it has "/" row separators). */
async function loadBoard(
  source: string,
  toPlayFlag: string | undefined,
  komiFlag: string | undefined,
): Promise<GoBoard> {
  let toPlay: Colour | undefined;
  if (toPlayFlag !== undefined) {
    const upper = toPlayFlag.trim().toUpperCase();
    if (upper !== "B" && upper !== "W") throw new InputError(`--to-play ${toPlayFlag} is not B or W`, 2);
    toPlay = upper;
  }
  let komi: number | undefined;
  if (komiFlag !== undefined) {
    komi = Number(komiFlag);
    if (komiFlag.trim() === "" || !Number.isFinite(komi)) throw new InputError(`--komi ${komiFlag} is not a number`, 2);
  }

  const text = await readSource(source);
  if (text.trimStart().startsWith("(")) {
    const record = readSgf(text);
    if (komi !== undefined) record.komi = komi;
    if (toPlay !== undefined) {
      throw new InputError("--to-play is for positions; an SGF record says who moves (its moves and PL)", 2);
    }
    return replayGame(record);
  }
  const { rows, toPlay: written } = splitTurn(text);
  if (written && toPlay && written !== toPlay) {
    throw new InputError(`the position says ${written} to play but --to-play says ${toPlay}; give it once`, 2);
  }
  return parsePosition(rows, { toPlay: toPlay ?? written ?? "B", komi: komi ?? DEFAULT_KOMI });
}

/** Rows of stones and dots with "/" or newline separators, maybe ending with the side to move. */
const INLINE_POSITION = /^[XxOo.\s]*[/\n][XxOo.\s/]*(\s[BWbw])?\s*$/;

async function readSource(source: string): Promise<string> {
  const isFile = await stat(source).then(
    (info) => info.isFile(),
    () => false,
  );
  if (isFile) return readFile(source, "utf8");
  if (INLINE_POSITION.test(source)) return source;
  let asPosition = "";
  if (source.includes("/")) {
    try {
      parsePosition(splitTurn(source).rows);
    } catch (error) {
      asPosition = ` (read as an inline position: ${(error as Error).message})`;
    }
  }
  throw new InputError(
    `no file "${source}", and it is not an inline position either${asPosition}; give an .sgf file, a file of position rows, or rows separated by "/" like "X.O/.X./O.."`,
  );
}

async function truthCompare(values: ReturnType<typeof parse>["values"], io: Io): Promise<number> {
  const positions = wholeNumber(values.positions ?? "200", "--positions", 2, 100_000);
  const size = wholeNumber(values.size ?? "9", "--size", 5, 19);
  const seed = wholeNumber(values.seed ?? "1", "--seed", 0, 2 ** 31 - 1);
  const gnugoLevel = wholeNumber(values["gnugo-level"] ?? "10", "--gnugo-level", 1, 10);
  const estimators = (values.estimators ?? TRUTH_ESTIMATORS.join(",")).split(",").map((name) => {
    const parsed = truthEstimatorSchema.safeParse(name.trim());
    if (!parsed.success)
      throw new InputError(`--estimators: "${name}" is not one of ${TRUTH_ESTIMATORS.join(", ")}`, 2);
    return parsed.data;
  });
  if (estimators.length < 2) throw new InputError("--estimators needs at least two names to compare", 2);
  const comparison = await compareEstimators({
    positions,
    size,
    seed,
    estimators,
    gnugoLevel,
    gnugoCache: values["gnugo-cache"],
    progress: (name, seconds) => io.err(`${name}: ${seconds.toFixed(1)} s`),
  });
  io.out(formatComparison(comparison, { size, seed, gnugoLevel }));
  return 0;
}

function formatComparison(
  comparison: Comparison,
  settings: { size: number; seed: number; gnugoLevel: number },
): string {
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `${comparison.positions} positions (${settings.size}x${settings.size}, seed ${settings.seed}), ${comparison.pairs} pairs of candidates of one prompt; gnugo level ${settings.gnugoLevel}`,
    "",
    "estimator            ties           seconds",
    ...comparison.estimators.map(
      (e) => `${e.name.padEnd(20)} ${`${e.ties}/${comparison.pairs}`.padEnd(14)} ${e.seconds.toFixed(1)}`,
    ),
    "",
    "pair of estimators                       agree on decided pairs   95% interval",
    ...comparison.agreements.map(
      (a: Agreement) =>
        `${`${a.first} vs ${a.second}${a.winnerOnly ? " winner" : ""}`.padEnd(40)} ${`${a.agreed}/${a.decided} = ${a.decided > 0 ? percent(a.agreed / a.decided) : "n/a"}`.padEnd(24)} ${percent(a.low)}–${percent(a.high)}`,
    ),
  ];
  if (comparison.agreements.some((a) => a.winnerOnly)) {
    lines.push(
      "",
      "gnugo/v1 winner: GNU Go's games read by their winners alone, so a pair is decided only when",
      "its two boards' games have different winners; plain gnugo/v1 also orders boards by the margin.",
    );
  }
  return lines.join("\n");
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max))
    throw new InputError(`${flag} ${text} is not a whole number from ${min} to ${max}`, 2);
  return value;
}

// Run as a script (npm run go), not when a test imports runGo.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runGo(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
