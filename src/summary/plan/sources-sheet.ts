/**
 * 来源与备注: the long texts 汇总 leaves out so its columns stay narrow — every subject's source files (full paths,
 * one a line, with the rater and that file's own total) and its full 备注.
 */
import { RATER_LABELS } from "../../rubric/raters";
import { mappedRows, type RowsSheetPlan } from "../../sheet/streamed-sheet";
import type { Summary, SummaryRow } from "../types";
import { text } from "./cells";
import { titledTableSheet } from "./table-sheet";

export const SOURCES_SHEET = "来源与备注";
/** One line per file: the workbooks' own rater and total where known, then any other file (a ballot tally) as it is. */
function fileLines(row: SummaryRow): string {
  const scored = row.evaluators.map((one) => `${RATER_LABELS[one.rater]}${one.evaluator ? `（${one.evaluator}）` : ""} ${one.total}：${one.file}`);
  const known = new Set(row.evaluators.map((one) => one.file));
  return [...scored, ...row.files.filter((file) => !known.has(file))].join("\n");
}

export function sourcesSheet(summary: Summary): RowsSheetPlan {
  return titledTableSheet({
    name: SOURCES_SHEET,
    title: `来源文件与备注（${summary.rows.length} 个）`,
    headers: [summary.scheme.subject === "secretary" ? "支部书记" : "支部名称", "所属党组织", "来源文件（评价方 合计：文件）", "备注"],
    rows: mappedRows(summary.rows, (row) => [text(row.subject, "textWrap"), text(row.org, "textWrap"), text(fileLines(row), "textWrap"), text(row.notes.join("；"), "textWrap")]),
    columnWidths: [20, 14, 60, 38],
  });
}
