/**
 * Relative references in validation and conditional-format formulas. Excel reads such a formula relative to the
 * top-left cell of its range, so cells whose formulas differ only by their own position ("=LEN(B3)<=100" on B3,
 * "=LEN(B4)<=100" on B4) can share one rule on one range: thousands of single-cell rules become a few dozen requests.
 */

/** A cell reference not part of a name, a function call (LOG10(…)) or a number. */
const REFERENCE = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;
/** whole rows or columns ("A:A", "3:5") cannot be shifted by this simple scheme */
const WHOLE_LINES = /(^|[^A-Za-z0-9_])\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(])|(^|[^A-Za-z0-9_.$])\$?\d+:\$?\d+(?![\d.])/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function letters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Applies `edit` to every reference outside string literals. */
function mapReferences(formula: string, edit: (absColumn: boolean, column: number, absRow: boolean, row: number) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(REFERENCE, (_all, before: string, colAbs: string, col: string, rowAbs: string, row: string) =>
            before + edit(colAbs === "$", columnNumber(col), rowAbs === "$", Number(row)),
          ),
    )
    .join("");
}

/**
 * The formula as seen from its anchor cell (0-based row, column): relative parts become offsets. Two cells share a key
 * exactly when one formula is the other shifted. null: the formula cannot be shifted safely, keep it alone.
 */
export function relativeKey(formula: string, row: number, column: number): string | null {
  const outside = formula.split(/"(?:[^"]|"")*"/).join("");
  if (WHOLE_LINES.test(outside)) return null;
  return mapReferences(formula, (absColumn, c, absRow, r) => {
    const columnPart = absColumn ? `$${c}` : `[${c - (column + 1)}]`;
    const rowPart = absRow ? `$${r}` : `[${r - (row + 1)}]`;
    return `R${rowPart}C${columnPart}`;
  });
}

/** The same formula written for a cell `rows` below and `columns` right of its anchor. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return mapReferences(formula, (absColumn, c, absRow, r) => {
    const column = absColumn ? c : c + columns;
    const row = absRow ? r : r + rows;
    if (column < 1 || row < 1) throw new Error(`shifting ${formula} leaves the sheet`);
    return `${absColumn ? "$" : ""}${letters(column)}${absRow ? "$" : ""}${row}`;
  });
}
