/**
 * Reads an .xlsx held in memory into a WorkbookGrid: every sheet (hidden ones too) in tab order, cached values and
 * formulas. No Node builtins and no Buffer, so the task pane bundles it for the browser (ExcelJS resolves to its
 * browser build there); Node's file reading is in ./read. The bytes are checked first (file-check.ts) and never changed.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../scoring/types";
import type { Grid, WorkbookGrid } from "../../sheet/types";
import { readCell } from "./cell-values";
import { cannotUnpackHere, unparseable } from "./errors";
import { checkWorkbookBytes, DEFAULT_READ_LIMITS, type ReadLimits } from "./file-check";
import { canInflate } from "./inflate";
import { formulaTextResults, positionKey } from "./shared-string-results";

export { WorkbookFileError, type WorkbookFileErrorKind } from "./errors";
export type ReadWorkbookOptions = Partial<ReadLimits>;

export function readLimits(options: ReadWorkbookOptions | undefined): ReadLimits {
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

/**
 * `name` is how the user knows the workbook (a file name); it appears in every error message. Throws
 * WorkbookFileError for a file that is not a complete, unencrypted .xlsx within the limits.
 */
export async function readWorkbookBytes(bytes: Uint8Array, name: string, options?: ReadWorkbookOptions): Promise<WorkbookGrid> {
  if (!canInflate()) throw cannotUnpackHere(name);
  const parts = await checkWorkbookBytes(bytes, name, readLimits(options));
  const book = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; its loader (JSZip) takes any Uint8Array, in Node and in the browser
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw unparseable(name, error);
  }
  const textResults = formulaTextResults(parts);
  return { sheets: book.worksheets.map((worksheet) => sheetGrid(worksheet, textResults.get(worksheet.name))) };
}

/** The earlier name of readWorkbookBytes (a Node Buffer is a Uint8Array), kept for existing callers. */
export const readWorkbookBuffer = readWorkbookBytes;
