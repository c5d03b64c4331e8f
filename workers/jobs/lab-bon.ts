import { labBonQueue } from "../../lib/jobs";
import { handleJobs } from "./handler";

/**
 * The best-of-n Goodhart curve of one GO project's serving reward model (`{ projectId }`), queued
 * by the Lab page's "Compute the curve" button, with the defaults of `npm run lab -- bon`; the
 * result is stored as a LabRun the page shows.
 */
export const labBonJob = handleJobs(labBonQueue, async () => {
  const { runBestOfN } = await import("../../lib/lab-service");
  const { db } = await import("../../lib/db");
  return async ({ projectId }) => {
    const project = await db().project.findUnique({ where: { id: projectId } });
    if (!project) return { skipped: "the project was deleted" };
    const result = await runBestOfN(project);
    console.log(`[lab-bon] ${project.slug}: curve of v${result.model_version} in ${result.seconds.total.toFixed(1)} s`);
    return { modelVersion: result.model_version, seconds: result.seconds.total };
  };
});
