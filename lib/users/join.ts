import { z } from "zod";
import { db } from "../db";
import { notFound } from "../http/errors";
import { addMember } from "../projects/join";
import { createUser, newUserSchema } from "./create";

export const joinWithEmailSchema = newUserSchema.omit({ role: true }).extend({ code: z.string().min(1) });

/** A labeler signs up through a project's invite link with email and password. */
export async function joinWithEmail(input: z.infer<typeof joinWithEmailSchema>) {
  const project = await db().project.findUnique({
    where: { inviteCode: input.code },
    select: { id: true, slug: true },
  });
  if (!project) throw notFound("Invite link");
  const user = await createUser({ ...input, role: "LABELER" });
  await addMember(project.id, user.id);
  return { userId: user.id, project: project.slug };
}
