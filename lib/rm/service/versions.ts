import { db } from "../../db";
import { DomainError } from "../../errors";
import type { ModelCard } from "../eval/card";
import type { ServingDecision } from "../eval/serving";
import type { LearningCurvePoint, VersionMetrics } from "../eval/train-and-evaluate";
import { describeFeaturizer } from "../features/featurize";
import { featurizerSpecSchema } from "../features/spec";

// Reward-model versions in the database. Every version is kept (its ONNX bytes and scores only
// while recent: prune.ts); Project.currentModelId names the one that serves, and it moves only in
// commitVersion's transaction (when the serving rule lets the new version serve) or promoteVersion.

export type VersionSummary = {
  id: string;
  version: number;
  current: boolean;
  createdAt: Date;
  cutoff: Date;
  judgmentCount: number;
  /** What the version reads, in words (describeFeaturizer). */
  features: string;
  metrics: VersionMetrics;
  learningCurve: LearningCurvePoint[];
  /** Why the version was kept without serving when it was trained; null when it served. */
  notServedReason: string | null;
  /** When its ONNX bytes and scores were removed (only its metrics and card remain). */
  prunedAt: Date | null;
};

const summaryColumns = {
  id: true,
  version: true,
  createdAt: true,
  cutoff: true,
  judgmentCount: true,
  metrics: true,
  learningCurve: true,
  notServedReason: true,
  prunedAt: true,
} as const;

/** All versions of a project, newest first, without their ONNX bytes. */
export async function listVersions(projectId: string): Promise<VersionSummary[]> {
  const [project, rows] = await Promise.all([
    db().project.findUnique({ where: { id: projectId }, select: { currentModelId: true } }),
    db().rewardModel.findMany({
      where: { projectId },
      select: { ...summaryColumns, featurizer: true },
      orderBy: { version: "desc" },
    }),
  ]);
  return rows.map(({ featurizer, ...r }) => ({
    ...r,
    current: r.id === project?.currentModelId,
    features: describeStored(featurizer),
    metrics: r.metrics as VersionMetrics,
    learningCurve: r.learningCurve as LearningCurvePoint[],
  }));
}

function describeStored(featurizer: unknown): string {
  const spec = featurizerSpecSchema.safeParse(featurizer);
  return spec.success ? describeFeaturizer(spec.data) : "unreadable featurizer spec";
}

/** The serving version or a numbered one, without its ONNX bytes; null when there is none. */
export async function findVersion(projectId: string, version: number | "current") {
  const select = { ...summaryColumns, featurizer: true, card: true } as const;
  if (version !== "current") {
    return db().rewardModel.findUnique({ where: { projectId_version: { projectId, version } }, select });
  }
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: { currentModel: { select } },
  });
  return project?.currentModel ?? null;
}

/** The number the next version of a project gets. */
export async function nextVersionNumber(projectId: string): Promise<number> {
  const latest = await db().rewardModel.aggregate({ where: { projectId }, _max: { version: true } });
  return (latest._max.version ?? 0) + 1;
}

/** A version's ONNX bytes; MODEL_PRUNED (410) once pruned. */
export async function onnxBytes(modelId: string): Promise<Uint8Array> {
  const row = await db().rewardModel.findUniqueOrThrow({
    where: { id: modelId },
    select: { onnx: true, version: true, prunedAt: true, project: { select: { slug: true } } },
  });
  if (row.onnx) return row.onnx;
  throw prunedError(row.project.slug, row.version, row.prunedAt);
}

export function prunedError(slug: string, version: number, prunedAt: Date | null): DomainError {
  const when = prunedAt ? ` on ${prunedAt.toISOString().slice(0, 10)}` : "";
  return new DomainError(
    "MODEL_PRUNED",
    `Version ${version} of project "${slug}" was pruned${when} to bound storage: only the serving version and the newest ones keep their ONNX file and scores (RM_KEEP_VERSIONS). Its metrics and card remain (GET /api/projects/${slug}/models/${version}/card); use a kept version (GET /api/projects/${slug}/models lists them) or retrain.`,
  );
}

/** The serving version's number and its held-out gaps, which a new version is compared with. */
export async function servingBaseline(
  projectId: string,
): Promise<{ id: string; version: number; gaps: Record<string, number> } | null> {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: { currentModel: { select: { id: true, version: true, heldOutGaps: true } } },
  });
  const model = project?.currentModel;
  if (!model) return null;
  return { id: model.id, version: model.version, gaps: (model.heldOutGaps ?? {}) as Record<string, number> };
}

/**
 * Makes a kept version serve, by hand (a lead or ML engineer overriding the serving rule). Its
 * scores were stored when it was trained, so the switch is one update; a pruned version has none
 * and cannot serve again.
 */
export async function promoteVersion(
  project: { id: string; slug: string },
  version: number,
  by: { id: string; email: string | null },
): Promise<{ version: number; previous: number | null }> {
  return db().$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ currentModelId: string | null }[]>`
      SELECT "currentModelId" FROM "Project" WHERE id = ${project.id} FOR UPDATE`;
      const model = await tx.rewardModel.findUnique({
        where: { projectId_version: { projectId: project.id, version } },
        select: { id: true, prunedAt: true, servingDecision: true },
      });
      if (!model) {
        throw new DomainError(
          "NOT_FOUND",
          `Project "${project.slug}" has no reward model version ${version}; GET /api/projects/${project.slug}/models lists them.`,
        );
      }
      if (model.prunedAt) throw prunedError(project.slug, version, model.prunedAt);
      const previous = row?.currentModelId
        ? ((await tx.rewardModel.findUnique({ where: { id: row.currentModelId }, select: { version: true } }))
            ?.version ?? null)
        : null;
      await tx.rewardModel.update({
        where: { id: model.id },
        data: {
          notServedReason: null,
          servingDecision: {
            ...((model.servingDecision ?? {}) as object),
            promoted: { by: by.email ?? by.id, at: new Date().toISOString(), previousVersion: previous },
          },
        },
      });
      await tx.project.update({ where: { id: project.id }, data: { currentModelId: model.id } });
      return { version, previous };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/**
 * Judgments made after the newest version's cut-off (all of them before the first version), and
 * that cut-off. Reads about `retrainEvery` index entries while retraining keeps up.
 */
