/** Range and what hangs off it: format, borders, cell protection, data validation, conditional formats. */
import type { Rect } from "./address";
import { cellAddress, rectAddress, rectColumns, rectRows, rectsOverlap } from "./address";
import type { Context } from "./engine";
import { ClientObject } from "./engine";
import { fail } from "./errors";
import type { CellFormat, CellState, ConditionalFormatState, Scalar, SheetState, ValidationState } from "./state";
import { enterValue, forEachCell, peekCell, reportedFormula, reportedValue, touchCell } from "./state";
import type { Worksheet } from "./worksheet";
import { activateSheet } from "./worksheet";

const FORMAT_CELL_LIMIT = 2_000_000;

export function quotedSheetName(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

type Grid2D = unknown[][];

/** What a RangeFormat acts on: one rectangle (Range) or several (RangeAreas), resolved at apply time. */
export interface FormatTarget {
  sheet(): SheetState;
  rects(): Rect[];
}

export class Range extends ClientObject {
  protected readonly officeType = "Range";
  readonly worksheet: Worksheet;
  readonly format: RangeFormat;
  readonly dataValidation: DataValidation;
  readonly conditionalFormats: ConditionalFormatCollection;
  private bounds: Rect | null = null;

  constructor(context: Context, worksheet: Worksheet) {
    super(context);
    this.worksheet = worksheet;
    this.format = new RangeFormat(context, this);
    this.dataValidation = new DataValidation(context, this);
    this.conditionalFormats = new ConditionalFormatCollection(context, this);
  }

  bind(rect: Rect): void {
    this.bounds = rect;
  }

  /** the rectangle, at apply time */
  rect(): Rect {
    return this.bounds ?? fail("ItemNotFound", "The range does not exist.");
  }

  rects(): Rect[] {
    return [this.rect()];
  }

  rectAddress(): string {
    return rectAddress(this.rect());
  }

  sheet(): SheetState {
    return this.worksheet.sheet();
  }

  protected override defaultProperties(): string[] {
    return ["address", "values", "formulas", "numberFormat", "rowCount", "columnCount", "rowIndex", "columnIndex"];
  }

  protected read(property: string): unknown {
    const sheet = this.sheet();
    const rect = this.rect();
    const grid = (pick: (cell: CellState | undefined) => unknown): unknown[][] => {
      const out: unknown[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(pick(peekCell(sheet, r, c)));
        out.push(row);
      }
      return out;
    };
    switch (property) {
      case "values":
        return grid(reportedValue);
      case "formulas":
        return grid(reportedFormula);
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "address":
        return `${quotedSheetName(sheet.name)}!${rectAddress(rect)}`;
      case "rowCount":
        return rectRows(rect);
      case "columnCount":
        return rectColumns(rect);
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      default:
        return fail("InvalidArgument", `Range has no loadable property '${property}'.`);
    }
  }

  get values(): Scalar[][] {
    return this.loadedValue("values");
  }
  set values(data: unknown) {
    this.write("values", data);
  }
  get formulas(): Scalar[][] {
    return this.loadedValue("formulas");
  }
  set formulas(data: unknown) {
    this.write("formulas", data);
  }
  get numberFormat(): string[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(data: unknown) {
    this.context.enqueue({
      name: "Range.numberFormat",
      args: data,
      apply: () => {
        const sheet = this.sheet();
        assertFormattable(sheet, "allowFormatCells");
        eachInput(this.rect(), data, (r, c, item) => {
          if (typeof item !== "string") fail("InvalidArgument", `A number format must be text (${cellAddress(r, c)}).`);
          touchCell(sheet, r, c).numberFormat = item;
        });
      },
    });
  }
  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }

  /** ExcelApi 1.2: hides (or shows) every column of the range */
  set columnHidden(value: boolean) {
    this.context.enqueue({
      name: "Range.columnHidden",
      args: value,
      apply: () => {
        const sheet = this.sheet();
        assertFormattable(sheet, "allowFormatColumns");
        const rect = this.rect();
        for (let c = rect.c0; c <= rect.c1; c++) {
          if (value) sheet.hiddenColumns.add(c);
          else sheet.hiddenColumns.delete(c);
        }
      },
    });
  }

  private write(kind: "values" | "formulas", data: unknown): void {
    this.context.enqueue({
      name: `Range.${kind}`,
      args: data,
      apply: () => {
        const sheet = this.sheet();
        const rect = this.rect();
        eachInput(rect, data, (r) => r); // size check before anything changes
        assertEditable(sheet, rect);
        const evaluate = this.context.engine.options.evaluate;
        eachInput(rect, data, (r, c, item) => {
          if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
            fail("InvalidArgument", `Unsupported value at ${cellAddress(r, c)}.`);
          }
          const cell = touchCell(sheet, r, c);
          enterValue(cell, item, cellAddress(r, c));
          if (cell.formula !== null) cell.value = evaluate?.(sheet.name, cellAddress(r, c), cell.formula) ?? null;
        });
        emitChanged(this.context, sheet, rect, "ThisLocalAddin");
      },
    });
  }

  merge(across?: boolean): void {
    this.context.enqueue({
      name: "Range.merge",
      args: across ?? false,
      apply: () => {
        const sheet = this.sheet();
        assertFormattable(sheet, "allowFormatCells");
        const rect = this.rect();
        const pieces = across ? Array.from({ length: rectRows(rect) }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })) : [rect];
        for (const piece of pieces) {
          if (rectRows(piece) === 1 && rectColumns(piece) === 1) continue;
          sheet.merges = sheet.merges.filter((m) => !rectsOverlap(m, piece));
          sheet.merges.push(piece);
          // Excel keeps only the upper-left value of a merged area
          forEachCell(piece, (r, c) => {
            const cell = peekCell(sheet, r, c);
            if (cell && (r !== piece.r0 || c !== piece.c0)) Object.assign(cell, { value: null, formula: null, quotePrefix: false });
          });
        }
      },
    });
  }

  unmerge(): void {
    this.context.enqueue({
      name: "Range.unmerge",
      args: null,
      apply: () => {
        const sheet = this.sheet();
        const rect = this.rect();
        sheet.merges = sheet.merges.filter((m) => !rectsOverlap(m, rect));
      },
    });
  }

  /** Selecting a cell on another sheet activates that sheet, as in Excel. */
  select(): void {
    this.context.enqueue({
      name: "Range.select",
      args: null,
      apply: () => {
        const sheet = this.sheet();
        if (sheet.visibility !== "Visible") fail("InvalidOperation", `The worksheet '${sheet.name}' is hidden.`);
        activateSheet(this.context, sheet);
        this.context.engine.state.selection = { sheetId: sheet.id, rect: this.rect() };
      },
    });
  }
}

