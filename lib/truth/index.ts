// The true reward of Go candidates: win probabilities by the project's estimator stored as
// GroundTruth, and the true answer of a pair derived from them.
export { TRUTH_ESTIMATORS, type TruthEstimatorName } from "../go/estimators";
export { TIE_Z, type TrueAnswer, type TruthEstimate, trueAnswer } from "./answer";
export { computeMissingTruth, type TruthOptions, type TruthRun } from "./compute";
export { DEFAULT_TRUTH_PLAYOUTS, truthPlayouts, truthSeed } from "./config";
export { DEFAULT_TRUTH_ESTIMATOR, TRUTH_ESTIMATOR_LABELS, truthEstimatorSchema } from "./estimator-names";
export { type PairTruth, pairTruths } from "./pairs";
