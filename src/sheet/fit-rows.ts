/**
 * Row heights from the plan's own texts: every row at least as tall as its tallest text needs (wrapped in its column,
 * or its merged columns), so printed rows never overlap. Planned heights are kept where they are taller. Pure.
 */
import { parseA1 } from "./addresses";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_FONT_SIZE } from "./page-fit";
import { heightNeeded, rowHeightFor, type FittedText } from "./text-fit";
import type { PlanCell, SheetPlan } from "./types";

const ONE_DEFAULT_LINE = rowHeightFor(1, DEFAULT_FONT_SIZE);

/** Width of each merged cell's top-left, by "row:column". */
function mergedWidths(sheet: Pick<SheetPlan, "merges">, widthOf: (column: number) => number): Map<string, number> {
  const widths = new Map<string, number>();
  for (const merge of sheet.merges) {
    const [from, to] = merge.split(":").map(parseA1);
    if (!from || !to) continue;
    let width = 0;
    for (let column = from.column; column <= to.column; column++) width += widthOf(column);
    widths.set(`${from.row}:${from.column}`, width);
  }
  return widths;
}

/**
 * The height a row of the sheet gets: what its texts need, or `planned` where that is taller (undefined: the
 * default height serves). Row by row, so a sheet streamed as it is written is fitted as it goes.
 */
export function rowHeightFitter(
  sheet: Pick<SheetPlan, "columnWidths" | "merges" | "styles">,
): (row: number, cells: readonly (PlanCell | null)[], planned: number | undefined) => number | undefined {
  const widthOf = (column: number) => sheet.columnWidths[column] || DEFAULT_COLUMN_WIDTH;
  const merged = mergedWidths(sheet, widthOf);
  return (row, cells, planned) => {
    const texts: FittedText[] = [];
    cells.forEach((cell, column) => {
      if (cell?.value === undefined || cell.value === null || cell.value === "") return;
      const style = sheet.styles[cell.style ?? ""] ?? {};
      texts.push({
        text: String(cell.value),
        width: merged.get(`${row}:${column}`) ?? widthOf(column),
        fontSize: style.fontSize ?? DEFAULT_FONT_SIZE,
        wrap: style.wrap === true,
      });
    });
    if (texts.length === 0) return planned;
    const needed = heightNeeded(texts);
    // one line of the default font: the default row height serves, so the row keeps it
    if (needed <= ONE_DEFAULT_LINE) return planned;
    return needed > (planned ?? 0) ? needed : planned;
  };
}
