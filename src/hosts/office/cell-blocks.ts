/** Plan cells → 2-D `formulas` blocks for Office.js, sized to keep each request well under Excel's 5 MB limit. */
import type { PlanCell } from "../../sheet/types";
import type { Area } from "./areas";

export type BlockInput = string | number | boolean | null;

export interface CellBlock {
  area: Area;
  /** null leaves a cell untouched (Office.js semantics) */
  formulas: BlockInput[][];
  bytes: number;
}

/** bytes of one block's JSON; blocks are split by rows above this */
const BLOCK_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Text always goes in with a leading apostrophe: Excel would otherwise turn "=x", "+x", "-x", "@x" into formulas and
 * "1.10", "1-2", "3月5日" into numbers or dates. The apostrophe is not part of the value read back.
 */
function cellInput(cell: PlanCell | null, nameOverride?: string): BlockInput {
  if (nameOverride !== undefined) return `'${nameOverride}`;
  if (!cell) return null;
  if (cell.formula) return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  const value = cell.value;
  if (value === undefined || value === null || value === "") return null;
  return typeof value === "string" ? `'${value}` : value;
}

/** One block per run of rows, starting at A1; `names` maps "row,column" to a sheet name to write there instead. */
export function cellBlocks(cells: (PlanCell | null)[][], names: Map<string, string> = new Map()): CellBlock[] {
  const width = Math.max(0, ...cells.map((row) => row.length), ...[...names.keys()].map((k) => Number(k.split(",")[1]) + 1));
  const height = Math.max(cells.length, ...[...names.keys()].map((k) => Number(k.split(",")[0]) + 1));
  if (width === 0 || height === 0) return [];
  const blocks: CellBlock[] = [];
  let rows: BlockInput[][] = [];
  let bytes = 2;
  let start = 0;
  const flush = (end: number) => {
    if (rows.length > 0) blocks.push({ area: { row: start, column: 0, rows: rows.length, columns: width }, formulas: rows, bytes });
    rows = [];
    bytes = 2;
    start = end;
  };
  for (let r = 0; r < height; r++) {
    const row: BlockInput[] = [];
    for (let c = 0; c < width; c++) row.push(cellInput(cells[r]?.[c] ?? null, names.get(`${r},${c}`)));
    const rowBytes = jsonBytes(row) + 1;
    if (rows.length > 0 && bytes + rowBytes > BLOCK_BYTES) flush(r);
    rows.push(row);
    bytes += rowBytes;
  }
  flush(height);
  // all-null blocks change nothing: skip them
  return blocks.filter((block) => block.formulas.some((row) => row.some((item) => item !== null)));
}
