/**
 * One worksheet's XML to a Grid, reading only `<sheetData>` and `<mergeCells>`: every other element (column
 * definitions, validations, conditional formats, hyperlinks …) is skipped whatever area it declares. Memory grows with
 * the cells present in the XML, never with a declared range. Values are read as ExcelJS read them: shared strings,
 * inline strings, booleans, errors as "#N/A", numbers in a date format as ISO dates, formulas with "=" (shared ones
 * translated to each cell), merged-away cells empty.
 */
import type { CellValue } from "../../scoring/types";
import { a1 } from "../../sheet/addresses";
import type { Grid } from "../../sheet/types";
import { unsupported } from "./errors";
import { slideFormula } from "./shared-formula";
import { RunText } from "./shared-strings";
import { ENOUGH_READ, type XmlHandler } from "./xml-part";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/**
 * The worksheet's children that come after `<mergeCells>` (ECMA-376 CT_Worksheet, whose order Excel enforces): once
 * one opens after the cells, nothing this reader needs follows, and the rest is left unparsed (./xml-part ENOUGH_READ).
 */
const AFTER_MERGES = new Set([
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
]);

/** Sheets whose rectangle from A1 is at most this many cells get the full rectangle (null-filled), as ever. */
const DENSE_CELLS = 4 * 1024 * 1024;
/** Merged ranges cost at most this many steps per sheet; merges beyond it leave their cells as written. */
const MERGE_WORK = 20 * 1000 * 1000;

export interface SheetContext {
  file: string;
  part: string;
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
  /** styles showing a number as a percentage: such cells are listed in the grid's percentCells */
  percentStyles?: ReadonlySet<number>;
  date1904: boolean;
}

interface CellState {
  row: number;
  column: number;
  type: string;
  style: number;
  value: string | undefined;
  formula: string;
  formulaType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: boolean;
  inline: boolean;
}

/** "XFD1048576" → [1048576, 16384]; null when not an address. Letters then digits, by hand (no regular expression). */
export function parseCellReference(reference: string): [row: number, column: number] | null {
  let at = 0;
  let column = 0;
  while (at < reference.length) {
    const code = reference.charCodeAt(at) | 32;
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
    at += 1;
    if (at > 3) return null;
  }
  if (at === 0 || at === reference.length) return null;
  let row = 0;
  for (; at < reference.length; at++) {
    const digit = reference.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return null;
    row = row * 10 + digit;
  }
  return row === 0 ? null : [row, column];
}

