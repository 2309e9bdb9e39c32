/** A1 addresses from 0-based row/column indexes and back (no sheet names, no "$"). */

export function columnLetter(column: number): string {
  let letters = "";
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** "F12" → { row: 11, column: 5 }; null for anything that is not a plain A1 address. */
export function parseA1(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/.exec(address.trim().toUpperCase());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** "F8:F9 F12" or "F8:F9,F12" → ["F8:F9", "F12"] (a plan or Excel's sqref may list several areas in one reference). */
export function splitAreas(reference: string): string[] {
  return reference.split(/[\s,]+/).filter((area) => area.length > 0);
}

/** "B3:D3" for a rectangle on one row, or a single address when it is one cell wide. */
export function rowSpan(row: number, firstColumn: number, lastColumn: number): string {
  return firstColumn === lastColumn ? a1(row, firstColumn) : `${a1(row, firstColumn)}:${a1(row, lastColumn)}`;
}
