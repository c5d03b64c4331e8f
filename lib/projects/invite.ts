import { db } from "../db";

/** The project an invite code opens, or null for an unknown code. */
export function projectByInviteCode(code: string) {
  return db().project.findUnique({ where: { inviteCode: code }, select: { slug: true, name: true } });
}
