/**
 * Re-finding rows that moved. `_meta` records plain A1 addresses, which no spreadsheet program updates when a user
 * inserts or deletes rows; column A of every rule, indicator and section row holds its code, so those rows are found
 * again by code. Cells without a code of their own (the total, the band, header inputs) move with the nearest coded
 * row above them, which is where rows inserted above them would have pushed them.
 */
import type { Issue } from "../scoring/types";
import { a1, parseA1 } from "./addresses";
import { cellText } from "./read-meta";
import type { Grid } from "./types";

export interface Relocation {
  /** "code:field" → the A1 address where the cell is now */
  cells: Record<string, string>;
  issues: Issue[];
}

interface AnchorPlacement {
  code: string;
  recordedRow: number;
  row: number;
}

/** The field whose cell names a row in messages: the main input of a rule, else the score or flag. */
const DISPLAY_FIELDS = ["deduction", "quantity", "award", "raw", "flag", "score", "reason", "evidence"];

const OUTPUT_LABELS: Record<string, string> = { total: "总分", band: "等次", pass: "达标" };

function splitKey(key: string): { code: string; field: string } {
  const colon = key.lastIndexOf(":");
  return { code: key.slice(0, colon), field: key.slice(colon + 1) };
}

const FIELD_LABELS: Record<string, string> = {
  quantity: "数量",
  deduction: "扣分",
  award: "加分",
  raw: "原始分",
  flag: "是/否",
  reason: "理由",
  evidence: "佐证材料",
  score: "得分",
};

function describeUncoded(code: string, field: string, coded: boolean): string {
  if (coded) return `编号 ${code} 的${FIELD_LABELS[field] ?? field}单元格`;
  if (code === "meta") return `表头「${field}」`;
  return OUTPUT_LABELS[code] ?? `「${code}」`;
}

function rowsByCode(grid: Grid, codes: ReadonlySet<string>): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  grid.values.forEach((row, index) => {
    const code = cellText(row[0]);
    if (!codes.has(code)) return;
    const list = rows.get(code);
    if (list) list.push(index);
    else rows.set(code, [index]);
  });
  return rows;
}

function nearest(rows: number[], target: number): number {
  return rows.reduce((best, row) => (Math.abs(row - target) < Math.abs(best - target) ? row : best));
}

/** Moved coded rows, one warning per run of consecutive rows moved by the same offset (a row insertion moves many). */
function movedRowWarnings(placements: AnchorPlacement[], displayCell: (code: string, row: number) => string): Issue[] {
  const issues: Issue[] = [];
  const sorted = [...placements].sort((a, b) => a.recordedRow - b.recordedRow);
  let start = 0;
  while (start < sorted.length) {
    const offset = sorted[start].row - sorted[start].recordedRow;
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1].row - sorted[end + 1].recordedRow === offset) end += 1;
    if (offset !== 0) issues.push(movedRunWarning(sorted.slice(start, end + 1), displayCell));
    start = end + 1;
  }
  return issues;
}

function movedRunWarning(run: AnchorPlacement[], displayCell: (code: string, row: number) => string): Issue {
  const first = run[0];
  const last = run[run.length - 1];
  const oldFirst = displayCell(first.code, first.recordedRow);
  const newFirst = displayCell(first.code, first.row);
  const offset = first.row - first.recordedRow;
  const direction = offset > 0 ? `下移 ${offset} 行` : `上移 ${-offset} 行`;
  const where =
    run.length === 1
      ? `编号 ${first.code} 所在行已${direction}：_meta 记录为 ${oldFirst}，现位于 ${newFirst}`
      : `编号 ${first.code} 至 ${last.code} 的 ${run.length} 行已整体${direction}：_meta 记录为 ` +
        `${oldFirst}…${displayCell(last.code, last.recordedRow)}，现位于 ${newFirst}…${displayCell(last.code, last.row)}`;
  return {
    severity: "warning",
    kind: "row-moved",
    code: first.code,
    cell: newFirst,
    message: `${where}（已按 A 列编号重新定位；若是有意插入或删除了行，可忽略）`,
  };
}

