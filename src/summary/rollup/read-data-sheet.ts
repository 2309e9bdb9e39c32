/**
 * A summary workbook as roll-up inputs: its hidden data sheet (`_rows`) read back into the inputs it was compiled
 * from, each checked before it is trusted. A row whose readable columns disagree with its data, whose data does not
 * match its SHA-256, or whose total is not the sum of its sections was changed by hand: it is reported (file and cell)
 * and kept under 待核, never counted. Rows added or removed (the sheet's own digest or count) hold back every row. Pure.
 */
import { columnLetter } from "../../sheet/addresses";
import { isSummaryDataSheetName } from "../../sheet/meta-keys";
import type { Grid, WorkbookGrid } from "../../sheet/types";
import type { CellValue } from "../../scoring/types";
import type { FileProblem, SummaryInput } from "../types";
import { sha256Hex } from "./digest";
import { sheetDigest } from "./data-sheet";
import {
  COLUMNS,
  DATA_COLUMN,
  DATA_MARKER,
  DATA_SHEET,
  HEADER_KEYS,
  PATH_SEPARATOR,
  restoredTemplate,
  SHA_COLUMN,
  SHOWN_COLUMNS,
  shownValues,
  totalAddsUp,
  type DataRecord,
  type HeaderKey,
} from "./record";

/** The reason shown under 待核 for a row that cannot be trusted. */
const TAMPERED_REASON = "汇总数据被改动";

function textOf(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

function isDataSheet(grid: Grid): boolean {
  return isSummaryDataSheetName(grid.name) && textOf(grid.values[0]?.[0]) === DATA_MARKER[0] && textOf(grid.values[0]?.[1]) === DATA_MARKER[1];
}

/** A cell as it was written: numbers compared as numbers (a program re-saving may store "86" as 86 or back). */
function sameValue(found: CellValue | undefined, expected: CellValue): boolean {
  if (typeof expected === "number") return found !== null && found !== undefined && textOf(found).trim() !== "" && Number(found) === expected;
  return textOf(found) === textOf(expected);
}

function address(row: number, column: number): string {
  return `${DATA_SHEET}!${columnLetter(column)}${row + 1}`;
}

interface ReadRow {
  record: DataRecord | null;
  digest: string;
  problems: FileProblem[];
}

function tampered(cell: string, message: string, scope = "该行"): FileProblem {
  return { cell, severity: "error", message: `${message}，${scope}不予采信，列入待核（${TAMPERED_REASON}）。` };
}

/** Enough of the shape to read the record without tripping over it (what it says is checked against its digest). */
function wellShaped(record: DataRecord | null): boolean {
  if (typeof record !== "object" || record === null || typeof record.file !== "string" || !Array.isArray(record.problems)) return false;
  if (!Array.isArray(record.source)) return false;
  const result = record.scored?.result;
  return record.scored === null || (typeof result === "object" && Array.isArray(result.indicators) && Array.isArray(result.sections));
}

function readRow(values: CellValue[], row: number): ReadRow {
  const digest = textOf(values[SHA_COLUMN]);
  const chunks: string[] = [];
  for (let column = DATA_COLUMN; textOf(values[column]) !== ""; column += 1) chunks.push(textOf(values[column]));
  const text = chunks.join("");
  const dataCell = address(row, DATA_COLUMN);
  let record: DataRecord;
  try {
    record = JSON.parse(text) as DataRecord;
    if (!wellShaped(record)) throw new Error("shape");
  } catch {
    return { record: null, digest, problems: [{ cell: dataCell, severity: "error", message: `汇总数据表第 ${row + 1} 行的数据无法读取（被改动或损坏），该行未汇总。` }] };
  }
  const problems: FileProblem[] = [];
  if (sha256Hex(text) !== digest) problems.push(tampered(dataCell, `汇总数据表第 ${row + 1} 行的数据与校验值（${COLUMNS[SHA_COLUMN]}）不符`));
  const expected = shownValues(record);
  for (let column = 0; column < SHOWN_COLUMNS; column += 1) {
    if (sameValue(values[column], expected[column])) continue;
    const shown = textOf(values[column]);
    problems.push(tampered(address(row, column), `汇总数据表 ${address(row, column)}（${COLUMNS[column]}）为“${shown}”，与该行数据（“${textOf(expected[column])}”）不符`));
  }
  if (!totalAddsUp(record)) problems.push(tampered(dataCell, `汇总数据表第 ${row + 1} 行的总分不等于各一级指标得分之和`));
  return { record, digest, problems };
}

/** The header's key → value rows below the marker. */
function headerValues(grid: Grid): { values: Partial<Record<HeaderKey, string>>; rows: Partial<Record<HeaderKey, number>>; tableRow: number } {
  const values: Partial<Record<HeaderKey, string>> = {};
  const rows: Partial<Record<HeaderKey, number>> = {};
  let row = 1;
  for (; row < grid.values.length; row += 1) {
    const key = textOf(grid.values[row]?.[0]);
    if (key === COLUMNS[0]) break;
    if ((HEADER_KEYS as readonly string[]).includes(key)) {
      values[key as HeaderKey] = textOf(grid.values[row]?.[1]);
      rows[key as HeaderKey] = row;
    }
  }
  return { values, rows, tableRow: row };
}

function rolledUp(record: DataRecord, file: string, heldBack: string | null): SummaryInput {
  const scored = record.scored;
  const reason = heldBack ?? record.heldBack;
  return {
    file: `${file}${PATH_SEPARATOR}${record.file}`,
    ...(scored && { scored: { ...restoredTemplate(scored), ...(reason !== null && { heldBack: reason }) } }),
    ...(record.ballot && { ballot: record.ballot }),
    problems: record.problems,
    source: [file, ...record.source],
    savedAt: record.savedAt,
  };
}

/**
 * The inputs a summary workbook carries, or null when the workbook has no data sheet (it is not a summary we wrote).
 * Problems of the data sheet itself come as one more input named after the summary file.
 */
export function readSummaryData(book: WorkbookGrid, file: string): SummaryInput[] | null {
  const grid = book.sheets.find(isDataSheet);
  if (!grid) return null;
  const header = headerValues(grid);
  const read: { row: ReadRow; line: number }[] = [];
  for (let line = header.tableRow + 1; line < grid.values.length; line += 1) {
    const values = grid.values[line] ?? [];
    if (values.every((value) => textOf(value) === "")) continue;
    read.push({ row: readRow(values, line), line });
  }
  const sheetProblems: FileProblem[] = [];
  const countRow = header.rows.rows ?? 0;
  const digestRow = header.rows.sha256 ?? 0;
  if (header.values.rows !== String(read.length)) {
    sheetProblems.push(tampered(`${DATA_SHEET}!B${countRow + 1}`, `汇总数据表记录 ${header.values.rows ?? "（缺）"} 行，实有 ${read.length} 行（有行被增删）`, "各行均"));
  } else if (header.values.sha256 !== sheetDigest(read.map(({ row }) => row.digest))) {
    sheetProblems.push(tampered(`${DATA_SHEET}!B${digestRow + 1}`, "汇总数据表的总校验值不符（有行被增删或调换）", "各行均"));
  }
  const wholeSheetHeld = sheetProblems.length > 0;
  const inputs = read.flatMap(({ row }) =>
    row.record ? [rolledUp(row.record, file, wholeSheetHeld || row.problems.length > 0 ? TAMPERED_REASON : null)] : [],
  );
  const problems = [...sheetProblems, ...read.flatMap(({ row }) => row.problems)];
  return problems.length > 0 ? [...inputs, { file, problems }] : inputs;
}
