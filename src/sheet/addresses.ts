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

const DOLLAR = 36;
const isDigit = (code: number) => code >= 48 && code <= 57;
/** ASCII letters as 1–26 (either case), else 0. */
const letterValue = (code: number) => (code >= 65 && code <= 90 ? code - 64 : code >= 97 && code <= 122 ? code - 96 : 0);

/**
 * "F12" → { row: 11, column: 5 }; null for anything that is not a plain A1 address ("$F$12", " f12 " and "f12" read
 * as F12). Scanned by hand: every `_meta` address of every file of a compile comes through here, and the regular
 * expression it replaces was a tenth of the scoring time. Anything beyond plain ASCII takes the expression's way.
 */
export function parseA1(address: string): { row: number; column: number } | null {
  const length = address.length;
  let at = 0;
  if (at < length && address.charCodeAt(at) === DOLLAR) at += 1;
  let column = 0;
  const lettersFrom = at;
  for (let value = 0; at < length && (value = letterValue(address.charCodeAt(at))) > 0; at++) column = column * 26 + value;
  const letters = at - lettersFrom;
  if (at < length && address.charCodeAt(at) === DOLLAR) at += 1;
  const digitsFrom = at;
  while (at < length && isDigit(address.charCodeAt(at))) at += 1;
  const plain = at === length && letters >= 1 && letters <= 3 && at > digitsFrom && address.charCodeAt(digitsFrom) !== 48;
  if (plain) return { row: Number(address.slice(digitsFrom)) - 1, column: column - 1 };
  return at === length && letters <= 3 ? null : parseA1Loosely(address);
}

/** The general way: surrounding white space trimmed, letters upper-cased by Unicode's rules. */
function parseA1Loosely(address: string): { row: number; column: number } | null {
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
