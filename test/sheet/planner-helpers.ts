/** Reading a WorkbookPlan the way a reader would: `_meta` rows, cells by address, references inside formulas. */
import { parseA1 } from "../../src/sheet/addresses";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../src/sheet/types";

export function sheetNamed(plan: WorkbookPlan, name: string): SheetPlan {
  const sheet = plan.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** `_meta` rows as [key, value] in order. */
export function metaRowsOf(plan: WorkbookPlan): [string, unknown][] {
  return sheetNamed(plan, "_meta").cells.map((row) => [String(row[0]?.value), row[1]?.value]);
}

export function cellAt(sheet: SheetPlan, address: string): PlanCell | null {
  const position = parseA1(address);
  if (!position) throw new Error(`bad address ${address}`);
  return sheet.cells[position.row]?.[position.column] ?? null;
}

export function rowOf(address: string): number {
  const position = parseA1(address);
  if (!position) throw new Error(`bad address ${address}`);
  return position.row;
}

/** Every cell a formula refers to, ranges expanded (single-column ranges only, which is all the planner writes). */
export function referencedCells(formula: string): string[] {
  const withoutStrings = formula.replace(/"[^"]*"/g, "");
  const cells: string[] = [];
  for (const match of withoutStrings.matchAll(/\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?/g)) {
    const [, column, first, lastColumn, last] = match;
    if (lastColumn === undefined) {
      cells.push(`${column}${first}`);
      continue;
    }
    if (lastColumn !== column) throw new Error(`multi-column range in ${formula}`);
    for (let row = Number(first); row <= Number(last); row++) cells.push(`${column}${row}`);
  }
  return cells;
}

/** Whether a range ("F8", "E7:F40", or several areas separated by spaces or commas) contains the cell. */
export function covers(range: string, address: string): boolean {
  const cell = parseA1(address);
  if (!cell) throw new Error(`bad address ${address}`);
  return range
    .split(/[\s,]+/)
    .filter((area) => area !== "")
    .some((area) => {
      const [first, last = first] = area.split(":").map((corner) => parseA1(corner));
      if (!first || !last) throw new Error(`bad range ${range}`);
      return cell.row >= first.row && cell.row <= last.row && cell.column >= first.column && cell.column <= last.column;
    });
}
