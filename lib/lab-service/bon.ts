import { db } from "../db";
import { DomainError } from "../errors";
import type { Project } from "../generated/prisma/client";
import type { TruthEstimatorName } from "../go/estimators";
import { generatePrompts } from "../go/generate";
import { questionSide } from "../go/question";
import { type BoardState, compactPosition, readBoardState } from "../go/state";
import type { Sample } from "../lab/best-of-n";
import { type GoodhartCurve, goodhartCurve } from "../lab/curve";
import { samplePolicyMoves } from "../lab/go-samples";
import { scoreWithVersion } from "../rm/service/score-request";
import { truthSeed } from "../truth/config";
import { EstimatePool } from "../truth/threads";

export type BonOptions = {
  positions?: number;
  samples?: number;
  playouts?: number;
  /** Worker threads for the playouts; default GO_TRUTH_THREADS, else one per core. */
  threads?: number;
  seed?: number;
  bootstrap?: number;
};

// Sized for the demo on a 2-core machine: 40 positions × 16 moves, 800 playouts per distinct board
// (standard error ≤ 0.018 per board, averaged over 40 positions per point), about 20 s of playouts.
export const BON_DEFAULTS = { positions: 40, samples: 16, playouts: 800, seed: 20261203, bootstrap: 1000 } as const;

export type BonResult = GoodhartCurve & {
  model_version: number;
  /** The truth estimator that scored the boards (absent in curves stored before it was recorded). */
  estimator?: TruthEstimatorName;
  /** random-playouts/v1's playouts per board; the other estimators run their own defaults. */
  playouts: number;
  side: "B" | "W";
  /** Distinct boards whose truth was estimated (samples repeat moves). */
  boards: number;
  seconds: { total: number; truth: number; proxy: number };
};

/**
 * The Goodhart curve of a GO project's serving reward model. Fresh positions from the generator
 * (a seed of its own, so they are not the project's training prompts) where the side the project's
 * question asks about is to move; m moves from the generator's policy per position; each board
 * scored by the model (the proxy) and by the project's truth estimator as the win probability of
 * that side (the truth), on worker threads. Then best-of-n for n = 1..m and the fit (lib/lab).
 */
export async function computeBestOfN(project: Project, options: BonOptions = {}): Promise<BonResult> {
  const P = options.positions ?? BON_DEFAULTS.positions;
  const m = options.samples ?? BON_DEFAULTS.samples;
  const playouts = options.playouts ?? BON_DEFAULTS.playouts;
  const seed = options.seed ?? BON_DEFAULTS.seed;
  if (project.kind !== "GO")
    throw new DomainError(
      "INVALID_INPUT",
      `Project "${project.slug}" is not a Go project: best-of-n needs a computable truth.`,
    );
  if (!(Number.isInteger(P) && P >= 2 && Number.isInteger(m) && m >= 2 && Number.isInteger(playouts) && playouts >= 1))
    throw new DomainError(
      "INVALID_INPUT",
      "Positions and samples must be whole numbers of at least 2, playouts at least 1.",
    );
  const started = performance.now();
  const { size, komi } = await boardShape(project.id);
  const side = questionSide(project.question);
  const positions = positionsFor({ size, komi }, side, P, seed);
  const samples = positions.map((p, i) => ({
    prompt: p.prompt,
    before: p.before,
    moves: samplePolicyMoves(p.before, m, seed + i),
  }));

  const proxyStart = performance.now();
  let modelVersion = 0;
  const proxies: number[][] = [];
  for (const s of samples) {
    const scored = await scoreWithVersion(project, {
      prompt: s.prompt,
      candidates: s.moves.map((move) => ({ text: compactPosition(move.after) })),
    });
    modelVersion = scored.version;
    proxies.push(scored.rewards);
  }
  const proxySeconds = (performance.now() - proxyStart) / 1000;

  const truthStart = performance.now();
  const boards = new Map<string, BoardState>();
  for (const s of samples) for (const move of s.moves) boards.set(compactPosition(move.after), move.after);
  const estimator = project.goTruthEstimator as TruthEstimatorName;
  const truths = await estimateAll(boards, estimator, playouts, options.threads);
  const truthSeconds = (performance.now() - truthStart) / 1000;

  const bySide = (pBlack: number) => (side === "B" ? pBlack : 1 - pBlack);
  const curveSamples: Sample[][] = samples.map((s, p) =>
    s.moves.map((move, j) => ({
      proxy: proxies[p]?.[j] ?? Number.NaN,
      truth: bySide(truths.get(compactPosition(move.after)) ?? Number.NaN),
    })),
  );
  const curve = goodhartCurve(curveSamples, { bootstrap: options.bootstrap ?? BON_DEFAULTS.bootstrap, seed });
  return {
    model_version: modelVersion,
    ...curve,
    estimator,
    playouts,
    side,
    boards: boards.size,
    seconds: { total: (performance.now() - started) / 1000, truth: truthSeconds, proxy: proxySeconds },
  };
}

/** Black's win probability of every distinct board, on a pool of worker threads. */
export async function estimateAll(
  boards: Map<string, BoardState>,
  estimator: TruthEstimatorName,
  playouts: number,
  threads?: number,
): Promise<Map<string, number>> {
  const pool = new EstimatePool(threads);
  try {
    const entries = [...boards];
    const results = await Promise.all(
      entries.map(([key, state]) => pool.estimate(state, estimator, { seed: truthSeed(key), playouts })),
    );
    return new Map(entries.map(([key], i) => [key, results[i]?.pBlackWins ?? Number.NaN]));
  } finally {
    await pool.close();
  }
}

/** The size and komi of the project's boards (the model reads one size); 9x9, 7.5 when none is stored yet. */
async function boardShape(projectId: string): Promise<{ size: number; komi: number }> {
  const [row] = await db().$queryRaw<{ board: unknown }[]>`
    SELECT c.board FROM "Candidate" c JOIN "Prompt" p ON p.id = c."promptId"
    WHERE p."projectId" = ${projectId} AND c.board IS NOT NULL LIMIT 1`;
  const state = readBoardState(row?.board);
  return { size: state?.size ?? 9, komi: state?.komi ?? 7.5 };
}

type Position = { prompt: string; before: { position: string; toPlay: "B" | "W"; komi: number } };

/** P generated positions with `side` to move; the generator's first prompts are the same for any count. */
export function positionsFor(
  shape: { size: number; komi: number },
  side: "B" | "W",
  count: number,
  seed: number,
): Position[] {
  const { size, komi } = shape;
  for (let wanted = count * 2; ; wanted *= 2) {
    const found = generatePrompts({ size, komi, prompts: wanted, seed, candidates: { min: 2, max: 2 } })
      .filter((p) => p.meta.toPlay === side)
      .slice(0, count);
    if (found.length === count)
      return found.map((p) => ({
        prompt: p.prompt,
        before: { position: p.meta.position, toPlay: p.meta.toPlay, komi },
      }));
  }
}
