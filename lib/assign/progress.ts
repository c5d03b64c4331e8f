import { db } from "../db";
import type { Project } from "../generated/prisma/client";

export type LabelingProgress = { quotaLeft: number | null; openPairs: number };

/** Where the labeler stands when the page loads; the compare screen counts on from there. */
export async function labelingProgress(project: Project, userId: string): Promise<LabelingProgress> {
  const [judged, openPairs, held] = await Promise.all([
    project.quota > 0 ? db().judgment.count({ where: { projectId: project.id, userId } }) : Promise.resolve(0),
    db().pair.count({
      where: {
        projectId: project.id,
        isGold: false,
        openSlots: { gt: 0 },
        assignments: { none: { userId, status: { not: "EXPIRED" } } },
      },
    }),
    db().assignment.count({ where: { projectId: project.id, userId, status: "ACTIVE" } }),
  ]);
  return {
    quotaLeft: project.quota > 0 ? Math.max(0, project.quota - judged) : null,
    openPairs: openPairs + held,
  };
}
