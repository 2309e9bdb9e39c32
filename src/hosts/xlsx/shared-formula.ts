/**
 * A shared formula's text at another cell: relative references move by the offset from the master cell, as ExcelJS
 * translates them (its slideFormula), so a template's shared formulas read the same as before. A hand-written scanner
 * rather than ExcelJS's regular expression, so a hostile formula costs time in proportion to its length.
 */
import { columnLetter } from "../../sheet/addresses";

const MAX_COLUMN = 16384;

const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95; // 0-9 A-Z a-z _
const isSheetChar = (code: number) => isWordChar(code) || code === 45; // and "-"
const isAddressChar = (code: number) => isWordChar(code) || code === 36; // and "$"

/** "$B$3" → moved by the offset, or null when the token is not a cell reference (a name, a function, a number). */
function moveReference(token: string, rowOffset: number, columnOffset: number): string | null {
  let at = 0;
  const columnFixed = token[at] === "$";
  if (columnFixed) at += 1;
  let letters = "";
  while (at < token.length && /* letters */ ((token.charCodeAt(at) | 32) >= 97 && (token.charCodeAt(at) | 32) <= 122)) letters += token[at++];
  const rowFixed = token[at] === "$";
  if (rowFixed) at += 1;
  const digits = token.slice(at);
  if (letters === "" || digits === "" || digits[0] === "0") return null;
  for (const char of digits) if (char < "0" || char > "9") return null;
  const upper = letters.toUpperCase();
  if (upper.length > 3 || (upper.length === 3 && upper > "XFD")) return null;
  let column = 0;
  for (const char of upper) column = column * 26 + (char.charCodeAt(0) - 64);
  let row = Number(digits);
  if (!columnFixed) column += columnOffset;
  if (!rowFixed) row += rowOffset;
  if (column < 1 || column > MAX_COLUMN) return null;
  return `${columnFixed ? "$" : ""}${columnLetter(column - 1)}${rowFixed ? "$" : ""}${row}`;
}

/** `formula` written for the cell at (fromRow, fromColumn), as it reads at (toRow, toColumn); 1-based. */
export function slideFormula(formula: string, fromRow: number, fromColumn: number, toRow: number, toColumn: number): string {
  const rowOffset = toRow - fromRow;
  const columnOffset = toColumn - fromColumn;
  let out = "";
  let at = 0;
  while (at < formula.length) {
    // an optional "Sheet!" prefix: a run of sheet characters followed by "!"
    let sheetEnd = at;
    while (sheetEnd < formula.length && isSheetChar(formula.charCodeAt(sheetEnd))) sheetEnd += 1;
    const hasSheet = sheetEnd < formula.length && formula[sheetEnd] === "!";
    let start = hasSheet ? sheetEnd + 1 : at;
    let end = start;
    while (end < formula.length && isAddressChar(formula.charCodeAt(end))) end += 1;
    if (end - start < 2 && hasSheet) {
      start = at;
      end = at;
      while (end < formula.length && isAddressChar(formula.charCodeAt(end))) end += 1;
    }
    if (end - start < 2) {
      out += formula[at];
      at += 1;
      continue;
    }
    const prefix = formula.slice(at, start);
    const token = formula.slice(start, end);
    const moved = formula[end] === "(" ? null : moveReference(token, rowOffset, columnOffset);
    out += prefix + (moved ?? token);
    at = end;
  }
  return out;
}
