import { randomBytes } from "node:crypto";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseSettings } from "./setting-problems";
import { newProjectSchema, SETTING_DEFAULTS } from "./settings";

export function inviteCode(): string {
  return randomBytes(9).toString("base64url");
}

/** A new project from a slug, a name, its kind and any settings (validated here; the rest take their defaults). */
export async function createProject(input: unknown) {
  const { slug, name, kind, ...settings } = parseSettings(newProjectSchema, input);
  const existing = await db().project.findUnique({ where: { slug }, select: { id: true } });
  if (existing) throw new DomainError("SLUG_TAKEN", `A project with slug "${slug}" exists; choose another.`);
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return db().project.create({
    data: { ...SETTING_DEFAULTS, ...defined, slug, name, kind, inviteCode: inviteCode() },
  });
}
