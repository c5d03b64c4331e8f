import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../../db";
import { buildModelCard } from "../eval/card";
import { trainAndEvaluateInThread } from "../eval/in-worker-thread";
import { decideServing } from "../eval/serving";
import type { VersionMetrics } from "../eval/train-and-evaluate";
import { type Embeddings, featurize } from "../features/featurize";
import { exportOnnx } from "../onnx/export";
import { createRewardSession, scoreBatch } from "../onnx/session";
import { forward, type RewardModel } from "../train/model";
import type { TrainOptions } from "../train/train";
import { tryLockProjectTraining } from "./lock";
import { prepareTraining } from "./prepare-training";
import { pruneVersions } from "./prune";
import { loadTrainingSnapshot, type ProjectCandidate } from "./snapshot";
import { retrainDue } from "./sweep";
import { commitVersion, nextVersionNumber, servingBaseline } from "./versions";

/**
 * "auto" jobs come from the judgment counter and the sweep (sweep.ts), and are dropped when no
 * retrain is due any more (a newer version covered their judgments); "manual" jobs always train.
 */
export type RetrainTrigger = "auto" | "manual";

export type RetrainOutcome =
  | {
      status: "trained";
      modelId: string;
      version: number;
      judgments: number;
      seconds: number;
      /** Whether the version serves now; when not, `reason` says why (it is kept, promotable by hand). */
      serves: boolean;
      reason: string;
      /** Older versions whose ONNX bytes and scores were removed now (prune.ts). */
      pruned: number[];
    }
  | { status: "busy" }
  | { status: "not-needed"; newJudgments: number; retrainEvery: number }
  | { status: "no-data" }
  | { status: "superseded"; latest: number }
  | { status: "missing-project" };

export type RetrainOptions = {
  trigger?: RetrainTrigger;
  /** Trainer settings over the defaults (tests use fewer epochs). */
  train?: Partial<TrainOptions>;
  /** Called once the snapshot is read and the lock is held, before training. */
  onTraining?: () => Promise<void> | void;
  log?: (line: string) => void;
};

// Tests only: pause this long after the snapshot, so a test can kill a worker mid-training.
const PAUSE_ENV = "RM_TEST_PAUSE_AFTER_SNAPSHOT_MS";

/**
 * Trains, evaluates and switches to a new version of a project's reward model. At most one process
 * trains a project at a time (a session advisory lock; see lock.ts); a concurrent call returns
 * "busy" without doing anything. Nothing is written until the model is trained, exported, checked
 * in onnxruntime and scored, and then everything is written in one transaction (commitVersion). A
 * crash at any point before that leaves the previous version serving and writes nothing.
 */
