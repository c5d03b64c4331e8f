import { GoBoard } from "./board";
import { type Colour, PASS, type Point, toGtp } from "./coords";
import { BLACK, BoardCore, WHITE } from "./core";
import type { GameMove } from "./game";
import { Rng } from "./rng";
import { writeSgf } from "./sgf";
import { boardStateOf, DEFAULT_KOMI } from "./state";
import { emptyRegions, groupSizeAt, neighbourGroups, realLiberties } from "./tactics";

/**
 * How a candidate move reads at a glance. The blunders are moves a player should almost never
 * make: a self-atari of a group that then dies, filling an own eye, a move inside territory that
 * is already the mover's, a lonely first-line move early on.
 */
export type MoveKind =
  | "capture"
  | "escape"
  | "atari"
  | "local"
  | "quiet"
  | "throw-in"
  | "first-line"
  | "own-territory"
  | "self-atari"
  | "own-eye";

const BLUNDERS: ReadonlySet<MoveKind> = new Set(["self-atari", "own-eye", "own-territory", "first-line"]);

export function isBlunder(kind: MoveKind): boolean {
  return BLUNDERS.has(kind);
}

/** A cheap stochastic policy: random legal moves, pulled towards tactics, away from blunders. */
const POLICY_WEIGHT: Record<MoveKind, number> = {
  capture: 6,
  escape: 5,
  atari: 2.5,
  local: 1.5,
  quiet: 1,
  "throw-in": 0.3,
  "first-line": 0.15,
  "own-territory": 0.1,
  "self-atari": 0.05,
  "own-eye": 0,
};

export type ClassifiedMove = { point: Point; kind: MoveKind; weight: number };

export type GeneratedCandidate = {
  id: string;
  position: string;
  toPlay: Colour;
  komi: number;
  lastMove: string;
  source: "policy" | "blunder";
  meta: { kind: MoveKind; move: string };
};

/** One line of an import file: the position before the move is the prompt, each candidate a move. */
export type GeneratedPrompt = {
  id: string;
  prompt: string;
  meta: { generator: string; seed: number; moveNumber: number; toPlay: Colour; position: string; sgf: string };
  candidates: GeneratedCandidate[];
};

export type GenerateOptions = {
  size: number;
  prompts: number;
  seed: number;
  /** Candidates per prompt, drawn uniformly from this range (fewer when a position offers fewer moves). */
  candidates: { min: number; max: number };
  komi?: number;
  /** Share of prompts that get a blunder among their candidates, when the position has one. */
  blunderRate?: number;
};

export const GENERATOR = "go-generate/v1";

/**
 * Positions worth judging: games played by the policy above stop at a random move number, and
 * each stop becomes a prompt whose candidates are the boards after 2-4 different moves of the
 * side to move: tactical and ordinary moves (often close calls), and in most prompts one blunder.
 * Deterministic for a seed; the first n prompts are the same whatever the total.
 */
export function generatePrompts(options: GenerateOptions): GeneratedPrompt[] {
  const { size, prompts, seed } = options;
  const komi = options.komi ?? DEFAULT_KOMI;
  const blunderRate = options.blunderRate ?? 0.6;
  const rng = new Rng(seed);
  const lines: GeneratedPrompt[] = [];
  const latestStop = Math.max(4, Math.floor(0.7 * size * size));
  while (lines.length < prompts) {
    const stop = 4 + rng.below(latestStop - 3);
    const game = playUntil(size, komi, stop, rng);
    if (!game) continue;
    const wanted = options.candidates.min + rng.below(options.candidates.max - options.candidates.min + 1);
    const moves = pickCandidates(classifyMoves(game.board), wanted, rng.nextUint32() / 2 ** 32 < blunderRate, rng);
    if (moves.length < 2) continue;
    lines.push(promptLine(lines.length + 1, seed, game, moves));
  }
  return lines;
}

type Game = { board: GoBoard; moves: GameMove[] };

/** Plays the policy for `stop` moves; null when the game ended first. */
function playUntil(size: number, komi: number, stop: number, rng: Rng): Game | null {
  const board = GoBoard.empty(size, komi);
  const moves: GameMove[] = [];
  while (moves.length < stop) {
    if (board.isOver) return null;
    const options = classifyMoves(board).filter((m) => m.weight > 0);
    const chosen = weightedPick(options, rng);
    const colour = board.toPlay;
    board.play(chosen ? chosen.point : PASS);
    moves.push({ colour, point: chosen ? chosen.point : PASS });
  }
  return board.isOver ? null : { board, moves };
}

/** Every legal move of the side to move (superko included), with its kind and policy weight. */
export function classifyMoves(board: GoBoard): ClassifiedMove[] {
  const context: Context = {
    board,
    core: board.core,
    mover: board.core.toPlay,
    regions: emptyRegions(board.core),
    scratch: new BoardCore(board.size, board.komi),
    early: board.moveNumber < 1.5 * board.size,
  };
  return board.legalMoves().map((point) => {
    const kind = classify(context, point);
    const opening = context.early && (kind === "quiet" || kind === "local") ? lineFactor(point, board.size) : 1;
    return { point, kind, weight: POLICY_WEIGHT[kind] * opening };
  });
}

