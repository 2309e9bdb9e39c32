/** Workbook, worksheet collection, worksheet and their parts (protection, freeze panes, page layout, charts, events). */
import type { Rect } from "./address";
import { cellAddress, parseAddress } from "./address";
import type { Context, EventName } from "./engine";
import { ClientObject } from "./engine";
import { fail } from "./errors";
import { Range, RangeAreas } from "./range";
import type { ChartState, HeaderFooterState, SheetState } from "./state";
import { checkSheetName, findSheet, newSheet, sheetById, usedRect } from "./state";

/** Which sheet a worksheet proxy stands for; filled when the operation that created the proxy is applied. */
interface SheetRef {
  id: string | null;
  isNull: boolean;
  bound: boolean;
}

export class EventHandlerResult {
  readonly context: Context;
  private readonly entry: ReturnType<Context["engine"]["register"]>;

  constructor(context: Context, entry: ReturnType<Context["engine"]["register"]>) {
    this.context = context;
    this.entry = entry;
  }

  remove(): void {
    this.context.enqueue({ name: "EventHandlerResult.remove", args: null, apply: () => this.context.engine.unregister(this.entry) });
  }
}

export class EventSource {
  private readonly context: Context;
  /** "Worksheet" or "WorksheetCollection": the requirement set differs (worksheets.onChanged is ExcelApi 1.9) */
  private readonly owner: string;
  private readonly event: EventName;
  private readonly scope: () => string;

  constructor(context: Context, owner: string, event: EventName, scope: () => string) {
    this.context = context;
    this.owner = owner;
    this.event = event;
    this.scope = scope;
  }

  /** The handler is registered when the context next syncs. */
  add(handler: (args: Record<string, unknown>) => unknown): EventHandlerResult {
    const engine = this.context.engine;
    const entry = engine.register(this.event, "pending", handler);
    this.context.enqueue({
      name: `${this.owner}.on${this.event}`,
      args: null,
      apply: () => {
        (entry as { scope: string }).scope = this.scope();
        entry.active = true;
      },
    });
    return new EventHandlerResult(this.context, entry);
  }
}

export class Runtime extends ClientObject {
  protected readonly officeType = "Runtime";
  set enableEvents(value: boolean) {
    this.context.enqueue({
      name: "Runtime.enableEvents",
      args: value,
      apply: () => {
        this.context.engine.state.enableEvents = value;
      },
    });
  }
  get enableEvents(): boolean {
    return this.loadedValue("enableEvents");
  }
  protected read(property: string): unknown {
    if (property !== "enableEvents") fail("InvalidArgument", `Runtime has no property '${property}'.`);
    return this.context.engine.state.enableEvents;
  }
}

export class Workbook {
  readonly worksheets: WorksheetCollection;
  private readonly context: Context;

  constructor(context: Context) {
    this.context = context;
    this.worksheets = new WorksheetCollection(context);
  }

  getActiveWorksheet(): Worksheet {
    return this.worksheets.getActiveWorksheet();
  }

  getSelectedRange(): Range {
    const state = this.context.engine.state;
    const sheet = new Worksheet(this.context, { id: null, isNull: false, bound: false });
    const range = new Range(this.context, sheet);
    this.context.enqueue({
      name: "Workbook.getSelectedRange",
      args: null,
      apply: () => {
        sheet.bind(state.selection.sheetId);
        range.bind(state.selection.rect);
      },
    });
    return range;
  }
}

export class WorksheetCollection extends ClientObject {
  protected readonly officeType = "WorksheetCollection";
  readonly onChanged: EventSource;
  readonly onActivated: EventSource;
  readonly onAdded: EventSource;
  private loadedItems: Worksheet[] | null = null;

  constructor(context: Context) {
    super(context);
    this.onChanged = new EventSource(context, "WorksheetCollection", "Changed", () => "collection");
    this.onActivated = new EventSource(context, "WorksheetCollection", "Activated", () => "collection");
    this.onAdded = new EventSource(context, "WorksheetCollection", "Added", () => "collection");
  }

  get items(): Worksheet[] {
    if (!this.loadedItems) return fail("PropertyNotLoaded", "The property 'items' is not available. Call load() and sync().");
    return this.loadedItems;
  }

  protected read(property: string): unknown {
    if (property === "items") return true;
    return fail("InvalidArgument", `WorksheetCollection has no property '${property}'.`);
  }

