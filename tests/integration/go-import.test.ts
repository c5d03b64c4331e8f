import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextTask } from "../../lib/assign";
import { db, disconnect } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { ImportError, type ImportProblem, importFile } from "../../lib/import";
import { inviteCode } from "../../lib/projects";
import { useFreshDatabase } from "../setup/database";
import { makeLabeler } from "./fixtures";
import { jsonlFilesPerFile } from "./jsonl-files";

const files = jsonlFilesPerFile("go-import");

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

const fixture = (lines: unknown[]) => files.write(lines);

async function makeProject(kind: "GO" | "TEXT", question?: string): Promise<Project> {
  const slug = `go-${randomBytes(4).toString("hex")}`;
  return db().project.create({
    data: { slug, name: slug, kind, inviteCode: inviteCode(), goldRate: 0, question: question ?? null },
  });
}

async function failedImport(project: Project, file: string): Promise<ImportProblem[]> {
  const before = await db().candidate.count();
  const error = await importFile(file, project).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect(await db().candidate.count()).toBe(before);
  return (error as ImportError).problems;
}

const SGF_LINE = {
  id: "game-1",
  prompt: "White to play after C3. Which reply is better?",
  candidates: [
    { id: "pass", board: { sgf: "(;GM[1]FF[4]SZ[5]KM[0.5];B[cc];W[])" } },
    { id: "b2", board: { sgf: "(;GM[1]FF[4]SZ[5]KM[0.5];B[cc];W[bb])" }, source: "sgf-editor", meta: { note: "x" } },
  ],
};

const POSITION_LINE = {
  id: "pos-1",
  prompt: "Black to play",
  candidates: [
    { id: "a", position: "X..../...../..O../...../.....", toPlay: "W", lastMove: "A5" },
    { id: "b", position: "...../...../..O../...../....X W", komi: 6.5, lastMove: "E1" },
    { id: "c", position: "...../...../..O../...X./.....", toPlay: "W", lastMove: "D2" },
  ],
};

describe("importing board candidates into a GO project", () => {
  it("stores each board as JSON with its compact position string as text, and pairs them", async () => {
    const project = await makeProject("GO");
    const summary = await importFile(await fixture([SGF_LINE, POSITION_LINE]), project);
    expect(summary).toMatchObject({ prompts: { created: 2 }, candidates: { created: 5 }, pairs: { created: 4 } });

    const stored = await db().candidate.findMany({
      where: { prompt: { projectId: project.id } },
      orderBy: { externalId: "asc" },
      select: { externalId: true, text: true, board: true, source: true, meta: true },
    });
    expect(stored).toEqual([
      {
        externalId: "a",
        text: "X..../...../..O../...../..... W",
        board: { size: 5, komi: 7.5, toPlay: "W", position: "X..../...../..O../...../.....", lastMove: { x: 0, y: 0 } },
        source: "import",
        meta: {},
      },
      {
        externalId: "b",
        text: "...../...../..O../...../....X W",
        board: { size: 5, komi: 6.5, toPlay: "W", position: "...../...../..O../...../....X", lastMove: { x: 4, y: 4 } },
        source: "import",
        meta: {},
      },
      {
        externalId: "b2",
        text: "...../.O.../..X../...../..... B",
        board: { size: 5, komi: 0.5, toPlay: "B", position: "...../.O.../..X../...../.....", lastMove: { x: 1, y: 1 } },
        source: "sgf-editor",
        meta: { note: "x" },
      },
      expect.objectContaining({ externalId: "c" }),
      {
        externalId: "pass",
        text: "...../...../..X../...../..... B",
        board: { size: 5, komi: 0.5, toPlay: "B", position: "...../...../..X../...../.....", lastMove: "pass" },
        source: "import",
        meta: {},
      },
    ]);

    const again = await importFile(await fixture([SGF_LINE, POSITION_LINE]), project);
    expect(again).toMatchObject({
      prompts: { created: 0, existing: 2 },
      candidates: { created: 0 },
      pairs: { created: 0 },
    });
  });

  it("names the line, the field and the SGF offset of a malformed record, and writes nothing", async () => {
    const project = await makeProject("GO");
    const broken = {
      ...SGF_LINE,
      candidates: [SGF_LINE.candidates[0], { id: "b2", board: { sgf: "(;SZ[5];B[cc];W[zz])" } }],
    };
    const illegal = {
      ...SGF_LINE,
      id: "game-2",
      candidates: [SGF_LINE.candidates[0], { id: "x", board: { sgf: "(;SZ[5];B[cc];W[cc])" } }],
    };
    const problems = await failedImport(project, await fixture([POSITION_LINE, broken, illegal]));
    expect(problems).toEqual([
      {
        line: 2,
        field: "candidates[1].board.sgf",
        message: expect.stringMatching(
          /^SGF error at offset 16 \(line 1, column 17\): "zz" is not a point on a 5x5 board/,
        ),
      },
      { line: 3, field: "candidates[1].board.sgf", message: expect.stringMatching(/^move 2: White cannot play C3/) },
    ]);
  });

  it("refuses text candidates, a missing side to move and a misplaced last move", async () => {
    const project = await makeProject("GO");
    const line = {
      id: "p",
      prompt: "x",
      candidates: [
        { id: "t", text: "a poem", source: "m" },
        { id: "u", position: "X./.." },
        { id: "v", position: "X./..", toPlay: "W", lastMove: "B2" },
      ],
    };
    expect(await failedImport(project, await fixture([line]))).toEqual([
      { line: 1, field: "candidates[0].text", message: expect.stringContaining("GO projects take board candidates") },
      { line: 1, field: "candidates[0]", message: expect.stringContaining("missing the board") },
      { line: 1, field: "candidates[1].toPlay", message: expect.stringContaining("say who moves next") },
      {
        line: 1,
        field: "candidates[2].lastMove",
        message: "B2 holds no black stone, but black moved last since White is to play",
      },
    ]);
  });

  it("keeps refusing board candidates in a TEXT project", async () => {
    const project = await makeProject("TEXT");
    const problems = await failedImport(project, await fixture([SGF_LINE]));
    expect(problems).toEqual([
      { line: 1, field: "candidates[0].board", message: expect.stringContaining("board candidates need a GO project") },
      { line: 1, field: "candidates[1].board", message: expect.stringContaining("board candidates need a GO project") },
    ]);
  });
});

describe("serving GO pairs", () => {
  it("hands out both boards and the default question", async () => {
    const project = await makeProject("GO");
    await importFile(await fixture([SGF_LINE]), project);
    const labeler = await makeLabeler(project);
    const task = await nextTask(project, labeler.id, { random: () => 0.99 });
    if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
    expect(task.question).toBe("Which position is better for Black?");
    expect([task.left.board?.lastMove, task.right.board?.lastMove]).toEqual(
      expect.arrayContaining(["pass", { x: 1, y: 1 }]),
    );
    expect(task.left.board).toMatchObject({ size: 5, komi: 0.5, toPlay: "B" });
  });

  it("asks the project's own question", async () => {
    const project = await makeProject("GO", "Which position is better for White?");
    await importFile(await fixture([SGF_LINE]), project);
    const labeler = await makeLabeler(project);
    const task = await nextTask(project, labeler.id, { random: () => 0.99 });
    expect(task.kind === "pair" && task.question).toBe("Which position is better for White?");
  });
});
