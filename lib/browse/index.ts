// The data browser: prompts, their candidates and pairs, and judgments with filters, keyset-paged.
export { type Cursor, decodeCursor, encodeCursor } from "./cursor";
export {
  CHOICES,
  type ChoiceFilter,
  dayRange,
  type JudgmentFilters,
  judgmentFilterQuery,
  readJudgmentFilters,
  type SearchParams,
} from "./filters";
export { type CandidateRef, type JudgmentPage, type JudgmentRow, judgmentsPage, PAGE_SIZE } from "./judgments";
export { type LabelerOption, labelerIds, memberOptions } from "./labelers";
export {
  type CandidateDetail,
  type PairDetail,
  type PairJudgment,
  type PromptDetail,
  pairPromptId,
  promptDetail,
} from "./prompt-detail";
export { PROMPT_PAGE_SIZE, type PromptListRow, type PromptPage, promptsPage } from "./prompts";