/**
 * The cells' current addresses. `codes` are the codes that column A carries (rules, indicators, sections, vetoes).
 * A coded cell whose code cannot be found, and whose row now holds another code, is dropped with an error rather
 * than read from the wrong row.
 */
export function relocateCells(recorded: Record<string, string>, grid: Grid, codes: ReadonlySet<string>): Relocation {
  const codeRows = rowsByCode(grid, codes);
  const codeAt = (row: number) => cellText(grid.values[row]?.[0]);
  // each recorded cell parsed once (a template records a few hundred)
  const recordedCells: { key: string; code: string; field: string; address: string; row: number; column: number }[] = [];
  for (const [key, address] of Object.entries(recorded)) {
    const position = parseA1(address);
    if (position) recordedCells.push({ key, ...splitKey(key), address, ...position });
  }
  const placements = new Map<string, AnchorPlacement>();
  const lost = new Set<string>();
  const idOf = (code: string, row: number) => `${code}@${row}`;

  for (const { code, row } of recordedCells) {
    if (!codes.has(code)) continue;
    const id = idOf(code, row);
    if (placements.has(id) || lost.has(id)) continue;
    if (codeAt(row) === code) placements.set(id, { code, recordedRow: row, row });
    else if (codeRows.has(code)) placements.set(id, { code, recordedRow: row, row: nearest(codeRows.get(code)!, row) });
    else lost.add(id);
  }

  const anchors = [...placements.values()].sort((a, b) => a.recordedRow - b.recordedRow);
  const offsetBelow = (recordedRow: number): number => {
    let offset = 0;
    for (const anchor of anchors) {
      if (anchor.recordedRow > recordedRow) break;
      offset = anchor.row - anchor.recordedRow;
    }
    return offset;
  };

  const cells: Record<string, string> = {};
  const issues: Issue[] = [];
  const reportedLost = new Set<string>();
  for (const { key, code, field, address, row: recordedRow, column } of recordedCells) {
    const placement = placements.get(idOf(code, recordedRow));
    if (placement) {
      // `_meta` addresses are stored in their plain form (./read-meta), so an unmoved one is kept as it is
      cells[key] = placement.row === recordedRow ? address : a1(placement.row, column);
      continue;
    }
    const row = recordedRow + offsetBelow(recordedRow);
    const moved = row === recordedRow ? address : a1(row, column);
    if (codes.has(code) && codes.has(codeAt(row)) && codeAt(row) !== code) {
      if (!reportedLost.has(code)) {
        reportedLost.add(code);
        issues.push({
          severity: "error",
          kind: "meta-invalid",
          code,
          cell: null,
          message: `找不到编号 ${code} 所在的行（A 列已无此编号，_meta 记录的 ${address} 所在行现为 ${codeAt(row)}），该行按空白计；请勿删除评分表中的行`,
        });
      }
      continue;
    }
    cells[key] = moved;
    if (moved !== address) {
      issues.push({
        severity: "warning",
        kind: "row-moved",
        code: code === "meta" ? `meta:${field}` : code,
        ...(field === "score" ? { field: "score" as const } : {}),
        cell: moved,
        message: `${describeUncoded(code, field, codes.has(code))}的位置已随上方的行移动：_meta 记录为 ${address}，现按 ${moved} 读取`,
      });
    }
  }

  const displayCell = (code: string, row: number): string => {
    const field = DISPLAY_FIELDS.find((candidate) => recorded[`${code}:${candidate}`] !== undefined);
    const column = field ? parseA1(recorded[`${code}:${field}`])!.column : 0;
    return a1(row, column);
  };
  issues.unshift(...movedRowWarnings(anchors, displayCell));
  return { cells, issues };
}