/** Calls visit for every cell of rect with its input item; a non-array input applies to all cells, null leaves a cell alone. */
function eachInput(rect: Rect, data: unknown, visit: (r: number, c: number, item: unknown) => void): void {
  if (Array.isArray(data)) {
    const grid = data as Grid2D;
    const ok = grid.length === rectRows(rect) && grid.every((row) => Array.isArray(row) && row.length === rectColumns(rect));
    if (!ok) {
      fail(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${rectAddress(rect)}.`,
      );
    }
    forEachCell(rect, (r, c, i, j) => {
      const item = grid[i][j];
      if (item !== null && item !== undefined) visit(r, c, item);
    });
    return;
  }
  if (data === null || data === undefined) return;
  if (rectRows(rect) * rectColumns(rect) > FORMAT_CELL_LIMIT) fail("InvalidArgument", "The range is too large for this double.");
  forEachCell(rect, (r, c) => visit(r, c, data));
}

function assertEditable(sheet: SheetState, rect: Rect): void {
  if (!sheet.protection.protected) return;
  forEachCell(rect, (r, c) => {
    if (peekCell(sheet, r, c)?.locked ?? true) {
      fail("AccessDenied", `The cell ${sheet.name}!${cellAddress(r, c)} is on a protected sheet and locked.`);
    }
  });
}

function assertFormattable(sheet: SheetState, allowance: string): void {
  if (sheet.protection.protected && sheet.protection.options?.[allowance] !== true) {
    fail("AccessDenied", `The worksheet '${sheet.name}' is protected.`);
  }
}

export function emitChanged(context: Context, sheet: SheetState, rect: Rect, triggerSource: string): void {
  context.engine.emit("Changed", sheet.id, {
    type: "WorksheetChanged",
    changeType: "RangeEdited",
    source: "Local",
    triggerSource,
    worksheetId: sheet.id,
    address: rectAddress(rect),
  });
}

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const COLOR = /^#[0-9A-Fa-f]{6}$/;

function checkColor(value: unknown): string {
  if (typeof value !== "string" || !COLOR.test(value)) fail("InvalidArgument", `The color '${String(value)}' is not valid.`);
  return value.toUpperCase();
}

/** A cell-format setter: queued, then applied to every cell of the range. */
function formatSetter(context: Context, range: FormatTarget, name: string, value: unknown, change: (format: CellFormat) => void): void {
  context.enqueue({
    name,
    args: value,
    apply: () => {
      const sheet = range.sheet();
      assertFormattable(sheet, "allowFormatCells");
      for (const rect of range.rects()) {
        if (rectRows(rect) * rectColumns(rect) > FORMAT_CELL_LIMIT) fail("InvalidArgument", "The range is too large for this double.");
        forEachCell(rect, (r, c) => change(touchCell(sheet, r, c).format));
      }
    },
  });
}

export class RangeFont {
  constructor(
    private readonly context: Context,
    private readonly range: FormatTarget,
  ) {}
  set bold(value: boolean) {
    formatSetter(this.context, this.range, "RangeFont.bold", value, (f) => (f.bold = value));
  }
  set italic(value: boolean) {
    formatSetter(this.context, this.range, "RangeFont.italic", value, (f) => (f.italic = value));
  }
  set size(value: number) {
    formatSetter(this.context, this.range, "RangeFont.size", value, (f) => {
      if (!(value >= 1 && value <= 409)) fail("InvalidArgument", `Font size ${value} is not valid.`);
      f.fontSize = value;
    });
  }
  set color(value: string) {
    formatSetter(this.context, this.range, "RangeFont.color", value, (f) => (f.fontColor = checkColor(value)));
  }
}

export class RangeFill {
  constructor(
    private readonly context: Context,
    private readonly range: FormatTarget,
  ) {}
  set color(value: string) {
    formatSetter(this.context, this.range, "RangeFill.color", value, (f) => (f.fill = checkColor(value)));
  }
}

type Edge = "top" | "bottom" | "left" | "right";

export class RangeBorder {
  constructor(
    private readonly context: Context,
    private readonly range: FormatTarget,
    private readonly index: string,
  ) {}

  set style(value: string) {
    const visible = value !== "None";
    this.context.enqueue({
      name: "RangeBorder.style",
      args: [this.index, value],
      apply: () => {
        const sheet = this.range.sheet();
        assertFormattable(sheet, "allowFormatCells");
        const mark = (r: number, c: number, edge: Edge) => {
          const format = touchCell(sheet, r, c).format;
          format.borders = { ...format.borders, [edge]: visible };
        };
        // each area of a RangeAreas gets its own edges, as in Excel
        for (const rect of this.range.rects()) forEachCell(rect, (r, c) => {
          if (this.index === "EdgeTop" && r === rect.r0) mark(r, c, "top");
          if (this.index === "EdgeBottom" && r === rect.r1) mark(r, c, "bottom");
          if (this.index === "EdgeLeft" && c === rect.c0) mark(r, c, "left");
          if (this.index === "EdgeRight" && c === rect.c1) mark(r, c, "right");
          if (this.index === "InsideHorizontal") {
            if (r > rect.r0) mark(r, c, "top");
            if (r < rect.r1) mark(r, c, "bottom");
          }
          if (this.index === "InsideVertical") {
            if (c > rect.c0) mark(r, c, "left");
            if (c < rect.c1) mark(r, c, "right");
          }
        });
      },
    });
  }
  set color(value: string) {
    this.context.enqueue({ name: "RangeBorder.color", args: [this.index, value], apply: () => checkColor(value) });
  }
  set weight(value: string) {
    this.context.enqueue({ name: "RangeBorder.weight", args: [this.index, value], apply: () => undefined });
  }
}

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class RangeBorderCollection {
  constructor(
    private readonly context: Context,
    private readonly range: FormatTarget,
  ) {}
  getItem(index: string): RangeBorder {
    if (!BORDER_INDEXES.includes(index)) fail("InvalidArgument", `Border index '${index}' is not valid.`);
    return new RangeBorder(this.context, this.range, index);
  }
}

export class FormatProtection {
  constructor(
    private readonly context: Context,
    private readonly range: FormatTarget,
  ) {}
  set locked(value: boolean) {
    this.context.enqueue({
      name: "FormatProtection.locked",
      args: value,
      apply: () => {
        const sheet = this.range.sheet();
        if (sheet.protection.protected) fail("AccessDenied", `The worksheet '${sheet.name}' is protected.`);
        for (const rect of this.range.rects()) forEachCell(rect, (r, c) => (touchCell(sheet, r, c).locked = value));
      },
    });
  }
}

export class RangeFormat {
  readonly font: RangeFont;
  readonly fill: RangeFill;
  readonly borders: RangeBorderCollection;
  readonly protection: FormatProtection;

  constructor(
    private readonly context: Context,
    private readonly range: FormatTarget,
  ) {
    this.font = new RangeFont(context, range);
    this.fill = new RangeFill(context, range);
    this.borders = new RangeBorderCollection(context, range);
    this.protection = new FormatProtection(context, range);
  }

  set horizontalAlignment(value: string) {
    formatSetter(this.context, this.range, "RangeFormat.horizontalAlignment", value, (f) => {
      if (!HORIZONTAL.includes(value)) fail("InvalidArgument", `Horizontal alignment '${value}' is not valid.`);
      f.horizontal = value;
    });
  }
  set verticalAlignment(value: string) {
    formatSetter(this.context, this.range, "RangeFormat.verticalAlignment", value, (f) => {
      if (!VERTICAL.includes(value)) fail("InvalidArgument", `Vertical alignment '${value}' is not valid.`);
      f.vertical = value;
    });
  }
  set wrapText(value: boolean) {
    formatSetter(this.context, this.range, "RangeFormat.wrapText", value, (f) => (f.wrap = value));
  }
  /** points, for every column of the range */
  set columnWidth(value: number) {
    this.context.enqueue({
      name: "RangeFormat.columnWidth",
      args: value,
      apply: () => {
        const sheet = this.range.sheet();
        assertFormattable(sheet, "allowFormatColumns");
        if (!(value >= 0 && value <= 1800)) fail("InvalidArgument", `Column width ${value} is not valid.`);
        for (const rect of this.range.rects()) for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, value);
      },
    });
  }
  /** points, for every row of the range */
  set rowHeight(value: number) {
    this.context.enqueue({
      name: "RangeFormat.rowHeight",
      args: value,
      apply: () => {
        const sheet = this.range.sheet();
        assertFormattable(sheet, "allowFormatRows");
        if (!(value >= 0 && value <= 409)) fail("InvalidArgument", `Row height ${value} is not valid.`);
        for (const rect of this.range.rects()) for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, value);
      },
    });
  }
}

const RULE_KINDS = ["wholeNumber", "decimal", "list", "custom", "textLength", "date", "time"];

function checkMessage(title: unknown, message: unknown): void {
  if (typeof title === "string" && title.length > 32) fail("InvalidArgument", `The title '${title}' is longer than 32 characters.`);
  if (typeof message === "string" && message.length > 255) fail("InvalidArgument", "The message is longer than 255 characters.");
}

/** by the validations array (replaced, never filtered in place), so lookups stay O(1) on sheets with thousands of rules */
const validationIndex = new WeakMap<ValidationState[], Map<string, ValidationState>>();

/** ExcelApi 1.8. */
export class DataValidation {
  constructor(
    private readonly context: Context,
    private readonly range: Range,
  ) {}

  /** rule, prompt and error alert set on the same range belong to one validation */
  private entry(sheet: SheetState, rect: Rect): ValidationState {
    let index = validationIndex.get(sheet.validations);
    if (!index) {
      index = new Map(sheet.validations.map((v) => [rectAddress(v.rect), v]));
      validationIndex.set(sheet.validations, index);
    }
    const same = index.get(rectAddress(rect));
    if (same) return same;
    const created: ValidationState = { rect, rule: {} };
    sheet.validations.push(created);
    index.set(rectAddress(rect), created);
    return created;
  }

  private set(name: string, value: unknown, change: (entry: ValidationState) => void): void {
    this.context.enqueue({
      name: `DataValidation.${name}`,
      args: value,
      apply: () => {
        const sheet = this.range.sheet();
        assertFormattable(sheet, "allowFormatCells");
        change(this.entry(sheet, this.range.rect()));
      },
    });
  }

  set rule(value: Record<string, unknown>) {
    this.set("rule", value, (entry) => {
      const kinds = Object.keys(value ?? {}).filter((k) => value[k] !== undefined && value[k] !== null);
      if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0])) fail("InvalidArgument", "A data validation rule needs exactly one rule type.");
      const body = value[kinds[0]] as Record<string, unknown>;
      if (kinds[0] === "list") {
        const source = body.source;
        if (typeof source !== "string" || source.length === 0 || source.length > 255) fail("InvalidArgument", "The list source is not valid.");
      } else if (kinds[0] === "custom") {
        if (typeof body.formula !== "string" || !body.formula.startsWith("=")) fail("InvalidArgument", "A custom rule needs a formula.");
      } else if (body.formula1 === undefined || typeof body.operator !== "string") {
        fail("InvalidArgument", "The rule needs an operator and formula1.");
      } else if ((body.operator === "Between" || body.operator === "NotBetween") && body.formula2 === undefined) {
        fail("InvalidArgument", "A Between rule needs formula2.");
      }
      entry.rule = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    });
  }
  set prompt(value: { showPrompt?: boolean; title?: string; message?: string }) {
    this.set("prompt", value, (entry) => {
      checkMessage(value.title, value.message);
      entry.prompt = { ...value };
    });
  }
  set errorAlert(value: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this.set("errorAlert", value, (entry) => {
      checkMessage(value.title, value.message);
      entry.errorAlert = { ...value };
    });
  }
  clear(): void {
    this.context.enqueue({
      name: "DataValidation.clear",
      args: null,
      apply: () => {
        const sheet = this.range.sheet();
        const rect = this.range.rect();
        sheet.validations = sheet.validations.filter((v) => !rectsOverlap(v.rect, rect));
      },
    });
  }
}

export class ConditionalFormat {
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };
  state: ConditionalFormatState | null = null;

  constructor(private readonly context: Context) {
    const set = (name: string, value: unknown, change: (s: ConditionalFormatState) => void) =>
      this.context.enqueue({
        name: `ConditionalFormat.custom.${name}`,
        args: value,
        apply: () => change(this.state ?? fail("ItemNotFound", "The conditional format does not exist.")),
      });
    const rule = {
      set formula(value: string) {
        set("rule.formula", value, (s) => {
          if (typeof value !== "string" || !value.startsWith("=")) fail("InvalidArgument", "A custom conditional format needs a formula.");
          s.formula = value;
        });
      },
      get formula(): string {
        return fail("PropertyNotLoaded", "The property 'formula' is not available.");
      },
    };
    const fill = {
      set color(value: string) {
        set("format.fill.color", value, (s) => (s.fill = checkColor(value)));
      },
      get color(): string {
        return fail("PropertyNotLoaded", "The property 'color' is not available.");
      },
    };
    const font = {
      set color(value: string) {
        set("format.font.color", value, (s) => (s.fontColor = checkColor(value)));
      },
      get color(): string {
        return fail("PropertyNotLoaded", "The property 'color' is not available.");
      },
      set bold(value: boolean) {
        set("format.font.bold", value, (s) => (s.bold = value));
      },
      get bold(): boolean {
        return fail("PropertyNotLoaded", "The property 'bold' is not available.");
      },
    };
    this.custom = { rule, format: { fill, font } };
  }
}

/** ExcelApi 1.6; only the custom (formula) type is modelled. */
export class ConditionalFormatCollection {
  constructor(
    private readonly context: Context,
    private readonly range: Range,
  ) {}

  add(type: string): ConditionalFormat {
    const format = new ConditionalFormat(this.context);
    this.context.enqueue({
      name: "ConditionalFormatCollection.add",
      args: type,
      apply: () => {
        if (type !== "Custom") fail("InvalidArgument", `The double models only Custom conditional formats, not '${type}'.`);
        const sheet = this.range.sheet();
        assertFormattable(sheet, "allowFormatCells");
        format.state = { rect: this.range.rect(), formula: "" };
        sheet.conditionalFormats.push(format.state);
      },
    });
    return format;
  }
}

/** ExcelApi 1.9: several rectangles of one sheet, formatted at once ("A1:B2,D4"). Only `format` is modelled. */
export class RangeAreas implements FormatTarget {
  readonly format: RangeFormat;
  private bounds: Rect[] | null = null;

  constructor(
    context: Context,
    private readonly worksheet: Worksheet,
  ) {
    this.format = new RangeFormat(context, this);
  }

  bind(rects: Rect[]): void {
    this.bounds = rects;
  }

  rects(): Rect[] {
    return this.bounds ?? fail("ItemNotFound", "The range areas do not exist.");
  }

  sheet(): SheetState {
    return this.worksheet.sheet();
  }
}
