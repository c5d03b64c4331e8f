import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parquetReadObjects } from "hyparquet";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect, type Role } from "../../lib/db";
import { type ExportSpec, exportQuerySchema, exportToFile, labelerPseudonym, startExport } from "../../lib/export";
import type { Choice, Project } from "../../lib/generated/prisma/client";
import { submitJudgment } from "../../lib/judgments";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

let dir: string;

beforeAll(async () => {
  await useFreshDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-export-test-"));
});

afterAll(async () => {
  await disconnect();
});

const specOf = (query: Record<string, string>): ExportSpec => exportQuerySchema.parse(query);

/** Runs one export to a file and answers its bytes and manifest. */
async function exported(project: Project, query: Record<string, string>) {
  const run = await startExport(project, specOf(query), "test");
  const file = path.join(dir, `${randomUUID()}.${query.as ?? "jsonl"}`);
  const manifest = await exportToFile(run, file);
  return { bytes: await readFile(file), manifest };
}

async function jsonlRows(project: Project, query: Record<string, string>) {
  const { bytes } = await exported(project, { ...query, as: "jsonl" });
  const text = bytes.toString("utf8");
  return text === ""
    ? []
    : text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line));
}

async function parquetRows(project: Project, query: Record<string, string>) {
  const { bytes } = await exported(project, { ...query, as: "parquet" });
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file });
}

async function candidatesOf(project: Project, prompt: string) {
  const rows = await db().candidate.findMany({ where: { prompt: { projectId: project.id, externalId: prompt } } });
  const byExternalId = (externalId: string) => rows.find((c) => c.externalId === externalId) ?? expect.fail(externalId);
  return { c0: byExternalId("c0"), c1: byExternalId("c1"), c2: byExternalId("c2") };
}

async function pairOf(project: Project, a: { id: string }, b: { id: string }) {
  return db().pair.findFirstOrThrow({ where: { projectId: project.id, candidateAId: a.id, candidateBId: b.id } });
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
  strength?: number,
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
    ...(strength === undefined ? {} : { strength }),
  });
  return stored.judgmentId;
}

/**
 * The hand-built fixture, with a strength scale. In candidate terms:
 * - p01 (c0 vs c1): A, A, B → decided for c0, 3 votes, agreement 2/3; the A votes have strength 3 and 2.
 * - p02 (c0 vs c2): A, B → two answers share the top: undecided. The excluded labeler's A would decide it.
 * - p12 (c1 vs c2): TIE, TIE, B → top answer a tie: undecided.
 * - other prompt's p01: BOTH_BAD, BOTH_BAD → undecided; its p02 is gold, judged A.
 * Votes are cast from both screen sides so that "left" must be turned into candidate terms.
 */
async function fixture() {
  const project = await fixtures.makeProject({ prompts: 2, candidates: 3, k: 9, goldRate: 0, strengthScale: true });
  const [ada, bob, cat, dan] = await fixtures.makeLabelers(project, 4);
  if (!ada || !bob || !cat || !dan) throw new Error("expected four labelers");
  await db().membership.update({
    where: { projectId_userId: { projectId: project.id, userId: dan.id } },
    data: { excluded: true },
  });
  const { c0, c1, c2 } = await candidatesOf(project, "prompt-0");
  const other = await candidatesOf(project, "prompt-1");
  const p01 = await pairOf(project, c0, c1);
  const p02 = await pairOf(project, c0, c2);
  const p12 = await pairOf(project, c1, c2);
  const bothBad = await pairOf(project, other.c0, other.c1);
  const gold = await pairOf(project, other.c0, other.c2);
  await db().pair.update({ where: { id: gold.id }, data: { isGold: true, goldAnswer: "A" } });

  const j = {
    p01ada: await judge(project, ada.id, p01, c0, "A", 3), // left c0, picked left: c0
    p01bob: await judge(project, bob.id, p01, c1, "B", 2), // left c1, picked right: c0
    p01cat: await judge(project, cat.id, p01, c0, "B", 1), // picked right: c1
    p02ada: await judge(project, ada.id, p02, c2, "B", 2), // left c2, picked right: c0
    p02bob: await judge(project, bob.id, p02, c0, "B"), // picked right: c2, no strength
    p02dan: await judge(project, dan.id, p02, c0, "A", 3), // excluded labeler: c0
    p12ada: await judge(project, ada.id, p12, c1, "TIE"),
    p12bob: await judge(project, bob.id, p12, c2, "TIE"),
    p12cat: await judge(project, cat.id, p12, c2, "A", 1), // left c2, picked left: c2
    bbAda: await judge(project, ada.id, bothBad, other.c0, "BOTH_BAD"),
    bbBob: await judge(project, bob.id, bothBad, other.c1, "BOTH_BAD"),
    gold: await judge(project, cat.id, gold, other.c2, "B", 2), // left c2, picked right: c0 = A
  };
  return {
    project,
    users: { ada, bob, cat, dan },
    c: { c0, c1, c2 },
    other,
    pairs: { p01, p02, p12, bothBad, gold },
    j,
  };
}

