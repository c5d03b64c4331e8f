import type { SessionUser } from "../auth/roles";
import { db } from "../db";

/** Projects a user may open: all of them for staff, the joined ones for labelers. */
export function listProjects(user: SessionUser) {
  return db().project.findMany({
    where: user.role === "LABELER" ? { memberships: { some: { userId: user.id } } } : {},
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      k: true,
      archivedAt: true,
      inviteCode: user.role === "ADMIN",
    },
  });
}

/** Every project with its invite code and size, for admins. */
export function listProjectsForAdmin() {
  return db().project.findMany({ orderBy: { createdAt: "asc" }, include: { _count: { select: { prompts: true } } } });
}
