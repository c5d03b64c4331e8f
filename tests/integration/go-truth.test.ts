import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { importFile, importGeneratedGo } from "../../lib/import";
import { goTruthQueue, pendingJobStates, stopJobSender } from "../../lib/jobs";
import { inviteCode, updateSettings } from "../../lib/projects";
import { computeMissingTruth, pairTruths, type TruthEstimatorName, truthSeed } from "../../lib/truth";
import { goTruthJob } from "../../workers/jobs/go-truth";
import { useFreshDatabase } from "../setup/database";
import { jsonlFilesPerFile } from "./jsonl-files";

// Few playouts keep the file fast; the positions below are decided far beyond that noise.
const PLAYOUTS = 300;

// Black's two big groups are alive with many eyes and own most of the board: won for Black.
const BLACK_AHEAD = [
  ".X.X.XO.O",
  "XXXXXXOOO",
  ".X.X.XO.O",
  "XXXXXXOOO",
  ".X.X.XO.O",
  "XXXXXXOOO",
  ".X.X.XO.O",
  "XXXXXXOOO",
  "......O.O",
].join("/");
const WHITE_AHEAD = BLACK_AHEAD.replace(/[XO]/g, (stone) => (stone === "X" ? "O" : "X"));

const files = jsonlFilesPerFile("go-truth");

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await stopJobSender();
  await disconnect();
});

/**
 * Random playouts unless said otherwise (null: the default for new projects): the fastest
 * estimator, enough for the decided positions here.
 */
async function goProject(
  question?: string,
  estimator: TruthEstimatorName | null = "random-playouts/v1",
): Promise<Project> {
  const slug = `truth-${randomBytes(4).toString("hex")}`;
  return db().project.create({
    data: {
      slug,
      name: slug,
      kind: "GO",
      inviteCode: inviteCode(),
      question: question ?? null,
      ...(estimator ? { goTruthEstimator: estimator } : {}),
    },
  });
}

async function importDecidedPair(project: Project) {
  const line = {
    id: "decided",
    prompt: "Black to play",
    candidates: [
      { id: "won", position: BLACK_AHEAD, toPlay: "W" },
      { id: "lost", position: WHITE_AHEAD, toPlay: "W" },
    ],
  };
  await importFile(await files.write([line]), project);
  const candidates = await db().candidate.findMany({ where: { prompt: { projectId: project.id } } });
  const id = (externalId: string) => candidates.find((c) => c.externalId === externalId)?.id as string;
  return { won: id("won"), lost: id("lost") };
}

describe("computeMissingTruth", () => {
  it("stores P(Black wins) above 0.95 for a clearly won position, with its error, seed and estimator", async () => {
    const project = await goProject();
    const other = await goProject();
    const { won, lost } = await importDecidedPair(project);
    await importDecidedPair(other);

    const run = await computeMissingTruth(project.id, { playouts: PLAYOUTS });
    expect(run).toMatchObject({ computed: 2, unreadable: 0, playouts: PLAYOUTS });
    const truth = await db().groundTruth.findUniqueOrThrow({ where: { candidateId: won } });
    expect(truth.pBlackWins).toBeGreaterThan(0.95);
    expect(truth.standardError).toBeLessThan(0.02);
    expect(truth).toMatchObject({ playouts: PLAYOUTS, seed: truthSeed(won), estimator: "random-playouts/v1" });
    const lostTruth = await db().groundTruth.findUniqueOrThrow({ where: { candidateId: lost } });
    expect(lostTruth.pBlackWins).toBeLessThan(0.05);

    // Only the project asked for; and a second run finds nothing left to do there.
    expect(await db().groundTruth.count({ where: { candidate: { prompt: { projectId: other.id } } } })).toBe(0);
    expect((await computeMissingTruth(project.id, { playouts: PLAYOUTS })).computed).toBe(0);

    // Reproducible: the seed comes from the candidate id.
    await db().groundTruth.delete({ where: { candidateId: won } });
    await computeMissingTruth(project.id, { playouts: PLAYOUTS });
    expect((await db().groundTruth.findUniqueOrThrow({ where: { candidateId: won } })).pBlackWins).toBe(
      truth.pBlackWins,
    );
  });

  it("gives each pair its true answer for the side the question asks about", async () => {
    const forBlack = await goProject();
    const forWhite = await goProject("Which position is better for White?");
    const black = await importDecidedPair(forBlack);
    const white = await importDecidedPair(forWhite);
    await computeMissingTruth(undefined, { playouts: PLAYOUTS });

    const answerFor = async (project: Project, ids: { won: string }) => {
      const [pair] = await db().pair.findMany({ where: { projectId: project.id } });
      const [truth] = await pairTruths(project.id);
      expect(truth?.pairId).toBe(pair?.id);
      const wonIsA = pair?.candidateAId === ids.won;
      return { answer: truth?.answer, wonIsA };
    };
    const b = await answerFor(forBlack, black);
    expect(b.answer).toBe(b.wonIsA ? "A" : "B");
    const w = await answerFor(forWhite, white);
    expect(w.answer).toBe(w.wonIsA ? "B" : "A");
  });

  it("shares the work between concurrent runs without computing a candidate twice", async () => {
    const project = await goProject();
    await importGeneratedGo(project, { size: 9, prompts: 6, seed: 3, candidates: { min: 2, max: 3 } });
    const candidates = await db().candidate.count({ where: { prompt: { projectId: project.id } } });
    const runs = await Promise.all([
      computeMissingTruth(project.id, { playouts: 50, batchSize: 2 }),
      computeMissingTruth(project.id, { playouts: 50, batchSize: 2 }),
    ]);
    // Both runs did work, and no candidate was estimated by both (stored rows alone cannot show
    // that: a duplicate insert is skipped silently).
    expect(runs[0].estimated).toBeGreaterThan(0);
    expect(runs[1].estimated).toBeGreaterThan(0);
    expect(runs[0].estimated + runs[1].estimated).toBe(candidates);
    expect(runs[0].computed + runs[1].computed).toBe(candidates);
    expect(await db().groundTruth.count({ where: { candidate: { prompt: { projectId: project.id } } } })).toBe(
      candidates,
    );
  });
});

