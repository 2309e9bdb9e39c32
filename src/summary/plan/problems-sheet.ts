/** 问题清单: every problem, file by file, as a plain filterable table (文件, 单元格, 严重程度, 说明). */
import type { PlanCell, SheetPlan } from "../../sheet/types";
import { SEVERITY_LABELS } from "../labels";
import type { Summary } from "../types";
import { SUMMARY_STYLES, text } from "./cells";
import { sheetPlan } from "../../sheet/sheet-plan";

export const PROBLEMS_SHEET = "问题清单";
/** 0-based row of the table header, below the title and a blank separator. */
const PROBLEMS_HEADER_ROW = 2;

export function problemsSheet(summary: Summary): SheetPlan {
  const errors = summary.problems.filter((p) => p.severity === "error").length;
  const warnings = summary.problems.length - errors;
  const headerRow = PROBLEMS_HEADER_ROW + 1;
  const cells: (PlanCell | null)[][] = [
    [text(`问题清单（共 ${summary.problems.length} 条：错误 ${errors} 条，警告 ${warnings} 条）`, "title")],
    [],
    ["文件", "单元格", "严重程度", "说明"].map((h) => text(h, "header")),
    ...summary.problems.map((p) => [
      text(p.file, "textWrap"),
      text(p.cell ?? "", "textCenter"),
      text(SEVERITY_LABELS[p.severity], p.severity === "error" ? "alert" : "textCenter"),
      text(p.message, "textWrap"),
    ]),
  ];
  return sheetPlan({
    name: PROBLEMS_SHEET,
    cells,
    styles: SUMMARY_STYLES,
    columnWidths: [34, 9, 8, 80],
    rowHeights: { 0: 24 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: `$${headerRow}:$${headerRow}` },
    freeze: { rows: headerRow, columns: 0 },
  });
}
