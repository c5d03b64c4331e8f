import { db } from "../db";
import { inviteCode } from "./create";
import { forgetProject } from "./lookup";

/** The project an invite code opens, or null for an unknown code. */
export function projectByInviteCode(code: string) {
  return db().project.findUnique({ where: { inviteCode: code }, select: { slug: true, name: true } });
}

/**
 * A new invite code for the project: links with the old one stop working at once (sign-up,
 * crowd worker sign-in and joining all look the code up). Members stay members.
 */
export async function rotateInviteCode(project: { id: string; slug: string }): Promise<{ inviteCode: string }> {
  const updated = await db().project.update({
    where: { id: project.id },
    data: { inviteCode: inviteCode() },
    select: { inviteCode: true },
  });
  forgetProject(project.slug);
  return updated;
}

/** The current code, read from the database: the cached project may predate a rotation. */
export async function currentInviteCode(projectId: string): Promise<string> {
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { inviteCode: true } });
  return project.inviteCode;
}
