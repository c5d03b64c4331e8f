import { db } from "../db";
import { notFound } from "../errors";
import type { Project } from "../generated/prisma/client";
import { goTruthQueue, sendJob } from "../jobs";
import { forgetProject } from "./lookup";
import { parseSettings } from "./setting-problems";
import { settingsPatchSchema } from "./settings";
import { recomputeOpenSlots } from "./slots";

// Recomputing the slots of every pair of a large project holds their locks for a while.
const K_CHANGE_TIMEOUT_MS = 120_000;

/**
 * Changes some of a project's settings, all or none: bad input is refused before anything is
 * written. A new k recomputes every regular pair's open slots in the same transaction; a Go
 * project's new truth estimator queues the go-truth job that recomputes its truth.
 */
export async function updateSettings(slug: string, input: unknown): Promise<Project> {
  const patch = parseSettings(settingsPatchSchema, input);
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as typeof patch;
  const updated = await db().$transaction(
    async (tx) => {
      const [current] = await tx.$queryRaw<{ id: string; k: number; goTruthEstimator: string }[]>`
        SELECT id, k, "goTruthEstimator" FROM "Project" WHERE slug = ${slug} FOR UPDATE`;
      if (!current) throw notFound(`Project "${slug}"`);
      const project = await tx.project.update({ where: { id: current.id }, data: changes });
      if (changes.k !== undefined && changes.k !== current.k) await recomputeOpenSlots(tx, current.id, changes.k);
      return { project, truthChanged: project.goTruthEstimator !== current.goTruthEstimator };
    },
    { timeout: K_CHANGE_TIMEOUT_MS },
  );
  forgetProject(slug);
  // A new estimator replaces every board's truth in the background (lib/truth/compute.ts); pairs
  // keep their old true answer until then. Queued after the commit, so the job sees the new setting.
  if (updated.truthChanged && updated.project.kind === "GO") {
    await sendJob(goTruthQueue, { projectId: updated.project.id }, { singletonKey: updated.project.id });
  }
  return updated.project;
}
