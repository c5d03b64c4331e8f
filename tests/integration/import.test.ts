import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import type { Project } from "../../lib/generated/prisma/client";
import { ImportError, type ImportProblem, importFile, importUpload, validateImportFile } from "../../lib/import";
import { inviteCode } from "../../lib/projects";
import { mulberry32 } from "../../lib/random";
import { useFreshDatabase } from "../setup/database";
import { jsonlFilesPerFile } from "./jsonl-files";

const files = jsonlFilesPerFile("import-test");

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

type Line = Record<string, unknown>;

function promptLine(id: string, candidateIds = ["c1", "c2", "c3", "c4"], extra: Line = {}): Line {
  return {
    id,
    prompt: `Write a poem about ${id}`,
    candidates: candidateIds.map((c, i) => ({ id: c, text: `Poem ${c} for ${id}`, source: `model-${i}`, meta: { i } })),
    ...extra,
  };
}

const fixture = (lines: (Line | string)[]) => files.write(lines);

async function makeProject(settings: { pairCap?: number; k?: number; allowTie?: boolean } = {}): Promise<Project> {
  const slug = `imp-${randomBytes(4).toString("hex")}`;
  return db().project.create({ data: { slug, name: slug, inviteCode: inviteCode(), ...settings } });
}

async function rowCounts() {
  const [prompts, candidates, pairs] = await Promise.all([
    db().prompt.count(),
    db().candidate.count(),
    db().pair.count(),
  ]);
  return { prompts, candidates, pairs };
}

async function pairsOfPrompt(project: Project, externalId: string) {
  return db().pair.findMany({
    where: { prompt: { projectId: project.id, externalId } },
    include: { candidateA: true, candidateB: true },
  });
}

/** The problems of an import that must fail, after checking that it wrote nothing. */
async function failedImport(project: Project, file: string): Promise<ImportProblem[]> {
  const before = await rowCounts();
  const error = await importFile(file, project).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect(await rowCounts()).toEqual(before);
  return (error as ImportError).problems;
}

