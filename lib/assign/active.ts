import { db, Prisma } from "../db";
import type { Project } from "../generated/prisma/client";
import { claimRegularPair, type LeaseRow } from "./claim";

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

// Pairs the labeler may get, as in claim.ts (whose fragments are not exported): not judged or held
// by them, and without their own demonstration.
const eligible = (userId: string) => sql`
  NOT EXISTS (
    SELECT 1 FROM "Assignment" a
    WHERE a."pairId" = w.id AND a."userId" = ${userId} AND a.status <> 'EXPIRED')
  AND w."candidateAId" NOT IN (SELECT id FROM "Candidate" WHERE "authorId" = ${userId})
  AND w."candidateBId" NOT IN (SELECT id FROM "Candidate" WHERE "authorId" = ${userId})`;

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
 * The claim has the guarantees of claimRegularPair: the pair row is locked FOR UPDATE SKIP LOCKED,
 * `openSlots > 0` is re-checked under the lock and decremented in the same statement, so no pair
 * gets more than k judgments. The new lease is then read back through claimRegularPair, which
 * serves a labeler's live lease before claiming anything: one definition of what a task shows, and
 * a lease the labeler already held (after a reload) still comes first, as without active learning.
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
      AND ${eligible(userId)}
    ORDER BY w."shuffleKey" LIMIT ${UNCERTAINTY_WINDOW}::int`;
  // Looked up per pair of the window (a few dozen), by the (modelId, candidateId) key.
  const reward = (candidateId: Prisma.Sql) =>
    sql`(SELECT s.reward FROM "Score" s WHERE s."modelId" = ${modelId} AND s."candidateId" = ${candidateId})`;
  await db().$executeRaw`
    WITH level AS (
      SELECT generate_series(1, (
        SELECT max(q."openSlots") FROM "Pair" q WHERE q."projectId" = ${projectId} AND NOT q."isGold")) AS slots
      WHERE NOT EXISTS (
        SELECT 1 FROM "Assignment"
        WHERE "userId" = ${userId} AND "projectId" = ${projectId} AND status = 'ACTIVE'
          AND "expiresAt" > now() AND NOT (id = ANY(${exclude}::text[])))
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
    ), claimed AS (
      UPDATE "Pair" p SET "openSlots" = p."openSlots" - 1
      FROM pick WHERE p.id = pick.id
      RETURNING p.id, p."candidateAId", p."candidateBId"
    )
    INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "expiresAt")
    SELECT gen_random_uuid()::text, ${projectId}, c.id, ${userId},
           CASE WHEN random() < 0.5 THEN c."candidateAId" ELSE c."candidateBId" END,
           'ACTIVE', now() + make_interval(secs => ${leaseSeconds})
    FROM claimed c`;
  return claimRegularPair(projectId, userId, leaseSeconds, exclude);
}
