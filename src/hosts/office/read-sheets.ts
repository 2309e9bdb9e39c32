/** Used ranges → Grids (values, formulas and which numbers show as percentages, from A1), all sheets in one sync. */
import type { CellValue } from "../../scoring/types";
import { a1 } from "../../sheet/addresses";
import { isPercentFormat } from "../../sheet/number-format";
import type { Grid } from "../../sheet/types";
import { sync } from "./sync";

function gridOf(name: string, range: Excel.Range): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const blankRows = Array.from({ length: range.rowIndex }, () => new Array<null>(range.columnIndex + range.columnCount).fill(null));
  values.push(...blankRows.map((row) => [...row]));
  formulas.push(...blankRows.map((row) => [...row]));
  const lead = new Array<null>(range.columnIndex).fill(null);
  const percentCells: string[] = [];
  range.values.forEach((row, r) => {
    row.forEach((value: unknown, c) => {
      const format: unknown = range.numberFormat[r]?.[c];
      if (typeof value === "number" && typeof format === "string" && isPercentFormat(format)) percentCells.push(a1(range.rowIndex + r, range.columnIndex + c));
    });
    // Office.js reports blank cells as ""; a Grid uses null
    values.push([...lead, ...row.map((value: unknown): CellValue => (value === "" || value === undefined ? null : (value as CellValue)))]);
    formulas.push([
      ...lead,
      ...range.formulas[r].map((formula: unknown) => (typeof formula === "string" && formula.startsWith("=") ? formula : null)),
    ]);
  });
  const empty = values.every((row) => row.every((value) => value === null)) && formulas.every((row) => row.every((f) => f === null));
  if (empty) return { name, values: [], formulas: [] };
  return percentCells.length > 0 ? { name, values, formulas, percentCells } : { name, values, formulas };
}

export async function readSheetsInExcel(names: string[]): Promise<Grid[]> {
  return Excel.run(async (context) => {
    const ranges = names.map((name) => {
      const range = context.workbook.worksheets.getItem(name).getUsedRange(true);
      range.load("values, formulas, numberFormat, rowIndex, columnIndex, columnCount");
      return range;
    });
    await sync(context);
    return ranges.map((range, index) => gridOf(names[index], range));
  });
}
