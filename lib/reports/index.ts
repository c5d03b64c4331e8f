export {
  type LabelerSkips,
  listReports,
  type PairSkips,
  REPORTS_PAGE_SIZE,
  type ReportRow,
  type ReportsPage,
  reportCursor,
  type SkipCounts,
  skipCounts,
} from "./list";
export { type ReportAnswer, reportPair } from "./report";
export { REPORT_KINDS, type ReportInput, reportInputSchema } from "./schema";
