/**
 * Sheets whose rows are made when they are written (types.ts StreamedSheetPlan) and the plain SheetPlan they stand
 * for: a long summary is planned once, row by row, and the pane, the in-memory writer and the tests take the same
 * rows all at once. Pure.
 */
import { sheetDefaults } from "./sheet-plan";
import type { LazyRows, PlanCell, SheetPlan, StreamedSheetPlan } from "./types";

type Row = (PlanCell | null)[];

/** A sheet planned with lazy rows; `rowHeights` are the planned ones (streamedRows may fit them to the texts). */
export type RowsSheetPlan = Omit<SheetPlan, "cells"> & { rows: LazyRows };

/** The height a row gets, from its index, cells and planned height (undefined: the default height). */
export type RowHeight = (row: number, cells: Row, planned: number | undefined) => number | undefined;

export function rowsSheetPlan(parts: Pick<RowsSheetPlan, "name" | "rows"> & Partial<RowsSheetPlan>): RowsSheetPlan {
  return { ...sheetDefaults(), ...parts };
}

/** A sheet planned with all its cells, as lazy rows. */
export function withLazyRows({ cells, ...rest }: SheetPlan): RowsSheetPlan {
  return { ...rest, rows: mappedRows(cells, (row) => row) };
}

/** Rows made by `make` from each item (and its index), when asked for. */
export function mappedRows<T>(items: readonly T[], make: (item: T, index: number) => Row): LazyRows {
  return { length: items.length, at: (index) => make(items[index], index) };
}

/**
 * `count(item)` rows made by `make(item, k)` from each item, when asked for: only the offset of each item's first row
 * is kept (a table of every branch's differing indicators).
 */
export function flatMappedRows<T>(items: readonly T[], count: (item: T) => number, make: (item: T, k: number) => Row): LazyRows {
  const starts = new Int32Array(items.length + 1);
  items.forEach((item, index) => (starts[index + 1] = starts[index] + count(item)));
  return {
    length: starts[items.length],
    at(index) {
      // the last item whose first row is at or before `index` (items of no rows are skipped over)
      let [low, high] = [0, items.length - 1];
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (starts[middle] <= index) low = middle;
        else high = middle - 1;
      }
      return make(items[low], index - starts[low]);
    },
  };
}

/** The parts one after the other: rows given as they are, and lazy rows made when asked for. */
export function joinedRows(...parts: (readonly Row[] | LazyRows)[]): LazyRows {
  const length = parts.reduce((total, part) => total + part.length, 0);
  return {
    length,
    at(index) {
      let offset = index;
      for (const part of parts) {
        if (offset < part.length) return part.at(offset) ?? [];
        offset -= part.length;
      }
      throw new RangeError(`row ${index} of ${length}`);
    },
  };
}

/** The sheet, its rows made as asked for, each as tall as `height` says (by default: as planned). */
export function streamedRows({ rows, rowHeights, ...rest }: RowsSheetPlan, height: RowHeight = (_row, _cells, planned) => planned): StreamedSheetPlan {
  return {
    ...rest,
    rowCount: rows.length,
    row(index) {
      const cells = rows.at(index);
      const fitted = height(index, cells, rowHeights[index]);
      return fitted === undefined ? { cells } : { cells, height: fitted };
    },
  };
}

/** A sheet planned with all its cells, handed out row by row: rows given a height but no cells come out empty. */
export function streamedSheet(sheet: SheetPlan): StreamedSheetPlan {
  const { cells, rowHeights } = sheet;
  const length = Math.max(cells.length, ...Object.keys(rowHeights).map((index) => Number(index) + 1));
  return streamedRows({ ...withLazyRows(sheet), rows: { length, at: (index) => cells[index] ?? [] } });
}

/** The whole sheet: every row made, its cells and heights in the SheetPlan's own fields. */
export function materialisedSheet({ rowCount, row, ...rest }: StreamedSheetPlan): SheetPlan {
  const cells: Row[] = [];
  const rowHeights: Record<number, number> = {};
  for (let index = 0; index < rowCount; index++) {
    const planned = row(index);
    cells.push(planned.cells);
    if (planned.height !== undefined) rowHeights[index] = planned.height;
  }
  return { ...rest, cells, rowHeights };
}
