import { db } from "../db";
import type { Project } from "../generated/prisma/client";

export type LabelingProgress = {
  /** Judgments of this labeler stored in this project (undone ones are gone). */
  judged: number;
  quotaLeft: number | null;
  /** Pairs the labeler could still get: open, not judged, held or skipped by them, plus their live leases. */
  openPairs: number;
};

/**
 * Where the labeler stands when the page loads, from the server, so it survives reloads; the
 * compare screen counts on from there (and counts what its outbox still holds). Not part of the
 * next-pair answer: counting open pairs reads every open pair of the project, too slow for the
 * hot path, which stays at two statements per judgment.
 */
export async function labelingProgress(project: Project, userId: string): Promise<LabelingProgress> {
  const [judged, openPairs, held] = await Promise.all([
    // A judged lease is DONE (undo makes it ACTIVE again): read off the (userId, projectId, status) index.
    db().assignment.count({ where: { projectId: project.id, userId, status: "DONE" } }),
    db().pair.count({
      where: {
        projectId: project.id,
        isGold: false,
        openSlots: { gt: 0 },
        assignments: { none: { userId, status: { not: "EXPIRED" } } },
        skips: { none: { userId } },
      },
    }),
    db().assignment.count({ where: { projectId: project.id, userId, status: "ACTIVE" } }),
  ]);
  return {
    judged,
    quotaLeft: project.quota > 0 ? Math.max(0, project.quota - judged) : null,
    openPairs: openPairs + held,
  };
}