  override load(props?: unknown): this {
    const paths = props === undefined ? ["items/name"] : typeof props === "string" || Array.isArray(props) ? [props].flat().join(",").split(",").map((p) => p.trim()) : ["items/name"];
    const itemProps = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    const wanted = itemProps.length > 0 ? itemProps : ["name", "id", "visibility", "position"];
    this.context.enqueue({
      name: "WorksheetCollection.load",
      args: wanted,
      apply: () => {
        this.loadedItems = this.context.engine.state.sheets.map((s) => {
          const item = new Worksheet(this.context, { id: s.id, isNull: false, bound: true });
          item.capture(wanted);
          return item;
        });
      },
    });
    return this;
  }

  add(name?: string): Worksheet {
    const sheet = new Worksheet(this.context, { id: null, isNull: false, bound: false });
    this.context.enqueue({
      name: "WorksheetCollection.add",
      args: name ?? null,
      apply: () => {
        const state = this.context.engine.state;
        let finalName = name;
        if (finalName === undefined) {
          let n = state.sheets.length + 1;
          while (findSheet(state, `Sheet${n}`)) n++;
          finalName = `Sheet${n}`;
        }
        checkSheetName(state, finalName);
        const created = newSheet(state, finalName);
        state.sheets.push(created);
        sheet.bind(created.id);
        this.context.engine.emit("Added", created.id, { type: "WorksheetAdded", source: "Local", worksheetId: created.id });
      },
    });
    return sheet;
  }

  getItem(key: string): Worksheet {
    const sheet = new Worksheet(this.context, { id: null, isNull: false, bound: false });
    this.context.enqueue({
      name: "WorksheetCollection.getItem",
      args: key,
      apply: () => {
        const found = findSheet(this.context.engine.state, key);
        if (!found) fail("ItemNotFound", `The requested resource doesn't exist: worksheet '${key}'.`);
        sheet.bind(found.id);
      },
    });
    return sheet;
  }

  getItemOrNullObject(key: string): Worksheet {
    const sheet = new Worksheet(this.context, { id: null, isNull: false, bound: false });
    this.context.enqueue({
      name: "WorksheetCollection.getItemOrNullObject",
      args: key,
      apply: () => {
        const found = findSheet(this.context.engine.state, key);
        if (found) sheet.bind(found.id);
        else sheet.bindNull();
      },
    });
    return sheet;
  }

  getActiveWorksheet(): Worksheet {
    const sheet = new Worksheet(this.context, { id: null, isNull: false, bound: false });
    this.context.enqueue({
      name: "WorksheetCollection.getActiveWorksheet",
      args: null,
      apply: () => sheet.bind(this.context.engine.state.activeSheetId),
    });
    return sheet;
  }
}

export class Worksheet extends ClientObject {
  protected readonly officeType = "Worksheet";
  readonly protection: WorksheetProtection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly pageLayout: PageLayout;
  readonly horizontalPageBreaks: PageBreakCollection;
  readonly charts: ChartCollection;
  readonly onChanged: EventSource;
  readonly onActivated: EventSource;
  private readonly ref: SheetRef;

  constructor(context: Context, ref: SheetRef) {
    super(context);
    this.ref = ref;
    this.protection = new WorksheetProtection(context, this);
    this.freezePanes = new WorksheetFreezePanes(context, this);
    this.pageLayout = new PageLayout(context, this);
    this.horizontalPageBreaks = new PageBreakCollection(context, this);
    this.charts = new ChartCollection(context, this);
    this.onChanged = new EventSource(context, "Worksheet", "Changed", () => this.sheet().id);
    this.onActivated = new EventSource(context, "Worksheet", "Activated", () => this.sheet().id);
  }

  bind(id: string): void {
    this.ref.id = id;
    this.ref.bound = true;
  }

  bindNull(): void {
    this.ref.isNull = true;
    this.ref.bound = true;
  }

  /** the sheet state, at apply time */
  sheet(): SheetState {
    if (!this.ref.bound || this.ref.isNull || this.ref.id === null) {
      return fail("ItemNotFound", "The requested worksheet does not exist.");
    }
    return sheetById(this.context.engine.state, this.ref.id);
  }

  /** isNullObject is known after the sync that resolved the proxy */
  get isNullObject(): boolean {
    if (!this.ref.bound) return fail("PropertyNotLoaded", "The property 'isNullObject' is not available. Call context.sync() first.");
    return this.ref.isNull;
  }

  capture(properties: string[]): void {
    for (const p of properties) this.loaded.set(p, this.read(p));
  }

  protected override defaultProperties(): string[] {
    return ["name", "id", "visibility", "position"];
  }

  protected override child(name: string): ClientObject | undefined {
    return name === "protection" ? this.protection : undefined;
  }

