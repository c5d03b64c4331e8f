export { type JudgmentInput, judgmentInputSchema } from "./schema";
export { type StoredJudgment, submitJudgment } from "./submit";
export { type UndoAnswer, type UndoInput, undoInputSchema, undoJudgment } from "./undo";
