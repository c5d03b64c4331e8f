export { type JudgmentInput, judgmentInputSchema } from "./schema";
export { type StoredJudgment, submitJudgment } from "./submit";
