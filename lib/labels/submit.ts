import { db } from "../db";
import type { Project } from "../generated/prisma/client";
import { HttpError, notFound } from "../http/errors";
import type { JudgmentInput } from "./schema";

export type StoredJudgment = { judgmentId: string; clientId: string; storedAt: string };

type Row = { id: string; clientId: string; createdAt: Date };

const pairFull = () =>
  new HttpError(409, "PAIR_FULL", "This pair already has all the judgments it needs; here is another one.");
const alreadyJudged = () => new HttpError(409, "ALREADY_JUDGED", "You already judged this pair.");

/**
 * Stores one judgment exactly once. The client id is the idempotency key: a retry of a stored
 * judgment gets the same answer as the first attempt. A judgment whose lease expired still counts
 * if the pair has a free slot; otherwise it is refused and nothing is written.
 */
export async function submitJudgment(project: Project, userId: string, input: JudgmentInput): Promise<StoredJudgment> {
  checkAgainstSettings(project, input);
  const stored = await db().$transaction(async (tx) => {
    // The labeler answered about left/right; the row stores the pair's own A/B.
    const inserted = await tx.$queryRaw<Row[]>`
      INSERT INTO "Judgment" (id, "clientId", "projectId", "pairId", "userId", "assignmentId", choice,
                              strength, rationale, "leftCandidateId", "durationMs")
      SELECT gen_random_uuid()::text, ${input.clientId}, a."projectId", a."pairId", a."userId", a.id,
             (CASE WHEN a."leftCandidateId" = p."candidateAId" OR ${input.choice} IN ('TIE', 'BOTH_BAD')
                   THEN ${input.choice}
                   WHEN ${input.choice} = 'A' THEN 'B' ELSE 'A' END)::"Choice",
             ${input.strength ?? null}::int, ${input.rationale || null}, a."leftCandidateId", ${input.durationMs}
      FROM "Assignment" a JOIN "Pair" p ON p.id = a."pairId"
      WHERE a.id = ${input.assignmentId} AND a."userId" = ${userId} AND a."projectId" = ${project.id}
      ON CONFLICT DO NOTHING
      RETURNING id, "clientId", "createdAt"`;
    const row = inserted[0];
    if (!row) return null;
    const onLease = await tx.$queryRaw<{ id: string }[]>`
      WITH lease AS (
        UPDATE "Assignment" SET status = 'DONE'
        WHERE id = ${input.assignmentId} AND status = 'ACTIVE' RETURNING "pairId"
      )
      UPDATE "Pair" p SET "judgmentCount" = p."judgmentCount" + 1
      FROM lease WHERE p.id = lease."pairId" RETURNING p.id`;
    if (onLease.length === 0) {
      const late = await tx.$queryRaw<{ id: string }[]>`
        WITH slot AS (
          UPDATE "Pair" p SET "judgmentCount" = p."judgmentCount" + 1,
                 "openSlots" = CASE WHEN p."isGold" THEN p."openSlots" ELSE p."openSlots" - 1 END
          FROM "Assignment" a
          WHERE a.id = ${input.assignmentId} AND p.id = a."pairId" AND (p."isGold" OR p."openSlots" > 0)
          RETURNING p.id
        )
        UPDATE "Assignment" SET status = 'DONE' FROM slot
        WHERE "Assignment".id = ${input.assignmentId} RETURNING "Assignment".id`;
      if (late.length === 0) throw pairFull();
    }
    return row;
  });
  return toStored(stored ?? (await explainConflict(project, userId, input)));
}

function toStored(row: Row): StoredJudgment {
  return { judgmentId: row.id, clientId: row.clientId, storedAt: row.createdAt.toISOString() };
}

/** Nothing was inserted: a replay of a stored judgment, or a judgment that cannot be taken. */
async function explainConflict(project: Project, userId: string, input: JudgmentInput): Promise<Row> {
  const replay = await db().judgment.findUnique({
    where: { clientId: input.clientId },
    select: { id: true, clientId: true, createdAt: true, userId: true },
  });
  if (replay && replay.userId === userId) return replay;
  if (replay)
    throw new HttpError(409, "CLIENT_ID_TAKEN", "This client id was used by someone else; generate a new one.");
  const lease = await db().assignment.findFirst({
    where: { id: input.assignmentId, userId, projectId: project.id },
    select: { id: true },
  });
  if (!lease) throw notFound("Assignment");
  throw alreadyJudged();
}

function checkAgainstSettings(project: Project, input: JudgmentInput): void {
  const refuse = (field: string, message: string) =>
    new HttpError(400, "INVALID_INPUT", `${field}: ${message}`, [{ field, message }]);
  if (input.choice === "TIE" && !project.allowTie) throw refuse("choice", "this project does not allow ties");
  if (input.choice === "BOTH_BAD" && !project.allowBothBad)
    throw refuse("choice", "this project does not allow 'both bad'");
  if (input.strength !== undefined && !project.strengthScale)
    throw refuse("strength", "this project has no strength scale");
  if (input.rationale && project.rationale === "OFF") throw refuse("rationale", "this project takes no rationale");
  if (!input.rationale && project.rationale === "REQUIRED")
    throw refuse("rationale", "this project requires a rationale for every judgment");
}
