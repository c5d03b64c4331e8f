import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type JudgmentFilters,
  type JudgmentRow,
  judgmentsPage,
  pairPromptId,
  promptDetail,
  promptsPage,
  readJudgmentFilters,
} from "../../lib/browse";
import { type Cursor, decodeCursor } from "../../lib/browse/cursor";
import { db, disconnect } from "../../lib/db";
import type { Choice, Pair, Project, User } from "../../lib/generated/prisma/client";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

type JudgmentSpec = {
  pair: Pair;
  user: User;
  choice?: Choice;
  at: string | number | Date;
  rationale?: string | null;
  /** Which of the pair's candidates was shown on the left. */
  left?: "A" | "B";
};

/** A stored judgment (with its assignment) as submit would leave it, at a chosen time. */
async function judge(project: Project, spec: JudgmentSpec) {
  const leftCandidateId = spec.left === "B" ? spec.pair.candidateBId : spec.pair.candidateAId;
  const createdAt = new Date(spec.at);
  const assignment = await db().assignment.create({
    data: {
      projectId: project.id,
      pairId: spec.pair.id,
      userId: spec.user.id,
      leftCandidateId,
      status: "DONE",
      createdAt,
      expiresAt: createdAt,
    },
  });
  return db().judgment.create({
    data: {
      clientId: randomUUID(),
      projectId: project.id,
      pairId: spec.pair.id,
      userId: spec.user.id,
      assignmentId: assignment.id,
      choice: spec.choice ?? "A",
      rationale: spec.rationale ?? null,
      leftCandidateId,
      durationMs: 1500,
      createdAt,
    },
  });
}

/** Every page of `filters`, following the cursors, `limit` rows at a time. */
async function allPages(project: Project, filters: JudgmentFilters, limit: number) {
  const pages: JudgmentRow[][] = [];
  let after: JudgmentFilters["after"];
  for (;;) {
    const page = await judgmentsPage(project, { ...filters, after }, limit);
    pages.push(page.judgments);
    if (!page.next) return pages;
    after = decodeCursor(page.next) ?? undefined;
  }
}

const ids = async (project: Project, params: Record<string, string>) => {
  const { filters, problems } = readJudgmentFilters(params);
  expect(problems).toEqual([]);
  return (await judgmentsPage(project, filters, 1000)).judgments.map((j) => j.id).sort();
};

