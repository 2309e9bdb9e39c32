/**
 * Reads an .xlsx into a WorkbookGrid: every sheet (hidden ones too) in tab order, cached values and formulas.
 * Read-only: the file is opened once for reading and never written. The bytes are checked first (file-check.ts).
 */
import ExcelJS from "exceljs";
import { open } from "node:fs/promises";
import type { CellValue } from "../../scoring/types";
import type { Grid, WorkbookGrid } from "../../sheet/types";
import { readCell } from "./cell-values";
import { formatBytes, tooLarge, unparseable, unreadable, WorkbookFileError } from "./errors";
import { checkWorkbookBytes, DEFAULT_READ_LIMITS, type ReadLimits } from "./file-check";
import { formulaTextResults, positionKey } from "./shared-string-results";

export { WorkbookFileError, type WorkbookFileErrorKind } from "./errors";
export type ReadWorkbookOptions = Partial<ReadLimits>;

function limitsOf(options: ReadWorkbookOptions | undefined): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...options };
}

/**
 * The sheet's cells from A1 to the last row and column holding a value or a formula. `textResults`: formula results
 * the file stores as shared-string indexes (Gnumeric), which ExcelJS reads as numbers.
 */
function sheetGrid(worksheet: ExcelJS.Worksheet, textResults: ReadonlyMap<string, string> | undefined): Grid {
  const cells: { row: number; column: number; value: CellValue; formula: string | null }[] = [];
  let lastRow = 0;
  let lastColumn = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const read = readCell(cell);
      const formula = read.formula;
      const value = formula === null ? read.value : (textResults?.get(positionKey(rowNumber, columnNumber)) ?? read.value);
      if (value === null && formula === null) return;
      cells.push({ row: rowNumber, column: columnNumber, value, formula });
      lastRow = Math.max(lastRow, rowNumber);
      lastColumn = Math.max(lastColumn, columnNumber);
    });
  });
  const values: CellValue[][] = Array.from({ length: lastRow }, () => new Array<CellValue>(lastColumn).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: lastRow }, () => new Array<string | null>(lastColumn).fill(null));
  for (const cell of cells) {
    values[cell.row - 1][cell.column - 1] = cell.value;
    formulas[cell.row - 1][cell.column - 1] = cell.formula;
  }
  return { name: worksheet.name, values, formulas };
}

/** `name` is how the user knows the workbook (a file name); it appears in every error message. */
export async function readWorkbookBuffer(buf: Buffer, name: string, options?: ReadWorkbookOptions): Promise<WorkbookGrid> {
  checkWorkbookBytes(buf, name, limitsOf(options));
  const book = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings predate Node's generic Buffer
    await book.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw unparseable(name, error);
  }
  const textResults = formulaTextResults(buf);
  return { sheets: book.worksheets.map((worksheet) => sheetGrid(worksheet, textResults.get(worksheet.name))) };
}

/** Opens `path` read-only, refuses it before reading when it is over maxBytes, reads its bytes once. */
export async function readWorkbookFile(path: string, options?: ReadWorkbookOptions): Promise<WorkbookGrid> {
  const limits = limitsOf(options);
  let bytes: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) throw unreadable(path, { code: "EISDIR" });
      if (stat.size > limits.maxBytes) throw tooLarge(path, `${formatBytes(stat.size)}，超过上限 ${formatBytes(limits.maxBytes)}`);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw unreadable(path, error);
  }
  return readWorkbookBuffer(bytes, path, limits);
}
