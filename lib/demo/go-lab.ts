import { db } from "../db";
import type { Project } from "../generated/prisma/client";
import { WIN_PROBABILITY_ESTIMATOR } from "../go/winprob";
import { importGeneratedGo } from "../import";
import { inviteCode } from "../projects";
import { retrainProject } from "../rm/service/retrain";
import { promoteVersion } from "../rm/service/versions";
import { simulateCrowd } from "../simulate";
import { computeMissingTruth } from "../truth";

export type GoLabSeed = {
  slug: string;
  name: string;
  /** The simulated labelers' vibe weight (lib/simulate/go-vibe.ts); 0 = truth-following labelers. */
  vibe: number;
  prompts?: number;
  seed?: number;
};

/**
 * A Go project whose reward model was trained on simulated labelers with a vibe: generated
 * positions, their ground truth (400 playouts each, enough for labelers' noise to dominate), a
 * clean crowd of 12 labelers judging every pair k = 3 times, one retrain, and that version made to
 * serve (a first version is kept without serving when it has few held-out pairs). Does nothing for
 * a project that already has a model.
 */
export async function seedGoLabProject(options: GoLabSeed): Promise<Project> {
  const project = await db().project.upsert({
    where: { slug: options.slug },
    create: {
      slug: options.slug,
      name: options.name,
      kind: "GO",
      k: 3,
      goldRate: 0,
      allowBothBad: false,
      retrainEvery: 0,
      inviteCode: inviteCode(),
      // Random playouts, not the tree search new projects get: the lab scores thousands of boards,
      // and 400 playouts each keep the demo's curve to about a minute (README, Over-optimization lab).
      goTruthEstimator: WIN_PROBABILITY_ESTIMATOR,
    },
    update: {},
  });
  if (project.currentModelId) return project;
  await importGeneratedGo(project, {
    size: 9,
    prompts: options.prompts ?? 150,
    seed: options.seed ?? 7,
    candidates: { min: 3, max: 4 },
  });
  await computeMissingTruth(project.id, { playouts: 400 });
  await simulateCrowd(project, {
    labelers: 12,
    temperature: 1,
    positionBias: 0,
    spammers: 0,
    seed: options.seed ?? 7,
    judgments: 100_000,
    goVibe: options.vibe,
  });
  const outcome = await retrainProject(project.id, { trigger: "manual", log: () => {} });
  if (outcome.status === "trained" && !outcome.serves)
    await promoteVersion(project, outcome.version, { id: "demo", email: null });
  return db().project.findUniqueOrThrow({ where: { id: project.id } });
}
