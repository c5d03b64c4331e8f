import { db } from "../db";
import { notFound } from "../errors";
import type { Project } from "../generated/prisma/client";
import { forgetProject } from "./lookup";
import { parseSettings } from "./setting-problems";
import { settingsPatchSchema } from "./settings";
import { recomputeOpenSlots } from "./slots";

// Recomputing the slots of every pair of a large project holds their locks for a while.
const K_CHANGE_TIMEOUT_MS = 120_000;

/**
 * Changes some of a project's settings, all or none: bad input is refused before anything is
 * written. A new k recomputes every regular pair's open slots in the same transaction.
 */
export async function updateSettings(slug: string, input: unknown): Promise<Project> {
  const patch = parseSettings(settingsPatchSchema, input);
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as typeof patch;
  const updated = await db().$transaction(
    async (tx) => {
      const [current] = await tx.$queryRaw<{ id: string; k: number }[]>`
        SELECT id, k FROM "Project" WHERE slug = ${slug} FOR UPDATE`;
      if (!current) throw notFound(`Project "${slug}"`);
      const project = await tx.project.update({ where: { id: current.id }, data: changes });
      if (changes.k !== undefined && changes.k !== current.k) await recomputeOpenSlots(tx, current.id, changes.k);
      return project;
    },
    { timeout: K_CHANGE_TIMEOUT_MS },
  );
  forgetProject(slug);
  return updated;
}
