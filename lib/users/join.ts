import { z } from "zod";
import { verifyPassword } from "../auth/password";
import { db } from "../db";
import { DomainError, notFound } from "../errors";
import { addMember } from "../projects/join";
import { createUser, newUserSchema } from "./create";

export const joinWithEmailSchema = newUserSchema.omit({ role: true }).extend({ code: z.string().min(1) });

/**
 * A labeler joins a project through its invite link with email and password: a new account, or
 * an existing one when the password matches (so one account can work in several projects).
 */
export async function joinWithEmail(input: z.infer<typeof joinWithEmailSchema>) {
  const project = await db().project.findUnique({
    where: { inviteCode: input.code },
    select: { id: true, slug: true },
  });
  if (!project) throw notFound("Invite link");
  const existing = await db().user.findUnique({ where: { email: input.email } });
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new DomainError(
      "EMAIL_TAKEN",
      `An account with ${input.email} exists and the password does not match; use that account's password to join.`,
      [{ field: "password", message: "does not match the existing account" }],
    );
  }
  if (existing?.deactivatedAt) {
    throw new DomainError(
      "USER_DEACTIVATED",
      `The account ${input.email} is deactivated; ask an admin to reactivate it.`,
    );
  }
  const userId = existing?.id ?? (await createUser({ ...input, role: "LABELER" })).id;
  await addMember(project.id, userId);
  return { userId, project: project.slug };
}
