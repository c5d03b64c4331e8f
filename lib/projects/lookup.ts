import { STAFF } from "../auth/roles";
import { db, type Role } from "../db";
import { forbidden, notFound } from "../errors";
import type { Project } from "../generated/prisma/client";

// Settings change rarely and are read on every labeling request: keep them a few seconds.
const TTL_MS = 5_000;
const bySlug = new Map<string, { project: Project; at: number }>();

export async function projectBySlug(slug: string): Promise<Project> {
  const hit = bySlug.get(slug);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.project;
  const project = await db().project.findUnique({ where: { slug } });
  if (!project) throw notFound(`Project "${slug}"`);
  bySlug.set(slug, { project, at: Date.now() });
  return project;
}

/**
 * The project as stored now, for pages that edit it: the cache is per server bundle (Next.js
 * builds each route and page separately), so forgetProject in an API route does not reach a page.
 */
export async function freshProjectBySlug(slug: string): Promise<Project> {
  bySlug.delete(slug);
  return projectBySlug(slug);
}

export function forgetProject(slug: string): void {
  bySlug.delete(slug);
}

// A positive answer is reused for a few seconds; a negative one is not (the labeler may join a
// moment later). A removal is forgotten at once by the process that made it (forgetMembership) and
// reaches other web servers within MEMBER_TTL_MS.
const MEMBER_TTL_MS = 5_000;
const members = new Map<string, number>();

export function forgetMembership(projectId: string, userId: string): void {
  members.delete(`${projectId}:${userId}`);
}

/** Labelers work only in projects they joined; staff roles may open any project. */
export async function requireProjectAccess(user: { id: string; role: Role }, slug: string): Promise<Project> {
  const project = await projectBySlug(slug);
  if (user.role !== "LABELER") return project;
  const key = `${project.id}:${user.id}`;
  if (Date.now() - (members.get(key) ?? 0) < MEMBER_TTL_MS) return project;
  const member = await db().membership.findUnique({
    where: { projectId_userId: { projectId: project.id, userId: user.id } },
    select: { userId: true },
  });
  if (!member) throw forbidden();
  if (members.size > 100_000) members.clear();
  members.set(key, Date.now());
  return project;
}

/**
 * Who may open a project through a route: "member" — labelers who joined it, and every staff role
 * (requireProjectAccess); "staff" — staff roles only, whatever the memberships.
 */
export type ProjectAccess = "member" | "staff";

export async function openProject(
  user: { id: string; role: Role },
  slug: string,
  access: ProjectAccess,
): Promise<Project> {
  if (access === "member") return requireProjectAccess(user, slug);
  if (!STAFF.includes(user.role)) throw forbidden();
  return projectBySlug(slug);
}
