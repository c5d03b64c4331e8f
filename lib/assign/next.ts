import { db, Prisma } from "../db";
import { hotQuery } from "../db/hot";
import { DomainError } from "../errors";
import type { Project } from "../generated/prisma/client";
import { claimNextPair } from "./active";
import { claimGoldPair, claimRegularPair } from "./claim";
import { heldByOthers } from "./held";
import { reclaimExpiredLeases } from "./leases";
import { pairQuestion, pairTask, type Task } from "./task";

type Options = {
  /** Leases the client already has on screen or queued, so they are not handed out again. */
  exclude?: string[];
  random?: () => number;
  /** With active learning: share of requests served in regular order (default 0.1, see active.ts). */
  exploration?: number;
};

/** The labeler's next task: a pair to judge, a response to write, or nothing left. */
export async function nextTask(project: Project, userId: string, options: Options = {}): Promise<Task> {
  const { exclude = [], random = Math.random, exploration } = options;
  // Read from the cached project (projects/lookup.ts), so archiving costs the hot path no query.
  if (project.archivedAt) {
    throw new DomainError(
      "PROJECT_ARCHIVED",
      "This project is archived: it serves no pairs now. Your judgments are kept; ask the project's admin if it should be open.",
    );
  }
  // Read on every request, never cached: a lead's pause applies from the labeler's next request.
  const [member] = await hotQuery<{ paused: boolean; completionCode: string }>(Prisma.sql`
    SELECT paused, "completionCode" FROM "Membership" WHERE "projectId" = ${project.id} AND "userId" = ${userId}`);
  if (member?.paused) {
    throw new DomainError(
      "LABELER_PAUSED",
      "A lead has paused your labeling in this project, so no pairs are served to you now. Your judgments are kept; ask the project's lead if you think this is a mistake.",
    );
  }
  if (project.quota > 0) {
    const [{ done = 0 } = {}] = await hotQuery<{ done: number }>(Prisma.sql`
      SELECT count(*)::int AS done FROM "Judgment" WHERE "projectId" = ${project.id} AND "userId" = ${userId}`);
    if (done >= project.quota) return { kind: "done", reason: "quota", completionCode: member?.completionCode };
  }

  if (project.demonstrations && random() < project.demoRate) {
    const prompt = await promptToDemonstrate(project.id, userId);
    if (prompt) return { kind: "demonstration", promptId: prompt.id, prompt: prompt.text };
  }

  const { id, leaseSeconds } = project;
  const wantsGold = random() < project.goldRate;
  const regular = () => claimNextPair(project, userId, { exclude, random, exploration });
  const gold = () => claimGoldPair(id, userId, leaseSeconds, exclude);
  // Before answering "nothing left": wait for pairs that concurrent claims hold locked right now.
  const waitingForLocks = () => claimRegularPair(id, userId, leaseSeconds, exclude, { wait: true });
  const lease =
    (wantsGold ? await gold() : null) ??
    (await regular()) ??
    ((await reclaimExpiredLeases(id)) > 0 ? await regular() : null) ??
    (await waitingForLocks()) ??
    (wantsGold ? null : await gold());
  if (lease) return pairTask(lease, pairQuestion(project));
  return { kind: "done", reason: (await heldByOthers(id, userId)) ? "held" : "empty" };
}

/** A prompt this labeler has not written a response for yet, at random. */
async function promptToDemonstrate(projectId: string, userId: string) {
  const rows = await db().$queryRaw<{ id: string; text: string }[]>`
    SELECT p.id, p.text FROM "Prompt" p
    WHERE p."projectId" = ${projectId}
      AND NOT EXISTS (SELECT 1 FROM "Demonstration" d WHERE d."promptId" = p.id AND d."userId" = ${userId})
    ORDER BY random() LIMIT 1`;
  return rows[0] ?? null;
}
