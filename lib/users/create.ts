import { z } from "zod";
import { hashPassword } from "../auth/password";
import { passwordSchema } from "../auth/password-policy";
import { db } from "../db";
import { DomainError } from "../errors";

export function emailSchema() {
  return z
    .string({ error: "Email is required" })
    .trim()
    .toLowerCase()
    .pipe(z.email("Email must be an email address like ada@example.com"));
}

export const newUserSchema = z.object({
  email: emailSchema(),
  password: passwordSchema,
  role: z.enum(["LABELER", "LEAD", "ML", "ADMIN"], "Role must be one of LABELER, LEAD, ML, ADMIN").default("LABELER"),
  name: z.string().trim().max(200, "Name must be at most 200 characters").optional(),
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
