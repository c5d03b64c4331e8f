import { goTruthJob } from "./go-truth";
import { reclaimLeasesJob } from "./reclaim-leases";
import type { JobDefinition } from "./registry";
import { retrainJob } from "./retrain";

/** Every job the worker runs. */
export const jobs: JobDefinition[] = [reclaimLeasesJob, goTruthJob, retrainJob];
