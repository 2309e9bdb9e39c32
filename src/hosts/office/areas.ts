/** A1 areas as rectangles, for grouping plan cells into as few Office.js ranges as possible. */
import { a1 } from "../../sheet/addresses";

export interface Area {
  /** 0-based */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export function areaAddress(area: Area): string {
  const start = a1(area.row, area.column);
  if (area.rows === 1 && area.columns === 1) return start;
  return `${start}:${a1(area.row + area.rows - 1, area.column + area.columns - 1)}`;
}

/** Consecutive indexes with the same value, e.g. column widths: [{ first, last, value }]. */
export function runsOf<T>(entries: [number, T][]): { first: number; last: number; value: T }[] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const runs: { first: number; last: number; value: T }[] = [];
  for (const [index, value] of sorted) {
    const previous = runs[runs.length - 1];
    if (previous && previous.last === index - 1 && previous.value === value) previous.last = index;
    else runs.push({ first: index, last: index, value });
  }
  return runs;
}

/**
 * Rectangles covering exactly the cells with each key: runs along rows, then runs with the same columns stacked down.
 * A plan's styles come in table bands, so this turns thousands of cells into a few dozen ranges.
 */
export function rectanglesByKey(grid: (string | undefined)[][]): Map<string, Area[]> {
  const done = new Map<string, Area[]>();
  let open = new Map<string, Area>(); // "key|column|columns" → rectangle still growing downwards
  const close = (area: Area, key: string) => done.set(key, [...(done.get(key) ?? []), area]);
  grid.forEach((cells, row) => {
    const next = new Map<string, Area>();
    let column = 0;
    while (column < cells.length) {
      const key = cells[column];
      let end = column;
      while (end + 1 < cells.length && cells[end + 1] === key) end++;
      if (key !== undefined) {
        const id = `${key}|${column}|${end - column + 1}`;
        const growing = open.get(id);
        if (growing && growing.row + growing.rows === row) {
          growing.rows += 1;
          open.delete(id);
          next.set(id, growing);
        } else next.set(id, { row, column, rows: 1, columns: end - column + 1 });
      }
      column = end + 1;
    }
    for (const [id, area] of open) close(area, id.split("|")[0]);
    open = next;
  });
  for (const [id, area] of open) close(area, id.split("|")[0]);
  return done;
}
