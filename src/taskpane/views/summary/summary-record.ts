/**
 * Which sheets a previous 生成汇总表 made, so generating again replaces exactly those and never a user's sheet.
 * The plan gains a hidden `_summary` sheet: a marker row, then one row per sheet we made holding the name the sheet
 * finally got (filled by the host through `nameCells`, since a host may rename a planned sheet) and the text of its
 * A1 cell at the time. A recorded sheet is replaced only when it still exists and its A1 still reads the same: if the
 * user renamed ours and made a sheet of their own under the old name, theirs is left alone.
 */
import type { CellValue } from "../../../scoring/types";
import type { Grid, PlanCell, SheetPlan, WorkbookPlan } from "../../../sheet/types";
import {
  SUMMARY_RECORD_MARKER,
  SUMMARY_RECORD_SHEET,
  SUMMARY_SELF_ROW,
  SUMMARY_SHEET_ROW,
  SUMMARY_TIME_ROW,
} from "../../../sheet/meta-keys";
import { sheetPlan } from "../../../sheet/sheet-plan";


export interface RecordedSheet {
  name: string;
  /** the A1 text the sheet had when we wrote it */
  firstCell: string;
}

export interface SummaryRecord {
  /** the record sheet's own name */
  name: string;
  sheets: RecordedSheet[];
}

function firstCellText(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

function textCell(value: string): PlanCell {
  return { value, style: "text" };
}

function recordSheet(plan: WorkbookPlan, generatedAt: string): SheetPlan {
  const cells: PlanCell[][] = [
    SUMMARY_RECORD_MARKER.map(textCell),
    ...plan.sheets.map((sheet) => [textCell(SUMMARY_SHEET_ROW), textCell(sheet.name), textCell(firstCellText(sheet.cells[0]?.[0]?.value))]),
    [textCell(SUMMARY_SELF_ROW), textCell(SUMMARY_RECORD_SHEET)],
    [textCell(SUMMARY_TIME_ROW), textCell(generatedAt)],
  ];
  return sheetPlan({
    name: SUMMARY_RECORD_SHEET,
    visibility: "hidden",
    cells,
    // text format, so a sheet name such as "2025" or "=x" stays text
    styles: { text: { numberFormat: "@" } },
    columnWidths: [14, 31, 40],
  });
}

/** The summary plan plus its hidden record; every recorded name is a name cell, so it ends up as the name used. */
export function withSummaryRecord(plan: WorkbookPlan, generatedAt: string): WorkbookPlan {
  const nameCells = [
    ...plan.sheets.map((sheet, index) => ({ sheet: SUMMARY_RECORD_SHEET, address: `B${index + 2}`, refersTo: sheet.name })),
    { sheet: SUMMARY_RECORD_SHEET, address: `B${plan.sheets.length + 2}`, refersTo: SUMMARY_RECORD_SHEET },
  ];
  return { ...plan, sheets: [...plan.sheets, recordSheet(plan, generatedAt)], nameCells: [...(plan.nameCells ?? []), ...nameCells] };
}

/** `_summary`, or the name a host gave it beside a user's `_summary` ("_summary (2)"). */
export function mayBeRecordSheet(name: string): boolean {
  return new RegExp(`^${SUMMARY_RECORD_SHEET}( \\(\\d+\\))?$`, "i").test(name);
}

/** A record read back, or null when the sheet is not one of ours (a user's sheet that happens to share the name). */
export function parseSummaryRecord(grid: Grid): SummaryRecord | null {
  const rows = grid.values;
  if (firstCellText(rows[0]?.[0]) !== SUMMARY_RECORD_MARKER[0] || firstCellText(rows[0]?.[1]) !== SUMMARY_RECORD_MARKER[1]) return null;
  const sheets: RecordedSheet[] = [];
  for (const row of rows.slice(1)) {
    const name = firstCellText(row[1]);
    if (firstCellText(row[0]) === SUMMARY_SHEET_ROW && name !== "") sheets.push({ name, firstCell: firstCellText(row[2]) });
  }
  return { name: grid.name, sheets };
}

/** The recorded sheets that still exist, under the workbook's spelling of the name (Excel ignores case). */
export function existingRecordedSheets(records: readonly SummaryRecord[], workbookSheets: readonly string[]): RecordedSheet[] {
  const byLower = new Map(workbookSheets.map((name) => [name.toLowerCase(), name]));
  const found = new Map<string, RecordedSheet>();
  for (const sheet of records.flatMap((record) => record.sheets)) {
    const actual = byLower.get(sheet.name.toLowerCase());
    if (actual !== undefined && !found.has(actual.toLowerCase())) found.set(actual.toLowerCase(), { ...sheet, name: actual });
  }
  return [...found.values()];
}

/** Recorded sheets whose A1 still reads as we wrote it: these, and the records themselves, are ours to replace. */
export function sheetsToReplace(records: readonly SummaryRecord[], candidates: readonly RecordedSheet[], grids: readonly Grid[]): string[] {
  const firstCells = new Map(grids.map((grid) => [grid.name.toLowerCase(), firstCellText(grid.values[0]?.[0])]));
  const ours = candidates.filter((sheet) => firstCells.get(sheet.name.toLowerCase()) === sheet.firstCell).map((sheet) => sheet.name);
  return [...ours, ...records.map((record) => record.name)];
}