describe("the project's truth estimator", () => {
  it("is tree search (uct/v2) for a new project, and its truth comes from tree search", async () => {
    const project = await goProject(undefined, null);
    expect(project.goTruthEstimator).toBe("uct/v2");
    // Setting what it already is changes nothing and queues nothing.
    await updateSettings(project.slug, { goTruthEstimator: "uct/v2" });
    expect(await pendingJobStates(goTruthQueue, project.id)).toEqual([]);
    const { won, lost } = await importDecidedPair(project);
    expect((await computeMissingTruth(project.id, { threads: 2 })).computed).toBe(2);
    const truth = await db().groundTruth.findUniqueOrThrow({ where: { candidateId: won } });
    expect(truth).toMatchObject({ estimator: "uct/v2", seed: truthSeed(won) });
    expect(truth.pBlackWins).toBeGreaterThan(0.95);
    expect((await db().groundTruth.findUniqueOrThrow({ where: { candidateId: lost } })).pBlackWins).toBeLessThan(0.05);
  });

  it("recomputes the truth in the background when it changes, keeping the old rows until the new ones are in", async () => {
    const project = await goProject();
    const { won } = await importDecidedPair(project);
    await computeMissingTruth(project.id, { playouts: PLAYOUTS });
    const before = await pairTruths(project.id);
    expect(before).toHaveLength(1);

    // The project setting, as the Settings page and PATCH /api/projects/{slug}/settings change it.
    expect(await updateSettings(project.slug, { goTruthEstimator: "uct/v2" })).toMatchObject({
      goTruthEstimator: "uct/v2",
    });
    await updateSettings(project.slug, { goTruthEstimator: "uct/v2" });
    expect(await pendingJobStates(goTruthQueue, project.id)).toEqual(["created"]);
    // Until the job has run, the pair keeps its old answer from the old rows.
    expect(await pairTruths(project.id)).toEqual(before);
    expect((await db().groundTruth.findUniqueOrThrow({ where: { candidateId: won } })).estimator).toBe(
      "random-playouts/v1",
    );

    const run = await computeMissingTruth(project.id, { playouts: PLAYOUTS, threads: 1 });
    expect(run.computed).toBe(2);
    const rows = await db().groundTruth.findMany({ where: { candidate: { prompt: { projectId: project.id } } } });
    expect(rows.map((row) => row.estimator)).toEqual(["uct/v2", "uct/v2"]);
    expect((await pairTruths(project.id))[0]?.answer).toBe(before[0]?.answer);
    expect((await computeMissingTruth(project.id, { playouts: PLAYOUTS })).computed).toBe(0);
  });

  it("refuses a name that is not an estimator, saying which ones are", async () => {
    const project = await goProject();
    await expect(updateSettings(project.slug, { goTruthEstimator: "alphago/v1" })).rejects.toThrow(
      "Ground truth estimator must be one of Random playouts (random-playouts/v1), Tree search (UCT) (uct/v2), GNU Go self-play (gnugo/v1).",
    );
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).goTruthEstimator).toBe(
      "random-playouts/v1",
    );
  });
});

describe("the go-truth job", () => {
  it("runs every minute and computes what is missing with GO_TRUTH_PLAYOUTS playouts", async () => {
    expect(goTruthJob.queue.cron).toBe("* * * * *");
    const project = await goProject();
    const { won } = await importDecidedPair(project);
    process.env.GO_TRUTH_PLAYOUTS = "120";
    try {
      const handle = await goTruthJob.load();
      const run = await handle(goTruthJob.queue.payload.parse({ projectId: project.id }));
      expect(run).toMatchObject({ computed: 2, playouts: 120 });
    } finally {
      delete process.env.GO_TRUTH_PLAYOUTS;
    }
    const truth = await db().groundTruth.findUniqueOrThrow({ where: { candidateId: won } });
    expect(truth.playouts).toBe(120);
    expect(truth.pBlackWins).toBeGreaterThan(0.95);
  });
});

describe("importGeneratedGo", () => {
  it("imports generated positions through the import path, reproducibly", async () => {
    const project = await goProject();
    const options = { size: 9, prompts: 4, seed: 9, candidates: { min: 2, max: 4 } };
    const first = await importGeneratedGo(project, options);
    expect(first.prompts.created).toBe(4);
    expect(first.candidates.created).toBeGreaterThanOrEqual(8);
    expect(first.pairs.created).toBeGreaterThanOrEqual(4);
    const again = await importGeneratedGo(project, options);
    expect(again).toMatchObject({
      prompts: { created: 0, existing: 4 },
      candidates: { created: 0 },
      pairs: { created: 0 },
    });

    const candidate = await db().candidate.findFirstOrThrow({ where: { prompt: { projectId: project.id } } });
    expect(candidate.board).toMatchObject({ size: 9, komi: 7.5 });
    expect(candidate.text).toMatch(/^([XO.]{9}\/){8}[XO.]{9} [BW]$/);
    expect(candidate.meta).toMatchObject({ kind: expect.any(String), move: candidate.externalId });

    const text = await db().project.create({
      data: { slug: `text-${randomBytes(3).toString("hex")}`, name: "t", inviteCode: inviteCode() },
    });
    await expect(importGeneratedGo(text, options)).rejects.toThrow(/need a GO project/);
  });
});
