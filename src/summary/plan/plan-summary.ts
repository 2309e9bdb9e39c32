/** planSummary: the summary as a WorkbookPlan (汇总, 统计, 问题清单) for either host to write. Pure. */
import type { WorkbookPlan } from "../../sheet/types";
import type { Summary } from "../types";
import { problemsSheet } from "./problems-sheet";
import { statsSheet } from "./stats-sheet";
import { SUMMARY_SHEET, summarySheet } from "./summary-sheet";

export function planSummary(summary: Summary): WorkbookPlan {
  return { sheets: [summarySheet(summary), statsSheet(summary), problemsSheet(summary)], activate: SUMMARY_SHEET };
}
