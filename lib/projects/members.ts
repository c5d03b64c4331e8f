import { db, type Role } from "../db";
import { DomainError, notFound } from "../errors";
import { addMember } from "./join";
import { forgetMembership } from "./lookup";

export type MemberStatus = "active" | "paused" | "excluded" | "deactivated" | "not a member";

export type ProjectMember = {
  userId: string;
  /** Email, or the crowd worker id for workers who joined with one. */
  label: string;
  role: Role;
  status: MemberStatus;
  member: boolean;
  excluded: boolean;
  /** Served no pairs while a lead has them paused (lib/labelers/actions.ts). */
  paused: boolean;
  judgments: number;
  /** When they were last served a pair in this project. */
  lastActiveAt: Date | null;
};

type MemberRow = Omit<ProjectMember, "status"> & { deactivated: boolean };

/**
 * Everyone who belongs to the project or judged in it (staff may judge without joining; a removed
 * member's judgments stay), members first.
 */
export async function listMembers(projectId: string): Promise<ProjectMember[]> {
  const rows = await db().$queryRaw<MemberRow[]>`
    WITH people AS (
      SELECT "userId" FROM "Membership" WHERE "projectId" = ${projectId}
      UNION SELECT DISTINCT "userId" FROM "Judgment" WHERE "projectId" = ${projectId}
    )
    SELECT u.id AS "userId", coalesce(u.email, u.name, u.id) AS label, u.role,
           u."deactivatedAt" IS NOT NULL AS deactivated,
           m."userId" IS NOT NULL AS member, coalesce(m.excluded, false) AS excluded,
           coalesce(m.paused, false) AS paused,
           (SELECT count(*)::int FROM "Judgment" j WHERE j."userId" = u.id AND j."projectId" = ${projectId}) AS judgments,
           (SELECT max(a."createdAt") FROM "Assignment" a
             WHERE a."userId" = u.id AND a."projectId" = ${projectId}) AS "lastActiveAt"
    FROM people
    JOIN "User" u ON u.id = people."userId"
    LEFT JOIN "Membership" m ON m."userId" = u.id AND m."projectId" = ${projectId}
    ORDER BY member DESC, judgments DESC, label`;
  return rows.map(({ deactivated, ...row }) => ({ ...row, status: memberStatus(row, deactivated) }));
}

function memberStatus(
  row: { member: boolean; excluded: boolean; paused: boolean },
  deactivated: boolean,
): MemberStatus {
  if (deactivated) return "deactivated";
  if (row.excluded) return "excluded";
  if (row.paused) return "paused";
  return row.member ? "active" : "not a member";
}

/** Adds an existing account to the project; adding someone already in it changes nothing. */
export async function addMemberByEmail(projectId: string, email: string) {
  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      deactivatedAt: true,
      memberships: { where: { projectId }, select: { userId: true } },
    },
  });
  if (!user) {
    throw new DomainError(
      "NOT_FOUND",
      `No account has the email ${email}. Create it on the Admin page, or send them the invite link.`,
    );
  }
  if (user.deactivatedAt) {
    throw new DomainError(
      "USER_DEACTIVATED",
      `The account ${email} is deactivated; reactivate it on the Admin page first.`,
    );
  }
  const alreadyMember = user.memberships.length > 0;
  if (!alreadyMember) await addMember(projectId, user.id);
  return { userId: user.id, email: user.email, alreadyMember };
}

/**
 * Takes a member out of the project: they can no longer open it or be served its pairs, and their
 * live leases go back to the pairs. Their judgments stay (a Judgment does not hang off the
 * Membership). An excluded member is refused: exclusion is stored on the membership, so removing it
 * would put their judgments back into exports and training.
 */
export async function removeMember(projectId: string, userId: string) {
  const membership = await db().membership.findUnique({
    where: { projectId_userId: { projectId, userId } },
    select: { excluded: true, user: { select: { email: true, name: true } } },
  });
  if (!membership) throw notFound("That member");
  const who = membership.user.email ?? membership.user.name ?? "This labeler";
  if (membership.excluded) {
    throw new DomainError(
      "MEMBER_EXCLUDED",
      `${who} is excluded from training data, and removing them would bring their judgments back. Keep them excluded; to stop them labeling, deactivate the account on the Admin page.`,
    );
  }
  await db().$transaction([
    db().membership.delete({ where: { projectId_userId: { projectId, userId } } }),
    // Expired now, so the next reclaim gives the slots back to their pairs.
    db().assignment.updateMany({
      where: { projectId, userId, status: "ACTIVE" },
      data: { expiresAt: new Date(0) },
    }),
  ]);
  forgetMembership(projectId, userId);
  return { userId, removed: true };
}
