import { labOptimizeQueue } from "../../lib/jobs";
import { handleJobs } from "./handler";

/**
 * The optimizer on one prompt of a TEXT project (`{ projectId, prompt, from, steps }`), queued by
 * the Lab page's "Run the optimizer": what `npm run lab -- optimize` does; the run is stored.
 */
export const labOptimizeJob = handleJobs(labOptimizeQueue, async () => {
  const { optimizeAgainstModel } = await import("../../lib/lab-service");
  const { db } = await import("../../lib/db");
  return async ({ projectId, prompt, from, steps }) => {
    const project = await db().project.findUnique({ where: { id: projectId } });
    if (!project) return { skipped: "the project was deleted" };
    const run = await optimizeAgainstModel(project, { prompt, from, steps });
    console.log(`[lab-optimize] ${project.slug} prompt ${prompt}: ${run.steps.length} steps, final ${run.best.score}`);
    return { steps: run.steps.length, score: run.best.score };
  };
});
