import { db } from "../db";
import type { TruthEstimatorName } from "../go/estimators";
import { readBoardState } from "../go/state";
import { truthPlayouts, truthSeed } from "./config";
import { EstimatePool } from "./threads";

export type TruthOptions = {
  /** Default: GO_TRUTH_PLAYOUTS, else 2,500. */
  playouts?: number;
  /** Candidates per transaction; their rows stay locked against other workers until it commits. */
  batchSize?: number;
  /** Stop starting new batches after this long; the rest waits for the next run. Default: no limit. */
  maxMs?: number;
  /** Worker threads; default GO_TRUTH_THREADS, else one per core. */
  threads?: number;
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
 * all) that has none yet, or one by another estimator than its project's `goTruthEstimator`
 * (after the setting changed): that row is replaced in place when the new estimate is in, so the
 * old truth stays readable until then. Estimates run on worker threads, one per core. Safe with
 * several workers at once: each batch locks its candidate rows with SKIP LOCKED and checks them
 * again once locked, so workers share the work instead of repeating it. Every estimate uses a seed derived from the candidate id, so it is reproducible.
 */
export async function computeMissingTruth(projectId?: string, options: TruthOptions = {}): Promise<TruthRun> {
  const playouts = options.playouts ?? truthPlayouts();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const run: TruthRun = { computed: 0, estimated: 0, unreadable: 0, playouts, stoppedEarly: false };
  const deadline = Date.now() + (options.maxMs ?? Number.POSITIVE_INFINITY);
  const pool = new EstimatePool(options.threads);
  try {
    return await computeBatches(projectId, pool, { playouts, batchSize, deadline, run });
  } finally {
    await pool.close();
  }
}

async function computeBatches(
  projectId: string | undefined,
  pool: EstimatePool,
  settings: { playouts: number; batchSize: number; deadline: number; run: TruthRun },
): Promise<TruthRun> {
  const { playouts, deadline, run } = settings;
  // Enough candidates per transaction to keep every thread busy.
  const batchSize = Math.max(settings.batchSize, pool.size);
  // Rows whose board cannot be read are passed over for the rest of this run (and reported).
  const unreadable: string[] = [];
  while (true) {
    const claimed = await db().$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string; board: unknown; estimator: TruthEstimatorName }[]>`
          SELECT c.id, c.board, pj."goTruthEstimator" AS estimator FROM "Candidate" c
          JOIN "Prompt" pr ON pr.id = c."promptId"
          JOIN "Project" pj ON pj.id = pr."projectId"
          WHERE pj.kind = 'GO' AND c.board IS NOT NULL
            AND (${projectId ?? null}::text IS NULL OR pj.id = ${projectId ?? null}::text)
            AND NOT EXISTS (
              SELECT 1 FROM "GroundTruth" g WHERE g."candidateId" = c.id AND g.estimator = pj."goTruthEstimator")
            AND NOT (c.id = ANY(${unreadable}::text[]))
          ORDER BY c."createdAt", c.id
          LIMIT ${batchSize}
          FOR NO KEY UPDATE OF c SKIP LOCKED`;
        // The SELECT's snapshot predates its row locks: a run that held some of these rows may have
        // stored them and committed in between. A new statement sees that commit.
        const stored = await tx.groundTruth.findMany({
          where: { candidateId: { in: rows.map((row) => row.id) } },
          select: { candidateId: true, estimator: true },
        });
        const done = new Set(stored.map((truth) => `${truth.candidateId}:${truth.estimator}`));
        const readable = rows.flatMap((row) => {
          if (done.has(`${row.id}:${row.estimator}`)) return [];
          const state = readBoardState(row.board);
          if (!state) unreadable.push(row.id);
          return state ? [{ ...row, state, seed: truthSeed(row.id) }] : [];
        });
        // The threads do the CPU work, so this thread's event loop (heartbeats, other jobs) stays free.
        const estimates = await Promise.all(
          readable.map(async (row) => {
            const estimate = await pool.estimate(row.state, row.estimator, { seed: row.seed, playouts });
            return { candidateId: row.id, ...estimate, seed: row.seed, estimator: row.estimator };
          }),
        );
        run.estimated += estimates.length;
        // Every writer locks the candidate first; the upsert only replaces a row by another estimator.
        for (const estimate of estimates) {
          const stored = await tx.$executeRaw`
            INSERT INTO "GroundTruth" ("candidateId", "pBlackWins", "standardError", playouts, seed, estimator)
            VALUES (${estimate.candidateId}, ${estimate.pBlackWins}, ${estimate.standardError}, ${estimate.playouts},
                    ${estimate.seed}, ${estimate.estimator})
            ON CONFLICT ("candidateId") DO UPDATE SET
              "pBlackWins" = EXCLUDED."pBlackWins", "standardError" = EXCLUDED."standardError",
              playouts = EXCLUDED.playouts, seed = EXCLUDED.seed, estimator = EXCLUDED.estimator,
              "computedAt" = now()
            WHERE "GroundTruth".estimator <> EXCLUDED.estimator`;
          run.computed += stored;
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