export async function retrainProject(projectId: string, options: RetrainOptions = {}): Promise<RetrainOutcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const lock = await tryLockProjectTraining(projectId);
  if (!lock) return { status: "busy" };
  try {
    const started = performance.now();
    const project = await db().project.findUnique({
      where: { id: projectId },
      select: { id: true, slug: true, kind: true, question: true, retrainEvery: true },
    });
    if (!project) return { status: "missing-project" };
    if (options.trigger === "auto") {
      const { due, untrained } = await retrainDue(project);
      if (!due) return { status: "not-needed", newJudgments: untrained, retrainEvery: project.retrainEvery };
    }
    const snapshot = await loadTrainingSnapshot(project);
    if (snapshot.comparisons.length === 0) return { status: "no-data" };
    const version = await nextVersionNumber(projectId);
    log(`[rm] ${project.slug}: training v${version} on ${snapshot.comparisons.length} judgments`);
    await options.onTraining?.();
    const pause = Number(process.env[PAUSE_ENV] ?? 0);
    if (pause > 0) {
      log(`[rm] ${project.slug}: paused ${pause} ms after the snapshot (${PAUSE_ENV})`);
      await sleep(pause);
    }

    const setup = await prepareTraining(project, snapshot);
    // The metrics come from a held-out run; the model that serves is then refit on every judgment.
    const evaluated = await trainAndEvaluateInThread(snapshot, { ...setup, ...options.train }, { refit: true });
    const served = evaluated.served ?? evaluated.result;
    const { model } = served;
    const card = buildModelCard({
      model,
      snapshot: {
        judgmentCount: snapshot.judgmentCount,
        cutoff: snapshot.cutoff,
        project: project.slug,
        projectKind: project.kind,
        trigger: options.trigger ?? "manual",
        judgmentsUsed: snapshot.comparisons.length,
        leftOutBothBad: snapshot.left.bothBad,
        leftOutExcludedLabelers: snapshot.left.excludedLabelers,
        leftOutGoldPairs: snapshot.left.goldPairs,
      },
      metrics: finiteMetrics(evaluated.metrics),
      result: served,
      heldOutRun: evaluated.result,
      modelVersion: `${project.slug}@v${version}`,
    });
    const onnx = exportOnnx(model, { card, name: `${project.slug.replace(/\W/g, "_")}_v${version}` });
    const rewards = await scoreCandidates(onnx, model, snapshot.candidates, setup.embeddings);

    const serving = decideServing(evaluated.heldOutPairs, await servingBaseline(projectId));
    await lock.check();
    const committed = await commitVersion({
      projectId,
      version,
      cutoff: snapshot.cutoff,
      judgmentCount: snapshot.judgmentCount,
      featurizer: model.featurizer,
      metrics: evaluated.metrics,
      learningCurve: evaluated.learningCurve,
      card,
      onnx,
      scores: { candidateIds: snapshot.candidates.map((c) => c.id), rewards },
      serving,
      heldOutGaps: Object.fromEntries(evaluated.heldOutPairs.map((p) => [p.pairId, p.gap])),
    });
    if (committed.status === "superseded") return committed;
    const pruned = await pruneVersions(projectId);
    const seconds = (performance.now() - started) / 1000;
    log(
      `[rm] ${project.slug}: v${version} ${serving.serve ? "serves" : "is kept, not serving"} (held-out accuracy ${format(evaluated.metrics.pairwiseAccuracy)}, ${seconds.toFixed(1)} s): ${serving.reason}`,
    );
    return {
      status: "trained",
      modelId: committed.id,
      version,
      judgments: snapshot.comparisons.length,
      seconds,
      serves: serving.serve,
      reason: serving.reason,
      pruned,
    };
  } finally {
    await lock.release();
  }
}

const SCORE_CHUNK = 4_096;
const PARITY_SAMPLE = 64;
const PARITY_TOLERANCE = 1e-4;

/**
 * Every candidate's reward through onnxruntime from the bytes about to be stored, a chunk at a
 * time (feature vectors of 100k candidates would take a few hundred MB at once). The first
 * candidates are also scored by the TypeScript forward pass: a mismatch means the export is wrong,
 * and the version is not switched to.
 */
async function scoreCandidates(
  onnx: Uint8Array,
  model: RewardModel,
  candidates: ProjectCandidate[],
  embeddings?: Embeddings,
) {
  const session = await createRewardSession(onnx);
  const rewards = new Float32Array(candidates.length);
  try {
    for (let from = 0; from < candidates.length; from += SCORE_CHUNK) {
      const chunk = candidates.slice(from, from + SCORE_CHUNK);
      const vectors = chunk.map((c) => featurize(model.featurizer, { prompt: c.prompt, text: c.text }, embeddings));
      rewards.set(await scoreBatch(session, vectors), from);
      if (from === 0) {
        vectors.slice(0, PARITY_SAMPLE).forEach((v, i) => {
          const expected = forward(model.params, v);
          if (!(Math.abs(expected - (rewards[i] as number)) <= PARITY_TOLERANCE)) {
            throw new Error(
              `ONNX and TypeScript rewards differ for candidate ${chunk[i]?.id} (${rewards[i]} vs ${expected}); the version was not stored.`,
            );
          }
        });
      }
    }
  } finally {
    await session.session.release();
  }
  return rewards;
}

function finiteMetrics(metrics: VersionMetrics): Record<string, number> {
  return Object.fromEntries(
    Object.entries(metrics).filter((e): e is [string, number] => typeof e[1] === "number" && Number.isFinite(e[1])),
  );
}

function format(x: number | null): string {
  return x === null ? "n/a" : x.toFixed(3);
}