describe("the judgments list", () => {
  it("returns every judgment exactly once across keyset pages, newest first, ties broken by id", async () => {
    const project = await fixtures.makeProject({ prompts: 4, candidates: 3 });
    const labelers = await fixtures.makeLabelers(project, 2);
    const pairs = await db().pair.findMany({ where: { projectId: project.id } });
    const stored = [];
    // Three judgments share each timestamp, so pages end in the middle of a tie.
    for (const pair of pairs) {
      for (const user of labelers) {
        stored.push(
          await judge(project, { pair, user, at: Date.UTC(2026, 10, 1, 0, 0, Math.floor(stored.length / 3)) }),
        );
      }
    }
    const pages = await allPages(project, {}, 5);
    const seen = pages.flat().map((j) => j.id);
    expect(pages.length).toBe(Math.ceil(stored.length / 5));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(stored.map((j) => j.id).sort());
    const expected = [...stored]
      .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1))
      .map((j) => j.id);
    expect(seen).toEqual(expected);
  });

  it("filters by labeler (email in any case, or crowd worker id), choice, rationale and gold", async () => {
    const project = await fixtures.makeProject({ prompts: 2, candidates: 3 });
    const [ada, bob] = await fixtures.makeLabelers(project, 2);
    if (!ada || !bob) throw new Error("labelers missing");
    const worker = await db().user.create({
      data: { externalId: `${project.id}:W123`, name: "W123", role: "LABELER" },
    });
    const pairs = await db().pair.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    const [p0, p1, p2] = pairs as [Pair, Pair, Pair];
    await db().pair.update({ where: { id: p2.id }, data: { isGold: true, goldAnswer: "B" } });
    const at = "2026-11-05T12:00:00Z";
    const a1 = await judge(project, { pair: p0, user: ada, choice: "A", at, rationale: "Scans better." });
    const a2 = await judge(project, { pair: p1, user: ada, choice: "TIE", at, rationale: "" });
    const b1 = await judge(project, { pair: p0, user: bob, choice: "B", at });
    const b2 = await judge(project, { pair: p2, user: bob, choice: "BOTH_BAD", at, rationale: "Both are off topic." });
    const w1 = await judge(project, { pair: p1, user: worker, choice: "A", at });
    const sorted = (...js: { id: string }[]) => js.map((j) => j.id).sort();

    expect(await ids(project, { labeler: (ada.email ?? "").toUpperCase() })).toEqual(sorted(a1, a2));
    expect(await ids(project, { labeler: "W123" })).toEqual(sorted(w1));
    expect(await ids(project, { labeler: bob.id })).toEqual(sorted(b1, b2));
    expect(await ids(project, { choice: "A" })).toEqual(sorted(a1, w1));
    expect(await ids(project, { choice: "BOTH_BAD" })).toEqual(sorted(b2));
    // An empty rationale is no rationale.
    expect(await ids(project, { rationale: "with" })).toEqual(sorted(a1, b2));
    expect(await ids(project, { rationale: "without" })).toEqual(sorted(a2, b1, w1));
    expect(await ids(project, { gold: "only" })).toEqual(sorted(b2));
    expect(await ids(project, { gold: "exclude" })).toEqual(sorted(a1, a2, b1, w1));
    expect(await ids(project, { labeler: bob.email ?? "", rationale: "with" })).toEqual(sorted(b2));

    const unknown = await judgmentsPage(project, { labeler: "nobody@example.com" });
    expect(unknown).toEqual({ judgments: [], next: null, labelerKnown: false });
    // A worker id is bound to the project it joined: the same id elsewhere is someone else.
    const other = await fixtures.makeProject({ prompts: 1, candidates: 2 });
    expect((await judgmentsPage(other, { labeler: "W123" })).labelerKnown).toBe(false);
  });

  it("includes whole days from From to To, in UTC", async () => {
    const project = await fixtures.makeProject({ prompts: 5, candidates: 2 });
    const user = await fixtures.makeLabeler(project);
    const pairs = await db().pair.findMany({ where: { projectId: project.id } });
    const times = [
      "2026-11-09T23:59:59.999Z",
      "2026-11-10T00:00:00.000Z",
      "2026-11-12T23:59:59.999Z",
      "2026-11-13T00:00:00.000Z",
      "2026-11-11T08:00:00.000Z",
    ];
    const made = await Promise.all(times.map((at, i) => judge(project, { pair: pairs[i] as Pair, user, at })));
    const at = (...indexes: number[]) => indexes.map((i) => made[i]?.id).sort();
    expect(await ids(project, { from: "2026-11-10", to: "2026-11-12" })).toEqual(at(1, 2, 4));
    expect(await ids(project, { from: "2026-11-10" })).toEqual(at(1, 2, 3, 4));
    expect(await ids(project, { to: "2026-11-09" })).toEqual(at(0));
    expect(await ids(project, { from: "2026-11-13", to: "2026-11-13" })).toEqual(at(3));
  });

  it("names the choice in the pair's candidates and says which one was shown on the left", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2 });
    const user = await fixtures.makeLabeler(project);
    const pair = await db().pair.findFirstOrThrow({
      where: { projectId: project.id },
      include: { candidateA: true, candidateB: true },
    });
    // B shown on the left and chosen: stored as B, whatever the side.
    await judge(project, { pair, user, choice: "B", left: "B", at: "2026-11-01T00:00:00Z" });
    const [row] = (await judgmentsPage(project, {})).judgments;
    expect(row).toMatchObject({
      choice: "B",
      shownLeft: "B",
      a: { id: pair.candidateA.id, externalId: pair.candidateA.externalId, source: pair.candidateA.source },
      b: { id: pair.candidateB.id, externalId: pair.candidateB.externalId },
      promptId: pair.promptId,
      labeler: user.email,
    });
  });
});