  protected read(property: string): unknown {
    if (this.ref.isNull) return null;
    const sheet = this.sheet();
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.context.engine.state.sheets.indexOf(sheet);
      default:
        return fail("InvalidArgument", `Worksheet has no loadable property '${property}'.`);
    }
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(value: string) {
    this.context.enqueue({
      name: "Worksheet.name",
      args: value,
      apply: () => {
        const sheet = this.sheet();
        checkSheetName(this.context.engine.state, value, sheet);
        sheet.name = value;
      },
    });
  }
  get id(): string {
    return this.loadedValue("id");
  }
  get position(): number {
    return this.loadedValue("position");
  }
  get visibility(): string {
    return this.loadedValue("visibility");
  }
  set visibility(value: string) {
    this.context.enqueue({
      name: "Worksheet.visibility",
      args: value,
      apply: () => {
        const state = this.context.engine.state;
        const sheet = this.sheet();
        if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") fail("InvalidArgument", `Bad visibility '${value}'.`);
        if (value !== "Visible" && !state.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
          fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        sheet.visibility = value;
        if (value !== "Visible" && state.activeSheetId === sheet.id) activateSheet(this.context, firstVisible(state.sheets));
      },
    });
  }

  activate(): void {
    this.context.enqueue({
      name: "Worksheet.activate",
      args: null,
      apply: () => {
        const sheet = this.sheet();
        if (sheet.visibility !== "Visible") fail("InvalidOperation", `The worksheet '${sheet.name}' is hidden and cannot be activated.`);
        activateSheet(this.context, sheet);
      },
    });
  }

  delete(): void {
    this.context.enqueue({
      name: "Worksheet.delete",
      args: null,
      apply: () => {
        const state = this.context.engine.state;
        const sheet = this.sheet();
        const remaining = state.sheets.filter((s) => s !== sheet);
        if (!remaining.some((s) => s.visibility === "Visible")) {
          fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        state.sheets = remaining;
        if (state.activeSheetId === sheet.id) activateSheet(this.context, firstVisible(remaining));
      },
    });
  }

  getRange(address?: string): Range {
    const range = new Range(this.context, this);
    this.context.enqueue({
      name: "Worksheet.getRange",
      args: address ?? null,
      apply: () => {
        this.sheet();
        const rect = address === undefined ? parseAddress("A:XFD") : parseAddress(address);
        if (!rect) fail("InvalidArgument", `The address '${address}' is not valid.`);
        range.bind(rect);
      },
    });
    return range;
  }

  /** ExcelApi 1.9: "A1:B2, D4" (comma or semicolon separated); like Excel, at most 8192 characters. */
  getRanges(address: string): RangeAreas {
    const areas = new RangeAreas(this.context, this);
    this.context.enqueue({
      name: "Worksheet.getRanges",
      args: address,
      apply: () => {
        this.sheet();
        if (address.length > 8192) fail("InvalidArgument", "The address is longer than 8192 characters.");
        const rects = address.split(/[,;]/).map((part) => parseAddress(part.trim()));
        if (rects.length === 0 || rects.some((rect) => rect === null)) fail("InvalidArgument", `The address '${address}' is not valid.`);
        areas.bind(rects as Rect[]);
      },
    });
    return areas;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const range = new Range(this.context, this);
    this.context.enqueue({
      name: "Worksheet.getRangeByIndexes",
      args: [startRow, startColumn, rowCount, columnCount],
      apply: () => {
        this.sheet();
        if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
          fail("InvalidArgument", "getRangeByIndexes: indexes must be non-negative and counts positive.");
        }
        range.bind({ r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 });
      },
    });
    return range;
  }

  /** An empty sheet's used range is A1, as in Excel. */
  getUsedRange(valuesOnly?: boolean): Range {
    const range = new Range(this.context, this);
    this.context.enqueue({
      name: "Worksheet.getUsedRange",
      args: valuesOnly ?? false,
      apply: () => range.bind(usedRect(this.sheet(), valuesOnly ?? false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }),
    });
    return range;
  }
}

function firstVisible(sheets: SheetState[]): SheetState {
  return sheets.find((s) => s.visibility === "Visible") ?? fail("InvalidOperation", "No visible worksheet.");
}

export function activateSheet(context: Context, sheet: SheetState): void {
  const state = context.engine.state;
  if (state.activeSheetId === sheet.id) return;
  state.activeSheetId = sheet.id;
  state.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  context.engine.emit("Activated", sheet.id, { type: "WorksheetActivated", worksheetId: sheet.id });
}

export class WorksheetProtection extends ClientObject {
  protected readonly officeType = "WorksheetProtection";
  private readonly worksheet: Worksheet;

