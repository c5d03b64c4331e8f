// The over-optimization lab's service layer: the database, the reward model's serving sessions and
// the truth threads around the pure lib/lab. Runs are kept as LabRun rows.
export { BON_DEFAULTS, type BonOptions, type BonResult, computeBestOfN } from "./bon";
export { type OptimizeOptions, optimizeAgainstModel } from "./optimize";
export { probeLabeling } from "./probe-labeling";
export {
  type ProbesRunResult,
  probeHackability,
  type ScoredProbe,
  storeProbes,
  type VersionHackability,
} from "./probes";
export { bonJson, runBestOfN } from "./run-bon";
export { type LabRunKind, labRuns, latestLabRun, saveLabRun } from "./runs";
export { sendProbesToLabeling } from "./send-probes";
