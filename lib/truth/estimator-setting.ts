import { db } from "../db";
import { DEFAULT_TRUTH_ESTIMATOR, type TruthEstimatorName } from "../go/estimators";
import { goTruthQueue, sendJob } from "../jobs";
import { truthEstimatorSchema } from "./estimator-names";

/** What the settings page shows next to each choice. */
export const TRUTH_ESTIMATOR_LABELS: Record<TruthEstimatorName, { label: string; cost: string }> = {
  "random-playouts/v1": { label: "Random playouts (default)", cost: "fast; often cannot tell ordinary moves apart" },
  "uct/v2": {
    label: "Tree search (UCT)",
    cost: "under half a second of one core per 9x9 board; reads captures and escapes",
  },
  "gnugo/v1": { label: "GNU Go self-play", cost: "seconds per 9x9 board; needs GNU Go installed on the worker" },
};

export { DEFAULT_TRUTH_ESTIMATOR };

/**
 * Sets how a Go project's ground truth is computed. When it changes, the go-truth job for the
 * project is queued: it replaces each candidate's truth as the new estimate comes in, so pairs
 * keep their old true answer until then. Returns whether anything changed.
 */
export async function setGoTruthEstimator(projectId: string, estimator: TruthEstimatorName): Promise<boolean> {
  const name = truthEstimatorSchema.parse(estimator);
  const { count } = await db().project.updateMany({
    where: { id: projectId, goTruthEstimator: { not: name } },
    data: { goTruthEstimator: name },
  });
  if (count === 0) return false;
  await sendJob(goTruthQueue, { projectId }, { singletonKey: projectId });
  return true;
}