describe("prompts", () => {
  it("are searched by text or id and keyset-paged without repeats", async () => {
    const project = await fixtures.makeProject({ prompts: 7, candidates: 2 });
    await db().prompt.update({
      where: { projectId_externalId: { projectId: project.id, externalId: "prompt-3" } },
      data: { text: "A poem about 100% of the paperclips_" },
    });
    const seen: string[] = [];
    let after: Cursor | undefined;
    for (;;) {
      const page = await promptsPage(project, { after }, 3);
      seen.push(...page.prompts.map((p) => p.externalId));
      if (!page.next) break;
      after = decodeCursor(page.next) ?? undefined;
    }
    expect([...seen].sort()).toEqual(Array.from({ length: 7 }, (_, i) => `prompt-${i}`));
    expect(new Set(seen).size).toBe(7);

    const find = async (search: string) => (await promptsPage(project, { search })).prompts.map((p) => p.externalId);
    expect(await find("PAPERCLIPS")).toEqual(["prompt-3"]);
    expect(await find("100%")).toEqual(["prompt-3"]);
    // `_` and `%` are not wildcards: "1_0" must not match "100".
    expect(await find("1_0")).toEqual([]);
    expect(await find("prompt-5")).toEqual(["prompt-5"]);
    const [first] = (await promptsPage(project, { search: "prompt-0" })).prompts;
    expect(first).toMatchObject({ candidates: 2, pairs: 1, judgments: 0 });
  });

  it("shows one prompt with candidates, scores of the serving model only, pairs and their judgments", async () => {
    let project = await fixtures.makeProject({ prompts: 1, candidates: 3 });
    const user = await fixtures.makeLabeler(project);
    const prompt = await db().prompt.findFirstOrThrow({
      where: { projectId: project.id },
      include: { candidates: true },
    });
    const model = (version: number) =>
      db().rewardModel.create({
        data: {
          projectId: project.id,
          version,
          featurizer: {},
          metrics: {},
          card: {},
          onnx: new Uint8Array(0),
          judgmentCount: 0,
          cutoff: new Date(),
        },
      });
    const [old, current] = [await model(1), await model(2)];
    const [c0, c1] = prompt.candidates as [(typeof prompt.candidates)[0], (typeof prompt.candidates)[0]];
    await db().score.createMany({
      data: [
        { modelId: old.id, candidateId: c0.id, reward: -5 },
        { modelId: old.id, candidateId: c1.id, reward: 9 },
        { modelId: current.id, candidateId: c0.id, reward: 0.25 },
      ],
    });
    project = await db().project.update({ where: { id: project.id }, data: { currentModelId: current.id } });
    const pair = await db().pair.findFirstOrThrow({ where: { candidateAId: c0.id, candidateBId: c1.id } });
    await judge(project, { pair, user, choice: "A", left: "B", at: "2026-11-02T00:00:00Z", rationale: "Warmer." });

    const detail = await promptDetail(project, prompt.id);
    expect(detail.modelVersion).toBe(2);
    const scores = Object.fromEntries(detail.candidates.map((c) => [c.id, c.score]));
    expect(scores).toEqual({ [c0.id]: 0.25, [c1.id]: null, [(prompt.candidates[2] as { id: string }).id]: null });
    expect(detail.pairs).toHaveLength(3);
    const judged = detail.pairs.find((p) => p.id === pair.id);
    expect(judged?.judgments).toEqual([
      expect.objectContaining({ choice: "A", shownLeft: "B", rationale: "Warmer.", labeler: user.email }),
    ]);
    expect(detail.pairs.filter((p) => p.id !== pair.id).every((p) => p.judgments.length === 0)).toBe(true);
    expect(await pairPromptId(project, pair.id)).toBe(prompt.id);

    const other = await fixtures.makeProject({ prompts: 1, candidates: 2 });
    await expect(promptDetail(other, prompt.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(pairPromptId(other, pair.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
