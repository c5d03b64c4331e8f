import { db, Prisma } from "../db";
import type { Project } from "../generated/prisma/client";
import { claimRegularPair, eligibleFor, type LeaseRow, leasePickedSlot, resumed } from "./claim";

const sql = Prisma.sql;

/** Share of active-learning requests served in regular order, so the model also sees pairs it is sure about. */
export const DEFAULT_EXPLORATION = 0.1;

/**
 * Pairs looked at per request and per openSlots level: the statement reads this many entries of
 * the serving index per level instead of every open pair (the whole-project ordering took 50 ms at
 * 20,000 pairs, this about 3 ms at any size). A small sample is also the better rule: the most
 * uncertain of ~25 random pairs saved more judgments in tests/bench/active.ts than of ~100, which
 * leans harder toward pairs whose votes are coin flips for anyone.
 */
export const UNCERTAINTY_WINDOW = 25;

/** The most uncertain pairs of the window tried in turn when others hold or have filled the first. */
const LOCK_ATTEMPTS = 16;

type ClaimOptions = {
  exclude: string[];
  random: () => number;
  /** Share of requests that take the regular claim instead; default DEFAULT_EXPLORATION. */
  exploration?: number;
};

/**
 * The next regular pair for a labeler: with active learning on and a current reward model, most
 * requests get a pair the model is unsure about; the others, and every request without a model,
 * get the regular serving order.
 */
export async function claimNextPair(project: Project, userId: string, options: ClaimOptions): Promise<LeaseRow | null> {
  const { exclude, random, exploration = DEFAULT_EXPLORATION } = options;
  const modelId = project.activeLearning ? project.currentModelId : null;
  if (modelId && !(random() < exploration)) {
    const start = Math.floor(random() * 2_147_483_647);
    return claimUncertainPair(project.id, modelId, userId, project.leaseSeconds, exclude, start);
  }
  return claimRegularPair(project.id, userId, project.leaseSeconds, exclude);
}

/**
 * Claims one open slot of the pair the model is least sure of, |P(A beats B) − ½| smallest with
 * P = σ(r_A − r_B) from the model's Scores. |σ(d) − ½| grows with |d|, so pairs are ordered by
 * |r_A − r_B|; a pair with an unscored candidate counts as d = 0 (the model has not seen it).
 *
 * Which pairs compete: for each openSlots level, the next UNCERTAINTY_WINDOW eligible pairs in
 * shuffleKey order from a random point `start` (wrapping around), read off the serving index. It
 * is a fresh random sample of the open pairs on every request, so pairs that the model was sure of
 * cannot pile up in front of the rest, and partly judged pairs (few at each level) compete with
 * fresh ones.
 *
 * One statement, with the ends of claimRegularPair's (claim.ts), so it has the same guarantees: a
 * live lease the labeler already holds (after a reload) is served instead of a claim, as without
 * active learning; the pair row is locked FOR UPDATE SKIP LOCKED, `openSlots > 0` is re-checked
 * under the lock and decremented in the same statement, so no pair gets more than k judgments plus
 * live leases; and the lease comes back with its content.
 *
 * When it returns nothing, all of the LOCK_ATTEMPTS most uncertain pairs were held or filled by
 * concurrent claims (or no open pair is left): the labeler then gets a regular pair rather than
 * none, from claimRegularPair, at the cost of one more round trip in that rare case.
 */
export async function claimUncertainPair(
  projectId: string,
  modelId: string,
  userId: string,
  leaseSeconds: number,
  exclude: string[],
  start: number,
): Promise<LeaseRow | null> {
  const window = (range: Prisma.Sql) => sql`
    SELECT w.id, w."candidateAId", w."candidateBId", w."openSlots", w."shuffleKey" FROM "Pair" w
    WHERE w."projectId" = ${projectId} AND NOT w."isGold" AND w."openSlots" = level.slots AND ${range}
      AND ${eligibleFor(userId, "w")}
    ORDER BY w."shuffleKey" LIMIT ${UNCERTAINTY_WINDOW}::int`;
  // Looked up per pair of the window (a few dozen), by the (modelId, candidateId) key.
  const reward = (candidateId: Prisma.Sql) =>
    sql`(SELECT s.reward FROM "Score" s WHERE s."modelId" = ${modelId} AND s."candidateId" = ${candidateId})`;
  const rows = await db().$queryRaw<LeaseRow[]>`
    WITH ${resumed(projectId, userId, exclude)}, level AS (
      SELECT generate_series(1, (
        SELECT max(q."openSlots") FROM "Pair" q WHERE q."projectId" = ${projectId} AND NOT q."isGold")) AS slots
      WHERE NOT EXISTS (SELECT 1 FROM resumed)
    ), contenders AS (
      SELECT win.id, win."openSlots", win."shuffleKey",
             coalesce(abs(${reward(sql`win."candidateAId"`)} - ${reward(sql`win."candidateBId"`)}), 0) AS gap
      FROM level CROSS JOIN LATERAL (
        (${window(sql`w."shuffleKey" >= ${start}::int`)})
        UNION ALL
        (${window(sql`w."shuffleKey" < ${start}::int`)})
        LIMIT ${UNCERTAINTY_WINDOW}::int
      ) win
      ORDER BY gap, win."openSlots", win."shuffleKey"
      LIMIT ${LOCK_ATTEMPTS}::int
    ), ranked AS MATERIALIZED (
      -- One row holding the best few ids in order, planned on its own: the planner cannot size the
      -- window (it guesses 1,000 openSlots levels), and that guess must not decide how the lock
      -- step below reads Pair (by primary key).
      SELECT array_agg(id ORDER BY gap, "openSlots", "shuffleKey") AS ids FROM contenders
    ), pick AS (
      SELECT p.id FROM ranked JOIN "Pair" p ON p.id = ANY(ranked.ids)
      WHERE p."openSlots" > 0
      ORDER BY array_position(ranked.ids, p.id)
      LIMIT 1
      FOR UPDATE OF p SKIP LOCKED
    ), ${leasePickedSlot(projectId, userId, leaseSeconds)}`;
  return rows[0] ?? claimRegularPair(projectId, userId, leaseSeconds, exclude);
}
