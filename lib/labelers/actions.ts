import { reclaimExpiredLeases } from "../assign";
import { db, type LabelerActionKind } from "../db";
import { DomainError, notFound } from "../errors";
import type { Project } from "../generated/prisma/client";
import { completionCode } from "../projects/join";
import { recomputeOpenSlots } from "../projects/slots";

/**
 * A lead's two reversible decisions about a labeler, each recorded with who, when and why:
 * - pause: no more pairs are served to them (lib/assign/next.ts reads the flag on every request,
 *   uncached) and their live leases are released at once, slots back to the pairs;
 * - exclude: their judgments are left out of statistics, training snapshots and exports (all
 *   read Membership.excluded), and the pairs they judged are recounted so each can still reach k
 *   judgments that count. Including them again recounts the same pairs (never below 0 slots).
 */
export type LabelerActionInput = { action: LabelerActionKind; reason: string };

const STATE: Record<LabelerActionKind, { field: "paused" | "excluded"; value: boolean; already: string }> = {
  PAUSE: { field: "paused", value: true, already: "is already paused" },
  UNPAUSE: { field: "paused", value: false, already: "is not paused" },
  EXCLUDE: { field: "excluded", value: true, already: "is already excluded" },
  INCLUDE: { field: "excluded", value: false, already: "is not excluded" },
};

/** Pausing and excluding need a reason; undoing either may give one. */
export const needsReason = (action: LabelerActionKind) => action === "PAUSE" || action === "EXCLUDE";

export async function actOnLabeler(project: Project, userId: string, actorId: string, input: LabelerActionInput) {
  const reason = input.reason.trim();
  if (needsReason(input.action) && !reason) {
    throw new DomainError("INVALID_INPUT", "Say why: the reason is kept in the labeler's history.", {
      issues: [{ path: ["reason"], message: "Give a reason" }],
    });
  }
  const { field, value, already } = STATE[input.action];
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!user) throw notFound("That labeler");
  const who = user.email ?? user.name ?? "This labeler";

  const action = await db().$transaction(async (tx) => {
    // Locked so two leads acting at once are ordered, and the history matches the state.
    await tx.membership.upsert({
      where: { projectId_userId: { projectId: project.id, userId } },
      create: { projectId: project.id, userId, completionCode: completionCode() },
      update: {},
    });
    const [current] = await tx.$queryRaw<{ paused: boolean; excluded: boolean }[]>`
      SELECT paused, excluded FROM "Membership"
      WHERE "projectId" = ${project.id} AND "userId" = ${userId} FOR UPDATE`;
    if (current?.[field] === value) throw new DomainError("INVALID_INPUT", `${who} ${already}.`);
    await tx.membership.update({
      where: { projectId_userId: { projectId: project.id, userId } },
      data: { [field]: value },
    });
    if (input.action === "PAUSE") {
      // Expired now; the reclaim below gives the slots back to their pairs.
      await tx.assignment.updateMany({
        where: { projectId: project.id, userId, status: "ACTIVE" },
        data: { expiresAt: new Date(0) },
      });
    }
    if (field === "excluded") {
      // k as stored now: the cached project may be a few seconds old.
      const [{ k } = project] = await tx.$queryRaw<{ k: number }[]>`SELECT k FROM "Project" WHERE id = ${project.id}`;
      await recomputeOpenSlots(tx, project.id, k, userId);
    }
    return tx.labelerAction.create({
      data: { projectId: project.id, userId, actorId, action: input.action, reason },
    });
  });
  if (input.action === "PAUSE") await reclaimExpiredLeases(project.id);
  return { userId, action: action.action, reason: action.reason, createdAt: action.createdAt };
}

export type LabelerActionRow = {
  id: string;
  userId: string;
  labeler: string;
  action: LabelerActionKind;
  reason: string;
  actor: string;
  createdAt: Date;
};

/** The project's history of pauses and exclusions, newest first. */
export async function labelerHistory(projectId: string, limit = 200): Promise<LabelerActionRow[]> {
  return db().$queryRaw<LabelerActionRow[]>`
    SELECT a.id, a."userId", coalesce(u.email, u.name, u.id) AS labeler, a.action, a.reason,
           coalesce(actor.email, actor.name, actor.id) AS actor, a."createdAt"
    FROM "LabelerAction" a
    JOIN "User" u ON u.id = a."userId"
    JOIN "User" actor ON actor.id = a."actorId"
    WHERE a."projectId" = ${projectId}
    ORDER BY a."createdAt" DESC, a.id DESC
    LIMIT ${limit}::int`;
}
