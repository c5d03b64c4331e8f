export {
  type CrowdModel,
  checkCrowdModel,
  cleanCrowd,
  crowdProfiles,
  type Decision,
  decide,
  defaultCrowdModel,
  type LabelerProfile,
  leftProbability,
} from "./choice";
export {
  type Agreement,
  type SimulationOptions,
  type SimulationProgress,
  type SimulationSummary,
  simulateCrowd,
} from "./crowd";
export { type SimulatedLabeler, simulatedLabelers } from "./labelers";
export { type SyntheticImportOptions, syntheticImportLines, writeSyntheticImport } from "./synthetic";
export { latentUtility, UtilityBook } from "./utility";