describe("TRL rows", () => {
  it("pair rule: one row per decided pair, with votes, agreement and the winners' mean margin", async () => {
    const { project, c, pairs } = await fixture();
    const rows = await jsonlRows(project, { format: "trl", rule: "pair" });
    expect(rows).toEqual([
      {
        prompt: "Prompt 0",
        chosen: c.c0.text,
        rejected: c.c1.text,
        margin: (1 + 0.5) / 2, // strengths 3 and 2 → 0.5·(s − 1)
        prompt_id: "prompt-0",
        pair_id: pairs.p01.id,
        chosen_id: "c0",
        rejected_id: "c1",
        votes: 3,
        agreement: 2 / 3,
      },
    ]);
    // The excluded labeler's vote decides p02 once excluded labelers are let in.
    const withExcluded = await jsonlRows(project, { rule: "pair", excludeExcludedLabelers: "false" });
    expect(withExcluded.map((r) => [r.pair_id, r.chosen_id, r.rejected_id, r.votes, r.margin])).toEqual(
      [
        [pairs.p01.id, "c0", "c1", 3, 0.75],
        [pairs.p02.id, "c0", "c2", 3, (0.5 + 1) / 2],
      ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)),
    );
    // Thresholds: 3 votes at 2/3 agreement pass 3 and 0.66, not 4 or 0.7.
    expect(await jsonlRows(project, { minVotes: "3", minAgreement: "0.66" })).toHaveLength(1);
    expect(await jsonlRows(project, { minVotes: "4" })).toEqual([]);
    expect(await jsonlRows(project, { minAgreement: "0.7" })).toEqual([]);
    // Gold pairs come in only when asked; the gold pair's single vote decides it.
    const withGold = await jsonlRows(project, { excludeGold: "false" });
    expect(withGold.map((r) => r.pair_id).sort()).toEqual([pairs.p01.id, pairs.gold.id].sort());
  });

  it("judgment rule: one row per decisive judgment in candidate terms, margin from its strength, labeler pseudonymized", async () => {
    const { project, users, j } = await fixture();
    const rows = await jsonlRows(project, { rule: "judgment" });
    const brief = rows.map((r) => [r.judgment_id, r.chosen_id, r.rejected_id, r.margin, r.labeler_id]);
    const l = (u: { id: string }) => labelerPseudonym(project.id, u.id);
    const expected = [
      [j.p01ada, "c0", "c1", 1, l(users.ada)],
      [j.p01bob, "c0", "c1", 0.5, l(users.bob)],
      [j.p01cat, "c1", "c0", 0, l(users.cat)],
      [j.p02ada, "c0", "c2", 0.5, l(users.ada)],
      [j.p02bob, "c2", "c0", 0, l(users.bob)],
      [j.p12cat, "c2", "c1", 0, l(users.cat)],
    ];
    expect(brief.sort()).toEqual(expected.sort());
    expect(Object.keys(rows[0])).toEqual([
      "prompt",
      "chosen",
      "rejected",
      "margin",
      "prompt_id",
      "pair_id",
      "chosen_id",
      "rejected_id",
      "judgment_id",
      "labeler_id",
    ]);
  });

  it("conversational rows hold lists of role/content messages", async () => {
    const { project, c } = await fixture();
    const [row] = await jsonlRows(project, { messages: "conversational" });
    expect(row).toMatchObject({
      prompt: [{ role: "user", content: "Prompt 0" }],
      chosen: [{ role: "assistant", content: c.c0.text }],
      rejected: [{ role: "assistant", content: c.c1.text }],
    });
  });

  it("a project without a strength scale has no margin column", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 3, goldRate: 0 });
    const [ada] = await fixtures.makeLabelers(project, 1);
    const { c0, c1 } = await candidatesOf(project, "prompt-0");
    await judge(project, ada?.id as string, await pairOf(project, c0, c1), c0, "B");
    const [row] = await jsonlRows(project, {});
    expect(row).not.toHaveProperty("margin");
    expect(row).toMatchObject({ chosen_id: "c1", rejected_id: "c0" });
  });
});

