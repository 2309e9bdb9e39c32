/**
 * A workbook as plain data. The planner produces a WorkbookPlan; each host replays it (Office.js or ExcelJS).
 * A Grid is what a host reads back. Addresses are A1 without sheet names; row/column indexes are 0-based.
 */
import type { CellValue } from "../scoring/types";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string; // "#RRGGBB"
  fill?: string; // "#RRGGBB"
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean; // thin border on all sides
  numberFormat?: string; // e.g. "0.0#"
}

/** One cell of the plan: a constant or a formula (with leading "="), and a style id. */
export interface PlanCell {
  value?: CellValue;
  formula?: string;
  style?: string;
}

export type ValidationRule =
  | { type: "decimal"; min: number; max: number }
  | { type: "whole"; min: number; max: number }
  | { type: "list"; values: string[] }
  /** formula relative to the range's top-left cell, with leading "=" */
  | { type: "custom"; formula: string };

export interface ValidationPlan {
  range: string;
  rule: ValidationRule;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
  /** "stop" (default) refuses other input; "warning" asks and lets it stand (a 计票 clerk typing a double mark 好、较好) */
  errorStyle?: "stop" | "warning";
}

export interface ConditionalFormatPlan {
  range: string;
  /** formula relative to the range's top-left cell, with leading "="; true → style applies */
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
}

/** Page margins in points (Excel's page setup keeps inches; Office.js takes points). */
export interface PageMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface PrintPlan {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** fit to one page wide, unless `zoom` is set */
  fitToWidth: 1;
  /**
   * A fixed print scale in percent instead of fitting to the width: Excel ignores manual page breaks (rowBreaks) on a
   * sheet scaled to fit, so a plan that places its own breaks sizes its columns to the page and prints at this scale.
   */
  zoom?: number;
  margins?: PageMargins;
  /** rows repeated at the top of each page, e.g. "$1:$6" */
  titleRows?: string;
  /** the page header and footer of every page, in Excel's header codes (&L &C &R sections, &P page, &N pages) */
  header?: string;
  footer?: string;
}

export interface SheetPlan {
  /** desired name; a host makes it unique and never reuses a user's sheet */
  name: string;
  /** "veryHidden" is never used: users must be able to find _meta */
  visibility: "visible" | "hidden";
  /** row-major block starting at A1; null = empty cell */
  cells: (PlanCell | null)[][];
  styles: Record<string, CellStyle>;
  /** character widths by column index */
  columnWidths: number[];
  /** column indexes to hide (the scoring sheet's rule parameters); absent = none */
  hiddenColumns?: number[];
  /** points by row index */
  rowHeights: Record<number, number>;
  merges: string[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  /** input ranges left unlocked on the protected sheet */
  unlocked: string[];
  protect: boolean;
  print?: PrintPlan;
  freeze?: { rows: number; columns: number };
  /** manual page breaks: a new printed page starts after each of these row indexes (a ballot's copies) */
  rowBreaks?: number[];
  /** native charts; a host that cannot draw them (ExcelJS) skips them and says so */
  charts?: ChartPlan[];
}

/** Rows made one at a time, when asked for: a long table (a summary of 20 000 branches) is never held whole. */
export interface LazyRows {
  readonly length: number;
  at(index: number): (PlanCell | null)[];
}

/** Everything of a sheet but its rows. */
export type SheetSettings = Omit<SheetPlan, "cells" | "rowHeights">;

/** A workbook plan's sheets without their rows: what naming, activating and viewing its sheets needs. */
export type WorkbookOutline = Omit<WorkbookPlan, "sheets"> & { sheets: readonly SheetSettings[] };

/** One row of a StreamedSheetPlan: its cells and its height in points (absent: the default height). */
export interface PlannedRow {
  cells: (PlanCell | null)[];
  height?: number;
}

/**
 * A SheetPlan whose rows are made as a writer asks for them, in order (streamPlanToFile): the same sheet, but its
 * cells and row heights never exist all at once. materialisedSheet (sheet/streamed-sheet.ts) makes the SheetPlan.
 */
export interface StreamedSheetPlan extends SheetSettings {
  rowCount: number;
  row(index: number): PlannedRow;
}

export interface StreamedWorkbookPlan extends Omit<WorkbookPlan, "sheets"> {
  sheets: StreamedSheetPlan[];
}

export interface ChartPlan {
  type: "column";
  title: string;
  /** categories in the first column, values in the second, e.g. "A3:B7" */
  source: string;
  /** top-left cell where the chart is placed */
  anchor: string;
}

/** A workbook's base (Normal style) font, the unit of its column widths. */
export interface BaseFont {
  name: string;
  size: number;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /**
   * The base font of a new workbook (a file): column widths count its characters, so a plan sized to the printed page
   * names a font every program measures alike. A host adding sheets to a user's workbook leaves the user's own.
   */
  baseFont?: BaseFont;
  /** name of the sheet to activate after applying */
  activate: string;
  /**
   * Cells whose value must be the name a sheet finally gets (a host may rename a planned sheet to keep names unique),
   * e.g. the `sheet` row of `_meta` that points at its scoring sheet.
   */
  nameCells?: { sheet: string; address: string; refersTo: string }[];
}

/** What a host reads back from one sheet. */
export interface Grid {
  name: string;
  /** cached values (formulas' last results), row-major from A1 */
  values: CellValue[][];
  /** formulas with leading "=" where the cell holds one, else null; same shape as values */
  formulas: (string | null)[][];
  /** A1 addresses of number cells shown as a percentage (a number format with %); absent = none */
  percentCells?: string[];
}

/** A workbook as read back: every sheet's grid, by name, in tab order. */
export interface WorkbookGrid {
  sheets: Grid[];
  /** when the workbook was last saved (docProps/core.xml dcterms:modified, ISO 8601), when the file says */
  modified?: string;
}
