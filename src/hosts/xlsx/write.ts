/**
 * Replays a WorkbookPlan into a new .xlsx with ExcelJS: the file-based twin of the Office host's applyPlan.
 * Formulas are written without cached results and the workbook asks for a full recalculation on load, so Excel,
 * WPS and LibreOffice all show computed totals rather than stale numbers.
 */
import ExcelJS from "exceljs";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { CellValue } from "../../scoring/types";
import type { PageMargins, PlanCell, SheetPlan, SheetSettings, WorkbookOutline, WorkbookPlan } from "../../sheet/types";
import { cellAddress, cellsOf, parseRange, splitAreas } from "./a1";
import { uniqueSheetName } from "../../sheet/sheet-names";
import { toConditionalStyle, toExcelStyle } from "./styles";
import { toExcelValidation } from "./validation";
import { withBaseFont } from "./base-font";

const A4_PAPER = 9; // OOXML paperSize code

/** What the xlsx host cannot reproduce from this plan, in Chinese, for the caller to show (charts: ExcelJS has none). */
export function xlsxSkippedFeatures(plan: WorkbookPlan): string[] {
  return plan.sheets
    .filter((sheet) => (sheet.charts ?? []).length > 0)
    .map((sheet) => `工作表“${sheet.name}”的图表未写入文件（ExcelJS 不支持图表），请在 Excel 中插入 (charts skipped in the .xlsx file)`);
}

/** Names used, by plan index; a new file has no user sheets, so names change only when invalid or duplicated. */
export function assignSheetNames(plan: WorkbookOutline): string[] {
  const names: string[] = [];
  for (const sheet of plan.sheets) names.push(uniqueSheetName(sheet.name, names));
  return names;
}

/** Planned name → name used (the first sheet planned under that name, should a plan repeat one). */
export function finalNameOf(plan: WorkbookOutline, names: string[], planned: string): string | undefined {
  const index = plan.sheets.findIndex((sheet) => sheet.name === planned);
  return index < 0 ? undefined : names[index];
}

function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

export function toExcelValue(cell: PlanCell): ExcelJS.CellValue {
  // no `result`: a cached value would be shown by programs that do not recalculate on load
  if (cell.formula) return { formula: stripEquals(cell.formula) } as ExcelJS.CellFormulaValue;
  const value: CellValue | undefined = cell.value;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`计划中的数值无效 (non-finite number in plan): ${value}`);
  // strings stay strings even when they begin with = + - @: ExcelJS writes them as text, never as formulas
  return value ?? null;
}

export function unlockedAddresses(sheet: SheetSettings): Set<string> {
  const addresses = new Set<string>();
  for (const reference of sheet.unlocked) {
    for (const area of splitAreas(reference)) {
      for (const { row, column } of cellsOf(parseRange(area))) addresses.add(cellAddress(row, column));
    }
  }
  return addresses;
}

/** ExcelJS styles by the plan's style ids. */
export function excelStyles(sheet: SheetSettings): Map<string, Partial<ExcelJS.Style>> {
  return new Map(Object.entries(sheet.styles).map(([id, style]) => [id, toExcelStyle(style)]));
}

/** Sets a planned cell's value and style (the in-memory and the streaming writer alike). */
export function writeCell(target: ExcelJS.Cell, cell: PlanCell, styles: Map<string, Partial<ExcelJS.Style>>, sheet: SheetSettings): void {
  target.value = toExcelValue(cell);
  if (cell.style === undefined) return;
  const style = styles.get(cell.style);
  if (!style) throw new Error(`工作表“${sheet.name}”引用了未定义的样式 (unknown style id): ${cell.style}`);
  // one object per style id, shared by its cells (as ExcelJS itself shares a merge master's): a copy per cell cost
  // a summary of 20 000 rows hundreds of megabytes. Only ExcelJS's font/fill/… setters change a style in place,
  // and nothing here calls them; unlocked cells get a new object (unlockCell).
  target.style = style;
}

export function unlockCell(target: ExcelJS.Cell): void {
  target.style = { ...structuredClone(target.style ?? {}), protection: { locked: false } };
}

