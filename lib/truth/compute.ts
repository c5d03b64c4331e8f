import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { db } from "../db";
import { WIN_PROBABILITY_ESTIMATOR, winProbability } from "../go";
import { boardFromState, readBoardState } from "../go/state";
import { truthPlayouts, truthSeed } from "./config";

/** The estimator stored with every ground truth (see WIN_PROBABILITY_ESTIMATOR). */
export const ESTIMATOR = WIN_PROBABILITY_ESTIMATOR;

export type TruthOptions = {
  /** Default: GO_TRUTH_PLAYOUTS, else 2,500. */
  playouts?: number;
  /** Candidates per transaction; their rows stay locked against other workers until it commits. */
  batchSize?: number;
  /** Stop starting new batches after this long; the rest waits for the next run. Default: no limit. */
  maxMs?: number;
};

export type TruthRun = {
  /** Ground truths stored by this run. */
  computed: number;
  /** Estimates this run made, counting any that another run had stored first (wasted work). */
  estimated: number;
  unreadable: number;
  playouts: number;
  /** True when maxMs ran out with candidates possibly left. */
  stoppedEarly: boolean;
};

const DEFAULT_BATCH_SIZE = 16;

/**
 * Computes and stores the ground truth of every board candidate of GO projects (one project, or
 * all) that has none yet. Safe with several workers at once: each batch locks its candidate rows
 * with SKIP LOCKED and checks them again once locked, so workers share the work instead of
 * repeating it. Every estimate uses a seed derived from the candidate id, so it is reproducible.
 */
export async function computeMissingTruth(projectId?: string, options: TruthOptions = {}): Promise<TruthRun> {
  const playouts = options.playouts ?? truthPlayouts();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const run: TruthRun = { computed: 0, estimated: 0, unreadable: 0, playouts, stoppedEarly: false };
  const deadline = Date.now() + (options.maxMs ?? Number.POSITIVE_INFINITY);
  // Rows whose board cannot be read are passed over for the rest of this run (and reported).
  const unreadable: string[] = [];
  while (true) {
    const claimed = await db().$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string; board: unknown }[]>`
          SELECT c.id, c.board FROM "Candidate" c
          JOIN "Prompt" pr ON pr.id = c."promptId"
          JOIN "Project" pj ON pj.id = pr."projectId"
          WHERE pj.kind = 'GO' AND c.board IS NOT NULL
            AND (${projectId ?? null}::text IS NULL OR pj.id = ${projectId ?? null}::text)
            AND NOT EXISTS (SELECT 1 FROM "GroundTruth" g WHERE g."candidateId" = c.id)
            AND NOT (c.id = ANY(${unreadable}::text[]))
          ORDER BY c."createdAt", c.id
          LIMIT ${batchSize}
          FOR NO KEY UPDATE OF c SKIP LOCKED`;
        // The SELECT's snapshot predates its row locks: a run that held some of these rows may have
        // stored them and committed in between. A new statement sees that commit.
        const stored = await tx.groundTruth.findMany({
          where: { candidateId: { in: rows.map((row) => row.id) } },
          select: { candidateId: true },
        });
        const storedIds = new Set(stored.map((truth) => truth.candidateId));
        const estimates = [];
        for (const row of rows) {
          if (storedIds.has(row.id)) continue;
          const state = readBoardState(row.board);
          if (!state) {
            unreadable.push(row.id);
            continue;
          }
          const seed = truthSeed(row.id);
          const estimate = winProbability(boardFromState(state), { playouts, seed });
          estimates.push({
            candidateId: row.id,
            pBlackWins: estimate.pBlackWins,
            standardError: estimate.standardError,
            playouts: estimate.playouts,
            seed,
            estimator: ESTIMATOR,
          });
          run.estimated++;
          // Playouts are CPU-bound: let the worker's other jobs and heartbeats run in between.
          await yieldToEventLoop();
        }
        // Every writer locks the candidate first, so a duplicate cannot occur; skipping one is cheap insurance.
        if (estimates.length > 0) {
          run.computed += (await tx.groundTruth.createMany({ data: estimates, skipDuplicates: true })).count;
        }
        return rows.length;
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
    if (claimed === 0) break;
    if (Date.now() > deadline) {
      run.stoppedEarly = true;
      break;
    }
  }
  run.unreadable = unreadable.length;
  if (unreadable.length > 0) {
    console.warn(
      `[go-truth] ${unreadable.length} candidate(s) have a board that cannot be read and got no ground truth, e.g. ${unreadable[0]}; re-import them`,
    );
  }
  return run;
}
