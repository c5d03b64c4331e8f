import { randomBytes } from "node:crypto";
import { z } from "zod";
import { forgetAccount } from "../auth/account";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { DomainError, notFound } from "../errors";

export const userChangeSchema = z
  .object({
    role: z.enum(["LABELER", "LEAD", "ML", "ADMIN"], "Role must be one of LABELER, LEAD, ML, ADMIN").optional(),
    active: z.boolean("Active must be true or false").optional(),
  })
  .refine((change) => change.role !== undefined || change.active !== undefined, "Send a role or active to change");

export type UserChange = z.infer<typeof userChangeSchema>;

/**
 * An admin changes a user's role or (de)activates the account. A deactivated user cannot sign in
 * or call the API, even with a session they already hold; their judgments and memberships stay.
 * Admins cannot do either to themselves, so the last admin cannot lock everyone out by a slip.
 */
export async function changeUser(adminId: string, userId: string, change: UserChange) {
  if (adminId === userId) {
    throw new DomainError(
      "OWN_ACCOUNT",
      "You cannot change your own role or deactivate your own account; ask another admin to do it.",
    );
  }
  await existingUser(userId);
  const deactivatedAt = change.active === undefined ? undefined : change.active ? null : new Date();
  const user = await db().user.update({
    where: { id: userId },
    data: { role: change.role, deactivatedAt },
    select: { id: true, email: true, role: true, deactivatedAt: true },
  });
  forgetAccount(userId);
  return { id: user.id, email: user.email, role: user.role, active: user.deactivatedAt === null };
}

/** A new generated password; it is returned once and only its hash is stored. */
export async function resetPassword(userId: string): Promise<{ password: string }> {
  const user = await existingUser(userId);
  if (!user.email) {
    throw new DomainError(
      "INVALID_INPUT",
      "This user is a crowd worker without an email and signs in through the invite link; there is no password to reset.",
    );
  }
  const password = randomBytes(12).toString("base64url");
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  return { password };
}

async function existingUser(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw notFound("That user");
  return user;
}
