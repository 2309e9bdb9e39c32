/** The summary's public API: compile scored workbooks, give the compile --json object, plan the summary workbook. */
export { compileSummary } from "./summarize";
export { streamedCompileJson, toCompileJson } from "./compile-json";
export type { CompileJson, CompileJsonRow, CompileJsonStats } from "./compile-json";
export { planSummary, planSummaryStreamed } from "./plan/plan-summary";
export { PROBLEMS_SHEET } from "./plan/problems-sheet";
export { STATS_SHEET } from "./plan/stats-sheet";
export { SUMMARY_SHEET } from "./plan/summary-sheet";
export type * from "./types";
