export { claimGoldPair, claimRegularPair, type LeaseRow } from "./claim";
export { reclaimExpiredLeases } from "./leases";
export { nextTask } from "./next";
export type { CandidateView, DemonstrationTask, DoneTask, PairTask, Task } from "./task";
export { type LabelingProgress, labelingProgress } from "./progress";
