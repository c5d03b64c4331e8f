import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementReport, leaderboard, talliesOf, type Vote } from "../../lib/agreement";
import { db, disconnect } from "../../lib/db";
import { simulateCrowd } from "../../lib/simulate";
import { projectAgreement, projectLeaderboard } from "../../lib/stats/agreement-data";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
  process.env.DB_POOL_SIZE = "30";
});

afterAll(async () => {
  await disconnect();
});

const options = { rounds: 200 };

/** Every stored judgment as a Vote, with what the SQL must filter on, read without any aggregation. */
async function storedVotes(projectId: string) {
  const rows = await db().judgment.findMany({
    where: { projectId },
    include: { pair: { include: { candidateA: true, candidateB: true } }, user: { include: { memberships: true } } },
  });
  return rows.map((j) => ({
    vote: {
      pairId: j.pairId,
      labelerId: j.userId,
      choice: j.choice,
      sourceA: j.pair.candidateA.source,
      sourceB: j.pair.candidateB.source,
    } satisfies Vote,
    gold: j.pair.isGold,
    excluded: j.user.memberships.some((m) => m.projectId === projectId && m.excluded),
    createdAt: j.createdAt,
  }));
}

describe("agreement from the database", () => {
  it("gives the library's figures on the same judgments, without excluded labelers and gold pairs", async () => {
    const project = await db().project.update({
      where: { id: (await fixtures.makeProject({ prompts: 15, candidates: 4, k: 3, goldRate: 0 })).id },
      data: { retrainEvery: 0 },
    });
    await simulateCrowd(project, {
      labelers: 6,
      temperature: 1,
      positionBias: 0.2,
      spammers: 0,
      seed: 3,
      concurrency: 3,
      judgments: 270,
    });
    // Some pairs become gold and one labeler is excluded after the fact: both must drop out.
    const goldPairs = await db().pair.findMany({ where: { projectId: project.id }, take: 6, orderBy: { id: "asc" } });
    await db().pair.updateMany({
      where: { id: { in: goldPairs.map((p) => p.id) } },
      data: { isGold: true, goldAnswer: "A" },
    });
    const excluded = await db().membership.findFirstOrThrow({ where: { projectId: project.id } });
    await db().membership.update({
      where: { projectId_userId: { projectId: excluded.projectId, userId: excluded.userId } },
      data: { excluded: true },
    });

    const stored = await storedVotes(project.id);
    const kept = stored.filter((s) => !s.gold && !s.excluded).map((s) => s.vote);
    expect(kept.length).toBeLessThan(stored.length - 10);

    const fromDb = await projectAgreement(project.id, {}, options);
    const { goldJudgments, ...report } = fromDb;
    expect(report).toEqual(agreementReport(talliesOf(kept), options));
    expect(goldJudgments).toBe(stored.filter((s) => s.gold && !s.excluded).length);
    expect(report.judgments).toBe(kept.length);
    expect(report.fleissKappa.value).not.toBeNull();
    expect(report.cohenKappa.length).toBeGreaterThan(0);

    expect(await projectLeaderboard(project.id, {}, options)).toEqual(leaderboard(kept, options));

    // Filters: one labeler subset and a date range.
    const labelerIds = [...new Set(kept.map((v) => v.labelerId))].slice(0, 3);
    const subset = await projectAgreement(project.id, { labelerIds }, options);
    expect(subset.judgments).toBe(kept.filter((v) => labelerIds.includes(v.labelerId)).length);
    expect(subset.percentAgreement).toEqual(
      agreementReport(talliesOf(kept.filter((v) => labelerIds.includes(v.labelerId))), options).percentAgreement,
    );
    const times = stored.map((s) => s.createdAt.getTime()).sort((a, b) => a - b);
    const from = new Date(times[Math.floor(times.length / 2)] ?? 0);
    const later = stored.filter((s) => !s.gold && !s.excluded && s.createdAt >= from).map((s) => s.vote);
    expect((await projectAgreement(project.id, { from }, options)).judgments).toBe(later.length);
  });

  it("says 'not enough overlap' for a project without judgments", async () => {
    const project = await fixtures.makeProject({ prompts: 1 });
    const report = await projectAgreement(project.id);
    expect(report).toMatchObject({ judgments: 0, pairs: 0, labelers: 0, goldJudgments: 0 });
    expect(report.krippendorffAlpha.reason).toMatch(/not enough overlap/i);
    expect((await projectLeaderboard(project.id)).reason).toMatch(/at least two different sources/);
  });
});
