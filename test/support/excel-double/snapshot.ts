/** Plain-data views of a sheet for test assertions (getSheetState). */
import { parseAddress, rectAddress } from "./address";
import type { CellFormat, ChartState, PageLayoutState, Scalar, SheetState } from "./state";
import { peekCell, usedRect } from "./state";

export interface CellSnapshot {
  value: Scalar | null;
  formula: string | null;
  /** as the formula bar shows it: "'=x" for text kept with an apostrophe */
  entered: string;
  numberFormat: string;
  format: CellFormat;
  locked: boolean;
}

export interface SheetSnapshot {
  name: string;
  id: string;
  visibility: string;
  protected: boolean;
  protectionOptions: Record<string, unknown>;
  /** from A1 to the last cell holding a value or formula; null = blank */
  values: (Scalar | null)[][];
  formulas: (string | null)[][];
  cell(address: string): CellSnapshot;
  merges: string[];
  validations: { range: string; rule: Record<string, unknown>; prompt?: object; errorAlert?: object }[];
  conditionalFormats: { range: string; formula: string; fill?: string; fontColor?: string; bold?: boolean }[];
  /** points, by column index (only columns set explicitly) */
  columnWidths: Record<number, number>;
  /** column indexes hidden, ascending */
  hiddenColumns: number[];
  rowHeights: Record<number, number>;
  freeze: { rows: number; columns: number };
  pageLayout: PageLayoutState;
  charts: (Omit<ChartState, "source"> & { source: string })[];
}

export function snapshotSheet(sheet: SheetState): SheetSnapshot {
  const used = usedRect(sheet, true);
  const rows = used ? used.r1 + 1 : 0;
  const columns = used ? used.c1 + 1 : 0;
  const values: (Scalar | null)[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push([]);
    formulas.push([]);
    for (let c = 0; c < columns; c++) {
      const cell = peekCell(sheet, r, c);
      values[r].push(cell?.value ?? null);
      formulas[r].push(cell?.formula ?? null);
    }
  }
  return {
    name: sheet.name,
    id: sheet.id,
    visibility: sheet.visibility,
    protected: sheet.protection.protected,
    protectionOptions: { ...(sheet.protection.options ?? {}) },
    values,
    formulas,
    cell(address) {
      const rect = parseAddress(address);
      if (!rect) throw new Error(`Bad address '${address}'`);
      const cell = peekCell(sheet, rect.r0, rect.c0);
      const entered = cell?.formula ?? (cell?.quotePrefix ? `'${String(cell.value)}` : String(cell?.value ?? ""));
      return {
        value: cell?.value ?? null,
        formula: cell?.formula ?? null,
        entered,
        numberFormat: cell?.numberFormat ?? "General",
        format: JSON.parse(JSON.stringify(cell?.format ?? {})) as CellFormat,
        locked: cell?.locked ?? true,
      };
    },
    merges: sheet.merges.map(rectAddress),
    validations: sheet.validations.map((v) => ({ range: rectAddress(v.rect), rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert })),
    conditionalFormats: sheet.conditionalFormats.map((f) => ({ ...f, range: rectAddress(f.rect), rect: undefined })),
    columnWidths: Object.fromEntries(sheet.columnWidths),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    rowHeights: Object.fromEntries(sheet.rowHeights),
    freeze: { ...sheet.freeze },
    pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)) as PageLayoutState,
    charts: sheet.charts.map((c) => ({ ...c, source: rectAddress(c.source) })),
  };
}
