/** 问题清单: every problem, file by file, as a plain filterable table (文件, 单元格, 严重程度, 说明). */
import { mappedRows, type RowsSheetPlan } from "../../sheet/streamed-sheet";
import { SEVERITY_LABELS } from "../labels";
import type { Summary } from "../types";
import { text } from "./cells";
import { titledTableSheet } from "./table-sheet";

export const PROBLEMS_SHEET = "问题清单";

export function problemsSheet(summary: Summary): RowsSheetPlan {
  const errors = summary.problems.filter((p) => p.severity === "error").length;
  const warnings = summary.problems.length - errors;
  return titledTableSheet({
    name: PROBLEMS_SHEET,
    title: `问题清单（共 ${summary.problems.length} 条：错误 ${errors} 条，警告 ${warnings} 条）`,
    headers: ["文件", "单元格", "严重程度", "说明"],
    rows: mappedRows(summary.problems, (p) => [
      text(p.file, "textWrap"),
      text(p.cell ?? "", "textCenter"),
      text(SEVERITY_LABELS[p.severity], p.severity === "error" ? "alert" : "textCenter"),
      text(p.message, "textWrap"),
    ]),
    columnWidths: [34, 9, 8, 80],
  });
}
