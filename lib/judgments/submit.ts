import { db, Prisma } from "../db";
import { hotQuery } from "../db/hot";
import { DomainError, notFound } from "../errors";
import type { Project } from "../generated/prisma/client";
import { noteJudgmentStored } from "../rm/service/trigger";
import type { JudgmentInput } from "./schema";

export type StoredJudgment = { judgmentId: string; clientId: string; storedAt: string };

type Row = { id: string; clientId: string; createdAt: Date };

const pairFull = () =>
  new DomainError("PAIR_FULL", "This pair already has all the judgments it needs; here is another one.");
const alreadyJudged = () => new DomainError("ALREADY_JUDGED", "You already judged this pair.");

/**
 * Stores one judgment exactly once. The client id is the idempotency key: a retry of a stored
 * judgment gets the same answer as the first attempt. A judgment whose lease expired still counts
 * if the pair has a free slot; otherwise it is refused and nothing is written.
 */
export async function submitJudgment(project: Project, userId: string, input: JudgmentInput): Promise<StoredJudgment> {
  checkAgainstSettings(project, input);
  try {
    const row = (await onLiveLease(project, userId, input)) ?? (await onExpiredLease(project, userId, input));
    // Not awaited, and it never throws: the retrain counter must not slow down or fail a judgment.
    if (row) void noteJudgmentStored(project);
    return toStored(row ?? (await explainConflict(project, userId, input)));
  } catch (error) {
    // A unique index refused the row: the same client id or the same pair, raced by another request.
    if (isUniqueViolation(error)) return toStored(await explainConflict(project, userId, input));
    throw error;
  }
}

// The labeler answered about left/right; the row stores the pair's own A/B.
const judgmentColumns = (input: JudgmentInput) => Prisma.sql`
  SELECT gen_random_uuid()::text, ${input.clientId}, lease."projectId", lease."pairId", lease."userId", lease.id,
         (CASE WHEN lease."leftCandidateId" = pair."candidateAId" OR ${input.choice} IN ('TIE', 'BOTH_BAD')
               THEN ${input.choice}
               WHEN ${input.choice} = 'A' THEN 'B' ELSE 'A' END)::"Choice",
         ${input.strength ?? null}::int, ${input.rationale || null}, lease."leftCandidateId", ${input.durationMs}::int`;

const insertJudgment = Prisma.sql`
  INSERT INTO "Judgment" (id, "clientId", "projectId", "pairId", "userId", "assignmentId", choice,
                          strength, rationale, "leftCandidateId", "durationMs")`;

/**
 * The common case, in one statement (one round trip, atomic): the lease is live, so its slot
 * becomes the judgment. Locking the assignment row first makes a concurrent duplicate wait and
 * then find the lease no longer ACTIVE.
 */
async function onLiveLease(project: Project, userId: string, input: JudgmentInput): Promise<Row | null> {
  const rows = await hotQuery<Row>(Prisma.sql`
    WITH lease AS (
      UPDATE "Assignment" SET status = 'DONE'
      WHERE id = ${input.assignmentId} AND "userId" = ${userId} AND "projectId" = ${project.id} AND status = 'ACTIVE'
      RETURNING id, "projectId", "pairId", "userId", "leftCandidateId"
    ), pair AS (
      UPDATE "Pair" p SET "judgmentCount" = p."judgmentCount" + 1
      FROM lease WHERE p.id = lease."pairId"
      RETURNING p.id, p."candidateAId"
    )
    ${insertJudgment} ${judgmentColumns(input)} FROM lease JOIN pair ON pair.id = lease."pairId"
    RETURNING id, "clientId", "createdAt"`);
  return rows[0] ?? null;
}

/** The lease was reclaimed: the judgment still counts if the pair has a free slot. */
async function onExpiredLease(project: Project, userId: string, input: JudgmentInput): Promise<Row | null> {
  return db().$transaction(async (tx) => {
    const leases = await tx.$queryRaw<{ pairId: string }[]>`
      UPDATE "Assignment" SET status = 'DONE'
      WHERE id = ${input.assignmentId} AND "userId" = ${userId} AND "projectId" = ${project.id} AND status = 'EXPIRED'
      RETURNING "pairId"`;
    if (leases.length === 0) return null;
    const slots = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Pair" p SET "judgmentCount" = p."judgmentCount" + 1,
             "openSlots" = CASE WHEN p."isGold" THEN p."openSlots" ELSE p."openSlots" - 1 END
      WHERE p.id = ${leases[0]?.pairId} AND (p."isGold" OR p."openSlots" > 0)
      RETURNING p.id`;
    if (slots.length === 0) throw pairFull();
    const rows = await tx.$queryRaw<Row[]>`
      WITH lease AS (SELECT * FROM "Assignment" WHERE id = ${input.assignmentId}),
           pair AS (SELECT p.* FROM "Pair" p JOIN lease ON p.id = lease."pairId")
      ${insertJudgment} ${judgmentColumns(input)} FROM lease JOIN pair ON pair.id = lease."pairId"
      RETURNING id, "clientId", "createdAt"`;
    return rows[0] ?? null;
  });
}

function toStored(row: Row): StoredJudgment {
  return { judgmentId: row.id, clientId: row.clientId, storedAt: row.createdAt.toISOString() };
}

function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? "");
  const code = (error as { code?: string })?.code;
  // P2002 from Prisma, 23505 from pg (hot.ts), or the message when Prisma wraps a driver error.
  return code === "P2002" || code === "23505" || text.includes("23505") || /unique constraint/i.test(text);
}

/** Nothing was stored: a replay of a stored judgment, or a judgment that cannot be taken. */
async function explainConflict(project: Project, userId: string, input: JudgmentInput): Promise<Row> {
  const replay = await db().judgment.findUnique({
    where: { clientId: input.clientId },
    select: { id: true, clientId: true, createdAt: true, userId: true },
  });
  if (replay && replay.userId === userId) return replay;
  if (replay) throw new DomainError("CLIENT_ID_TAKEN", "This client id was used by someone else; generate a new one.");
  const lease = await db().assignment.findFirst({
    where: { id: input.assignmentId, userId, projectId: project.id },
    select: { id: true },
  });
  if (!lease) throw notFound("Assignment");
  throw alreadyJudged();
}

function checkAgainstSettings(project: Project, input: JudgmentInput): void {
  const refuse = (field: string, message: string) =>
    new DomainError("INVALID_INPUT", `${field}: ${message}`, [{ field, message }]);
  if (input.choice === "TIE" && !project.allowTie) throw refuse("choice", "this project does not allow ties");
  if (input.choice === "BOTH_BAD" && !project.allowBothBad)
    throw refuse("choice", "this project does not allow 'both bad'");
  if (input.strength !== undefined && !project.strengthScale)
    throw refuse("strength", "this project has no strength scale");
  if (input.rationale && project.rationale === "OFF") throw refuse("rationale", "this project takes no rationale");
  if (!input.rationale && project.rationale === "REQUIRED")
    throw refuse("rationale", "this project requires a rationale for every judgment");
}
