/**
 * The summary workbook's hidden data sheet (`_rows`): every input the summary was compiled from, one row each, so a
 * higher level can compile summaries together with branch workbooks and get what compiling every branch at once
 * gives. Hidden (never printed), text cells kept as text. Pure.
 */
import type { PlanCell, SheetPlan } from "../../sheet/types";
import { sheetPlan } from "../../sheet/sheet-plan";
import { NOT_FINAL_REASON } from "../final-score";
import type { RollupData, Summary } from "../types";
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

export function dataSheet(summary: Summary, rollup: RollupData): SheetPlan {
  const rows = rollup.inputs.map((input) => {
    const record = toRecord(input, rollup.finalOnly, NOT_FINAL_REASON);
    const text = recordText(record);
    const digest = sha256Hex(text);
    return { cells: [...shownValues(record), digest, ...splitText(text)].map(cell), digest };
  });
  const header: Record<HeaderKey, string> = {
    contract: DATA_CONTRACT,
    scheme: summary.scheme.id,
    schemeVersion: summary.scheme.version,
    period: summary.period,
    finalOnly: String(rollup.finalOnly),
    rows: String(rows.length),
    sha256: sheetDigest(rows.map((row) => row.digest)),
  };
  return sheetPlan({
    name: DATA_SHEET,
    visibility: "hidden",
    styles: STYLES,
    cells: [
      DATA_MARKER.map(cell),
      ...Object.entries(header).map(([key, value]) => [cell(key), cell(value)]),
      [],
      COLUMNS.map(cell),
      ...rows.map((row) => row.cells),
    ],
  });
}

