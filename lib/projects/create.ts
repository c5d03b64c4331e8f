import { randomBytes } from "node:crypto";
import { db } from "../db";
import { DomainError } from "../errors";
import type { NewProject } from "./settings";

export function inviteCode(): string {
  return randomBytes(9).toString("base64url");
}

export async function createProject(input: NewProject) {
  const existing = await db().project.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (existing) throw new DomainError("SLUG_TAKEN", `A project with slug "${input.slug}" exists; choose another.`);
  return db().project.create({ data: { ...input, inviteCode: inviteCode() } });
}
