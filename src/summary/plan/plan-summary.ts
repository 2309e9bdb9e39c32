/**
 * planSummary: the summary as a WorkbookPlan (汇总, 报送情况 with a roster, 统计, 测评统计 when there were ballots, 差异明细
 * when some branch has both 自评 and 考评, 问题清单, 来源与备注) for either host to write. Pure.
 */
import { materialisedSheet, withLazyRows } from "../../sheet/streamed-sheet";
import type { StreamedWorkbookPlan, WorkbookPlan } from "../../sheet/types";
import type { Summary } from "../types";
import { ballotsSheet } from "./ballots-sheet";
import { differencesSheet } from "./differences-sheet";
import { problemsSheet } from "./problems-sheet";
import { rosterSheet } from "./roster-sheet";
import { statsSheet } from "./stats-sheet";
import { SUMMARY_SHEET, summarySheet, type SummarySheetOptions } from "./summary-sheet";
import { sourcesSheet } from "./sources-sheet";
import { framePage } from "./page-frame";
import { dataSheet } from "../rollup/data-sheet";

export type SummaryPlanOptions = SummarySheetOptions;

/**
 * 测评统计 comes before 问题清单 only when the inputs held ballots; the hidden data sheet `_rows` comes last. Every
 * visible sheet is framed for print the same way (page-frame.ts): header, footer, A4 landscape, rows as tall as their
 * texts. The long sheets' rows (one or more per branch) are made as they are written, so a summary of 20 000 branches
 * is written without its cells ever being all in memory (issue 12).
 */
export function planSummaryStreamed(summary: Summary, options: SummaryPlanOptions = {}): StreamedWorkbookPlan {
  const roster = summary.roster ? [withLazyRows(rosterSheet(summary.roster))] : [];
  const ballots = summary.ballots ? [withLazyRows(ballotsSheet(summary.ballots))] : [];
  const data = summary.rollup ? [dataSheet(summary, summary.rollup)] : [];
  const differences = summary.differences.subjects.length > 0 ? [differencesSheet(summary.differences)] : [];
  const sheets = [
    summarySheet(summary, options),
    ...roster,
    withLazyRows(statsSheet(summary)),
    ...ballots,
    ...differences,
    problemsSheet(summary),
    sourcesSheet(summary),
    ...data,
  ];
  return { sheets: sheets.map((sheet) => framePage(sheet, summary)), activate: SUMMARY_SHEET };
}

/** The same plan with every row made: for the task pane, which writes the sheets into the open workbook. */
export function planSummary(summary: Summary, options: SummaryPlanOptions = {}): WorkbookPlan {
  const plan = planSummaryStreamed(summary, options);
  return { ...plan, sheets: plan.sheets.map(materialisedSheet) };
}
