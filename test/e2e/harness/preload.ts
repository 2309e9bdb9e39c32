/** Values typed into the double before the pane starts (HarnessOptions.values). */
import type { ExcelDouble } from "../../support/excel-double";
import { cellAddress } from "../../support/excel-double/address";
import type { Scalar } from "../../support/excel-double/state";

export function preloadValues(excel: ExcelDouble, values: Record<string, (Scalar | null)[][]>): void {
  for (const [sheet, rows] of Object.entries(values)) {
    if (!excel.sheetNames().includes(sheet)) {
      excel.userAddSheet(sheet, rows);
      continue;
    }
    const width = Math.max(0, ...rows.map((row) => row.length));
    if (rows.length === 0 || width === 0) continue;
    const block = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
    excel.userEdit(sheet, `A1:${cellAddress(rows.length - 1, width - 1)}`, block);
  }
}
