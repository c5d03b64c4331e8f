import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Project } from "../../lib/generated/prisma/client";
import { scoreTexts } from "../../lib/rm/eval/score-texts";
import { createSyntheticWorld, syntheticJudgments, trueUtility } from "../../lib/rm/synthetic/comparisons";
import type { Comparison } from "../../lib/rm/train/comparison";
import { sfc32 } from "../../lib/rm/train/random";
import { type TrainResult, trainRewardModel } from "../../lib/rm/train/train";
import { type BenchFigure, type BenchSection, median } from "./report";

// Does active learning save judgments? Two identical projects of generated prompts whose candidates'
// true utility is the sum of hidden per-word weights (lib/rm/synthetic/comparisons.ts), imported with
// meta.utility. Simulated labelers judge them through nextTask + submitJudgment in rounds; after
// each round a reward model is trained in-process on every judgment so far and its accuracy is
// measured on pairs of held-out prompts against the true utility order. One project is served in
// regular (random) order; the other with active learning, for which each round's model is stored
// as the current RewardModel with a Score per candidate, as the retrain worker does in production.

const ROUND = Number(process.env.BENCH_ACTIVE_ROUND ?? 500);
const BUDGET = Number(process.env.BENCH_ACTIVE_BUDGET ?? 6000);
const SEEDS = (process.env.BENCH_ACTIVE_SEEDS ?? "1,2,3").split(",").map(Number);
const PROMPTS = 2_000;
const CANDIDATES = 4;
const CROWD = { labelers: 20, temperature: 1, positionBias: 0.2, spammers: 0.1 };
const PLATEAU_SHARE = 0.95;

type Lib = Awaited<ReturnType<typeof loadLib>>;
type Curve = { judgments: number; accuracy: number }[];
type Run = { random: Curve; active: Curve; claimMs: { active: number; regular: number } };

async function loadLib() {
  const [db, assign, imports, simulate] = await Promise.all([
    import("../../lib/db"),
    import("../../lib/assign"),
    import("../../lib/import"),
    import("../../lib/simulate"),
  ]);
  return { ...db, ...assign, ...imports, ...simulate };
}

