export { importGeneratedGo } from "./go-generated";
export { type ImportOptions, importFile } from "./import";
export { describeProblem, formatProblem, ImportError, type ImportProblem, MAX_LISTED_PROBLEMS } from "./problems";
export { type CandidateRecord, type GoldRecord, type PromptRecord, parsePromptLine } from "./record";
export { importUpload, MAX_FORM_BYTES, MAX_UPLOAD_BYTES, readUploadForm, uploadTooLarge } from "./upload";
export { type ImportCheck, validateImportFile } from "./validate";
export type { ImportProject, ImportSummary } from "./write";