const VOTE_FIELDS = [
  "judgment_id",
  "pair_id",
  "prompt_id",
  "candidate_a_id",
  "candidate_b_id",
  "source_a",
  "source_b",
  "left_candidate_id",
  "labeler_id",
  "choice",
  "strength",
  "rationale",
  "duration_ms",
  "created_at",
  "is_gold",
  "gold_answer",
];

describe("raw votes", () => {
  it("have exactly the listed fields, the choice in candidate terms, and a stable pseudonym that is not the user id", async () => {
    const { project, users, j, pairs } = await fixture();
    const rows = await jsonlRows(project, { format: "votes", excludeGold: "false", excludeExcludedLabelers: "false" });
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(Object.keys(row)).toEqual(VOTE_FIELDS);
    const byId = new Map(rows.map((r) => [r.judgment_id, r]));
    const stored = await db().judgment.findUniqueOrThrow({ where: { id: j.p01bob } });
    expect(byId.get(j.p01bob)).toEqual({
      judgment_id: j.p01bob,
      pair_id: pairs.p01.id,
      prompt_id: "prompt-0",
      candidate_a_id: "c0",
      candidate_b_id: "c1",
      source_a: "model-0",
      source_b: "model-1",
      left_candidate_id: "c1",
      labeler_id: labelerPseudonym(project.id, users.bob.id),
      choice: "A", // the right side was c0, the pair's A
      strength: 2,
      rationale: null,
      duration_ms: 900,
      created_at: stored.createdAt.toISOString(),
      is_gold: false,
      gold_answer: null,
    });
    expect(byId.get(j.p12cat)).toMatchObject({ choice: "B", left_candidate_id: "c2" });
    expect(byId.get(j.p12ada)).toMatchObject({ choice: "TIE" });
    expect(byId.get(j.gold)).toMatchObject({ choice: "A", is_gold: true, gold_answer: "A" });

    const pseudonyms = new Set(rows.map((r) => r.labeler_id));
    expect(pseudonyms.size).toBe(4);
    for (const u of Object.values(users)) {
      expect(pseudonyms.has(u.id)).toBe(false);
      for (const p of pseudonyms) expect(p).not.toContain(u.id.slice(0, 8));
    }
    // Stable across exports; different in another project.
    const again = await jsonlRows(project, { format: "votes", excludeGold: "false", excludeExcludedLabelers: "false" });
    expect(again.map((r) => r.labeler_id)).toEqual(rows.map((r) => r.labeler_id));
    expect(labelerPseudonym(randomUUID(), users.bob.id)).not.toBe(labelerPseudonym(project.id, users.bob.id));
    // Defaults leave out gold and the excluded labeler.
    expect(await jsonlRows(project, { format: "votes" })).toHaveLength(10);
  });

  it("CSV has the header and one line per vote", async () => {
    const { project } = await fixture();
    const { bytes, manifest } = await exported(project, { format: "votes", as: "csv" });
    const lines = bytes.toString("utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(VOTE_FIELDS.join(","));
    expect(lines).toHaveLength(1 + 10);
    expect(manifest.rowCount).toBe(10);
  });
});

describe("Parquet", () => {
  const asJson = (rows: Record<string, unknown>[]) =>
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
    );

  it("reads back (hyparquet) with the same rows and types as the JSONL", async () => {
    const { project } = await fixture();
    for (const query of [
      { format: "votes", excludeGold: "false", excludeExcludedLabelers: "false" },
      { format: "trl", rule: "judgment", messages: "conversational" },
      { format: "trl", rule: "pair", excludeExcludedLabelers: "false" },
    ] as Record<string, string>[]) {
      const fromJsonl = await jsonlRows(project, query);
      const fromParquet = await parquetRows(project, query);
      expect(fromParquet.length).toBeGreaterThan(0);
      expect(asJson(fromParquet)).toEqual(fromJsonl);
      for (const row of fromParquet) {
        if (query.format === "votes") {
          expect(row.created_at).toBeInstanceOf(Date);
          expect(typeof row.duration_ms).toBe("number");
          expect(typeof row.is_gold).toBe("boolean");
        } else expect(typeof row.margin).toBe("number");
      }
    }
  });
});