  constructor(context: Context, worksheet: Worksheet) {
    super(context);
    this.worksheet = worksheet;
  }

  protected read(property: string): unknown {
    const sheet = this.worksheet.sheet();
    if (property === "protected") return sheet.protection.protected;
    if (property === "options") return { ...(sheet.protection.options ?? {}) };
    return fail("InvalidArgument", `WorksheetProtection has no property '${property}'.`);
  }

  get protected(): boolean {
    return this.loadedValue("protected");
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this.context.enqueue({
      name: "WorksheetProtection.protect",
      args: { options: options ?? null, password: password === undefined ? null : "***" },
      apply: () => {
        const sheet = this.worksheet.sheet();
        if (sheet.protection.protected) fail("InvalidOperation", `The worksheet '${sheet.name}' is already protected.`);
        sheet.protection = { protected: true, options: { ...(options ?? {}) } };
      },
    });
  }

  unprotect(_password?: string): void {
    this.context.enqueue({
      name: "WorksheetProtection.unprotect",
      args: null,
      apply: () => {
        const sheet = this.worksheet.sheet();
        if (!sheet.protection.protected) fail("InvalidOperation", `The worksheet '${sheet.name}' is not protected.`);
        sheet.protection = { protected: false };
      },
    });
  }
}

export class WorksheetFreezePanes {
  private readonly context: Context;
  private readonly worksheet: Worksheet;

  constructor(context: Context, worksheet: Worksheet) {
    this.context = context;
    this.worksheet = worksheet;
  }

  private set(name: string, args: unknown, freeze: () => { rows: number; columns: number }): void {
    this.context.enqueue({
      name: `WorksheetFreezePanes.${name}`,
      args,
      apply: () => {
        this.worksheet.sheet().freeze = freeze();
      },
    });
  }

  freezeRows(count?: number): void {
    this.set("freezeRows", count ?? 1, () => ({ rows: count ?? 1, columns: 0 }));
  }

  freezeColumns(count?: number): void {
    this.set("freezeColumns", count ?? 1, () => ({ rows: 0, columns: count ?? 1 }));
  }

