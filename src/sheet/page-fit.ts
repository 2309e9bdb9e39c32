/**
 * What "fit to 1 page wide" does to a sheet on A4: the scale a spreadsheet program prints at, from the column widths.
 * Pure. Column widths are in characters of the workbook's default font (Calibri 11): Excel prints one at 5.25 pt
 * (7 px) plus 3.75 pt a column, LibreOffice without Calibri's metrics (Carlito) at 7 pt; the wider, so the estimate
 * holds in either. Margins are the defaults both hosts write (0.7 in left and right).
 */
import type { PrintPlan } from "./types";

/** The workbook's default font size: cells without a font size print at this, times the scale. */
export const DEFAULT_FONT_SIZE = 11;

const A4_INCHES = { short: 8.27, long: 11.69 };
const SIDE_MARGINS_INCHES = 1.4;
const POINTS_PER_INCH = 72;
const POINTS_PER_CHARACTER = 7;
/** an unset column's width (Excel's default) */
export const DEFAULT_COLUMN_WIDTH = 8.43;

function printableWidthPoints(orientation: PrintPlan["orientation"]): number {
  const paper = orientation === "landscape" ? A4_INCHES.long : A4_INCHES.short;
  return (paper - SIDE_MARGINS_INCHES) * POINTS_PER_INCH;
}

function columnPoints(width: number): number {
  return width * POINTS_PER_CHARACTER;
}

/** The scale (≤ 1) at which the columns print across one page width. */
export function fitToWidthScale(columnWidths: readonly number[], orientation: PrintPlan["orientation"]): number {
  const total = columnWidths.reduce((sum, width) => sum + columnPoints(width > 0 ? width : DEFAULT_COLUMN_WIDTH), 0);
  return Math.min(1, printableWidthPoints(orientation) / total);
}

/** The printed size of `fontSize` text in a sheet with these columns, fitted to one page wide. */
export function printedFontSize(columnWidths: readonly number[], orientation: PrintPlan["orientation"], fontSize = DEFAULT_FONT_SIZE): number {
  return fitToWidthScale(columnWidths, orientation) * fontSize;
}
