export { type LabelerStats, type ProjectOverview, projectOverview } from "./overview";
