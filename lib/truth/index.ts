// The true reward of Go candidates: Monte Carlo win probabilities stored as GroundTruth, and the
// true answer of a pair derived from them.
export { TIE_Z, type TrueAnswer, type TruthEstimate, trueAnswer } from "./answer";
export { computeMissingTruth, ESTIMATOR, type TruthOptions, type TruthRun } from "./compute";
export { DEFAULT_TRUTH_PLAYOUTS, truthPlayouts, truthSeed } from "./config";
export { type PairTruth, pairTruths } from "./pairs";
