/**
 * A plain, clickable picture of the double's active sheet, standing in for Excel's grid: sheet tabs, a formula bar and
 * the cells. A test clicks a cell, types and presses Enter (or Tab, or Escape) like a user; the edit goes through the
 * double's userEdit, so protection is enforced and onChanged fires. While the user types, the double is in cell-edit
 * mode, as Excel is: the pane's batches fail with InvalidOperationInCellEditMode until Enter or Escape.
 */
import { useEffect, useReducer, useRef, useState } from "react";
import type { CSSProperties, KeyboardEvent, ReactNode } from "react";
import type { ExcelDouble } from "../../support/excel-double";
import { cellAddress, columnLetters, parseAddress } from "../../support/excel-double/address";
import type { CellState, SheetState } from "../../support/excel-double/state";
import { findSheet, peekCell, reportedFormula, usedRect } from "../../support/excel-double/state";

const MIN_ROWS = 30;
const MIN_COLUMNS = 10;
const POINTS_TO_PIXELS = 4 / 3;
/** how often the grid looks for changes made through Excel.run (cheap: compares the double's sync counter) */
const POLL_MS = 100;

function display(cell: CellState | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function cellStyle(sheet: SheetState, cell: CellState | undefined): CSSProperties {
  const format = cell?.format ?? {};
  return {
    fontWeight: format.bold ? 600 : undefined,
    fontStyle: format.italic ? "italic" : undefined,
    color: format.fontColor,
    background: format.fill ?? (sheet.protection.protected && cell && !cell.locked ? "#fffdf0" : undefined),
    textAlign: format.horizontal === "Center" ? "center" : format.horizontal === "Right" ? "right" : undefined,
    whiteSpace: format.wrap ? "normal" : "nowrap",
  };
}

interface Merge {
  rows: number;
  columns: number;
}

/** top-left "r,c" → span; covered cells → null */
function mergeMap(sheet: SheetState): Map<string, Merge | null> {
  const map = new Map<string, Merge | null>();
  for (const merge of sheet.merges) {
    for (let r = merge.r0; r <= merge.r1; r++) {
      for (let c = merge.c0; c <= merge.c1; c++) map.set(`${r},${c}`, null);
    }
    map.set(`${merge.r0},${merge.c0}`, { rows: merge.r1 - merge.r0 + 1, columns: merge.c1 - merge.c0 + 1 });
  }
  return map;
}

export function SheetGrid({ excel }: { excel: ExcelDouble }) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [draft, setDraft] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const seen = useRef({ syncs: -1, selection: "", active: "" });

  // Excel.run writes (the pane inserting a template, selecting a cell) change the workbook behind React's back
  useEffect(() => {
    const timer = setInterval(() => {
      const now = { syncs: excel.syncCount(), selection: JSON.stringify(excel.selection()), active: excel.activeSheet() };
      const before = seen.current;
      if (now.syncs !== before.syncs || now.selection !== before.selection || now.active !== before.active) {
        seen.current = now;
        rerender();
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [excel]);

  const state = excel.state();
  const sheet = findSheet(state, excel.activeSheet());
  if (!sheet) return null;
  const selection = excel.selection();
  const selected = selection.sheet === sheet.name ? parseAddress(selection.address) : null;
  const current = selected ? { row: selected.r0, column: selected.c0 } : { row: 0, column: 0 };
  const currentAddress = cellAddress(current.row, current.column);
  const editing = draft !== null;

  const select = (row: number, column: number) => {
    if (editing) excel.exitCellEditMode();
    setDraft(null);
    setAlert(null);
    state.selection = { sheetId: sheet.id, rect: { r0: row, c0: column, r1: row, c1: column } };
    rerender();
    // focused synchronously so that keys typed right after the click land in the formula bar
    const box = input.current;
    if (box) {
      box.value = String(reportedFormula(peekCell(sheet, row, column)));
      box.focus();
      box.select();
    }
  };

  const startEditing = (text: string) => {
    if (!editing) excel.enterCellEditMode();
    setDraft(text);
  };

  const commit = (moveRows: number, moveColumns: number) => {
    const text = draft;
    excel.exitCellEditMode();
    setDraft(null);
    if (text !== null) {
      try {
        const accepted = excel.userEdit(sheet.name, currentAddress, text === "" ? null : text);
        if (!accepted) {
          setAlert(`您试图更改的单元格 ${currentAddress} 位于受保护的工作表中，无法修改。`);
          return;
        }
      } catch (error) {
        setAlert(error instanceof Error ? error.message : String(error));
        return;
      }
    }
    select(current.row + moveRows, current.column + moveColumns);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      commit(event.key === "Enter" ? 1 : 0, event.key === "Tab" ? 1 : 0);
    } else if (event.key === "Escape") {
      event.preventDefault();
      select(current.row, current.column);
    }
  };

  const used = usedRect(sheet, false);
  const rowCount = Math.max(MIN_ROWS, (used?.r1 ?? 0) + 3);
  const columnCount = Math.max(MIN_COLUMNS, (used?.c1 ?? 0) + 2);
  const merges = mergeMap(sheet);
  const columns = Array.from({ length: columnCount }, (_, c) => c).filter((c) => !sheet.hiddenColumns.has(c));
  const rows: ReactNode[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells: ReactNode[] = [];
    for (const c of columns) {
      const merge = merges.get(`${r},${c}`);
      if (merge === null) continue;
      const cell = peekCell(sheet, r, c);
      const address = cellAddress(r, c);
      const isSelected = r === current.row && c === current.column && selected !== null;
      cells.push(
        <td
          key={c}
          data-address={address}
          data-selected={isSelected || undefined}
          rowSpan={merge?.rows}
          colSpan={merge ? columns.filter((k) => k >= c && k < c + merge.columns).length : undefined}
          style={{ ...cellStyle(sheet, cell), outline: isSelected ? "2px solid #217346" : undefined, outlineOffset: -2 }}
          onMouseDown={(event) => {
            event.preventDefault(); // keep the focus in the formula bar
            select(r, c);
          }}
        >
          {isSelected && editing ? draft : display(cell)}
        </td>,
      );
    }
    const height = sheet.rowHeights.get(r);
    rows.push(
      <tr key={r} style={{ height: height ? height * POINTS_TO_PIXELS : undefined }}>
        <th>{r + 1}</th>
        {cells}
      </tr>,
    );
  }

  return (
    <div className="sheet-grid" data-sheet={sheet.name} style={{ display: "flex", flexDirection: "column", height: "100%", fontSize: 12 }}>
      <style>{GRID_CSS}</style>
      <div className="formula-bar">
        <span data-testid="name-box">{currentAddress}</span>
        <input
          ref={input}
          aria-label="编辑栏"
          data-testid="formula-bar"
          value={draft ?? String(reportedFormula(peekCell(sheet, current.row, current.column)))}
          onChange={(event) => startEditing(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {alert && (
        <div role="alert" data-testid="grid-alert" className="grid-alert">
          {alert}
        </div>
      )}
      <div style={{ flex: 1, overflow: "auto" }}>
        <table>
          <colgroup>
            <col style={{ width: 36 }} />
            {columns.map((c) => (
              <col key={c} style={{ width: (sheet.columnWidths.get(c) ?? 48) * POINTS_TO_PIXELS }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th />
              {columns.map((c) => (
                <th key={c}>{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
      <div className="sheet-tabs" role="tablist">
        {state.sheets
          .filter((candidate) => candidate.visibility === "Visible")
          .map((candidate) => (
            <button
              key={candidate.id}
              role="tab"
              aria-selected={candidate.id === sheet.id}
              data-sheet-tab={candidate.name}
              onClick={() => {
                excel.userActivate(candidate.name);
                setDraft(null);
                rerender();
              }}
            >
              {candidate.name}
              {candidate.protection.protected ? "（保护）" : ""}
            </button>
          ))}
      </div>
    </div>
  );
}

const GRID_CSS = `
.sheet-grid table { border-collapse: collapse; table-layout: fixed; }
.sheet-grid td, .sheet-grid th { border: 1px solid #d4d4d4; padding: 1px 3px; overflow: hidden; text-overflow: ellipsis; height: 18px; }
.sheet-grid th { background: #f3f3f3; font-weight: normal; color: #555; position: sticky; top: 0; }
.sheet-grid tbody th { position: sticky; left: 0; }
.sheet-grid td { cursor: cell; vertical-align: middle; }
.sheet-grid .formula-bar { display: flex; gap: 6px; padding: 4px; border-bottom: 1px solid #d4d4d4; }
.sheet-grid .formula-bar span { width: 60px; border: 1px solid #c8c6c4; padding: 2px 4px; }
.sheet-grid .formula-bar input { flex: 1; font: inherit; }
.sheet-grid .grid-alert { background: #fde7e9; color: #a4262c; padding: 4px 8px; }
.sheet-grid .sheet-tabs { display: flex; gap: 2px; border-top: 1px solid #d4d4d4; padding: 2px 4px; background: #f3f3f3; }
.sheet-grid .sheet-tabs button { border: 1px solid #c8c6c4; background: #fff; font: inherit; padding: 2px 10px; }
.sheet-grid .sheet-tabs button[aria-selected="true"] { border-bottom: 2px solid #217346; font-weight: 600; }
`;
