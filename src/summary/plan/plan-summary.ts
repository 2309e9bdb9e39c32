/** planSummary: the summary as a WorkbookPlan (汇总, 报送情况 with a roster, 统计, 问题清单) for either host to write. Pure. */
import type { WorkbookPlan } from "../../sheet/types";
import type { Summary } from "../types";
import { problemsSheet } from "./problems-sheet";
import { rosterSheet } from "./roster-sheet";
import { statsSheet } from "./stats-sheet";
import { SUMMARY_SHEET, summarySheet } from "./summary-sheet";

export function planSummary(summary: Summary): WorkbookPlan {
  const roster = summary.roster ? [rosterSheet(summary.roster)] : [];
  return { sheets: [summarySheet(summary), ...roster, statsSheet(summary), problemsSheet(summary)], activate: SUMMARY_SHEET };
}