  /** The given range is what stays in the top-left pane: its bottom row and right column are the last frozen. */
  freezeAt(frozenRange: string | Range): void {
    const address = typeof frozenRange === "string" ? frozenRange : null;
    this.set("freezeAt", address, () => {
      const rect: Rect | null = address !== null ? parseAddress(address) : (frozenRange as Range).rect();
      if (!rect) return fail("InvalidArgument", `The address '${address}' is not valid.`);
      return { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }

  unfreeze(): void {
    this.set("unfreeze", null, () => ({ rows: 0, columns: 0 }));
  }
}

/** One page's header and footer sections (HeaderFooter); only defaultForAllPages is modelled. */
export class HeaderFooter {
  private readonly context: Context;
  private readonly worksheet: Worksheet;

  constructor(context: Context, worksheet: Worksheet) {
    this.context = context;
    this.worksheet = worksheet;
  }

  private setSection(name: keyof HeaderFooterState, value: string): void {
    this.context.enqueue({ name: `HeaderFooter.${name}`, args: value, apply: () => (this.worksheet.sheet().pageLayout.headerFooter = { ...this.worksheet.sheet().pageLayout.headerFooter, [name]: value }) });
  }

  set leftHeader(value: string) {
    this.setSection("leftHeader", value);
  }
  set centerHeader(value: string) {
    this.setSection("centerHeader", value);
  }
  set rightHeader(value: string) {
    this.setSection("rightHeader", value);
  }
  set leftFooter(value: string) {
    this.setSection("leftFooter", value);
  }
  set centerFooter(value: string) {
    this.setSection("centerFooter", value);
  }
  set rightFooter(value: string) {
    this.setSection("rightFooter", value);
  }
}

export class PageLayout {
  private readonly context: Context;
  private readonly worksheet: Worksheet;
  readonly headersFooters: { defaultForAllPages: HeaderFooter };

  constructor(context: Context, worksheet: Worksheet) {
    this.context = context;
    this.worksheet = worksheet;
    this.headersFooters = { defaultForAllPages: new HeaderFooter(context, worksheet) };
  }

  private set(name: string, args: unknown, change: (sheet: SheetState) => void): void {
    this.context.enqueue({ name: `PageLayout.${name}`, args, apply: () => change(this.worksheet.sheet()) });
  }

  set orientation(value: string) {
    this.set("orientation", value, (s) => (s.pageLayout.orientation = value));
  }
  set paperSize(value: string) {
    this.set("paperSize", value, (s) => (s.pageLayout.paperSize = value));
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set("zoom", value, (s) => (s.pageLayout.zoom = { ...value }));
  }
  private margin(name: string, value: number): void {
    this.set(name, value, (s) => {
      if (!Number.isFinite(value) || value < 0) fail("InvalidArgument", `The margin ${name} must be a number of points ≥ 0.`);
      s.pageLayout.margins = { ...s.pageLayout.margins, [name]: value };
    });
  }
  set leftMargin(value: number) {
    this.margin("leftMargin", value);
  }
  set rightMargin(value: number) {
    this.margin("rightMargin", value);
  }
  set topMargin(value: number) {
    this.margin("topMargin", value);
  }
  set bottomMargin(value: number) {
    this.margin("bottomMargin", value);
  }
  set headerMargin(value: number) {
    this.margin("headerMargin", value);
  }
  set footerMargin(value: number) {
    this.margin("footerMargin", value);
  }
  setPrintTitleRows(rows: string | Range): void {
    const address = typeof rows === "string" ? rows : null;
    this.set("setPrintTitleRows", address, (s) => {
      const text = address ?? (rows as Range).rectAddress();
      if (!parseAddress(text)) fail("InvalidArgument", `The address '${text}' is not valid.`);
      s.pageLayout.printTitleRows = text;
    });
  }
}

/** Manual horizontal page breaks: add(range) puts one above the range's first row. */
export class PageBreakCollection {
  private readonly context: Context;
  private readonly worksheet: Worksheet;

  constructor(context: Context, worksheet: Worksheet) {
    this.context = context;
    this.worksheet = worksheet;
  }

  add(pageBreakRange: string | Range): void {
    const address = typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange.rectAddress();
    this.context.enqueue({
      name: "PageBreakCollection.add",
      args: address,
      apply: () => {
        const rect = parseAddress(address);
        if (!rect) return fail("InvalidArgument", `The address '${address}' is not valid.`);
        if (rect.r1 === 0) return fail("InvalidArgument", "A page break cannot be added above the first row.");
        const sheet = this.worksheet.sheet();
        sheet.pageLayout.breaksAbove = [...new Set([...(sheet.pageLayout.breaksAbove ?? []), rect.r1])].sort((a, b) => a - b);
      },
    });
  }
}

export class ChartTitle {
  private readonly context: Context;
  private readonly chart: () => { title: string };

  constructor(context: Context, chart: () => { title: string }) {
    this.context = context;
    this.chart = chart;
  }

  set text(value: string) {
    this.context.enqueue({ name: "ChartTitle.text", args: value, apply: () => (this.chart().title = value) });
  }
}

export class Chart {
  readonly title: ChartTitle;
  private readonly context: Context;
  state: ChartState | null = null;

  constructor(context: Context) {
    this.context = context;
    this.title = new ChartTitle(context, () => this.bound());
  }

  private bound(): ChartState {
    return this.state ?? fail("ItemNotFound", "The chart does not exist.");
  }

  setPosition(startCell: string | Range, _endCell?: string | Range): void {
    const address = typeof startCell === "string" ? startCell : null;
    this.context.enqueue({
      name: "Chart.setPosition",
      args: address,
      apply: () => {
        const text = address ?? (startCell as Range).rectAddress();
        const rect = parseAddress(text);
        if (!rect) fail("InvalidArgument", `The address '${text}' is not valid.`);
        this.bound().anchor = cellAddress(rect.r0, rect.c0);
      },
    });
  }
}

export class ChartCollection {
  private readonly context: Context;
  private readonly worksheet: Worksheet;

  constructor(context: Context, worksheet: Worksheet) {
    this.context = context;
    this.worksheet = worksheet;
  }

  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    const chart = new Chart(this.context);
    this.context.enqueue({
      name: "ChartCollection.add",
      args: { type, seriesBy: seriesBy ?? "Auto" },
      apply: () => {
        const sheet = this.worksheet.sheet();
        if (sheet.protection.protected) fail("AccessDenied", `The worksheet '${sheet.name}' is protected.`);
        const source = sourceData.rect();
        chart.state = { id: `chart${sheet.charts.length + 1}`, type, source, seriesBy: seriesBy ?? "Auto", title: "", anchor: null };
        sheet.charts.push(chart.state);
      },
    });
    return chart;
  }
}
