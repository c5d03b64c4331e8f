import { db } from "../db";
import type { Project, ReportKind } from "../generated/prisma/client";
import { skipLease } from "../skips";
import type { ReportInput } from "./schema";

export type ReportAnswer = { assignmentId: string; reported: true };

const KIND_WORDS: Record<ReportKind, string> = {
  BROKEN: "broken",
  OFFENSIVE: "offensive",
  DUPLICATE: "a duplicate",
  OTHER: "a problem",
};

/**
 * Stores a labeler's report about the pair on their screen and skips it in the same transaction:
 * nobody should have to judge a pair they just called broken, and it is not served to them again.
 * The skip's reason says it was reported, so skip counts include reported pairs. Idempotent: a
 * retry (the lease row lock orders it after the first) stores nothing more and answers the same.
 */
export async function reportPair(project: Project, userId: string, input: ReportInput): Promise<ReportAnswer> {
  await db().$transaction(async (tx) => {
    const { pairId } = await skipLease(
      tx,
      project,
      userId,
      input.assignmentId,
      `Reported as ${KIND_WORDS[input.kind]}`,
    );
    await tx.$executeRaw`
      INSERT INTO "Report" (id, "projectId", "pairId", "userId", kind, note)
      SELECT gen_random_uuid()::text, ${project.id}, ${pairId}, ${userId}, ${input.kind}::"ReportKind", ${input.note || null}
      WHERE NOT EXISTS (SELECT 1 FROM "Report" WHERE "pairId" = ${pairId} AND "userId" = ${userId})`;
  });
  return { assignmentId: input.assignmentId, reported: true };
}