export const activeBench: BenchSection = {
  name: "active",
  title: "Active learning: judgments to reach the plateau accuracy (simulated crowd)",
  run: async () => {
    const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
    const { migrateDeploy } = await import("../../lib/db/migrate");
    const dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-bench-active-"));
    const database = await startEmbeddedPostgres({ dir, ephemeral: true });
    // lib/db reads DATABASE_URL on first use; no earlier section of this process may have used it.
    process.env.DATABASE_URL = database.url;
    let lib: Lib | undefined;
    try {
      await migrateDeploy(database.url);
      lib = await loadLib();
      const runs: Run[] = [];
      for (const seed of SEEDS) runs.push(await compare(lib, dir, seed));
      return figures(runs);
    } finally {
      await lib?.disconnect();
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function compare(lib: Lib, dir: string, seed: number): Promise<Run> {
  const world = createSyntheticWorld(100 + seed, { vocabularySize: 200, temperature: CROWD.temperature });
  const file = path.join(dir, `pool-${seed}.jsonl`);
  await lib.writeSyntheticImport(file, world, {
    seed,
    prompts: PROMPTS,
    candidatesPerPrompt: CANDIDATES,
    prefix: "pool",
  });
  const shape = { candidatesPerPrompt: CANDIDATES, judgmentsPerPrompt: 6 };
  // Early stopping uses votes on prompts of their own; accuracy is measured against the true order.
  const validation = syntheticJudgments(world, { ...shape, seed: 7 * seed + 1, prompts: 200, promptPrefix: "val" });
  const test = syntheticJudgments(world, { ...shape, seed: 7 * seed + 2, prompts: 1_000, promptPrefix: "test" });
  const accuracy = (result: TrainResult) => {
    const score = scoreTexts(result.model, []);
    let correct = 0;
    for (const pair of test.pairs) {
      const truth = trueUtility(world, pair.a) - trueUtility(world, pair.b);
      const predicted = score(pair.prompt, pair.a) - score(pair.prompt, pair.b);
      correct += Math.sign(truth) === Math.sign(predicted) ? 1 : 0;
    }
    return correct / test.pairs.length;
  };

  const curves: Record<"random" | "active", Curve> = { random: [], active: [] };
  const projects: Partial<Record<"random" | "active", Project>> = {};
  for (const arm of ["random", "active"] as const) {
    const slug = `${arm}-${seed}`;
    // retrainEvery 0: this bench trains the models itself; no retrain jobs are queued.
    let project = await lib.db().project.create({
      data: { slug, name: slug, inviteCode: slug, goldRate: 0, retrainEvery: 0 },
    });
    await lib.importFile(file, project, { random: sfc32(seed) });
    for (let version = 1; version * ROUND <= BUDGET; version++) {
      const summary = await lib.simulateCrowd(project, { ...CROWD, seed, judgments: ROUND });
      if (summary.stored < ROUND) throw new Error(`Only ${summary.stored} of ${ROUND} judgments were stored.`);
      const comparisons = await judgedComparisons(lib, project.id);
      const result = trainRewardModel(comparisons, { validation: validation.comparisons, seed });
      curves[arm].push({ judgments: comparisons.length, accuracy: accuracy(result) });
      if (arm === "active") project = await installModel(lib, project, result, version);
    }
    projects[arm] = project;
  }
  return { ...curves, claimMs: await claimLatency(lib, projects.active as Project) };
}

/** Every decisive judgment of the project as the trainer reads it, in the order they were made. */
async function judgedComparisons(lib: Lib, projectId: string): Promise<Comparison[]> {
  const rows = await lib.db().$queryRaw<{ prompt: string; a: string; b: string; choice: string }[]>`
    SELECT pr.text AS prompt, ca.text AS a, cb.text AS b, j.choice::text AS choice
    FROM "Judgment" j
    JOIN "Pair" p ON p.id = j."pairId"
    JOIN "Prompt" pr ON pr.id = p."promptId"
    JOIN "Candidate" ca ON ca.id = p."candidateAId"
    JOIN "Candidate" cb ON cb.id = p."candidateBId"
    WHERE j."projectId" = ${projectId} AND j.choice IN ('A', 'B')
    ORDER BY j."createdAt", j.id`;
  return rows.map((r) =>
    r.choice === "A"
      ? { prompt: r.prompt, chosen: r.a, rejected: r.b }
      : { prompt: r.prompt, chosen: r.b, rejected: r.a },
  );
}

/** A RewardModel row with a Score for every candidate of the project, made the current model. */
async function installModel(lib: Lib, project: Project, result: TrainResult, version: number): Promise<Project> {
  const candidates = await lib.db().$queryRaw<{ id: string; prompt: string; text: string }[]>`
    SELECT c.id, pr.text AS prompt, c.text FROM "Candidate" c JOIN "Prompt" pr ON pr.id = c."promptId"
    WHERE pr."projectId" = ${project.id}`;
  const score = scoreTexts(result.model, candidates);
  const model = await lib.db().rewardModel.create({
    data: {
      projectId: project.id,
      version,
      featurizer: result.model.featurizer,
      metrics: {},
      card: { note: "trained in-process by tests/bench/active.ts; no ONNX" },
      onnx: new Uint8Array(0),
      judgmentCount: result.data.trainComparisons,
      cutoff: new Date(),
    },
  });
  const ids = candidates.map((c) => c.id);
  const rewards = candidates.map((c) => score(c.prompt, c.text));
  await lib.db().$executeRaw`
    INSERT INTO "Score" ("modelId", "candidateId", reward)
    SELECT ${model.id}, s.id, s.reward FROM unnest(${ids}::text[], ${rewards}::float8[]) AS s(id, reward)`;
  return lib
    .db()
    .project.update({ where: { id: project.id }, data: { activeLearning: true, currentModelId: model.id } });
}

/** Median time of "next pair" on the active project, active-learning claim vs the regular one. */
async function claimLatency(lib: Lib, project: Project): Promise<{ active: number; regular: number }> {
  const [labeler] = await lib.simulatedLabelers(project.id, 1);
  if (!labeler) throw new Error("no simulated labeler");
  const exclude: string[] = [];
  const time = async (exploration: number) => {
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const task = await lib.nextTask(project, labeler.id, { exclude, exploration });
      samples.push(performance.now() - started);
      if (task.kind === "pair") exclude.push(task.assignmentId);
    }
    return median(samples);
  };
  return { active: await time(0), regular: await time(1) };
}

/** Judgments at which the curve first reaches `level`, interpolated linearly between rounds. */
function judgmentsToReach(curve: Curve, level: number): number {
  let previous = { judgments: 0, accuracy: 0.5 };
  for (const point of curve) {
    if (point.accuracy >= level) {
      const t = (level - previous.accuracy) / (point.accuracy - previous.accuracy);
      return previous.judgments + Math.max(0, Math.min(1, t)) * (point.judgments - previous.judgments);
    }
    previous = point;
  }
  return Number.POSITIVE_INFINITY;
}

function figures(runs: Run[]): BenchFigure[] {
  for (const [i, run] of runs.entries()) {
    const line = (curve: Curve) => curve.map((p) => p.accuracy.toFixed(3)).join(" ");
    console.log(`  seed ${SEEDS[i]}, accuracy every ${ROUND} judgments, random: ${line(run.random)}`);
    console.log(`  seed ${SEEDS[i]}, accuracy every ${ROUND} judgments, active: ${line(run.active)}`);
  }
  // The plateau: what random order reaches with the whole budget (mean of its last two rounds).
  const plateauOf = (run: Run) => {
    const tail = run.random.slice(-2);
    return tail.reduce((sum, p) => sum + p.accuracy, 0) / tail.length;
  };
  const needed = (share: number) =>
    runs.map((run) => {
      const level = share * plateauOf(run);
      return { random: judgmentsToReach(run.random, level), active: judgmentsToReach(run.active, level) };
    });
  const at95 = needed(PLATEAU_SHARE);
  const atPlateau = needed(1);
  const last = (curve: Curve) => curve[curve.length - 1]?.accuracy ?? Number.NaN;
  const seeds = runs.length === 1 ? `seed ${SEEDS[0]}` : `median of ${runs.length} seeds`;
  return [
    {
      name: `judgments to reach ${PLATEAU_SHARE * 100}% of the plateau accuracy, active learning (${seeds})`,
      value: median(at95.map((n) => n.active)),
      unit: "judgments",
      baselineName: "random order",
      baseline: median(at95.map((n) => n.random)),
    },
    {
      name: `judgments to reach the plateau (random order's accuracy at ${BUDGET}), active learning`,
      value: median(atPlateau.map((n) => n.active)),
      unit: "judgments",
      baselineName: "random order",
      baseline: median(atPlateau.map((n) => n.random)),
    },
    {
      name: `held-out accuracy after ${BUDGET} judgments, active learning`,
      value: median(runs.map((r) => last(r.active))),
      unit: "",
      baselineName: "random order",
      baseline: median(runs.map((r) => last(r.random))),
    },
    {
      name: `next pair with active learning (${PROMPTS * 6} pairs), median`,
      value: median(runs.map((r) => r.claimMs.active)),
      unit: "ms",
      baselineName: "regular claim, same project",
      baseline: median(runs.map((r) => r.claimMs.regular)),
    },
  ];
}
