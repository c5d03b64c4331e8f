import { randomBytes } from "node:crypto";
import { db } from "../db";

export function completionCode(): string {
  return randomBytes(6).toString("hex").toUpperCase();
}

export async function addMember(projectId: string, userId: string): Promise<void> {
  await db().membership.upsert({
    where: { projectId_userId: { projectId, userId } },
    create: { projectId, userId, completionCode: completionCode() },
    update: {},
  });
}

/**
 * Crowd workers arrive with a platform worker id in the invite link. The same id and invite
 * always map to the same labeler, so a worker who comes back continues where they stopped.
 */
export async function joinWithWorkerId(code: string, workerId: string) {
  const cleanId = workerId.trim();
  if (!/^[\w.@:-]{1,128}$/.test(cleanId)) return null;
  const project = await db().project.findUnique({ where: { inviteCode: code }, select: { id: true } });
  if (!project) return null;
  const externalId = `${project.id}:${cleanId}`;
  const user =
    (await db().user.findFirst({ where: { externalId } })) ??
    (await db().user.create({ data: { externalId, role: "LABELER", name: cleanId } }));
  // A deactivated worker is refused at sign-in; they do not become a member again either.
  if (!user.deactivatedAt) await addMember(project.id, user.id);
  return user;
}

/**
 * A signed-in user opens an invite link: they join its project at once. Returns the project's
 * slug, or null for an unknown (or rotated) code.
 */
export async function joinByInvite(code: string, userId: string): Promise<string | null> {
  const project = await db().project.findUnique({ where: { inviteCode: code }, select: { id: true, slug: true } });
  if (!project) return null;
  await addMember(project.id, userId);
  return project.slug;
}
