export { type JudgmentAnswer, judgeAndContinue } from "./judge-and-continue";
export {
  excludedLeasesSchema,
  type JudgmentInput,
  type JudgmentRequest,
  judgmentInputSchema,
  judgmentRequestSchema,
  MAX_EXCLUDED_LEASES,
} from "./schema";
export { type StoredJudgment, submitJudgment } from "./submit";
export { type UndoAnswer, type UndoInput, undoInputSchema, undoJudgment } from "./undo";
