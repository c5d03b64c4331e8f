import { labProbesQueue } from "../../lib/jobs";
import { handleJobs } from "./handler";

/**
 * Stores a TEXT project's probes and measures every kept version's hackability (`{ projectId }`),
 * queued by the Lab page's "Make probes and measure": what `npm run lab -- probes` does.
 */
export const labProbesJob = handleJobs(labProbesQueue, async () => {
  const { probeHackability } = await import("../../lib/lab-service");
  const { db } = await import("../../lib/db");
  return async ({ projectId }) => {
    const project = await db().project.findUnique({ where: { id: projectId } });
    if (!project) return { skipped: "the project was deleted" };
    const versions = await probeHackability(project);
    console.log(`[lab-probes] ${project.slug}: hackability of ${versions.length} version(s)`);
    return { versions: versions.length };
  };
});
