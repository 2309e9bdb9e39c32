/**
 * ExcelApi 1.9+ (worksheet.getRanges): a sheet's formats in few actions. A scoring table alternates row types
 * (indicator, its rules, the next indicator…), so one property takes a rectangle per row; here every (property, value)
 * goes to all its rectangles through one getRanges call per address chunk, and number formats go as one column array
 * each, with null (Office.js: leave the cell alone) between the cells that have one. A few dozen actions instead of
 * one per row, whatever the rubric size.
 */
import type { CellStyle, SheetPlan } from "../../sheet/types";
import type { Area } from "./areas";
import { columnLetter } from "../../sheet/addresses";
import { areaAddress, runsOf } from "./areas";

/** getRange documents an 8192-character address limit; RangeAreas addresses stay well under it */
const ADDRESS_CHUNK = 2000;

/** Addresses joined with commas into strings of at most `limit` characters. */
export function addressChunks(addresses: string[], limit = ADDRESS_CHUNK): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current !== "" && current.length + 1 + address.length > limit) {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? address : `${current},${address}`;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

export interface AreaWrite<T> {
  value: T;
  areas: Area[];
}

/** Rectangles grouped by value: [{ value, areas }] in first-seen order. */
export function groupByValue<T>(writes: { area: Area; value: T }[]): AreaWrite<T>[] {
  const groups = new Map<string, AreaWrite<T>>();
  for (const write of writes) {
    const key = JSON.stringify(write.value);
    const group = groups.get(key);
    if (group) group.areas.push(write.area);
    else groups.set(key, { value: write.value, areas: [write.area] });
  }
  return [...groups.values()];
}

export interface ColumnFormats {
  /** e.g. "I7:I3106" */
  address: string;
  /** one row per cell of the column span; null = no number format planned there */
  formats: (string | null)[][];
}

/** The planned number formats, one column array per column that has any. */
export function numberFormatColumns(sheet: SheetPlan): ColumnFormats[] {
  const byColumn = new Map<number, Map<number, string>>();
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const format: CellStyle["numberFormat"] = cell?.style ? sheet.styles[cell.style]?.numberFormat : undefined;
      if (format === undefined) return;
      if (!byColumn.has(c)) byColumn.set(c, new Map());
      byColumn.get(c)?.set(r, format);
    }),
  );
  return [...byColumn.entries()].map(([column, rows]) => {
    const first = Math.min(...rows.keys());
    const last = Math.max(...rows.keys());
    const formats = Array.from({ length: last - first + 1 }, (_, index) => [rows.get(first + index) ?? null]);
    return { address: areaAddress({ row: first, column, rows: last - first + 1, columns: 1 }), formats };
  });
}

/** Row heights grouped by height, as whole-row addresses ("8:8", "10:12"). */
export function rowHeightGroups(rowHeights: Record<number, number>): { height: number; rows: string[] }[] {
  const byHeight = new Map<number, number[]>();
  for (const [row, height] of Object.entries(rowHeights)) byHeight.set(height, [...(byHeight.get(height) ?? []), Number(row)]);
  return [...byHeight.entries()].map(([height, rows]) => ({
    height,
    rows: runsOf(rows.map((row): [number, true] => [row, true])).map((run) => `${run.first + 1}:${run.last + 1}`),
  }));
}

/** "J:Q"-style addresses of the hidden columns. */
export function hiddenColumnAddresses(columns: number[] | undefined): string[] {
  return runsOf((columns ?? []).map((column): [number, true] => [column, true])).map((run) => `${columnLetter(run.first)}:${columnLetter(run.last)}`);
}
