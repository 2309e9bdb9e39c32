/**
 * The summary workbook's hidden data sheet (`_rows`): every input the summary was compiled from, one row each, so a
 * higher level can compile summaries together with branch workbooks and get what compiling every branch at once
 * gives. Hidden (never printed), text cells kept as text. Pure.
 */
import type { PlanCell } from "../../sheet/types";
import { joinedRows, mappedRows, rowsSheetPlan, type RowsSheetPlan } from "../../sheet/streamed-sheet";
import { NOT_FINAL_REASON } from "../final-score";
import type { RollupData, Summary, SummaryInput } from "../types";
import { sha256Hex } from "./digest";
import { COLUMNS, DATA_CONTRACT, DATA_MARKER, DATA_SHEET, recordText, shownValues, splitText, toRecord, type HeaderKey } from "./record";

const STYLES = { text: { numberFormat: "@" }, number: { numberFormat: "General" } };

function cell(value: string | number | boolean | null): PlanCell | null {
  if (value === null) return null;
  return typeof value === "number" ? { value, style: "number" } : { value: String(value), style: "text" };
}

/** The digest of the whole sheet: SHA-256 over the rows' own digests, each followed by a line feed, in row order. */
export function sheetDigest(rowDigests: readonly string[]): string {
  return sha256Hex(rowDigests.map((digest) => `${digest}\n`).join(""));
}

/**
 * The rows are made again as the sheet is written (the header's digest needs every row's first, and keeping the
 * rows' JSON for twenty thousand branches would hold it all): only the rows' digests are kept.
 */
export function dataSheet(summary: Summary, rollup: RollupData): RowsSheetPlan {
  const recordOf = (input: SummaryInput) => {
    const record = toRecord(input, rollup.finalOnly, NOT_FINAL_REASON);
    return { record, text: recordText(record) };
  };
  const digests = rollup.inputs.map((input) => sha256Hex(recordOf(input).text));
  const header: Record<HeaderKey, string> = {
    contract: DATA_CONTRACT,
    scheme: summary.scheme.id,
    schemeVersion: summary.scheme.version,
    period: summary.period,
    finalOnly: String(rollup.finalOnly),
    rows: String(digests.length),
    sha256: sheetDigest(digests),
  };
  return rowsSheetPlan({
    name: DATA_SHEET,
    visibility: "hidden",
    styles: STYLES,
    rows: joinedRows(
      [DATA_MARKER.map(cell), ...Object.entries(header).map(([key, value]) => [cell(key), cell(value)]), [], COLUMNS.map(cell)],
      mappedRows(rollup.inputs, (input, index) => {
        const { record, text } = recordOf(input);
        return [...shownValues(record), digests[index], ...splitText(text)].map(cell);
      }),
    ),
  });
}