function isoDate(serial: number, date1904: boolean): CellValue {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  if (!Number.isFinite(date.getTime())) return serial;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

export class SheetReader implements XmlHandler {
  private readonly values: CellValue[][] = [];
  private readonly formulas: (string | null)[][] = [];
  /** every cell kept, as row * MAX_COLUMNS + column (0-based), for merges */
  private readonly positions: number[] = [];
  /** number cells shown as a percentage (A1) */
  private readonly percentCells: string[] = [];
  private readonly merges: [top: number, left: number, bottom: number, right: number][] = [];
  private readonly masters = new Map<string, { row: number; column: number; formula: string }>();
  private readonly runs = new RunText();
  private row = 0;
  private column = 0;
  private lastRow = 0;
  private lastColumn = 0;
  private inSheetData = false;
  private cellsRead = false;
  /** 1 inside the worksheet element, 2 inside its children … */
  private depth = 0;
  /** the cell being read, or null between cells; one object serves every cell in turn (a sheet has thousands) */
  private cell: CellState | null = null;
  private readonly cellState: CellState = {
    row: 0,
    column: 0,
    type: "n",
    style: 0,
    value: undefined,
    formula: "",
    formulaType: undefined,
    sharedIndex: undefined,
    sharedRef: false,
    inline: false,
  };
  private into: "v" | "f" | null = null;

  constructor(private readonly context: SheetContext) {}

  private outOfRange(reference: string): never {
    throw unsupported(this.context.file, this.context.part, `单元格地址 ${reference} 超出 Excel 工作表的范围`);
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.depth += 1;
    const cell = this.cell;
    if (cell) {
      if (name === "v" || name === "f") this.into = name;
      if (name === "f") {
        cell.formulaType = attributes.t;
        cell.sharedIndex = attributes.si;
        cell.sharedRef = attributes.ref !== undefined;
      } else if (name === "is") {
        cell.inline = true;
      } else if (cell.inline) {
        this.runs.open(name);
      }
      return;
    }
    if (name === "sheetData") this.inSheetData = true;
    else if (this.cellsRead && this.depth === 2 && AFTER_MERGES.has(name)) throw ENOUGH_READ;
    else if (name === "row" && this.inSheetData) this.openRow(attributes.r);
    else if (name === "c" && this.inSheetData) this.openCell(attributes);
    else if (name === "mergeCell" && attributes.ref !== undefined) this.addMerge(attributes.ref);
  }

  private openRow(reference: string | undefined): void {
    const explicit = reference === undefined ? NaN : Number(reference);
    this.row = Number.isInteger(explicit) && explicit > 0 ? explicit : this.row + 1;
    if (this.row > MAX_ROWS) this.outOfRange(`第 ${this.row} 行`);
    this.column = 0;
  }

  private openCell(attributes: Readonly<Record<string, string>>): void {
    const reference = attributes.r;
    const position = reference === undefined ? null : parseCellReference(reference);
    if (position) {
      [this.row, this.column] = position;
    } else {
      this.column += 1;
      if (this.row === 0) this.row = 1;
    }
    if (this.row > MAX_ROWS || this.column > MAX_COLUMNS) this.outOfRange(reference ?? `第 ${this.row} 行第 ${this.column} 列`);
    const style = Number(attributes.s ?? 0);
    const cell = this.cellState;
    cell.row = this.row;
    cell.column = this.column;
    cell.type = attributes.t ?? "n";
    cell.style = Number.isInteger(style) ? style : 0;
    cell.value = undefined;
    cell.formula = "";
    cell.formulaType = undefined;
    cell.sharedIndex = undefined;
    cell.sharedRef = false;
    cell.inline = false;
    this.cell = cell;
  }

  private addMerge(reference: string): void {
    const colon = reference.indexOf(":");
    const first = parseCellReference(colon < 0 ? reference : reference.slice(0, colon));
    const second = colon < 0 ? first : parseCellReference(reference.slice(colon + 1));
    if (!first || !second) return;
    const top = Math.min(first[0], second[0]);
    const bottom = Math.max(first[0], second[0]);
    const left = Math.min(first[1], second[1]);
    const right = Math.max(first[1], second[1]);
    if (bottom > MAX_ROWS || right > MAX_COLUMNS) this.outOfRange(reference);
    this.merges.push([top, left, bottom, right]);
  }

  text(text: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.into === "v") cell.value = cell.value === undefined ? text : cell.value + text;
    else if (this.into === "f") cell.formula += text;
    else if (cell.inline) this.runs.text(text);
  }

  close(name: string): void {
    this.depth -= 1;
    const cell = this.cell;
    if (name === "sheetData") {
      this.inSheetData = false;
      this.cellsRead = true;
    } else if (name === "mergeCells" && this.cellsRead && this.depth === 1) {
      throw ENOUGH_READ;
    }
    if (!cell) return;
    if (name === "v" || name === "f") this.into = null;
    else if (name === "c") this.closeCell(cell);
    else if (cell.inline && name !== "is") this.runs.close(name);
  }

  private closeCell(cell: CellState): void {
    this.cell = null;
    const inlineText = cell.inline ? this.runs.take() : "";
    const isFormula = cell.formula !== "" || cell.formulaType !== undefined;
    let formula: string | null = null;
    let value: CellValue;
    if (isFormula) {
      let text = cell.formula;
      if (cell.formulaType === "shared" && cell.sharedIndex !== undefined) {
        const master = this.masters.get(cell.sharedIndex);
        if (cell.sharedRef) this.masters.set(cell.sharedIndex, { row: cell.row, column: cell.column, formula: text });
        else if (text === "" && master) text = slideFormula(master.formula, master.row, master.column, cell.row, cell.column);
      }
      formula = text === "" ? null : "=" + text;
      value = cell.value ? this.result(cell, cell.value) : null;
    } else {
      const raw = cell.type === "inlineStr" ? inlineText || undefined : cell.value;
      value = raw === undefined ? null : this.constant(cell, raw);
    }
    if (value === null && formula === null) return;
    this.store(cell.row, cell.column, value, formula);
  }

  private number(cell: CellState, raw: string): CellValue {
    const number = parseFloat(raw);
    if (this.context.percentStyles?.has(cell.style)) this.percentCells.push(a1(cell.row - 1, cell.column - 1));
    return this.context.dateStyles.has(cell.style) ? isoDate(number, this.context.date1904) : number;
  }

  /** A formula's cached result; a text result stored as a shared-string index (Gnumeric) reads as its text. */
  private result(cell: CellState, raw: string): CellValue {
    switch (cell.type) {
      case "str":
        return raw;
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return raw;
      case "s": {
        const index = Number(raw);
        const text = Number.isInteger(index) && index >= 0 ? this.context.sharedStrings[index] : undefined;
        return text ?? parseFloat(raw);
      }
      default:
        return this.number(cell, raw);
    }
  }

  private constant(cell: CellState, raw: string): CellValue {
    switch (cell.type) {
      case "s":
        return this.context.sharedStrings[parseInt(raw, 10)] ?? null;
      case "str":
      case "inlineStr":
      case "e":
        return raw;
      case "b":
        return parseInt(raw, 10) !== 0;
      default:
        return this.number(cell, raw);
    }
  }

  private store(row: number, column: number, value: CellValue, formula: string | null): void {
    (this.values[row - 1] ??= [])[column - 1] = value;
    (this.formulas[row - 1] ??= [])[column - 1] = formula;
    this.positions.push((row - 1) * MAX_COLUMNS + (column - 1));
    if (row > this.lastRow) this.lastRow = row;
    if (column > this.lastColumn) this.lastColumn = column;
  }

  /** Cells a merge covers, other than its top-left one, read as empty (Excel keeps only the top-left value). */
  private applyMerges(): void {
    let work = 0;
    const clear = (row: number, column: number) => {
      if (this.values[row]?.[column] === undefined) return;
      this.values[row][column] = null;
      this.formulas[row][column] = null;
    };
    for (const [top, left, bottom, right] of this.merges) {
      const area = (bottom - top + 1) * (right - left + 1);
      work += Math.min(area, this.positions.length);
      if (work > MERGE_WORK) return;
      if (area <= this.positions.length) {
        for (let row = top - 1; row < bottom; row++) {
          for (let column = left - 1; column < right; column++) if (row !== top - 1 || column !== left - 1) clear(row, column);
        }
      } else {
        for (const position of this.positions) {
          const row = Math.floor(position / MAX_COLUMNS);
          const column = position % MAX_COLUMNS;
          if (row >= top - 1 && row < bottom && column >= left - 1 && column < right && (row !== top - 1 || column !== left - 1)) {
            clear(row, column);
          }
        }
      }
    }
  }

  /**
   * The grid: the full rectangle from A1 to the last cell, empty cells null, when it is of sane size (every real
   * template); otherwise rows hold only their cells (absent ones read undefined, as beyond any row's end), so a
   * cell at XFD1048576 costs one row, not the sheet.
   */
  grid(name: string): Grid {
    if (this.merges.length > 0) this.applyMerges();
    const { lastRow, lastColumn } = this;
    const values = new Array<CellValue[]>(lastRow);
    const formulas = new Array<(string | null)[]>(lastRow);
    const dense = lastRow * lastColumn <= DENSE_CELLS;
    const none: never[] = [];
    for (let index = 0; index < lastRow; index++) {
      const valueRow = this.values[index];
      const formulaRow = this.formulas[index];
      if (!dense) {
        values[index] = valueRow ?? none;
        formulas[index] = formulaRow ?? none;
        continue;
      }
      const fullValues = new Array<CellValue>(lastColumn).fill(null);
      const fullFormulas = new Array<string | null>(lastColumn).fill(null);
      if (valueRow) {
        valueRow.forEach((value, column) => (fullValues[column] = value));
        formulaRow.forEach((formula, column) => (fullFormulas[column] = formula));
      }
      values[index] = fullValues;
      formulas[index] = fullFormulas;
    }
    return this.percentCells.length > 0 ? { name, values, formulas, percentCells: this.percentCells } : { name, values, formulas };
  }
}