/**
 * Judgments stored after the newest version's snapshot, counted up to `atMost`: callers only ask
 * "at least N yet?", and this runs after every stored judgment, so it must not grow with the project.
 */
export async function judgmentsSinceLatestVersion(
  projectId: string,
  atMost = 1_000_000,
): Promise<{ newJudgments: number; latestCutoff: Date | null }> {
  const [row] = await db().$queryRaw<{ newJudgments: number; latestCutoff: Date | null }[]>`
    WITH latest AS (SELECT max(cutoff) AS cutoff FROM "RewardModel" WHERE "projectId" = ${projectId})
    SELECT (SELECT count(*)::int FROM (
              SELECT 1 FROM "Judgment"
              WHERE "projectId" = ${projectId} AND "createdAt" > coalesce(latest.cutoff, '-infinity')
              LIMIT ${atMost}) AS recent) AS "newJudgments",
           latest.cutoff AS "latestCutoff"
    FROM latest`;
  return row ?? { newJudgments: 0, latestCutoff: null };
}

export type NewVersion = {
  projectId: string;
  /** The number the version was built for (card and ONNX metadata carry it). */
  version: number;
  cutoff: Date;
  judgmentCount: number;
  featurizer: object;
  metrics: VersionMetrics;
  learningCurve: LearningCurvePoint[];
  card: ModelCard;
  onnx: Uint8Array;
  /** Every candidate's reward under the new version, scored from these ONNX bytes. */
  scores: { candidateIds: string[]; rewards: ArrayLike<number> };
  /** Whether it replaces the serving version (lib/rm/eval/serving.ts), and why. */
  serving: ServingDecision;
  /** The held-out run's gap per held-out pair id, for the next version's comparison. */
  heldOutGaps: Record<string, number>;
};

const SCORE_CHUNK = 10_000;

/**
 * The atomic switch: in one transaction, the next version number, the version row, the scores of
 * all candidates, and Project.currentModelId (when the serving decision says it serves). Readers see the old version with its scores or the
 * new one with its scores, never a mix. The project row is locked first, so switches of one
 * project are serialized; a version built for a number that is no longer next, or whose data is
 * not newer than the newest stored version's, is not stored ("superseded"): versions only ever
 * move forward in time.
 */
export async function commitVersion(
  input: NewVersion,
): Promise<
  { status: "committed"; id: string; version: number; serves: boolean } | { status: "superseded"; latest: number }
> {
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${input.projectId} FOR UPDATE`;
      const latest = await tx.rewardModel.findFirst({
        where: { projectId: input.projectId },
        orderBy: { version: "desc" },
        select: { version: true, cutoff: true },
      });
      const version = (latest?.version ?? 0) + 1;
      if (version !== input.version || (latest && latest.cutoff >= input.cutoff)) {
        return { status: "superseded" as const, latest: latest?.version ?? 0 };
      }
      const model = await tx.rewardModel.create({
        data: {
          projectId: input.projectId,
          version,
          featurizer: input.featurizer,
          metrics: input.metrics,
          learningCurve: input.learningCurve,
          card: input.card as object,
          onnx: new Uint8Array(input.onnx),
          judgmentCount: input.judgmentCount,
          cutoff: input.cutoff,
          servingDecision: input.serving,
          notServedReason: input.serving.serve ? null : input.serving.reason,
          heldOutGaps: input.heldOutGaps,
        },
        select: { id: true },
      });
      const { candidateIds, rewards } = input.scores;
      for (let from = 0; from < candidateIds.length; from += SCORE_CHUNK) {
        const ids = candidateIds.slice(from, from + SCORE_CHUNK);
        const values = Array.from(ids, (_, i) => rewards[from + i] as number);
        await tx.$executeRaw`
          INSERT INTO "Score" ("modelId", "candidateId", reward)
          SELECT ${model.id}, unnest(${ids}::text[]), unnest(${values}::float8[])`;
      }
      if (input.serving.serve) {
        await tx.project.update({ where: { id: input.projectId }, data: { currentModelId: model.id } });
      }
      return { status: "committed" as const, id: model.id, version, serves: input.serving.serve };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

/** A version in a URL: a number, or "current" for the serving one. */
export function parseVersionParam(value: string | undefined): number | "current" {
  if (value === "current") return "current";
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) {
    throw new DomainError("INVALID_INPUT", `Model version "${value}" is not a version number (1, 2, …) or "current".`);
  }
  return version;
}

/** findVersion, or a 404 that says what exists. */
export async function requireVersion(project: { id: string; slug: string }, version: number | "current") {
  const model = await findVersion(project.id, version);
  if (model) return model;
  throw new DomainError(
    "NOT_FOUND",
    version === "current"
      ? `Project "${project.slug}" has no reward model yet.`
      : `Project "${project.slug}" has no reward model version ${version}; GET /api/projects/${project.slug}/models lists them.`,
  );
}
