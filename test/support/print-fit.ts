/**
 * An independent check that a printed row is tall enough for its text: LibreOffice's measure of 10 pt CJK text
 * (a full-width character ≈ 1.6 column-width units, a line ≈ 13 pt per 10 pt of font), not the planner's own
 * (more generous) estimate, so a row the planner sized too small for what LibreOffice prints fails.
 */
import ExcelJS from "exceljs";
import { sheetPlan } from "../../src/sheet/sheet-plan";
import type { SheetPlan } from "../../src/sheet/types";

const WIDE = 1.6;
const LINE_PER_POINT = 1.3;
const DEFAULT_ROW = 15;

function isWide(char: string): boolean {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”‘’…—、。，；：（）]/u.test(char);
}

function linesFor(text: string, width: number, fontSize: number): number {
  const usable = Math.max(1, width - 1) * (10 / fontSize);
  return text.split("\n").reduce((sum, paragraph) => {
    const units = Array.from(paragraph).reduce((total, char) => total + (isWide(char) ? WIDE : 1), 0);
    return sum + Math.max(1, Math.ceil(units / usable));
  }, 0);
}

/** The merged area a cell starts (its columns' width, its rows' height), or the cell alone. */
function areaOf(sheet: SheetPlan, row: number, column: number): { width: number; height: number } {
  const heightOf = (index: number) => sheet.rowHeights[index] ?? DEFAULT_ROW;
  for (const merge of sheet.merges) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(merge);
    if (!match || Number(match[2]) !== row + 1 || letterIndex(match[1]) !== column) continue;
    const [first, last, top, bottom] = [letterIndex(match[1]), letterIndex(match[3]), Number(match[2]) - 1, Number(match[4]) - 1];
    let height = 0;
    for (let index = top; index <= bottom; index++) height += heightOf(index);
    return { width: sheet.columnWidths.slice(first, last + 1).reduce((a, b) => a + b, 0), height };
  }
  return { width: sheet.columnWidths[column] ?? 8.43, height: heightOf(row) };
}

function letterIndex(letters: string): number {
  return letters.split("").reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/**
 * Rows (or merged areas) whose wrapped text needs more height than they have: "row 12 (C13): needs 42 pt, has 30".
 * `unitScale` converts the sheet's column widths to Calibri characters (a workbook based on Arial 11: 8/7).
 */
export function rowsTooShort(sheet: SheetPlan, unitScale = 1): string[] {
  const faults: string[] = [];
  sheet.cells.forEach((cells, row) => {
    cells.forEach((cell, column) => {
      if (typeof cell?.value !== "string" || cell.value === "") return;
      const style = sheet.styles[cell.style ?? ""] ?? {};
      const fontSize = style.fontSize ?? 11;
      const area = areaOf(sheet, row, column);
      const lines = style.wrap ? linesFor(cell.value, area.width * unitScale, fontSize) : 1;
      const needed = lines * fontSize * LINE_PER_POINT;
      const has = area.height;
      if (needed > has + 0.5) faults.push(`row ${row + 1} column ${column + 1}: needs ${needed.toFixed(1)} pt, has ${has} («${cell.value.slice(0, 20)}»)`);
    });
  });
  return faults;
}

/**
 * A written workbook's sheets as rowsTooShort reads them (texts, wrap and font size, widths, heights, merges), read
 * back with ExcelJS: the check is on the file a program prints, not on the plan it came from.
 */
export async function sheetsForFit(path: string): Promise<SheetPlan[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets
    .filter((worksheet) => worksheet.state === "visible")
    .map((worksheet) => {
      const styles: SheetPlan["styles"] = {};
      const cells: SheetPlan["cells"] = [];
      worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const line: SheetPlan["cells"][number] = [];
        row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
          // a merged range's other cells report the top-left's value: the text is the top-left's alone
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const id = `${rowNumber}:${columnNumber}`;
          styles[id] = { wrap: cell.alignment?.wrapText === true, ...(cell.font?.size ? { fontSize: cell.font.size } : {}) };
          line[columnNumber - 1] = { value: typeof cell.value === "string" ? cell.value : String(cell.text ?? ""), style: id };
        });
        cells[rowNumber - 1] = line;
      });
      const rowHeights: Record<number, number> = {};
      for (let r = 1; r <= worksheet.rowCount; r++) {
        const height = worksheet.getRow(r).height;
        if (height) rowHeights[r - 1] = height;
      }
      const columnWidths = Array.from({ length: worksheet.columnCount }, (_, c) => worksheet.getColumn(c + 1).width ?? 8.43);
      const merges = (worksheet.model as { merges?: string[] }).merges ?? [];
      return sheetPlan({ name: worksheet.name, cells: Array.from(cells, (row) => row ?? []), styles, columnWidths, rowHeights, merges });
    });
}