describe("manifests", () => {
  it("are stored for every export; the hash changes exactly when the data or the filters do", async () => {
    const { project, users, c, pairs } = await fixture();
    const first = await exported(project, { rule: "judgment" });
    const second = await exported(project, { rule: "judgment" });
    expect(second.manifest.id).not.toBe(first.manifest.id);
    expect(second.manifest.contentSha256).toBe(first.manifest.contentSha256);
    expect(second.manifest.cutoff >= first.manifest.cutoff).toBe(true);
    expect(first.manifest).toMatchObject({
      format: "trl",
      fileType: "jsonl",
      rowCount: 6,
      byteCount: first.bytes.byteLength,
      spec: { rule: "judgment", filters: { minVotes: 1, minAgreement: 0, excludeGold: true } },
      counts: { judgmentsRead: 10, rowsWritten: 6, indecisiveJudgments: 4 },
    });
    // Same rows, other filters: the hash differs (widening the date range changes no row here).
    const widened = await exported(project, { rule: "judgment", from: "2000-01-01" });
    expect(widened.bytes.equals(first.bytes)).toBe(true);
    expect(widened.manifest.contentSha256).not.toBe(first.manifest.contentSha256);
    // Data that the export leaves out (an excluded labeler's vote) changes nothing.
    await judge(project, users.dan.id, pairs.p12, c.c1, "A");
    expect((await exported(project, { rule: "judgment" })).manifest.contentSha256).toBe(first.manifest.contentSha256);
    // A new judgment that the export keeps changes the hash.
    const [eve] = await fixtures.makeLabelers(project, 1);
    await judge(project, eve?.id as string, pairs.p12, c.c1, "A", 2);
    const grown = await exported(project, { rule: "judgment" });
    expect(grown.manifest.rowCount).toBe(7);
    expect(grown.manifest.contentSha256).not.toBe(first.manifest.contentSha256);
    const stored = await db().exportManifest.count({ where: { projectId: project.id } });
    expect(stored).toBe(5);
  });
});

