import { db } from "../../db";
import { env } from "../../env";
import { enqueueRetrain } from "./trigger";

/** A project with judgments no version has been trained on yet. */
export type UntrainedProject = { projectId: string; untrained: number; oldestUntrained: Date };

/**
 * Projects (with automatic retraining on, not archived) that are due for an automatic retrain:
 * at least `retrainEvery` judgments after the newest version's cut-off, or any judgment after it
 * that is older than the quiet period. The count stops at retrainEvery, so a project far behind
 * costs no more than one that just reached it.
 */
export async function projectsDueForRetrain(
  quietSeconds = env().RM_RETRAIN_QUIET_SECONDS,
): Promise<UntrainedProject[]> {
  return db().$queryRaw<UntrainedProject[]>`
    SELECT p.id AS "projectId", u.untrained, u.oldest AS "oldestUntrained"
    FROM "Project" p
    CROSS JOIN LATERAL (SELECT max(m.cutoff) AS cutoff FROM "RewardModel" m WHERE m."projectId" = p.id) latest
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS untrained, min(r."createdAt") AS oldest FROM (
        SELECT j."createdAt" FROM "Judgment" j
        WHERE j."projectId" = p.id AND j."createdAt" > coalesce(latest.cutoff, '-infinity')
        ORDER BY j."createdAt" LIMIT p."retrainEvery") r
    ) u
    WHERE p."retrainEvery" > 0 AND p."archivedAt" IS NULL AND u.untrained > 0
      AND (u.untrained >= p."retrainEvery" OR u.oldest < now() - make_interval(secs => ${quietSeconds}))`;
}

/**
 * Whether an automatic retrain of the project is due now (the rule of projectsDueForRetrain for
 * one project): a retrain job checks it again when it starts, since a version may have covered
 * the judgments while it waited.
 */
export async function retrainDue(
  project: { id: string; retrainEvery: number },
  quietSeconds = env().RM_RETRAIN_QUIET_SECONDS,
): Promise<{ due: boolean; untrained: number }> {
  if (project.retrainEvery <= 0) return { due: false, untrained: 0 };
  const [row] = await db().$queryRaw<{ untrained: number; quiet: boolean | null }[]>`
    WITH latest AS (SELECT max(cutoff) AS cutoff FROM "RewardModel" WHERE "projectId" = ${project.id})
    SELECT count(*)::int AS untrained, min(r."createdAt") < now() - make_interval(secs => ${quietSeconds}) AS quiet
    FROM (
      SELECT j."createdAt" FROM "Judgment" j, latest
      WHERE j."projectId" = ${project.id} AND j."createdAt" > coalesce(latest.cutoff, '-infinity')
      ORDER BY j."createdAt" LIMIT ${project.retrainEvery}) r`;
  const untrained = row?.untrained ?? 0;
  const quiet = row?.quiet === true;
  return { due: untrained >= project.retrainEvery || (untrained > 0 && quiet), untrained };
}

/**
 * The periodic sweep: queues an automatic retrain of every project that is due. Judgments that
 * arrive after the last trigger (the counter in trigger.ts only fires on a judgment, and only
 * once per retrainEvery) are trained at the latest one quiet period later.
 */
export async function sweepRetrains(quietSeconds = env().RM_RETRAIN_QUIET_SECONDS) {
  const due = await projectsDueForRetrain(quietSeconds);
  let queued = 0;
  for (const project of due) if ((await enqueueRetrain(project.projectId, "auto")) !== null) queued++;
  return { due: due.length, queued };
}
