/** A1 addresses as Excel understands them (no Node imports: this folder is also bundled for the browser). */

export interface Rect {
  /** 0-based, inclusive */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const start = cellAddress(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? start : `${start}:${cellAddress(rect.r1, rect.c1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const ROW = /^\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;

type Part = { row?: number; column?: number };

function parsePart(text: string): Part | null {
  const cell = CELL.exec(text);
  if (cell) return { column: columnIndex(cell[1]), row: Number(cell[2]) - 1 };
  const row = ROW.exec(text);
  if (row) return { row: Number(row[1]) - 1 };
  const column = COLUMN.exec(text);
  if (column) return { column: columnIndex(column[1]) };
  return null;
}

/** Parses "B3", "A1:C4", "$A$1", "3:5" (whole rows), "B:D" (whole columns); a leading "Sheet!" is dropped. */
export function parseAddress(address: string): Rect | null {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const [first, second = first, extra] = local.split(":");
  if (extra !== undefined) return null;
  const a = parsePart(first);
  const b = parsePart(second);
  if (!a || !b) return null;
  const wholeRows = a.column === undefined && b.column === undefined && a.row !== undefined && b.row !== undefined;
  const wholeColumns = a.row === undefined && b.row === undefined && a.column !== undefined && b.column !== undefined;
  const cells = a.row !== undefined && a.column !== undefined && b.row !== undefined && b.column !== undefined;
  if (!wholeRows && !wholeColumns && !cells) return null;
  const rect: Rect = {
    r0: Math.min(a.row ?? 0, b.row ?? 0),
    r1: wholeColumns ? MAX_ROWS - 1 : Math.max(a.row ?? 0, b.row ?? 0),
    c0: Math.min(a.column ?? 0, b.column ?? 0),
    c1: wholeRows ? MAX_COLUMNS - 1 : Math.max(a.column ?? 0, b.column ?? 0),
  };
  if (rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r0 < 0 || rect.c0 < 0) return null;
  return rect;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}
