import { goTruthQueue } from "../../lib/jobs";
import { handleJobs } from "./handler";

/**
 * Computes the ground truth (Black's win probability by the project's `goTruthEstimator`) of every
 * Go board candidate that has none or one by another estimator, every minute and on demand for one
 * project (`{ projectId }`, queued when the setting changes), on one thread per core.
 * random-playouts/v1 uses GO_TRUTH_PLAYOUTS playouts per candidate, default 2,500.
 */
export const goTruthJob = handleJobs(goTruthQueue, async () => {
  const { computeMissingTruth, truthPlayouts } = await import("../../lib/truth");
  // Read once at start, so a bad value stops the worker with a message instead of failing every minute.
  const playouts = truthPlayouts();
  return async ({ projectId }) => {
    // Bounded so that a big import is worked off over several runs, well inside pg-boss's job expiry.
    const run = await computeMissingTruth(projectId, { playouts, maxMs: 5 * 60_000 });
    if (run.computed > 0) console.log(`[go-truth] stored the ground truth of ${run.computed} candidate(s)`);
    return run;
  };
});
