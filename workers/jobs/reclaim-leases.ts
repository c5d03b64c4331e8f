import { z } from "zod";
import { defineJob } from "./registry";

/**
 * Gives expired leases' slots back to their pairs every minute. "Next pair" also reclaims on
 * demand when a project runs dry, so this only keeps counts fresh for dashboards and fairness.
 */
export const reclaimLeasesJob = defineJob({
  name: "reclaim-leases",
  version: 1,
  schema: z.object({}).passthrough(),
  cron: "* * * * *",
  handler: async () => {
    const { reclaimExpiredLeases } = await import("../../lib/assign/leases");
    return async () => ({ reclaimed: await reclaimExpiredLeases() });
  },
});
