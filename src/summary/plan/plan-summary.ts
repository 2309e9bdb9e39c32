/** planSummary: the summary as a WorkbookPlan (汇总, 报送情况 with a roster, 统计, 测评统计 when there were ballots, 问题清单) for either host to write. Pure. */
import type { WorkbookPlan } from "../../sheet/types";
import type { Summary } from "../types";
import { ballotsSheet } from "./ballots-sheet";
import { problemsSheet } from "./problems-sheet";
import { rosterSheet } from "./roster-sheet";
import { statsSheet } from "./stats-sheet";
import { SUMMARY_SHEET, summarySheet } from "./summary-sheet";
import { dataSheet } from "../rollup/data-sheet";

/** 测评统计 comes before 问题清单 only when the inputs held ballots; the hidden data sheet `_rows` comes last. */
export function planSummary(summary: Summary): WorkbookPlan {
  const roster = summary.roster ? [rosterSheet(summary.roster)] : [];
  const ballots = summary.ballots ? [ballotsSheet(summary.ballots)] : [];
  const data = summary.rollup ? [dataSheet(summary, summary.rollup)] : [];
  return { sheets: [summarySheet(summary), ...roster, statsSheet(summary), ...ballots, problemsSheet(summary), ...data], activate: SUMMARY_SHEET };
}
