import { reclaimLeasesJob } from "./reclaim-leases";
import type { JobDefinition } from "./registry";

/** Every job the worker runs. */
export const jobs: JobDefinition[] = [reclaimLeasesJob];
