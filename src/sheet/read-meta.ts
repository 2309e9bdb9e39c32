/**
 * The hidden `_meta` sheets of a workbook (contracts.md): key/value rows from A1 down. A workbook made inside Excel
 * may hold several templates, each with its own meta sheet: `_meta`, `_meta2` … (or `_meta (2)` when a host made the
 * name unique that way).
 */
import type { CellValue } from "../scoring/types";
import { a1, parseA1 } from "./addresses";
import { parseCellKey } from "./meta-keys";
import type { Grid } from "./types";

const META_SHEET_NAME = /^_meta(?:\d+|\s*\(\d+\))?$/i;

export function isMetaSheetName(name: string): boolean {
  return META_SHEET_NAME.test(name.trim());
}

/** The key of the reader's cell map: "<code>:<field>", e.g. "1.1-2:deduction", "total:score", "meta:subject". */
export function cellMapKey(code: string, field: string): string {
  return `${code}:${field}`;
}

export interface MetaTable {
  /** the meta sheet's name */
  sheet: string;
  /** plain keys (contract, scheme, schemeVersion, subject …, sheet) → value as text */
  values: Record<string, string>;
  /** "code:field" → the A1 address recorded for it on the scoring sheet, in plain form ("F12": no $, upper case) */
  cells: Record<string, string>;
  /** `cell:` rows whose value is not an A1 address: { key: "cell:1.1-2:deduction", at: "B23", value: "??" } */
  badAddresses: { key: string; at: string; value: string }[];
}

export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/**
 * Tables already read, by grid: the xlsx reader (to pick the sheets to read), the ballot reader and the template reader
 * each ask for the same `_meta`, and reading 150 rows three times was a tenth of a compile's time. Grids are not
 * changed once read, and a grid no longer used lets its table go.
 */
const readTables = new WeakMap<Grid, Readonly<MetaTable>>();

/** The meta table of a `_meta` grid, read once per grid (shared: do not change it). */
export function readMetaTable(grid: Grid): Readonly<MetaTable> {
  let table = readTables.get(grid);
  if (table === undefined) {
    table = parseMetaTable(grid);
    readTables.set(grid, table);
  }
  return table;
}

function parseMetaTable(grid: Grid): MetaTable {
  const table: MetaTable = { sheet: grid.name, values: {}, cells: {}, badAddresses: [] };
  grid.values.forEach((row, index) => {
    const key = cellText(row[0]);
    if (key === "") return;
    const value = cellText(row[1]);
    const parsed = parseCellKey(key);
    if (!parsed) {
      // the first occurrence wins, as a reader scanning down the sheet would see it
      if (!(key in table.values)) table.values[key] = value;
      return;
    }
    const position = parseA1(value);
    if (!position) {
      table.badAddresses.push({ key, at: `B${index + 1}`, value });
      return;
    }
    const mapKey = parsed.kind === "meta" ? cellMapKey("meta", parsed.key) : cellMapKey(parsed.code, parsed.field);
    // kept in its plain form ("F12", whatever was typed: "$f$12"), so an address can be compared and reused as it is
    if (!(mapKey in table.cells)) table.cells[mapKey] = a1(position.row, position.column);
  });
  return table;
}
