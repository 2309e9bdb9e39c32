/**
 * A whole plan fitted at once by the row fitter the summary sheets use as they stream (src/sheet/fit-rows.ts): the
 * tests' oracle that fitting row by row, as rows are made, gives every row the height fitting the whole sheet gives.
 */
import { rowHeightFitter } from "../../src/sheet/fit-rows";
import type { SheetPlan } from "../../src/sheet/types";

export function fitRowHeights(sheet: SheetPlan): SheetPlan {
  const fit = rowHeightFitter(sheet);
  const rowHeights = { ...sheet.rowHeights };
  sheet.cells.forEach((cells, row) => {
    const height = fit(row, cells, rowHeights[row]);
    if (height !== undefined) rowHeights[row] = height;
  });
  return { ...sheet, rowHeights };
}
