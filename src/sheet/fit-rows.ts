/**
 * Row heights from the plan's own texts: every row at least as tall as its tallest text needs (wrapped in its column,
 * or its merged columns), so printed rows never overlap. Planned heights are kept where they are taller. Pure.
 */
import { DEFAULT_FONT_SIZE } from "./page-fit";
import { heightNeeded, rowHeightFor, type FittedText } from "./text-fit";
import type { SheetPlan } from "./types";

/** Unset columns print at Excel's default width. */
const DEFAULT_COLUMN_WIDTH = 8.43;
const ONE_DEFAULT_LINE = rowHeightFor(1, DEFAULT_FONT_SIZE);

function columnIndex(letters: string): number {
  return [...letters].reduce((n, char) => n * 26 + char.charCodeAt(0) - 64, 0) - 1;
}

/** Width of each merged cell's top-left, by "row:column". */
function mergedWidths(sheet: SheetPlan, widthOf: (column: number) => number): Map<string, number> {
  const widths = new Map<string, number>();
  for (const merge of sheet.merges) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(merge);
    if (!match) continue;
    const first = columnIndex(match[1]);
    let width = 0;
    for (let column = first; column <= columnIndex(match[3]); column++) width += widthOf(column);
    widths.set(`${Number(match[2]) - 1}:${first}`, width);
  }
  return widths;
}

export function fitRowHeights(sheet: SheetPlan): SheetPlan {
  const widthOf = (column: number) => sheet.columnWidths[column] || DEFAULT_COLUMN_WIDTH;
  const merged = mergedWidths(sheet, widthOf);
  const rowHeights = { ...sheet.rowHeights };
  sheet.cells.forEach((cells, row) => {
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
    if (texts.length === 0) return;
    const needed = heightNeeded(texts);
    // one line of the default font: the default row height serves, so the row keeps it
    if (needed <= ONE_DEFAULT_LINE) return;
    if (needed > (rowHeights[row] ?? 0)) rowHeights[row] = needed;
  });
  return { ...sheet, rowHeights };
}
