export { claimGoldPair, claimRegularPair, type LeaseRow } from "./claim";
export { reclaimExpiredLeases } from "./leases";
export { nextTask } from "./next";
export { type LabelingProgress, labelingProgress } from "./progress";
export type { CandidateView, DemonstrationTask, DoneTask, PairTask, Task } from "./task";
