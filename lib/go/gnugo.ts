import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { GameRecord } from "./game";
import { GtpEngine } from "./gtp";
import { writeSgf } from "./sgf";
import { type BoardState, boardFromState } from "./state";

/**
 * Names what `gnugoSelfPlay` computes, stored with the ground truths it produces: GNU Go 3.8 over
 * GTP at level 10, Chinese rules, playing the position out against itself from the side to move,
 * Black winning when its final score is positive (see scoreToWinProbability).
 */
export const GNUGO_ESTIMATOR = "gnugo/v1";

export const GNUGO_INSTALL_HINT =
  "install GNU Go (Debian: apt-get install -y gnugo), or set GNUGO to its path, or choose the uct/v2 estimator";

/** GNU Go is not on this machine: the estimator cannot run until it is installed. */
export class GnuGoUnavailable extends Error {
  constructor(looked: string[]) {
    super(`GNU Go was not found (looked for ${looked.join(", ")}): ${GNUGO_INSTALL_HINT}`);
    this.name = "GnuGoUnavailable";
  }
}

// Debian installs games under /usr/games, which is often not on a service's PATH.
const USUAL_PLACES = ["/usr/games/gnugo", "/usr/bin/gnugo", "/usr/local/bin/gnugo"];

/** The GNU Go executable: $GNUGO, else the first gnugo on PATH or in the usual places; throws GnuGoUnavailable. */
export function gnugoPath(env: Record<string, string | undefined> = process.env): string {
  const candidates = env.GNUGO
    ? [env.GNUGO]
    : [
        ...(env.PATH ?? "")
          .split(":")
          .filter(Boolean)
          .map((dir) => path.join(dir, "gnugo")),
        ...USUAL_PLACES,
      ];
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  throw new GnuGoUnavailable(env.GNUGO ? [env.GNUGO] : ["gnugo on PATH", ...USUAL_PLACES]);
}

export type SelfPlayOptions = {
  /** GNU Go's strength, 1 to 10 (its default and strongest usual level). */
  level?: number;
  /** GNU Go's random seed: the same seed, the same game. */
  seed?: number;
  /** Moves after which the game is scored as it stands; 3·size² by default. */
  moveCap?: number;
};

export type SelfPlayResult = {
  /** Black minus White, komi included, as GNU Go scores the end (Chinese rules); 0 for jigo. */
  score: number;
  moves: number;
  /** Set when a side resigned instead of playing on. */
  resigned: "B" | "W" | null;
};

/**
 * Plays `state` out with GNU Go as both players and returns GNU Go's final score. The position is
 * loaded from an SGF setup (AB/AW/PL), so no stone order can make a setup move illegal; the game
 * before it is unknown, so only ko from here on is seen.
 */
export async function gnugoSelfPlay(state: BoardState, options: SelfPlayOptions = {}): Promise<SelfPlayResult> {
  const executable = gnugoPath();
  const level = options.level ?? 10;
  const moveCap = options.moveCap ?? 3 * state.size * state.size;
  const folder = mkdtempSync(path.join(tmpdir(), "gnugo-"));
  const file = path.join(folder, "position.sgf");
  writeFileSync(file, setupSgf(state));
  const engine = new GtpEngine(executable, [
    "--mode",
    "gtp",
    "--chinese-rules",
    "--level",
    String(level),
    "--seed",
    String(options.seed ?? 1),
  ]);
  try {
    await engine.send(`loadsgf ${file}`);
    await engine.send(`komi ${state.komi}`);
    let toPlay = state.toPlay;
    let passes = 0;
    let moves = 0;
    while (passes < 2 && moves < moveCap) {
      const move = (await engine.send(`genmove ${toPlay}`)).toLowerCase();
      if (move === "resign") return { score: toPlay === "B" ? -1 : 1, moves, resigned: toPlay };
      passes = move === "pass" ? passes + 1 : 0;
      toPlay = toPlay === "B" ? "W" : "B";
      moves++;
    }
    return { score: readScore(await engine.send("final_score")), moves, resigned: null };
  } finally {
    await engine.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** "B+3.5", "W+0.5" or "0" as a number, Black positive. */
export function readScore(answer: string): number {
  const text = answer.trim();
  if (text === "0") return 0;
  const match = /^([BW])\+(\d+(?:\.\d+)?)$/.exec(text);
  if (!match) throw new Error(`GNU Go gave a final score that is not B+n, W+n or 0: "${text}"`);
  const margin = Number(match[2]);
  return match[1] === "B" ? margin : -margin;
}

function setupSgf(state: BoardState): string {
  const board = boardFromState(state);
  const setup: GameRecord["setup"] = { black: [], white: [] };
  for (let y = 0; y < state.size; y++) {
    for (let x = 0; x < state.size; x++) {
      const stone = board.get(x, y);
      if (stone) (stone === "B" ? setup.black : setup.white).push({ x, y });
    }
  }
  return writeSgf({ size: state.size, komi: state.komi, setup, toPlay: state.toPlay, moves: [] });
}
