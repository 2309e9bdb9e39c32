/**
 * Queues (never syncs) what one SheetPlan asks for on a freshly added worksheet. Enum values are written as their
 * string literals: Office.js accepts both, and code that only needs strings also runs against the test double.
 */
import type { CellStyle, ChartPlan, ConditionalFormatPlan, SheetPlan, ValidationPlan, ValidationRule } from "../../sheet/types";
import type { Area } from "./areas";
import { areaAddress, columnLetters, rectanglesByKey, runsOf, splitAreas } from "./areas";
import { jsonBytes } from "./cell-blocks";
import { groupUnlocked } from "./unlocked-areas";
import { characterWidthToPoints } from "./units";

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
/** Excel's limits on validation texts */
const TITLE_LIMIT = 32;
const MESSAGE_LIMIT = 255;

function cut(text: string, limit: number): string {
  return Array.from(text).slice(0, limit).join("");
}

function applyStyle(range: Excel.Range, area: Area, style: CellStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.numberFormat !== undefined) {
    range.numberFormat = Array.from({ length: area.rows }, () => new Array<string>(area.columns).fill(style.numberFormat as string));
  }
  if (style.border) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (area.rows > 1) edges.push("InsideHorizontal");
    if (area.columns > 1) edges.push("InsideVertical");
    for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
  }
}

/** Cells grouped by style id into rectangles, then each rectangle formatted once. */
function writeStyles(worksheet: Excel.Worksheet, sheet: SheetPlan): void {
  const grid = sheet.cells.map((row) => row.map((cell) => (cell?.style && sheet.styles[cell.style] ? cell.style : undefined)));
  for (const [styleId, areas] of rectanglesByKey(grid)) {
    for (const area of areas) applyStyle(worksheet.getRange(areaAddress(area)), area, sheet.styles[styleId]);
  }
}

function writeSizes(worksheet: Excel.Worksheet, sheet: SheetPlan): void {
  const widths = sheet.columnWidths.map((width, index): [number, number] => [index, width]).filter(([, width]) => width > 0);
  for (const run of runsOf(widths)) {
    worksheet.getRange(`${columnLetters(run.first)}:${columnLetters(run.last)}`).format.columnWidth = characterWidthToPoints(run.value);
  }
  const heights = Object.entries(sheet.rowHeights).map(([row, height]): [number, number] => [Number(row), height]);
  for (const run of runsOf(heights)) worksheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.value;
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case "decimal":
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "whole":
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "custom":
      return { custom: { formula: rule.formula } };
  }
}

function writeValidation(worksheet: Excel.Worksheet, plan: ValidationPlan): void {
  for (const area of splitAreas(plan.range)) {
    const validation = worksheet.getRange(area).dataValidation;
    validation.rule = validationRule(plan.rule);
    if (plan.prompt) {
      validation.prompt = { showPrompt: true, title: cut(plan.prompt.title, TITLE_LIMIT), message: cut(plan.prompt.message, MESSAGE_LIMIT) };
    }
    if (plan.error) {
      validation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: cut(plan.error.title, TITLE_LIMIT),
        message: cut(plan.error.message, MESSAGE_LIMIT),
      };
    }
  }
}

function writeConditionalFormat(worksheet: Excel.Worksheet, plan: ConditionalFormatPlan): void {
  for (const area of splitAreas(plan.range)) {
    const custom = worksheet.getRange(area).conditionalFormats.add("Custom").custom;
    custom.rule.formula = plan.formula;
    if (plan.style.fill !== undefined) custom.format.fill.color = plan.style.fill;
    if (plan.style.fontColor !== undefined) custom.format.font.color = plan.style.fontColor;
    if (plan.style.bold !== undefined) custom.format.font.bold = plan.style.bold;
  }
}

function writeChart(worksheet: Excel.Worksheet, plan: ChartPlan): void {
  const chart = worksheet.charts.add("ColumnClustered", worksheet.getRange(plan.source), "Columns");
  chart.title.text = plan.title;
  chart.setPosition(plan.anchor);
}

function writePrint(worksheet: Excel.Worksheet, sheet: SheetPlan): void {
  if (!sheet.print) return;
  const layout = worksheet.pageLayout;
  layout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: sheet.print.fitToWidth, verticalFitToPages: 0 };
  if (sheet.print.titleRows) layout.setPrintTitleRows(sheet.print.titleRows);
}

function writeFreeze(worksheet: Excel.Worksheet, freeze: SheetPlan["freeze"]): void {
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) return;
  if (freeze.columns === 0) worksheet.freezePanes.freezeRows(freeze.rows);
  else if (freeze.rows === 0) worksheet.freezePanes.freezeColumns(freeze.columns);
  else worksheet.freezePanes.freezeAt(worksheet.getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
}

export interface SheetFeatures {
  dataValidation: boolean;
  pageLayout: boolean;
}

/** A piece of a sheet's dressing with the request bytes it is expected to cost, so a caller can sync between pieces. */
export interface DressingJob {
  bytes: number;
  queue(worksheet: Excel.Worksheet): void;
}

/** what Office.js adds per queued action (object paths, ids) on top of the arguments */
const ACTION_BYTES = 200;

function job(data: unknown, actions: number, queue: (worksheet: Excel.Worksheet) => void): DressingJob {
  return { bytes: jsonBytes(data) + actions * ACTION_BYTES, queue };
}

/**
 * Everything but the cell values (which the caller writes first), in the order Excel needs: formats, merges, sizes,
 * validation, conditional formats, charts, unlocked inputs, print, freeze — and protection last, since a protected
 * sheet refuses every change above.
 */
export function sheetDressing(sheet: SheetPlan, features: SheetFeatures): DressingJob[] {
  const jobs: DressingJob[] = [job(sheet.styles, sheet.cells.length, (worksheet) => writeStyles(worksheet, sheet))];
  jobs.push(job(sheet.merges, sheet.merges.length, (worksheet) => sheet.merges.forEach((merge) => worksheet.getRange(merge).merge(false))));
  jobs.push(job(sheet.columnWidths, sheet.columnWidths.length + Object.keys(sheet.rowHeights).length, (worksheet) => writeSizes(worksheet, sheet)));
  if (features.dataValidation) {
    for (const validation of sheet.validations) jobs.push(job(validation, 4, (worksheet) => writeValidation(worksheet, validation)));
  }
  for (const format of sheet.conditionalFormats) {
    jobs.push(job(format, 5, (worksheet) => writeConditionalFormat(worksheet, format)));
  }
  for (const chart of sheet.charts ?? []) jobs.push(job(chart, 4, (worksheet) => writeChart(worksheet, chart)));
  for (const area of groupUnlocked(sheet.unlocked)) {
    jobs.push(job(area, 2, (worksheet) => (worksheet.getRange(area).format.protection.locked = false)));
  }
  if (features.pageLayout && sheet.print) jobs.push(job(sheet.print, 5, (worksheet) => writePrint(worksheet, sheet)));
  jobs.push(job(sheet.freeze ?? null, 2, (worksheet) => writeFreeze(worksheet, sheet.freeze)));
  if (sheet.protect) jobs.push(job(null, 1, (worksheet) => worksheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true })));
  return jobs;
}
