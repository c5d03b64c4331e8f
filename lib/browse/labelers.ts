import { db } from "../db";

export type LabelerOption = { userId: string; label: string };

/**
 * The users a labeler filter means in this project: an email (any case), a crowd worker id
 * (bound to this project when they joined) or a user id.
 */
export async function labelerIds(projectId: string, labeler: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM "User"
    WHERE lower(email) = lower(${labeler}) OR "externalId" = ${`${projectId}:${labeler}`} OR id = ${labeler}`;
  return rows.map((r) => r.id);
}

/**
 * The project's members, for the labeler filter's suggestions, named as on the Labelers page:
 * email, else crowd worker id, else user id.
 */
export async function memberOptions(projectId: string): Promise<LabelerOption[]> {
  return db().$queryRaw<LabelerOption[]>`
    SELECT u.id AS "userId", coalesce(u.email, u.name, u.id) AS label
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."projectId" = ${projectId}
    ORDER BY label
    LIMIT 2000`;
}