function writeCells(worksheet: ExcelJS.Worksheet, sheet: SheetPlan): void {
  const styles = excelStyles(sheet);
  sheet.cells.forEach((row, rowIndex) =>
    row.forEach((cell, columnIndex) => {
      if (cell) writeCell(worksheet.getCell(rowIndex + 1, columnIndex + 1), cell, styles, sheet);
    }),
  );
  for (const address of unlockedAddresses(sheet)) unlockCell(worksheet.getCell(address));
}

/** Column widths and hidden columns: the streaming writer needs them before its first row. */
export function writeColumns(worksheet: Pick<ExcelJS.Worksheet, "getColumn">, sheet: SheetSettings): void {
  sheet.columnWidths.forEach((width, index) => {
    if (width > 0) worksheet.getColumn(index + 1).width = width;
  });
  for (const index of sheet.hiddenColumns ?? []) worksheet.getColumn(index + 1).hidden = true;
}

function writeLayout(worksheet: ExcelJS.Worksheet, sheet: SheetPlan): void {
  writeColumns(worksheet, sheet);
  for (const [index, height] of Object.entries(sheet.rowHeights)) worksheet.getRow(Number(index) + 1).height = height;
  // merges after values: only the top-left cell keeps a value, and each cell keeps its planned style (borders)
  for (const merge of sheet.merges) worksheet.mergeCellsWithoutStyle(merge);
  for (const row of sheet.rowBreaks ?? []) worksheet.getRow(row + 1).addPageBreak();
}

/** ExcelJS has worksheet.dataValidations (range keys allowed) but its typings omit it. */
interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

export function writeRules(worksheet: Pick<ExcelJS.Worksheet, "addConditionalFormatting">, sheet: SheetSettings): void {
  const { dataValidations } = worksheet as unknown as WithDataValidations;
  for (const validation of sheet.validations) {
    const rule = toExcelValidation(validation);
    for (const area of splitAreas(validation.range)) dataValidations.add(area, { ...rule });
  }
  sheet.conditionalFormats.forEach((format, index) => {
    worksheet.addConditionalFormatting({
      ref: splitAreas(format.range).join(" "),
      // distinct priorities, in plan order: Excel evaluates rules by priority
      rules: [{ type: "expression", priority: index + 1, formulae: [stripEquals(format.formula)], style: toConditionalStyle(format.style) }],
    });
  });
}

/** The plan keeps margins in points; the file, as Excel's page setup, in inches. */
function inches(margins: PageMargins): ExcelJS.Margins {
  const inch = (points: number) => Math.round((points / 72) * 1000) / 1000;
  return { left: inch(margins.left), right: inch(margins.right), top: inch(margins.top), bottom: inch(margins.bottom), header: inch(margins.header), footer: inch(margins.footer) };
}

/** The planned print setup as ExcelJS page setup and header/footer (empty without a print plan). */
export function printSetupOf(sheet: SheetSettings): { pageSetup?: Partial<ExcelJS.PageSetup>; headerFooter?: Partial<ExcelJS.HeaderFooter> } {
  if (!sheet.print) return {};
  const { zoom, margins } = sheet.print;
  const scale = zoom === undefined
    ? { fitToPage: true, fitToWidth: sheet.print.fitToWidth, fitToHeight: 0 } // as many pages tall as needed
    : { fitToPage: false, scale: zoom };
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: A4_PAPER,
    orientation: sheet.print.orientation,
    ...scale,
    ...(margins ? { margins: inches(margins) } : {}),
    // ExcelJS adds the $ signs itself
    ...(sheet.print.titleRows ? { printTitlesRow: sheet.print.titleRows.replace(/\$/g, "") } : {}),
  };
  const { header, footer } = sheet.print;
  if (header === undefined && footer === undefined) return { pageSetup };
  return { pageSetup, headerFooter: { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) } };
}

