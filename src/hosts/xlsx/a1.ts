/** A1 references: "F12", "F12:H30", "$A$1". Rows and columns 1-based, as ExcelJS counts. */

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export function cellAddress(row: number, column: number): string {
  return columnLetters(column) + row;
}

function parseCell(reference: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(reference.trim());
  if (!match) throw new Error(`无效的单元格地址 (invalid A1 address): ${reference}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

export function parseRange(reference: string): CellRange {
  const [first, second = first] = reference.split(":");
  const start = parseCell(first);
  const end = parseCell(second);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

/** "F5:F9 H5:H9" or "F5:F9,H5:H9" → ["F5:F9", "H5:H9"] (Excel's sqref lists areas separated by spaces). */
export function splitAreas(reference: string): string[] {
  return reference.split(/[\s,]+/).filter((area) => area.length > 0);
}

export function* cellsOf(range: CellRange): Generator<{ row: number; column: number }> {
  for (let row = range.top; row <= range.bottom; row++) {
    for (let column = range.left; column <= range.right; column++) yield { row, column };
  }
}
