/** The workbook the double holds: plain data, changed only by applying queued operations or by test controls. */
import type { Rect } from "./address";
import { cellAddress } from "./address";
import { fail } from "./errors";

export type Scalar = string | number | boolean;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  /** edges set to a visible line style */
  borders?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
}

export interface CellState {
  /** constant value, or the last result of the formula (set by a test hook; the double does not calculate) */
  value: Scalar | null;
  formula: string | null;
  /** text entered with a leading apostrophe: kept as text, the apostrophe shows in the formula bar only */
  quotePrefix: boolean;
  numberFormat: string;
  format: CellFormat;
  locked: boolean;
}

export interface ValidationState {
  rect: Rect;
  rule: Record<string, unknown>;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface ConditionalFormatState {
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ChartState {
  id: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  anchor: string | null;
}

export interface HeaderFooterState {
  leftHeader?: string;
  centerHeader?: string;
  rightHeader?: string;
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  /** headersFooters.defaultForAllPages */
  headerFooter?: HeaderFooterState;
  /** points, by PageLayout property name (leftMargin …) */
  margins?: Record<string, number>;
  /** manual page breaks (horizontalPageBreaks): 0-based index of the row each break is above */
  breaksAbove?: number[];
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** "row,column" → cell; absent = never touched */
  cells: Map<string, CellState>;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  merges: Rect[];
  validations: ValidationState[];
  conditionalFormats: ConditionalFormatState[];
  charts: ChartState[];
  freeze: { rows: number; columns: number };
  pageLayout: PageLayoutState;
  protection: { protected: boolean; options?: Record<string, unknown> };
}

export interface WorkbookState {
  sheets: SheetState[];
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect };
  enableEvents: boolean;
  cellEditMode: boolean;
  nextId: number;
}

export const DEFAULT_COLUMN_WIDTH = 48; // points, Excel's default 8.43 characters
export const DEFAULT_ROW_HEIGHT = 15;

export function newSheet(state: WorkbookState, name: string): SheetState {
  state.nextId += 1;
  return {
    id: `{00000000-0001-0000-0000-${String(state.nextId).padStart(12, "0")}}`,
    name,
    visibility: "Visible",
    cells: new Map(),
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 0, columns: 0 },
    pageLayout: {},
    protection: { protected: false },
  };
}

export function newWorkbook(sheetNames: string[]): WorkbookState {
  const state: WorkbookState = {
    sheets: [],
    activeSheetId: "",
    selection: { sheetId: "", rect: { r0: 0, c0: 0, r1: 0, c1: 0 } },
    enableEvents: true,
    cellEditMode: false,
    nextId: 0,
  };
  for (const name of sheetNames) state.sheets.push(newSheet(state, name));
  state.activeSheetId = state.sheets[0].id;
  state.selection.sheetId = state.sheets[0].id;
  return state;
}

const INVALID_NAME = /[[\]:*?/\\]/;

export function checkSheetName(state: WorkbookState, name: string, except?: SheetState): void {
  if (name.length === 0 || name.length > 31 || INVALID_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
    fail("InvalidArgument", `The sheet name '${name}' is not valid.`);
  }
  const taken = state.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
  if (taken) fail("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
}

export function findSheet(state: WorkbookState, key: string): SheetState | undefined {
  const lower = key.toLowerCase();
  return state.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
}

export function sheetById(state: WorkbookState, id: string): SheetState {
  return state.sheets.find((s) => s.id === id) ?? fail("ItemNotFound", "The requested worksheet does not exist.");
}

function key(row: number, column: number): string {
  return `${row},${column}`;
}

export function peekCell(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.cells.get(key(row, column));
}

export function touchCell(sheet: SheetState, row: number, column: number): CellState {
  let cell = sheet.cells.get(key(row, column));
  if (!cell) {
    cell = { value: null, formula: null, quotePrefix: false, numberFormat: "General", format: {}, locked: true };
    sheet.cells.set(key(row, column), cell);
  }
  return cell;
}

export function forEachCell(rect: Rect, visit: (row: number, column: number, i: number, j: number) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) visit(r, c, r - rect.r0, c - rect.c0);
  }
}

/** Cells with a value or formula (valuesOnly) or with anything at all set. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [k, cell] of sheet.cells) {
    const hasValue = cell.formula !== null || (cell.value !== null && cell.value !== "");
    const hasAnything = hasValue || cell.numberFormat !== "General" || Object.keys(cell.format).length > 0;
    if (valuesOnly ? !hasValue : !hasAnything) continue;
    const [r, c] = k.split(",").map(Number);
    rect = rect
      ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) }
      : { r0: r, c0: c, r1: r, c1: c };
  }
  return rect;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;

/**
 * What Excel stores when a value arrives through `values`/`formulas` or is typed: "=…" is a formula, a leading
 * apostrophe keeps text as text, numeric-looking text becomes a number, TRUE/FALSE booleans, "+x"/"-x"/"@x" formulas.
 * (Real Excel also turns date-looking text into dates; the double does not.) Text-formatted ("@") cells keep text.
 */
export function enterValue(cell: CellState, input: Scalar, address: string): void {
  cell.quotePrefix = false;
  if (typeof input !== "string") {
    cell.formula = null;
    cell.value = input;
    return;
  }
  if (input === "") {
    cell.formula = null;
    cell.value = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.formula = null;
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.formula = null;
    cell.quotePrefix = true;
    cell.value = input.slice(1);
    return;
  }
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) {
    cell.formula = null;
    cell.value = Number(trimmed);
    return;
  }
  if (PERCENT.test(trimmed)) {
    cell.formula = null;
    cell.value = Number(trimmed.slice(0, -1)) / 100;
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.formula = null;
    cell.value = trimmed.toLowerCase() === "true";
    return;
  }
  const formula = input.startsWith("=") && input.length > 1 ? input : /^[+-]./.test(input) ? `=${input}` : input.startsWith("@") && input.length > 1 ? `=${input.slice(1)}` : null;
  if (formula !== null) {
    if (/^=[+\-*/^&]*$/.test(formula)) fail("InvalidArgument", `The formula '${formula}' in ${address} is not valid.`);
    cell.formula = formula;
    cell.value = null;
    return;
  }
  cell.formula = null;
  cell.value = input;
}

/** The `values` Office.js reports: "" for blank cells (and for formulas whose result the test has not set). */
export function reportedValue(cell: CellState | undefined): Scalar {
  return cell?.value ?? "";
}

/** The `formulas` Office.js reports: the formula, else the constant as the formula bar shows it. */
export function reportedFormula(cell: CellState | undefined): Scalar {
  if (!cell) return "";
  if (cell.formula !== null) return cell.formula;
  if (cell.quotePrefix && typeof cell.value === "string") return `'${cell.value}`;
  return cell.value ?? "";
}

export function describeCell(sheet: SheetState, row: number, column: number): string {
  return `${sheet.name}!${cellAddress(row, column)}`;
}