describe("the export route", () => {
  const route = import("../../app/api/projects/[slug]/export/route");

  async function get(project: Project, query: string, role: Role = "ML") {
    const user = await db().user.create({
      data: { email: `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@test.local`, role },
    });
    const handler = (await route).GET as unknown as (req: NextRequest, ctx: unknown) => Promise<Response>;
    const token = await encode({
      secret: process.env.NEXTAUTH_SECRET as string,
      token: { uid: user.id, role: user.role, email: user.email },
    });
    const req = new NextRequest(`http://localhost/api/projects/${project.slug}/export?${query}`, {
      headers: { cookie: `next-auth.session-token=${token}` },
    });
    return handler(req, { params: Promise.resolve({ slug: project.slug }) });
  }

  it("streams the file and stores its manifest", async () => {
    const { project } = await fixture();
    const response = await get(project, "format=votes&as=parquet");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename=".*-votes-.*\.parquet"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(await parquetReadObjects({ file: bytes.buffer as ArrayBuffer })).toHaveLength(10);
    const manifest = await db().exportManifest.findFirstOrThrow({ where: { projectId: project.id } });
    expect(manifest).toMatchObject({
      format: "votes",
      fileType: "parquet",
      rowCount: 10,
      byteCount: BigInt(bytes.length),
    });
  });

  it.each([
    ["minVotes=abc", "query.minVotes"],
    ["minVotes=0", "query.minVotes"],
    ["minAgreement=1.5", "query.minAgreement"],
    ["from=yesterday", "query.from"],
    ["from=2026-05-01&to=2026-04-01", "query.to"],
    ["excludeGold=maybe", "query.excludeGold"],
    ["as=xlsx", "query.as"],
    ["afterModelVersion=7", "afterModelVersion"],
  ])("answers 400 naming the field for %s", async (query, field) => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2 });
    const response = await get(project, query);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(field.replace("query.", ""));
    expect(error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe("the export CLI", () => {
  const run = promisify(execFile);
  const root = path.resolve(import.meta.dirname, "../..");
  const cli = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "bin/export.ts", ...args], { cwd: root, env: process.env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it("writes the file and its manifest, and names the flag it refuses", { timeout: 120_000 }, async () => {
    const { project } = await fixture();
    const out = path.join(dir, "cli.parquet");
    const done = await cli([
      "--project",
      project.slug,
      "--format",
      "votes",
      "--as",
      "parquet",
      "--out",
      out,
      "--include-gold",
    ]);
    expect(done).toMatchObject({ code: 0 });
    const bytes = await readFile(out);
    const rows = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    });
    expect(rows).toHaveLength(11);
    const manifest = JSON.parse(await readFile(`${out}.manifest.json`, "utf8"));
    expect(manifest).toMatchObject({ rowCount: 11, requestedBy: "cli", spec: { filters: { excludeGold: false } } });
    const refused = await cli([
      "--project",
      project.slug,
      "--format",
      "trl",
      "--as",
      "jsonl",
      "--out",
      out,
      "--min-agreement",
      "2",
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--min-agreement: must be a number from 0 to 1");
  });
});

describe("Go candidates", () => {
  it("come with their position string, SGF and, where computed, Black's true win probability", async () => {
    const made = await fixtures.makeProject({ prompts: 1, candidates: 3, goldRate: 0 });
    const project = await db().project.update({ where: { id: made.id }, data: { kind: "GO" } });
    const { c0, c1 } = await candidatesOf(project, "prompt-0");
    const boards = {
      c0: { size: 5, komi: 6.5, toPlay: "W", position: "X..../...../...../...../.....", lastMove: { x: 0, y: 0 } },
      c1: { size: 5, komi: 6.5, toPlay: "W", position: "...../...../..X../...../.....", lastMove: { x: 2, y: 2 } },
    };
    await db().candidate.update({
      where: { id: c0.id },
      data: { board: boards.c0, text: "X..../...../...../...../..... W" },
    });
    await db().candidate.update({
      where: { id: c1.id },
      data: { board: boards.c1, text: "...../...../..X../...../..... W" },
    });
    await db().groundTruth.create({
      data: { candidateId: c1.id, pBlackWins: 0.62, standardError: 0.01, playouts: 2000, seed: 1, estimator: "test" },
    });
    const [ada] = await fixtures.makeLabelers(project, 1);
    await judge(project, ada?.id as string, await pairOf(project, c0, c1), c0, "B"); // c1, the centre stone

    const [vote] = await jsonlRows(project, { format: "votes" });
    expect(vote).toMatchObject({
      position_a: "X..../...../...../...../..... W",
      position_b: "...../...../..X../...../..... W",
      sgf_a: expect.stringContaining("AB[aa]"),
      sgf_b: expect.stringContaining("AB[cc]"),
      p_black_wins_a: null,
      p_black_wins_b: 0.62,
    });
    expect(vote.sgf_b).toContain("PL[W]");
    const [row] = await parquetRows(project, { format: "trl" });
    expect(row).toMatchObject({
      chosen_id: "c1",
      chosen_position: "...../...../..X../...../..... W",
      chosen_sgf: expect.stringContaining("AB[cc]"),
      chosen_p_black_wins: 0.62,
      rejected_p_black_wins: null,
    });
  });
});
