/** A summary sheet that is one titled table: title, a blank row, the header row (frozen, repeated on every printed page), the rows. */
import { joinedRows, rowsSheetPlan, type RowsSheetPlan } from "../../sheet/streamed-sheet";
import type { LazyRows } from "../../sheet/types";
import { SUMMARY_STYLES, text } from "./cells";

/** 0-based row of the table header, below the title and a blank separator. */
const HEADER_ROW = 2;

export interface TitledTable {
  name: string;
  title: string;
  headers: string[];
  /** made one at a time as the sheet is written */
  rows: LazyRows;
  columnWidths: number[];
}

export function titledTableSheet(table: TitledTable): RowsSheetPlan {
  const headerRow = HEADER_ROW + 1;
  return rowsSheetPlan({
    name: table.name,
    rows: joinedRows([[text(table.title, "title")], [], table.headers.map((header) => text(header, "header"))], table.rows),
    styles: SUMMARY_STYLES,
    columnWidths: table.columnWidths,
    rowHeights: { 0: 24 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: `$${headerRow}:$${headerRow}` },
    freeze: { rows: headerRow, columns: 0 },
  });
}
