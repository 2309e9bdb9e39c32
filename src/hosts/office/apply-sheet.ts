/**
 * Queues (never syncs) what one SheetPlan asks for on a freshly added worksheet. Enum values are written as their
 * string literals: Office.js accepts both, and code that only needs strings also runs against the test double.
 */
import { writeHeaderFooter } from "./header-footer";
import type { CellStyle, ChartPlan, ConditionalFormatPlan, SheetPlan, ValidationPlan, ValidationRule } from "../../sheet/types";
import type { Area } from "./areas";
import { columnLetter, splitAreas } from "../../sheet/addresses";
import { areaAddress, rectanglesByKey, runsOf } from "./areas";
import { addressChunks, groupByValue, hiddenColumnAddresses, numberFormatColumns, rowHeightGroups } from "./batched-formats";
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

type StyleProperty = keyof CellStyle;
const STYLE_PROPERTIES: StyleProperty[] = ["bold", "italic", "fontSize", "fontColor", "fill", "horizontal", "vertical", "wrap", "numberFormat", "border"];

interface StyleWrite {
  address: string;
  area: Area;
  property: StyleProperty;
  value: CellStyle[StyleProperty];
}

/**
 * Each style property grouped on its own: a table that is bordered throughout gets one border range even though its
 * rows alternate fills and fonts. Far fewer requests than one range per (style, rectangle).
 */
function styleWrites(sheet: SheetPlan): StyleWrite[] {
  const writes: StyleWrite[] = [];
  for (const property of STYLE_PROPERTIES) {
    const grid = sheet.cells.map((row) =>
      row.map((cell) => {
        const value = cell?.style ? sheet.styles[cell.style]?.[property] : undefined;
        return value === undefined || (property === "border" && value === false) ? undefined : JSON.stringify(value);
      }),
    );
    for (const [key, areas] of rectanglesByKey(grid)) {
      const value = JSON.parse(key) as CellStyle[StyleProperty];
      for (const area of areas) writes.push({ address: areaAddress(area), area, property, value });
    }
  }
  return writes;
}

/** Font, fill, alignment and wrapping: the properties a RangeAreas takes as well as a Range. */
function setFormat(format: Excel.RangeFormat, property: StyleProperty, value: CellStyle[StyleProperty]): void {
  switch (property) {
    case "bold":
      format.font.bold = value as boolean;
      break;
    case "italic":
      format.font.italic = value as boolean;
      break;
    case "fontSize":
      format.font.size = value as number;
      break;
    case "fontColor":
      format.font.color = value as string;
      break;
    case "fill":
      format.fill.color = value as string;
      break;
    case "horizontal":
      format.horizontalAlignment = HORIZONTAL[value as keyof typeof HORIZONTAL];
      break;
    case "vertical":
      format.verticalAlignment = VERTICAL[value as keyof typeof VERTICAL];
      break;
    case "wrap":
      format.wrapText = value as boolean;
      break;
    case "numberFormat":
    case "border":
      throw new Error(`setFormat: ${property} is written per range`);
  }
}

function applyStyleWrite(range: Excel.Range, write: StyleWrite): void {
  const value = write.value;
  switch (write.property) {
    case "numberFormat":
      range.numberFormat = Array.from({ length: write.area.rows }, () => new Array<string>(write.area.columns).fill(value as string));
      break;
    case "border": {
      const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
      if (write.area.rows > 1) edges.push("InsideHorizontal");
      if (write.area.columns > 1) edges.push("InsideVertical");
      for (const edge of edges) range.format.borders.getItem(edge).style = "Continuous";
      break;
    }
    default:
      setFormat(range.format, write.property, value);
  }
}

/** Column widths and hidden columns; row heights too unless they go batched (`withHeights` false). */
function writeSizes(worksheet: Excel.Worksheet, sheet: SheetPlan, withHeights: boolean): void {
  const widths = sheet.columnWidths.map((width, index): [number, number] => [index, width]).filter(([, width]) => width > 0);
  for (const run of runsOf(widths)) {
    worksheet.getRange(`${columnLetter(run.first)}:${columnLetter(run.last)}`).format.columnWidth = characterWidthToPoints(run.value);
  }
  for (const address of hiddenColumnAddresses(sheet.hiddenColumns)) worksheet.getRange(address).columnHidden = true;
  if (!withHeights) return;
  const heights = Object.entries(sheet.rowHeights).map(([row, height]): [number, number] => [Number(row), height]);
  for (const run of runsOf(heights)) worksheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.value;
}

/** @requires dataValidation */
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

/** @requires dataValidation */
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
        style: plan.errorStyle === "warning" ? "Warning" : "Stop",
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

/**
 * The plan's page setup: orientation, paper, a fixed scale (a sheet with its own page breaks) or one page wide, margins,
 * print titles, page header and footer, and the manual page breaks (each above the row after a planned one).
 * @requires pageLayout
 */
function writePrint(worksheet: Excel.Worksheet, sheet: SheetPlan): void {
  const print = sheet.print;
  if (!print) return;
  const layout = worksheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = print.zoom === undefined ? { horizontalFitToPages: print.fitToWidth, verticalFitToPages: 0 } : { scale: print.zoom };
  if (print.margins) {
    layout.leftMargin = print.margins.left;
    layout.rightMargin = print.margins.right;
    layout.topMargin = print.margins.top;
    layout.bottomMargin = print.margins.bottom;
    layout.headerMargin = print.margins.header;
    layout.footerMargin = print.margins.footer;
  }
  if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
  writeHeaderFooter(layout.headersFooters.defaultForAllPages, print);
  const breaks = worksheet.horizontalPageBreaks;
  for (const row of sheet.rowBreaks ?? []) breaks.add(`A${row + 2}`);
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
  /** ExcelApi 1.9: format many rectangles per action (batched-formats.ts) */
  rangeAreas: boolean;
}

