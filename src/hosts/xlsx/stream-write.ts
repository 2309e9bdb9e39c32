/**
 * Writes a WorkbookPlan to a file with ExcelJS's streaming writer (WorkbookWriter): each row is serialised and handed
 * to the zip stream as soon as it is complete, so writing a summary of 20 000 branches keeps no workbook model in
 * memory (issue 12; the in-memory writer held ≈ 20 KB per row). Same cells, styles, merges, widths, heights, print
 * setup, views, hidden sheets, validations and conditional formats as writePlanToFile, for plans without formulas
 * (the streaming writer cannot ask for a full recalculation on load, so a formula would show no value until
 * recalculated), without sheet protection (it writes <sheetProtection> out of schema order) and without a base font
 * (base-font.ts patches a whole written file). Each is refused with a message. The summary plan has none of them
 * (summary/plan/cells.ts); templates keep the in-memory writer.
 */
import ExcelJS from "exceljs";
import { once } from "node:events";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { streamedSheet } from "../../sheet/streamed-sheet";
import type { PlannedRow, SheetSettings, StreamedSheetPlan, StreamedWorkbookPlan, WorkbookOutline, WorkbookPlan } from "../../sheet/types";
import { cellAddress, parseRange, type CellRange } from "./a1";
import { SpilledStrings } from "./spilled-strings";
import {
  activeSheetIndex,
  assignSheetNames,
  CREATOR,
  excelStyles,
  finalNameOf,
  printSetupOf,
  sheetView,
  unlockCell,
  unlockedAddresses,
  workbookViews,
  writeCell,
  writeColumns,
  writeRules,
  writeThroughTemporary,
} from "./write";

/** Values that must be a sheet's final name (plan.nameCells), by sheet index then A1 address. */
function nameValues(plan: WorkbookOutline, names: string[]): Map<number, Map<string, string>> {
  const bySheet = new Map<number, Map<string, string>>();
  for (const nameCell of plan.nameCells ?? []) {
    const index = plan.sheets.findIndex((sheet) => sheet.name === nameCell.sheet);
    const finalName = finalNameOf(plan, names, nameCell.refersTo);
    if (index < 0 || finalName === undefined) {
      throw new Error(`nameCells 引用了计划中不存在的工作表 (unknown sheet): ${nameCell.sheet} → ${nameCell.refersTo}`);
    }
    const cells = bySheet.get(index) ?? new Map<string, string>();
    cells.set(parseRangeAddress(nameCell.address), finalName);
    bySheet.set(index, cells);
  }
  return bySheet;
}

function parseRangeAddress(address: string): string {
  const { top, left } = parseRange(address);
  return cellAddress(top, left);
}

/** Rows the sheet writes: its planned rows, and any row only a merge, a break or a special cell reaches. */
function rowCount(sheet: StreamedSheetPlan, merges: CellRange[], special: Iterable<string>): number {
  let count = sheet.rowCount;
  for (const merge of merges) count = Math.max(count, merge.bottom);
  for (const row of sheet.rowBreaks ?? []) count = Math.max(count, row + 1);
  for (const address of special) count = Math.max(count, parseRange(address).bottom);
  return count;
}

/** Merges without changing any cell's planned style (the in-memory writer's mergeCellsWithoutStyle). */
function mergeKeepingStyles(worksheet: ExcelJS.Worksheet, merge: CellRange): void {
  const styles: { cell: ExcelJS.Cell; style: Partial<ExcelJS.Style> }[] = [];
  for (let row = merge.top; row <= merge.bottom; row++) {
    for (let column = merge.left; column <= merge.right; column++) {
      const cell = worksheet.getCell(row, column);
      styles.push({ cell, style: cell.style });
    }
  }
  worksheet.mergeCells(merge.top, merge.left, merge.bottom, merge.right);
  for (const { cell, style } of styles) cell.style = style;
}

function byRow<T>(items: T[], rowOf: (item: T) => number): Map<number, T[]> {
  const rows = new Map<number, T[]>();
  for (const item of items) rows.set(rowOf(item), [...(rows.get(rowOf(item)) ?? []), item]);
  return rows;
}

/** The zip entry's input stream: archiver's PassThrough (readable-stream 2, which has no writableNeedDrain). */
interface EntryInput extends NodeJS.EventEmitter {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
}

/**
 * Waits while the sheet's XML is queued for the zip. ExcelJS (4.4) hands each 64 KB of a sheet's XML to the zip
 * entry's input stream without heeding its backpressure, so rows written in one synchronous loop queued the whole
 * sheet in memory. Private fields, read defensively: should ExcelJS or archiver change them, this waits for nothing
 * and the output is the same, only the memory grows again.
 */
async function zipCaughtUp(worksheet: ExcelJS.Worksheet): Promise<void> {
  const input = (worksheet as unknown as { stream?: { pipes?: EntryInput[] } }).stream?.pipes?.[0];
  if (input && (input.writableNeedDrain ?? input._writableState?.needDrain)) await once(input, "drain");
}

function checkNoFormulas(sheet: SheetSettings, row: number, cells: PlannedRow["cells"]): void {
  const column = cells.findIndex((cell) => cell?.formula !== undefined);
  if (column >= 0) {
    throw new Error(`流式写入不支持公式 (the streaming writer writes no formulas): 工作表“${sheet.name}” ${cellAddress(row + 1, column + 1)}`);
  }
}

