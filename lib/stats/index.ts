export { type GapPanel, gapPanel } from "./gap";
export { type ModelPanel, modelPanel, type TruthAgreements } from "./model-panel";
export { type LabelerStats, type ProjectOverview, projectOverview } from "./overview";
export { type ProjectProgress, projectProgress, RATE_DAYS } from "./progress";
