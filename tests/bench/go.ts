import { availableParallelism } from "node:os";
import { GoBoard } from "../../lib/go/board";
import { BoardCore } from "../../lib/go/core";
import { generatePrompts } from "../../lib/go/generate";
import { defaultMoveCap, playRandomGame } from "../../lib/go/playout";
import { parsePosition } from "../../lib/go/position";
import { Rng } from "../../lib/go/rng";
import { areaDifference } from "../../lib/go/scoring";
import { boardStateOf } from "../../lib/go/state";
import { uctWinProbability } from "../../lib/go/uct";
import { winProbability } from "../../lib/go/winprob";
import { EstimatePool } from "../../lib/truth/threads";
import { type BenchFigure, type BenchSection, median } from "./report";

const SIZE = 9;
const RUNS = 5;
const RUN_SECONDS = 1;
const BURST = 500;

type PlayoutRun = { playoutsPerSecond: number; floorPerSecond: number; movesPerPlayout: number };

/**
 * Seconds of CPU time this process spent in `work`. The box is shared, so wall-clock time would
 * also count the moments another process held the core; both figures are timed the same way.
 */
function cpuSeconds(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** The loop `winProbability` runs: copy the root position, play it out, score it. */
function playBurst(
  root: BoardCore,
  scratch: BoardCore,
  rng: Rng,
  playouts: number,
): { moves: number; checksum: number } {
  const moveCap = defaultMoveCap(SIZE);
  let moves = 0;
  let checksum = 0;
  for (let i = 0; i < playouts; i++) {
    scratch.copyFrom(root);
    moves += playRandomGame(scratch, rng, moveCap);
    checksum += areaDifference(scratch);
  }
  return { moves, checksum };
}

/** The memory floor: one typed-array write per move, nothing else. */
function writeMoves(floor: Int32Array, moves: number): void {
  for (let i = 0; i < moves; i++) floor[i % floor.length] = i;
}

/**
 * About a second of playouts from the empty board, then the same number of moves written to a
 * typed array, expressed as playouts per second so the two figures compare directly.
 */
function measureRun(seed: number): PlayoutRun {
  const root = new BoardCore(SIZE, 7.5);
  const scratch = new BoardCore(SIZE, 7.5);
  scratch.trackHash = false; // as in winProbability
  const rng = new Rng(seed);
  let playouts = 0;
  let moves = 0;
  let checksum = 0;
  let seconds = 0;
  while (seconds < RUN_SECONDS) {
    seconds += cpuSeconds(() => {
      const burst = playBurst(root, scratch, rng, BURST);
      moves += burst.moves;
      checksum += burst.checksum;
    });
    playouts += BURST;
  }
  const floor = new Int32Array(SIZE * SIZE);
  const floorSeconds = cpuSeconds(() => writeMoves(floor, moves));
  // Using the results keeps either loop from being optimised away.
  if (checksum === Number.MAX_SAFE_INTEGER || floor[0] === -1) console.log("unreachable");
  return {
    playoutsPerSecond: playouts / seconds,
    floorPerSecond: playouts / Math.max(floorSeconds, 1e-6),
    movesPerPlayout: moves / playouts,
  };
}

/** Wall-clock playouts per second of truth estimates (2,500 playouts each) on one thread per core. */
async function allCoresPlayoutsPerSecond(): Promise<{ threads: number; playoutsPerSecond: number }> {
  const threads = availableParallelism();
  const pool = new EstimatePool(threads);
  const state = boardStateOf(GoBoard.empty(SIZE));
  const estimates = 8 * threads;
  try {
    await Promise.all(
      Array.from({ length: threads }, (_, i) => pool.estimate(state, "random-playouts/v1", { seed: i })),
    );
    const started = performance.now();
    await Promise.all(
      Array.from({ length: estimates }, (_, i) => pool.estimate(state, "random-playouts/v1", { seed: i + 1 })),
    );
    return { threads, playoutsPerSecond: (estimates * 2500) / ((performance.now() - started) / 1000) };
  } finally {
    await pool.close();
  }
}

/** CPU seconds of one default uct/v2 estimate of a generated board, median of a few boards. */
function uctSecondsPerBoard(): { uct: number; random: number } {
  const boards = generatePrompts({ size: SIZE, prompts: 3, seed: 5, candidates: { min: 2, max: 2 } }).flatMap((p) =>
    p.candidates.map((c) => parsePosition(c.position, { toPlay: c.toPlay, komi: c.komi })),
  );
  return {
    uct: median(boards.map((board) => cpuSeconds(() => uctWinProbability(board, { seed: 1 })))),
    random: median(boards.map((board) => cpuSeconds(() => winProbability(board, { seed: 1 })))),
  };
}

async function run(): Promise<BenchFigure[]> {
  measureRun(0); // warm-up, so the optimiser has settled before anything is timed
  const runs: PlayoutRun[] = [];
  for (let r = 1; r <= RUNS; r++) runs.push(measureRun(r));
  const allCores = await allCoresPlayoutsPerSecond();
  const perCore = median(runs.map((r) => r.playoutsPerSecond));
  const floor = median(runs.map((r) => r.floorPerSecond));
  const perBoard = uctSecondsPerBoard();
  return [
    {
      name: `random playouts on all cores (${allCores.threads} truth threads, wall clock)`,
      value: allCores.playoutsPerSecond,
      unit: "playouts/s",
      baselineName: "one core times the number of threads",
      baseline: perCore * allCores.threads,
    },
    {
      name: `the same on all cores against the floor (${allCores.threads} threads)`,
      value: allCores.playoutsPerSecond,
      unit: "playouts/s",
      baselineName: "array-write floor times the number of threads",
      baseline: floor * allCores.threads,
    },
    {
      name: "uct/v2 estimate of a generated board (default 4 x 2,000 simulations), CPU",
      value: perBoard.uct,
      unit: "s",
      baselineName: "random-playouts/v1 estimate (2,500 playouts)",
      baseline: perBoard.random,
    },
    {
      name: "random playouts from the empty 9x9 board, one core",
      value: median(runs.map((r) => r.playoutsPerSecond)),
      unit: "playouts/s",
      baselineName: "same move count written to an Int32Array",
      baseline: median(runs.map((r) => r.floorPerSecond)),
      target: { op: ">=", value: 100_000 },
    },
    {
      name: "moves per playout (passes included)",
      value: median(runs.map((r) => r.movesPerPlayout)),
      unit: "moves",
      baselineName: "points on the board",
      baseline: SIZE * SIZE,
    },
  ];
}

export const goBench: BenchSection = { name: "go", title: "Go playouts and truth estimates (9x9)", run };