function writePrintSetup(worksheet: ExcelJS.Worksheet, sheet: SheetPlan): void {
  const { pageSetup, headerFooter } = printSetupOf(sheet);
  if (pageSetup) worksheet.pageSetup = { ...worksheet.pageSetup, ...pageSetup };
  if (headerFooter) worksheet.headerFooter = { ...worksheet.headerFooter, ...headerFooter };
}

export function sheetView(sheet: SheetSettings, active: boolean): Partial<ExcelJS.WorksheetView> {
  const selected = active ? { tabSelected: true } : {};
  const freeze = sheet.freeze;
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) return { state: "normal", ...selected } as Partial<ExcelJS.WorksheetView>;
  return {
    state: "frozen",
    xSplit: freeze.columns,
    ySplit: freeze.rows,
    topLeftCell: cellAddress(freeze.rows + 1, freeze.columns + 1),
    ...selected,
  } as Partial<ExcelJS.WorksheetView>;
}

export async function protectSheet(worksheet: Pick<ExcelJS.Worksheet, "protect">, sheet: SheetPlan): Promise<void> {
  if (!sheet.protect) return;
  // no password (contracts.md): a secretary can lift it from the Review tab
  await worksheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

function writeNameCells(book: ExcelJS.Workbook, plan: WorkbookPlan, names: string[]): void {
  for (const nameCell of plan.nameCells ?? []) {
    const sheetName = finalNameOf(plan, names, nameCell.sheet);
    const worksheet = sheetName === undefined ? undefined : book.getWorksheet(sheetName);
    const finalName = finalNameOf(plan, names, nameCell.refersTo);
    if (!worksheet || finalName === undefined) {
      throw new Error(`nameCells 引用了计划中不存在的工作表 (unknown sheet): ${nameCell.sheet} → ${nameCell.refersTo}`);
    }
    worksheet.getCell(nameCell.address).value = finalName;
  }
}

/** The sheet shown on opening: the planned one if visible, else the first. */
export function activeSheetIndex(plan: WorkbookOutline): number {
  return Math.max(
    0,
    plan.sheets.findIndex((sheet) => sheet.name === plan.activate && sheet.visibility === "visible"),
  );
}

export function workbookViews(plan: WorkbookOutline): ExcelJS.WorkbookView[] {
  const firstVisible = Math.max(0, plan.sheets.findIndex((sheet) => sheet.visibility === "visible"));
  return [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: firstVisible, activeTab: activeSheetIndex(plan), visibility: "visible" }];
}

export const CREATOR = "支部考评助手 branch-scoring";

async function buildWorkbook(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  book.creator = CREATOR;
  book.created = new Date();
  book.calcProperties.fullCalcOnLoad = true;
  const names = assignSheetNames(plan);
  const activeIndex = activeSheetIndex(plan);
  for (const [index, sheet] of plan.sheets.entries()) {
    const worksheet = book.addWorksheet(names[index], {
      state: sheet.visibility,
      views: [sheetView(sheet, index === activeIndex)],
    });
    writeCells(worksheet, sheet);
    writeLayout(worksheet, sheet);
    writeRules(worksheet, sheet);
    writePrintSetup(worksheet, sheet);
    await protectSheet(worksheet, sheet);
  }
  writeNameCells(book, plan, names);
  book.views = workbookViews(plan);
  return book;
}

export async function writePlanToBuffer(plan: WorkbookPlan): Promise<Buffer> {
  if (plan.sheets.length === 0) throw new Error("计划中没有工作表 (the plan has no sheets)");
  const book = await buildWorkbook(plan);
  const written = new Uint8Array(await book.xlsx.writeBuffer());
  return Buffer.from(plan.baseFont ? withBaseFont(written, plan.baseFont) : written);
}

/** Writes through a temporary file and a rename, so a failed write never leaves half a workbook at `path`. */
export async function writePlanToFile(plan: WorkbookPlan, path: string): Promise<void> {
  const buffer = await writePlanToBuffer(plan);
  await writeThroughTemporary(path, (temporary) => writeFile(temporary, buffer));
}

/** Writes `path` through a temporary file beside it and a rename; the temporary file is removed if writing fails. */
export async function writeThroughTemporary(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await write(temporary);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await rename(temporary, path);
}
