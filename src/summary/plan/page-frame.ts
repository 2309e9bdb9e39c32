/**
 * What every printed page of a summary workbook carries, whichever sheet it comes from (sheets added later included):
 * A4 landscape, one page wide; a header with the scheme, the sheet and the year; a footer 第X页 共Y页; and rows as tall
 * as their texts need. Applied to every visible sheet of the summary plan, so no sheet needs its own code for it.
 */
import { rowHeightFitter } from "../../sheet/fit-rows";
import { PAGE_NUMBER_FOOTER, headerText } from "../../sheet/print-header";
import { streamedRows, type RowsSheetPlan } from "../../sheet/streamed-sheet";
import type { PrintPlan, StreamedSheetPlan } from "../../sheet/types";
import type { Summary } from "../types";

const DEFAULT_PRINT: PrintPlan = { orientation: "landscape", paper: "A4", fitToWidth: 1 };

export function pageHeader(summary: Summary, sheetName: string): string {
  return `&L${headerText(summary.scheme.title)}&C${headerText(sheetName)}&R${headerText(summary.period)}`;
}

/** The framed sheet, its rows made (and fitted) one at a time as they are written. */
export function framePage(sheet: RowsSheetPlan, summary: Summary): StreamedSheetPlan {
  if (sheet.visibility !== "visible") return streamedRows(sheet);
  const print: PrintPlan = { ...DEFAULT_PRINT, ...sheet.print, header: pageHeader(summary, sheet.name), footer: PAGE_NUMBER_FOOTER };
  return streamedRows({ ...sheet, print }, rowHeightFitter(sheet));
}
