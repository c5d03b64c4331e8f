import { db } from "../db";
import { DomainError, notFound } from "../errors";
import { forgetProject } from "./lookup";

/**
 * Archiving stops serving pairs (assign/next.ts refuses) and keeps everything; unarchiving serves
 * again. Judgments for leases already handed out are still taken.
 */
export async function setArchived(slug: string, archived: boolean) {
  const { count } = await db().project.updateMany({
    where: { slug },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (count === 0) throw notFound(`Project "${slug}"`);
  forgetProject(slug);
  return { slug, archived };
}

/** Deletes a project with everything in it. `typedSlug` must repeat the slug, as the confirmation. */
export async function deleteProject(slug: string, typedSlug: unknown) {
  if (typedSlug !== slug) {
    throw new DomainError(
      "INVALID_INPUT",
      `Type the project's slug "${slug}" to confirm deleting it; nothing was deleted.`,
      [{ field: "confirmSlug", message: `Type "${slug}" to confirm.` }],
    );
  }
  const { count } = await db().project.deleteMany({ where: { slug } });
  if (count === 0) throw notFound(`Project "${slug}"`);
  forgetProject(slug);
  return { slug, deleted: true };
}