/** Early on, the third and fourth lines are where games start; the edge is slow. */
function lineFactor(point: Point, size: number): number {
  const line = Math.min(point.x, point.y, size - 1 - point.x, size - 1 - point.y);
  return line === 0 ? 0.15 : line === 1 ? 0.5 : 1;
}

type Context = {
  board: GoBoard;
  core: BoardCore;
  mover: number;
  regions: ReturnType<typeof emptyRegions>;
  /** Reused for trying each move. */
  scratch: BoardCore;
  early: boolean;
};

function classify({ board, core, mover, regions, scratch, early }: Context, point: Point): MoveKind {
  const p = core.pointAt(point.x, point.y);
  const enemy = mover === BLACK ? WHITE : BLACK;
  if (core.isOwnEye(p, mover)) return "own-eye";
  const inAtari = neighbourGroups(core, p, mover).some((root) => realLiberties(core, root) === 1);
  scratch.copyFrom(core);
  if (scratch.play(p, mover) > 0) return "capture";
  const liberties = realLiberties(scratch, p);
  if (liberties === 1) return groupSizeAt(scratch, p) >= 2 ? "self-atari" : "throw-in";
  if (inAtari) return "escape";
  if (regions.owner[p] === mover && (regions.size[p] as number) >= 2) return "own-territory";
  if (neighbourGroups(scratch, p, enemy).some((root) => realLiberties(scratch, root) === 1)) return "atari";
  const last = board.lastMove;
  if (last && last !== PASS && Math.abs(last.x - point.x) + Math.abs(last.y - point.y) <= 2) return "local";
  if (early && onFirstLine(point, board.size) && isLonely(core, point)) return "first-line";
  return "quiet";
}

function onFirstLine(point: Point, size: number): boolean {
  return point.x === 0 || point.y === 0 || point.x === size - 1 || point.y === size - 1;
}

/** No stone within two lines (Manhattan distance 2). */
function isLonely(core: BoardCore, point: Point): boolean {
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      if (Math.abs(dx) + Math.abs(dy) > 2) continue;
      const x = point.x + dx;
      const y = point.y + dy;
      if (x < 0 || y < 0 || x >= core.size || y >= core.size) continue;
      const c = core.colour[core.pointAt(x, y)];
      if (c === BLACK || c === WHITE) return false;
    }
  }
  return true;
}

/**
 * `wanted` different moves: at most one blunder (when asked for and available), the rest drawn by
 * policy weight without replacement, so tactical moves and ordinary ones meet (close calls).
 */
function pickCandidates(moves: ClassifiedMove[], wanted: number, withBlunder: boolean, rng: Rng): ClassifiedMove[] {
  const blunders = moves.filter((m) => isBlunder(m.kind));
  const chosen: ClassifiedMove[] = [];
  if (withBlunder && blunders.length > 0) chosen.push(blunders[rng.below(blunders.length)] as ClassifiedMove);
  const pool = moves.filter((m) => !isBlunder(m.kind) && m.weight > 0);
  while (chosen.length < wanted && pool.length > 0) {
    const pick = weightedPick(pool, rng) as ClassifiedMove;
    chosen.push(pick);
    pool.splice(pool.indexOf(pick), 1);
  }
  // A position with few ordinary moves left (late, crowded) fills up with blunders.
  for (const move of blunders) {
    if (chosen.length >= wanted) break;
    if (!chosen.includes(move)) chosen.push(move);
  }
  return chosen;
}

function weightedPick<T extends { weight: number }>(items: T[], rng: Rng): T | undefined {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (total <= 0) return undefined;
  let target = (rng.nextUint32() / 2 ** 32) * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item;
  }
  return items[items.length - 1];
}

function promptLine(index: number, seed: number, game: Game, moves: ClassifiedMove[]): GeneratedPrompt {
  const { board } = game;
  const before = boardStateOf(board);
  const mover = board.toPlay === "B" ? "Black" : "White";
  const sgf = writeSgf({ size: board.size, komi: board.komi, setup: { black: [], white: [] }, moves: game.moves });
  return {
    id: `s${seed}-${String(index).padStart(4, "0")}`,
    prompt: `${mover} to play, move ${board.moveNumber + 1} of a ${board.size}x${board.size} game (komi ${board.komi}). Each board shows the position after one candidate move, ringed.`,
    meta: {
      generator: GENERATOR,
      seed,
      moveNumber: board.moveNumber + 1,
      toPlay: board.toPlay,
      position: before.position,
      sgf,
    },
    candidates: moves.map((move) => {
      const after = boardStateOf(board.clone().play(move.point));
      const name = toGtp(move.point, board.size);
      return {
        id: name,
        position: after.position,
        toPlay: after.toPlay,
        komi: after.komi,
        lastMove: name,
        source: isBlunder(move.kind) ? "blunder" : "policy",
        meta: { kind: move.kind, move: name },
      };
    }),
  };
}
