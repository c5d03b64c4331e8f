export { claimGoldPair, claimRegularPair, type Lease } from "./claim";
export { reclaimExpiredLeases } from "./leases";
export { nextTask } from "./next";
export type { CandidateView, DemonstrationTask, DoneTask, PairTask, Task } from "./task";
