/** ExcelJS cell contents to the plain values of a Grid (src/sheet/types.ts). */
import ExcelJS from "exceljs";
import type { CellValue } from "../../scoring/types";

/** Dates as ISO strings: "2024-12-31" when there is no time of day, else the full instant. */
function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function richText(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join("");
}

/** A value or a formula's cached result, flattened: rich text to string, errors to "#DIV/0!" etc., dates to ISO. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return richText(value as ExcelJS.CellRichTextValue);
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
    if ("text" in value) {
      // hyperlinks: the text shown, itself possibly rich
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof text === "string" ? text : plainValue(text);
    }
  }
  return String(value);
}

/** The cell's value and, for a formula, the formula with a leading "=" (shared formulas come back translated). */
export function readCell(cell: ExcelJS.Cell): { value: CellValue; formula: string | null } {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { value: null, formula: null };
    case ExcelJS.ValueType.Formula: {
      const formula = cell.formula;
      return { value: plainValue(cell.result), formula: formula ? "=" + formula : null };
    }
    default:
      return { value: plainValue(cell.value), formula: null };
  }
}
