import { reclaimLeasesQueue } from "../../lib/jobs";
import { handleJobs } from "./handler";

/**
 * Gives expired leases' slots back to their pairs every minute. "Next pair" also reclaims on
 * demand when a project runs dry, so this only keeps counts fresh for dashboards and fairness.
 */
export const reclaimLeasesJob = handleJobs(reclaimLeasesQueue, async () => {
  const { reclaimExpiredLeases } = await import("../../lib/assign/leases");
  return async () => ({ reclaimed: await reclaimExpiredLeases() });
});
