import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { trlPreferenceLines } from "../../lib/export";
import type { Choice, Project } from "../../lib/generated/prisma/client";
import { submitJudgment } from "../../lib/judgments";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

async function exportedRows(project: Project) {
  const lines: string[] = [];
  for await (const line of trlPreferenceLines(project)) lines.push(line);
  for (const line of lines) expect(line).toMatch(/^\{.*\}\n$/);
  return lines.map((line) => JSON.parse(line));
}

async function candidatesOf(project: Project, prompt: string) {
  const rows = await db().candidate.findMany({ where: { prompt: { projectId: project.id, externalId: prompt } } });
  const byExternalId = (externalId: string) => rows.find((c) => c.externalId === externalId) ?? expect.fail(externalId);
  return { c0: byExternalId("c0"), c1: byExternalId("c1"), c2: byExternalId("c2") };
}

/**
 * A judgment as the compare screen sends it: `left` is the candidate shown on the left, and the
 * labeler's A/B means left/right. The lease is made here so the test decides which side is left.
 */
async function judge(
  project: Project,
  userId: string,
  pair: { id: string },
  left: { id: string },
  choice: Choice,
): Promise<string> {
  const lease = await db().assignment.create({
    data: {
      projectId: project.id,
      pairId: pair.id,
      userId,
      leftCandidateId: left.id,
      expiresAt: new Date(Date.now() + 60_000),
    },
  });
  const stored = await submitJudgment(project, userId, {
    clientId: randomUUID(),
    assignmentId: lease.id,
    choice,
    durationMs: 900,
  });
  return stored.judgmentId;
}

async function pairOf(project: Project, a: { id: string }, b: { id: string }) {
  return db().pair.findFirstOrThrow({ where: { projectId: project.id, candidateAId: a.id, candidateBId: b.id } });
}

describe("the TRL preference export", () => {
  it("has one row per decisive judgment, chosen and rejected in candidate terms whatever side they were shown on", async () => {
    const project = await fixtures.makeProject({ prompts: 2, candidates: 3, k: 5, goldRate: 0 });
    const [ada, bob, excluded] = await fixtures.makeLabelers(project, 3);
    if (!ada || !bob || !excluded) throw new Error("expected three labelers");
    await db().membership.update({
      where: { projectId_userId: { projectId: project.id, userId: excluded.id } },
      data: { excluded: true },
    });
    const { c0, c1, c2 } = await candidatesOf(project, "prompt-0");
    const other = await candidatesOf(project, "prompt-1");
    const p01 = await pairOf(project, c0, c1);
    const p02 = await pairOf(project, c0, c2);
    const p12 = await pairOf(project, c1, c2);
    const gold = await pairOf(project, other.c0, other.c1);
    await db().pair.update({ where: { id: gold.id }, data: { isGold: true, goldAnswer: "A" } });

    const row = (judgmentId: string, labelerId: string, chosen: typeof c0, rejected: typeof c0) => ({
      prompt: "Prompt 0",
      chosen: chosen.text,
      rejected: rejected.text,
      judgment_id: judgmentId,
      prompt_id: "prompt-0",
      chosen_id: chosen.externalId,
      rejected_id: rejected.externalId,
      labeler_id: labelerId,
    });
    const expected = [
      // A on the left, left picked: A is chosen.
      row(await judge(project, ada.id, p01, c0, "A"), ada.id, c0, c1),
      // B on the left, left picked: B is chosen.
      row(await judge(project, bob.id, p01, c1, "A"), bob.id, c1, c0),
      // C (the pair's B) on the left, right picked: the pair's A is chosen.
      row(await judge(project, ada.id, p02, c2, "B"), ada.id, c0, c2),
      // A on the left, right picked: B is chosen.
      row(await judge(project, ada.id, p12, c1, "B"), ada.id, c2, c1),
    ];
    // Left out: a tie, "both bad", a gold pair, and a decisive judgment of an excluded labeler.
    await judge(project, bob.id, p02, c0, "TIE");
    await judge(project, bob.id, p12, c2, "BOTH_BAD");
    await judge(project, bob.id, gold, other.c0, "A");
    await judge(project, excluded.id, p01, c0, "A");
    // Another project's judgment stays in its own export.
    const elsewhere = await fixtures.makeProject({ prompts: 1, candidates: 2, goldRate: 0 });
    const stranger = await fixtures.makeLabeler(elsewhere);
    const strangerCandidates = await db().candidate.findMany({
      where: { prompt: { projectId: elsewhere.id } },
      orderBy: { externalId: "asc" },
    });
    const [s0, s1] = strangerCandidates;
    if (!s0 || !s1) throw new Error("expected two candidates");
    await judge(elsewhere, stranger.id, await pairOf(elsewhere, s0, s1), s0, "A");

    expect(await db().judgment.count({ where: { projectId: project.id } })).toBe(8);
    const byJudgmentId = (x: { judgment_id: string }, y: { judgment_id: string }) =>
      x.judgment_id < y.judgment_id ? -1 : 1;
    expect(await exportedRows(project)).toEqual(expected.sort(byJudgmentId));
  });

  it("pages through more judgments than one batch without losing or repeating any", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, goldRate: 0 });
    const [pair] = await db().pair.findMany({ where: { projectId: project.id } });
    if (!pair) throw new Error("expected a pair");
    const judgments = 1_234; // more than the export's batch of 1,000
    // One labeler per judgment (a labeler judges a pair once), written in bulk: the export is under test here.
    await db().$executeRaw`
      WITH labelers AS (
        INSERT INTO "User" (id, email, role)
        SELECT gen_random_uuid()::text, 'bulk-' || n || '-' || ${project.id} || '@test.local', 'LABELER'
        FROM generate_series(1, ${judgments}) n
        RETURNING id
      ), leases AS (
        INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "expiresAt")
        SELECT gen_random_uuid()::text, ${project.id}, ${pair.id}, id, ${pair.candidateAId}, 'DONE', now()
        FROM labelers
        RETURNING id, "userId"
      )
      INSERT INTO "Judgment" (id, "clientId", "projectId", "pairId", "userId", "assignmentId", choice,
                              "leftCandidateId", "durationMs")
      SELECT gen_random_uuid()::text, gen_random_uuid()::text, ${project.id}, ${pair.id}, "userId", id, 'B',
             ${pair.candidateAId}, 1000
      FROM leases`;

    const rows = await exportedRows(project);
    expect(rows).toHaveLength(judgments);
    expect(new Set(rows.map((r) => r.judgment_id)).size).toBe(judgments);
    for (const r of rows) expect(r).toMatchObject({ chosen_id: "c1", rejected_id: "c0" });
  });
});
