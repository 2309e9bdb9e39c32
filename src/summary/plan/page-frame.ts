/**
 * What every printed page of a summary workbook carries, whichever sheet it comes from (sheets added later included):
 * A4 landscape, one page wide; a header with the scheme, the sheet and the year; a footer 第X页 共Y页; and rows as tall
 * as their texts need. Applied to every visible sheet of the summary plan, so no sheet needs its own code for it.
 */
import { fitRowHeights } from "../../sheet/fit-rows";
import { PAGE_NUMBER_FOOTER, headerText } from "../../sheet/print-header";
import type { PrintPlan, SheetPlan } from "../../sheet/types";
import type { Summary } from "../types";

const DEFAULT_PRINT: PrintPlan = { orientation: "landscape", paper: "A4", fitToWidth: 1 };

export function pageHeader(summary: Summary, sheetName: string): string {
  return `&L${headerText(summary.scheme.title)}&C${headerText(sheetName)}&R${headerText(summary.period)}`;
}

export function framePage(sheet: SheetPlan, summary: Summary): SheetPlan {
  if (sheet.visibility !== "visible") return sheet;
  const print: PrintPlan = { ...DEFAULT_PRINT, ...sheet.print, header: pageHeader(summary, sheet.name), footer: PAGE_NUMBER_FOOTER };
  return fitRowHeights({ ...sheet, print });
}