/** ExcelJS's streaming writer puts <sheetProtection> after <dataValidations>, where the schema (and Excel) does not accept it. */
function checkUnprotected(sheet: SheetSettings): void {
  if (sheet.protect) throw new Error(`流式写入不支持工作表保护 (the streaming writer cannot protect a sheet): 工作表“${sheet.name}”`);
}

async function streamSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: StreamedSheetPlan, name: string, active: boolean, names: Map<string, string>): Promise<void> {
  checkUnprotected(sheet);
  // views, the sheet state and fitToPage are written when the sheet is opened: they go in with addWorksheet
  const worksheet = book.addWorksheet(name, { state: sheet.visibility, views: [sheetView(sheet, active)], ...printSetupOf(sheet) });
  writeColumns(worksheet, sheet); // before the first row: the columns precede the rows in the file
  writeRules(worksheet, sheet);
  const styles = excelStyles(sheet);
  const unlocked = unlockedAddresses(sheet);
  const merges = sheet.merges.map(parseRange);
  const breaks = new Set(sheet.rowBreaks ?? []);
  const count = rowCount(sheet, merges, [...unlocked, ...names.keys()]);
  const unlockedByRow = byRow([...unlocked], (address) => parseRange(address).top);
  const namesByRow = byRow([...names], ([address]) => parseRange(address).top);
  const mergesByTop = byRow(merges, (merge) => merge.top);
  const mergesByBottom = byRow(merges, (merge) => merge.bottom);
  // a row stays uncommitted until every merge reaching it is done (rows are committed in ascending order)
  let holdUntil = 0;
  for (let index = 0; index < count; index++) {
    // rows beyond the planned ones (reached only by a merge, a break or a special cell) have no cells of their own
    const planned: PlannedRow = index < sheet.rowCount ? sheet.row(index) : { cells: [] };
    checkNoFormulas(sheet, index, planned.cells);
    const rowNumber = index + 1;
    const row = worksheet.getRow(rowNumber);
    planned.cells.forEach((cell, column) => {
      if (cell) writeCell(row.getCell(column + 1), cell, styles, sheet);
    });
    if (planned.height !== undefined) row.height = planned.height;
    for (const merge of mergesByTop.get(rowNumber) ?? []) holdUntil = Math.max(holdUntil, merge.bottom);
    for (const [address, value] of namesByRow.get(rowNumber) ?? []) worksheet.getCell(address).value = value;
    for (const address of unlockedByRow.get(rowNumber) ?? []) unlockCell(worksheet.getCell(address));
    for (const merge of mergesByBottom.get(rowNumber) ?? []) mergeKeepingStyles(worksheet, merge);
    if (breaks.has(index)) row.addPageBreak();
    if (rowNumber >= holdUntil) {
      row.commit();
      await zipCaughtUp(worksheet);
    }
  }
  worksheet.commit();
}

/** Where the streaming workbook writer keeps its shared strings, and the zip it writes into (ExcelJS 4.4). */
interface WorkbookWriterInternals {
  sharedStrings: SpilledStrings;
  zip: { append(source: Readable, options: { name: string }): void };
  addSharedStrings(): Promise<void>;
}

/**
 * ExcelJS's streaming writer keeps every text until the end, then builds the shared strings part as one string (a
 * summary of 20 000 rows: 53 MB of XML, ≈ 450 MB of memory while it is built); here the texts go to a file as they
 * come (spilled-strings.ts) and the part is streamed from it. Same XML, and the reference count the in-memory writer
 * writes.
 */
function spillSharedStrings(book: ExcelJS.stream.xlsx.WorkbookWriter, path: string): SpilledStrings {
  const writer = book as unknown as WorkbookWriterInternals;
  const strings = new SpilledStrings(path);
  writer.sharedStrings = strings;
  writer.addSharedStrings = async () => {
    if (strings.count > 0) writer.zip.append(Readable.from(strings.xml()), { name: "/xl/sharedStrings.xml" });
  };
  return strings;
}

/**
 * Streams the plan into `path` (through a temporary file and a rename, as writePlanToFile). A StreamedWorkbookPlan's
 * rows are made one at a time as they are written, so its cells never exist all at once.
 */
export async function streamPlanToFile(given: WorkbookPlan | StreamedWorkbookPlan, path: string): Promise<void> {
  const plan: StreamedWorkbookPlan = { ...given, sheets: given.sheets.map((sheet) => ("cells" in sheet ? streamedSheet(sheet) : sheet)) };
  if (plan.sheets.length === 0) throw new Error("计划中没有工作表 (the plan has no sheets)");
  if (plan.baseFont) throw new Error("流式写入不支持设置基准字体 (the streaming writer cannot set the base font)");
  await writeThroughTemporary(path, async (temporary) => {
    // shared strings as the in-memory writer writes them (t="s"), which every spreadsheet program reads
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temporary, useStyles: true, useSharedStrings: true });
    book.creator = CREATOR;
    book.created = new Date();
    const strings = spillSharedStrings(book, `${temporary}.strings`);
    try {
      const names = assignSheetNames(plan);
      const special = nameValues(plan, names);
      const activeIndex = activeSheetIndex(plan);
      for (const [index, sheet] of plan.sheets.entries()) {
        await streamSheet(book, sheet, names[index], index === activeIndex, special.get(index) ?? new Map());
      }
      book.views = workbookViews(plan);
      await book.commit();
    } finally {
      strings.close();
      await rm(`${temporary}.strings`, { force: true });
    }
  });
}
