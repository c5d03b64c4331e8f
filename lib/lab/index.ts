// The over-optimization lab's pure parts: best-of-n estimation, its KL, the Gao–Schulman–Hilton
// fit, the probe family and the hill-climbing optimizer. No database, no jobs, no HTTP.
export { bestOfN, bestOfNCurve, bestOfNWeights, logBinomial, type Sample, sortByProxy } from "./best-of-n";
export { type CurvePoint, type GoodhartCurve, goodhartCurve, type Interval } from "./curve";
export { type FitPoint, fitGoodhart, type GoodhartFit } from "./fit";
export { type Hackability, hackability, median } from "./hackability";
export { klBestOfN } from "./kl";
export { type ClimbOptions, type Edit, hillClimb, type Step, type Trajectory } from "./optimizer";
export { keywords, PROBE_KINDS, type Probe, type ProbeKind, probesFor, words } from "./probes";
