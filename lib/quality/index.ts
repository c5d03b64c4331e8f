export { binomialTwoSidedP } from "./binomial";
export { type Flag, labelerFlags, type QualityRules, type RuleInputs } from "./flags";
export { TIME_EDGES_MS, timeBucketLabels } from "./histogram";
export { wilson } from "./wilson";
