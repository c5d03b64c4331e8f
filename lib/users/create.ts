import { z } from "zod";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { DomainError } from "../errors";

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address like ada@example.com")),
  password: z.string().min(8, "must be at least 8 characters"),
  role: z.enum(["LABELER", "LEAD", "ML", "ADMIN"]).default("LABELER"),
  name: z.string().trim().max(200).optional(),
});

export type NewUser = z.infer<typeof newUserSchema>;

export async function createUser(input: NewUser) {
  const taken = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new DomainError("EMAIL_TAKEN", `A user with email ${input.email} exists; sign in instead.`);
  const user = await db().user.create({
    data: { email: input.email, role: input.role, name: input.name, passwordHash: await hashPassword(input.password) },
  });
  return { id: user.id, email: user.email, role: user.role, name: user.name };
}
