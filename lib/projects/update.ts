import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import type { Project } from "../generated/prisma/client";
import { forgetProject } from "./lookup";
import { parseSettings } from "./setting-problems";
import { settingsPatchSchema } from "./settings";

type Tx = Prisma.TransactionClient;

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

/**
 * openSlots = k − judgments − leases still holding a slot, never below 0. A lease holds its slot
 * while ACTIVE, even past its expiry: reclaiming it (assign/leases.ts) gives the slot back then.
 * The pairs are locked first, so no claim, submission or reclaim moves a count between the
 * moment it is read and the update (they wait for the lock or skip the pair).
 */
async function recomputeOpenSlots(tx: Tx, projectId: string, k: number): Promise<void> {
  await tx.$executeRaw`
    SELECT 1 FROM "Pair" WHERE "projectId" = ${projectId} AND NOT "isGold" ORDER BY id FOR UPDATE`;
  await tx.$executeRaw`
    UPDATE "Pair" p SET "openSlots" = GREATEST(0, ${k}::int - p."judgmentCount" - (
      SELECT count(*)::int FROM "Assignment" a WHERE a."pairId" = p.id AND a.status = 'ACTIVE'))
    WHERE p."projectId" = ${projectId} AND NOT p."isGold"`;
}
