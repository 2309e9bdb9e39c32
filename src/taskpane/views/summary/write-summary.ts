/**
 * 生成汇总表: write the summary sheets into the open workbook through the host, replacing the sheets an earlier run
 * made (found through their `_summary` record) and nothing else. At most three host calls before the write: list the
 * sheets, read the records, read the recorded sheets' first cells.
 */
import type { AppliedPlan, SpreadsheetHost } from "../../../hosts/types";
import type { WorkbookPlan } from "../../../sheet/types";
import { SUMMARY_DATA_SHEET } from "../../../sheet/meta-keys";
import type { SummaryRecord } from "./summary-record";
import { existingRecordedSheets, mayBeRecordSheet, parseSummaryRecord, sheetsToReplace, withSummaryRecord } from "./summary-record";

export interface WrittenSummary extends AppliedPlan {
  /** the earlier summary sheets that were replaced (the hidden record and the hidden data sheet not included) */
  replaced: string[];
}

async function readRecords(host: SpreadsheetHost, sheetNames: readonly string[]): Promise<SummaryRecord[]> {
  const names = sheetNames.filter(mayBeRecordSheet);
  if (names.length === 0) return [];
  const grids = await host.readSheets(names);
  return grids.map(parseSummaryRecord).filter((record): record is SummaryRecord => record !== null);
}

/** `plan` is planSummary's; `generatedAt` goes into the record (an ISO time). */
export async function writeSummary(host: SpreadsheetHost, plan: WorkbookPlan, generatedAt: string): Promise<WrittenSummary> {
  const { names } = await host.listSheets();
  const records = await readRecords(host, names);
  const candidates = existingRecordedSheets(records, names);
  const grids = candidates.length > 0 ? await host.readSheets(candidates.map((sheet) => sheet.name)) : [];
  const replace = sheetsToReplace(records, candidates, grids);
  const applied = await host.applyPlan(withSummaryRecord(plan, generatedAt), { replace });
  const recordNames = new Set(records.map((record) => record.name));
  // the hidden sheets are no news to the user: `_rows` (or `_rows (2)` beside a sheet of theirs) is not listed
  const hidden = (name: string) => recordNames.has(name) || name.toLowerCase().startsWith(SUMMARY_DATA_SHEET);
  return { ...applied, replaced: replace.filter((name) => !hidden(name)) };
}