/** A piece of a sheet's dressing with the request bytes it is expected to cost, so a caller can sync between pieces. */
export interface DressingJob {
  bytes: number;
  queue(worksheet: Excel.Worksheet): void;
}

/** what Office.js adds per queued action (object paths, ids) on top of the arguments */
export const ACTION_BYTES = 150;

function job(data: unknown, actions: number, queue: (worksheet: Excel.Worksheet) => void): DressingJob {
  return { bytes: jsonBytes(data) + actions * ACTION_BYTES, queue };
}

/** One rectangle's style property per action (below ExcelApi 1.9). */
function styleJob(write: StyleWrite): DressingJob {
  // a number format goes as a full 2-D array; a border as one action per edge
  const sent = write.property === "numberFormat" ? [write.address, `${JSON.stringify(write.value)},`.repeat(write.area.rows * write.area.columns)] : [write.address, write.value];
  return job(sent, write.property === "border" ? 7 : 2, (worksheet) => applyStyleWrite(worksheet.getRange(write.address), write));
}

/**
 * ExcelApi 1.9+: borders per rectangle (few: the table is bordered throughout), the rest per value across rectangles.
 * @requires rangeAreas
 */
function batchedStyleJobs(sheet: SheetPlan): DressingJob[] {
  const writes = styleWrites(sheet);
  const jobs = writes.filter((write) => write.property === "border").map(styleJob);
  for (const property of STYLE_PROPERTIES.filter((name) => name !== "border" && name !== "numberFormat")) {
    for (const group of groupByValue(writes.filter((write) => write.property === property))) {
      for (const chunk of addressChunks(group.areas.map(areaAddress))) {
        jobs.push(job([chunk, group.value], 2, (worksheet) => setFormat(worksheet.getRanges(chunk).format, property, group.value)));
      }
    }
  }
  for (const column of numberFormatColumns(sheet)) {
    jobs.push(job([column.address, column.formats], 2, (worksheet) => (worksheet.getRange(column.address).numberFormat = column.formats)));
  }
  return jobs;
}

/**
 * Everything but the cell values (which the caller writes first), in the order Excel needs: formats, merges, sizes,
 * validation, conditional formats, charts, unlocked inputs, print, freeze — and protection last, since a protected
 * sheet refuses every change above.
 */
export function sheetDressing(sheet: SheetPlan, features: SheetFeatures): DressingJob[] {
  const batched = features.rangeAreas;
  const jobs: DressingJob[] = features.rangeAreas ? batchedStyleJobs(sheet) : styleWrites(sheet).map(styleJob);
  jobs.push(job(sheet.merges, sheet.merges.length, (worksheet) => sheet.merges.forEach((merge) => worksheet.getRange(merge).merge(false))));
  const sizes = sheet.columnWidths.length + (batched ? 0 : Object.keys(sheet.rowHeights).length) + (sheet.hiddenColumns?.length ?? 0);
  jobs.push(job(sheet.columnWidths, sizes, (worksheet) => writeSizes(worksheet, sheet, !batched)));
  if (features.rangeAreas) {
    for (const group of rowHeightGroups(sheet.rowHeights)) {
      for (const chunk of addressChunks(group.rows)) jobs.push(job([chunk, group.height], 2, (worksheet) => (worksheet.getRanges(chunk).format.rowHeight = group.height)));
    }
  }
  if (features.dataValidation) {
    for (const validation of sheet.validations) jobs.push(job(validation, 4, (worksheet) => writeValidation(worksheet, validation)));
  }
  for (const format of sheet.conditionalFormats) {
    jobs.push(job(format, 6, (worksheet) => writeConditionalFormat(worksheet, format)));
  }
  for (const chart of sheet.charts ?? []) jobs.push(job(chart, 4, (worksheet) => writeChart(worksheet, chart)));
  if (features.rangeAreas) {
    for (const chunk of addressChunks(groupUnlocked(sheet.unlocked))) {
      jobs.push(job(chunk, 2, (worksheet) => (worksheet.getRanges(chunk).format.protection.locked = false)));
    }
  } else {
    for (const area of groupUnlocked(sheet.unlocked)) {
      jobs.push(job(area, 2, (worksheet) => (worksheet.getRange(area).format.protection.locked = false)));
    }
  }
  // 5 actions, 6 for margins, 3 for each of a header and a footer, 1 per page break
  const print = sheet.print;
  const printActions = 5 + (print?.margins ? 6 : 0) + (print?.header !== undefined ? 3 : 0) + (print?.footer !== undefined ? 3 : 0) + (sheet.rowBreaks ?? []).length;
  if (features.pageLayout && print) jobs.push(job([print, sheet.rowBreaks ?? []], printActions, (worksheet) => writePrint(worksheet, sheet)));
  jobs.push(job(sheet.freeze ?? null, 2, (worksheet) => writeFreeze(worksheet, sheet.freeze)));
  if (sheet.protect) jobs.push(job(null, 1, (worksheet) => worksheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true })));
  return jobs;
}
