/** A1 references as ExcelJS counts them: rows and columns 1-based. Built on the plan's 0-based src/sheet/addresses. */
import { a1, parseA1 } from "../../sheet/addresses";

export { splitAreas } from "../../sheet/addresses";

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function cellAddress(row: number, column: number): string {
  return a1(row - 1, column - 1);
}

function parseCell(reference: string): { row: number; column: number } {
  const position = parseA1(reference);
  if (!position) throw new Error(`无效的单元格地址 (invalid A1 address): ${reference}`);
  return { row: position.row + 1, column: position.column + 1 };
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

export function* cellsOf(range: CellRange): Generator<{ row: number; column: number }> {
  for (let row = range.top; row <= range.bottom; row++) {
    for (let column = range.left; column <= range.right; column++) yield { row, column };
  }
}