describe("importing a valid file", () => {
  it("creates prompts, candidates and every pair up to the cap", async () => {
    const project = await makeProject({ pairCap: 6, k: 3 });
    const file = await fixture([promptLine("p1"), "", promptLine("p2"), "   ", promptLine("p3")]);
    const summary = await importFile(file, project, { random: mulberry32(1) });
    expect(summary).toEqual({
      prompts: { created: 3, existing: 0 },
      candidates: { created: 12, existing: 0 },
      pairs: { created: 18, gold: 0 },
    });
    const pairs = await db().pair.findMany({
      where: { projectId: project.id },
      include: { candidateA: true, candidateB: true },
    });
    expect(pairs).toHaveLength(18);
    for (const pair of pairs) {
      expect(pair).toMatchObject({ isGold: false, goldAnswer: null, openSlots: 3, judgmentCount: 0 });
      // Canonical order: A was given before B on the line.
      expect(pair.candidateA.externalId < pair.candidateB.externalId).toBe(true);
    }
    const p1 = await db().prompt.findFirstOrThrow({
      where: { projectId: project.id, externalId: "p1" },
      include: { candidates: true },
    });
    expect(p1.text).toBe("Write a poem about p1");
    expect(p1.candidates.find((c) => c.externalId === "c2")).toMatchObject({ source: "model-1", meta: { i: 1 } });
  });

  it("samples pairs when a prompt has more than the cap", async () => {
    const project = await makeProject({ pairCap: 3 });
    const summary = await importFile(await fixture([promptLine("p1"), promptLine("p2")]), project);
    expect(summary.pairs.created).toBe(6);
    expect(await pairsOfPrompt(project, "p1")).toHaveLength(3);
    expect(await pairsOfPrompt(project, "p2")).toHaveLength(3);
  });

  it("does not duplicate anything on a re-import, and does not update stored text", async () => {
    const project = await makeProject({ pairCap: 6 });
    await importFile(await fixture([promptLine("p1"), promptLine("p2")]), project);
    const before = await rowCounts();
    const changed = promptLine("p1");
    (changed.candidates as Line[])[0] = { id: "c1", text: "A different text", source: "model-x" };
    const summary = await importFile(await fixture([changed, promptLine("p2")]), project);
    expect(summary).toEqual({
      prompts: { created: 0, existing: 2 },
      candidates: { created: 0, existing: 8 },
      pairs: { created: 0, gold: 0 },
    });
    expect(await rowCounts()).toEqual(before);
    const c1 = await db().candidate.findFirstOrThrow({
      where: { externalId: "c1", prompt: { projectId: project.id, externalId: "p1" } },
    });
    expect(c1).toMatchObject({ text: "Poem c1 for p1", source: "model-0" });
  });

  it("adds a new candidate of a stored prompt with pairs to the stored candidates, within the cap", async () => {
    const project = await makeProject({ pairCap: 10 });
    await importFile(await fixture([promptLine("p1"), promptLine("p2")]), project);
    const summary = await importFile(await fixture([promptLine("p1", ["c1", "c2", "c3", "c4", "c5"])]), project);
    expect(summary).toEqual({
      prompts: { created: 0, existing: 1 },
      candidates: { created: 1, existing: 4 },
      pairs: { created: 4, gold: 0 },
    });
    const pairs = await pairsOfPrompt(project, "p1");
    expect(pairs).toHaveLength(10);
    const withNew = pairs.filter((p) => p.candidateB.externalId === "c5");
    expect(withNew.map((p) => p.candidateA.externalId).sort()).toEqual(["c1", "c2", "c3", "c4"]);
    expect(await pairsOfPrompt(project, "p2")).toHaveLength(6);
  });

  it("adds the new candidate but no pairs when the prompt already has `cap` pairs", async () => {
    const project = await makeProject({ pairCap: 6 });
    await importFile(await fixture([promptLine("p1")]), project);
    const summary = await importFile(await fixture([promptLine("p1", ["c1", "c2", "c3", "c4", "c5"])]), project);
    expect(summary.candidates).toEqual({ created: 1, existing: 4 });
    expect(summary.pairs.created).toBe(0);
    expect(await pairsOfPrompt(project, "p1")).toHaveLength(6);
  });

  it("stores gold pairs, turning a planned pair gold instead of adding a second", async () => {
    const project = await makeProject({ pairCap: 6, k: 3 });
    const file = await fixture([
      promptLine("p1", undefined, { gold: [{ better: "c3", worse: "c1" }] }),
      promptLine("p2", undefined, {
        gold: [
          { a: "c2", b: "c4", answer: "TIE" },
          { better: "c1", worse: "c2" },
        ],
      }),
    ]);
    const summary = await importFile(file, project);
    expect(summary.pairs).toEqual({ created: 12, gold: 3 });
    const p1 = await pairsOfPrompt(project, "p1");
    expect(p1).toHaveLength(6);
    const gold = p1.filter((p) => p.isGold);
    expect(gold).toHaveLength(1);
    expect(gold[0]).toMatchObject({ goldAnswer: "B", openSlots: 0, judgmentCount: 0 });
    expect([gold[0]?.candidateA.externalId, gold[0]?.candidateB.externalId]).toEqual(["c1", "c3"]);
    const p2 = (await pairsOfPrompt(project, "p2")).filter((p) => p.isGold);
    const answers = Object.fromEntries(
      p2.map((p) => [`${p.candidateA.externalId}-${p.candidateB.externalId}`, p.goldAnswer]),
    );
    expect(answers).toEqual({ "c2-c4": "TIE", "c1-c2": "A" });
  });

  it("stores a gold pair beyond the cap when sampling left it out", async () => {
    const project = await makeProject({ pairCap: 1 });
    const lines = Array.from({ length: 10 }, (_, i) =>
      promptLine(`p${i}`, undefined, { gold: [{ better: "c4", worse: "c3" }] }),
    );
    await importFile(await fixture(lines), project, { random: mulberry32(7) });
    for (let i = 0; i < 10; i++) {
      const pairs = await pairsOfPrompt(project, `p${i}`);
      const gold = pairs.filter((p) => p.isGold);
      expect(gold).toHaveLength(1);
      expect(gold[0]).toMatchObject({
        goldAnswer: "B",
        candidateA: { externalId: "c3" },
        candidateB: { externalId: "c4" },
      });
      expect(pairs.length - gold.length).toBeLessThanOrEqual(1);
    }
  });

  it("imports an upload stream through a temporary file", async () => {
    const project = await makeProject();
    const body = `${JSON.stringify(promptLine("p1"))}\n${JSON.stringify(promptLine("p2"))}\n`;
    const summary = await importUpload(Readable.from([Buffer.from(body)]), project);
    expect(summary.prompts.created).toBe(2);
    const before = await rowCounts();
    const tooLarge = await importUpload(Readable.from([Buffer.from(body)]), project, { maxBytes: 100 }).catch(
      (e: unknown) => e,
    );
    expect(tooLarge).toBeInstanceOf(DomainError);
    expect(tooLarge).toMatchObject({ code: "UPLOAD_TOO_LARGE" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("a malformed file", () => {
  it("reports bad JSON with its line and column, and writes nothing", async () => {
    const project = await makeProject();
    const problems = await failedImport(project, await fixture([promptLine("p1"), '{"id": "p2", "prompt": }']));
    expect(problems).toEqual([
      { line: 2, field: "", message: expect.stringMatching(/^not valid JSON \(.*column 24\)$/) },
    ]);
  });

  it("reports a missing field", async () => {
    const project = await makeProject();
    const { prompt: _, ...noPrompt } = promptLine("p2");
    const problems = await failedImport(project, await fixture([promptLine("p1"), noPrompt]));
    expect(problems).toEqual([{ line: 2, field: "prompt", message: "missing (expected a non-empty string)" }]);
  });

  it("reports a field of the wrong type", async () => {
    const project = await makeProject();
    const line = promptLine("p1");
    (line.candidates as Line[])[2] = { id: "c3", text: 42, source: "model-c" };
    const problems = await failedImport(project, await fixture([line]));
    expect(problems).toEqual([
      { line: 1, field: "candidates[2].text", message: "expected a non-empty string, got a number" },
    ]);
  });

  it("reports a duplicate candidate id", async () => {
    const project = await makeProject();
    const problems = await failedImport(project, await fixture([promptLine("p1", ["c1", "c1", "c2"])]));
    expect(problems).toEqual([
      { line: 1, field: "candidates[1].id", message: 'duplicate candidate id "c1" (first at candidates[0])' },
    ]);
  });

  it("reports a duplicate prompt id with both lines", async () => {
    const project = await makeProject();
    const problems = await failedImport(
      project,
      await fixture([promptLine("p1"), promptLine("p2"), "", promptLine("p1")]),
    );
    expect(problems).toEqual([{ line: 4, field: "id", message: 'duplicate prompt id "p1" (first at line 1)' }]);
  });

  it("rejects unknown fields and board candidates in a TEXT project", async () => {
    const project = await makeProject();
    const line = promptLine("p1", ["c1", "c2"], { metadata: {} });
    (line.candidates as Line[])[1] = { id: "c2", board: "9x9 …", source: "model-b" };
    const problems = await failedImport(project, await fixture([line]));
    expect(problems).toEqual([
      { line: 1, field: "metadata", message: expect.stringContaining("unknown field") },
      { line: 1, field: "candidates[1].board", message: expect.stringContaining("board candidates need a GO project") },
    ]);
  });

  it("writes nothing when the only error is on the last of many lines", async () => {
    const project = await makeProject();
    const lines: (Line | string)[] = Array.from({ length: 1500 }, (_, i) => promptLine(`p${i}`));
    lines.push(promptLine("last", ["c1", "c2"], { gold: [{ better: "c1", worse: "c9" }] }));
    const problems = await failedImport(project, await fixture(lines));
    expect(problems).toEqual([
      { line: 1501, field: "gold[0].worse", message: 'no candidate with id "c9" on this line' },
    ]);
  });

  it("collects every error, listing the first 100 and counting the rest", async () => {
    const project = await makeProject();
    const lines = Array.from({ length: 150 }, (_, i) => (i % 2 ? promptLine(`p${i}`, ["c1"]) : "not json"));
    const check = await validateImportFile(await fixture(lines), project);
    expect(check.errorCount).toBe(150);
    expect(check.errors).toHaveLength(100);
    expect(check.errors[1]).toEqual({
      line: 2,
      field: "candidates",
      message: "expected at least 2 candidates to compare, got 1",
    });
    const error = await importFile(await fixture(lines), project).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_IMPORT", problemCount: 150 });
  });

  it("rolls back every batch when the database fails part-way", async () => {
    const project = await makeProject();
    await db().$executeRawUnsafe(`
      CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."externalId" = 'boom' THEN RAISE EXCEPTION 'boom refused'; END IF;
        RETURN NEW;
      END $$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER fail_on_boom BEFORE INSERT ON "Prompt" FOR EACH ROW EXECUTE FUNCTION fail_on_boom()`,
    );
    try {
      const lines = Array.from({ length: 250 }, (_, i) => promptLine(`p${i}`));
      lines.push(promptLine("boom"));
      const before = await rowCounts();
      await expect(importFile(await fixture(lines), project, { batchSize: 100 })).rejects.toThrow(/boom refused/);
      expect(await rowCounts()).toEqual(before);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER fail_on_boom ON "Prompt"`);
      await db().$executeRawUnsafe("DROP FUNCTION fail_on_boom()");
    }
  });
});

describe("the demo file", () => {
  const demo = path.resolve(import.meta.dirname, "../../prisma/demo/poems.jsonl");

  it("validates and imports with 4 candidates per prompt, a utility on each, and gold pairs", async () => {
    const project = await makeProject({ pairCap: 6 });
    const check = await validateImportFile(demo, project);
    expect(check.errors).toEqual([]);
    expect(check.prompts).toBeGreaterThanOrEqual(32);
    expect(check.candidates).toBe(check.prompts * 4);
    expect(check.gold).toBeGreaterThanOrEqual(4);
    const summary = await importFile(demo, project);
    expect(summary.pairs.created).toBe(check.prompts * 6);
    const candidates = await db().candidate.findMany({ where: { prompt: { projectId: project.id } } });
    for (const c of candidates) expect(typeof (c.meta as { utility?: unknown }).utility).toBe("number");
    expect(candidates.some((c) => c.text.includes("```"))).toBe(true);
  });
});

describe("the import CLI", () => {
  const run = promisify(execFile);
  const root = path.resolve(import.meta.dirname, "../..");
  const cli = (args: string[], env: NodeJS.ProcessEnv) =>
    run(process.execPath, ["--import", "tsx", "bin/import.ts", ...args], { cwd: root, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it("says how to get DATABASE_URL when it is missing", async () => {
    const { DATABASE_URL: _, ...env } = process.env;
    const result = await cli(["--project", "x", "file.jsonl"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("DATABASE_URL is not set; start Vibecheck with npm start, which prints it");
  });

  it("prints each problem as file:line: field: message and exits 1, then imports a fixed file", async () => {
    const project = await makeProject();
    const bad = await fixture([promptLine("p1"), promptLine("p2", ["c1", "c1"])]);
    const failed = await cli(["--project", project.slug, bad], process.env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${bad}:2: candidates[1].id: duplicate candidate id "c1" (first at candidates[0])`);
    const good = await fixture([promptLine("p1")]);
    const done = await cli(["--project", project.slug, good], process.env);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("1 new");
    expect(await db().prompt.count({ where: { projectId: project.id } })).toBe(1);
  });
});

describe("POST /api/projects/[slug]/import", () => {
  async function post(slug: string, body: BodyInit, contentType?: string) {
    const { POST } = await import("../../app/api/projects/[slug]/import/route");
    // The guard reads the role from the account, so the session belongs to a real admin.
    const admin = await db().user.upsert({
      where: { email: "admin@test.local" },
      create: { email: "admin@test.local", role: "ADMIN" },
      update: {},
    });
    const token = await encode({
      secret: process.env.NEXTAUTH_SECRET as string,
      token: { uid: admin.id, role: "ADMIN", email: "admin@test.local" },
    });
    const headers: Record<string, string> = { cookie: `next-auth.session-token=${token}` };
    if (contentType) headers["content-type"] = contentType;
    const req = new NextRequest(`http://localhost/api/projects/${slug}/import`, { method: "POST", headers, body });
    return POST(req, { params: Promise.resolve({ slug }) });
  }

  it("imports a raw JSONL body and answers the summary", async () => {
    const project = await makeProject();
    const body = `${JSON.stringify(promptLine("p1"))}\n${JSON.stringify(promptLine("p2"))}\n`;
    const response = await post(project.slug, body, "application/x-ndjson");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ prompts: { created: 2 }, pairs: { created: 12 } });
  });

  it("imports a file from a multipart form", async () => {
    const project = await makeProject();
    const form = new FormData();
    form.set("file", new Blob([`${JSON.stringify(promptLine("p1"))}\n`]), "poems.jsonl");
    const response = await post(project.slug, form);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ prompts: { created: 1 }, candidates: { created: 4 } });
  });

  it("answers 400 INVALID_IMPORT with every problem, and writes nothing", async () => {
    const project = await makeProject();
    const before = await rowCounts();
    const body = `${JSON.stringify(promptLine("p1"))}\n{oops\n${JSON.stringify(promptLine("p1"))}\n`;
    const response = await post(project.slug, body, "application/x-ndjson");
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; details: ImportProblem[] } };
    expect(error.code).toBe("INVALID_IMPORT");
    expect(error.message).toContain("nothing was imported");
    expect(error.details).toEqual([
      { line: 2, field: "", message: expect.stringContaining("not valid JSON") },
      { line: 3, field: "id", message: 'duplicate prompt id "p1" (first at line 1)' },
    ]);
    expect(await rowCounts()).toEqual(before);
  });
});
