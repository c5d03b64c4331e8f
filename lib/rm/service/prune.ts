import { db } from "../../db";
import { env } from "../../env";

/**
 * Bounds a project's reward-model storage (about 8 MB of ONNX and a score per candidate per
 * version): every version but the serving one and the newest `keep` loses its ONNX bytes and
 * scores, and is marked pruned. Rows, metrics, learning curves and cards are kept for all. A
 * download of a pruned version answers 410 (MODEL_PRUNED). Returns the versions pruned now.
 */
export async function pruneVersions(projectId: string, keep = env().RM_KEEP_VERSIONS): Promise<number[]> {
  return db().$transaction(
    async (tx) => {
      // Locked like a switch (commitVersion, promoteVersion), so the serving version cannot change underneath.
      const [project] = await tx.$queryRaw<{ currentModelId: string | null }[]>`
      SELECT "currentModelId" FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
      const doomed = await tx.$queryRaw<{ id: string; version: number }[]>`
      SELECT id, version FROM "RewardModel"
      WHERE "projectId" = ${projectId} AND "prunedAt" IS NULL AND id IS DISTINCT FROM ${project?.currentModelId ?? null}
      ORDER BY version DESC OFFSET ${keep}`;
      if (doomed.length === 0) return [];
      const ids = doomed.map((m) => m.id);
      await tx.score.deleteMany({ where: { modelId: { in: ids } } });
      await tx.$executeRaw`
      UPDATE "RewardModel" SET onnx = NULL, "heldOutGaps" = NULL, "prunedAt" = now() WHERE id = ANY(${ids}::text[])`;
      return doomed.map((m) => m.version).sort((a, b) => a - b);
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
