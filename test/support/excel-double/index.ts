/**
 * A test double of the part of Office.js (ExcelApi ≤ 1.12) this add-in uses, keeping Office.js semantics: proxies,
 * load + sync, errors at sync, events. Plain TypeScript with no Node imports: bundled into the browser harness too.
 *
 *   const excel = createExcelDouble({ apiMinor: 8 });
 *   excel.install(globalThis);          // sets Excel, Office, OfficeExtension
 *   ... code under test calls Excel.run ...
 *   excel.syncCount(); excel.getSheetState("Sheet1"); excel.userEdit("Sheet1", "B2", [[3]]);
 */
import { parseAddress, rectAddress, rectColumns, rectRows } from "./address";
import type { ExcelDoubleOptions } from "./engine";
import { Context, Engine } from "./engine";
import { DoubleOfficeError, fail } from "./errors";
import { emitChanged } from "./range";
import type { Scalar, WorkbookState } from "./state";
import { enterValue, findSheet, forEachCell, newSheet, newWorkbook, peekCell, touchCell } from "./state";
import { snapshotSheet } from "./snapshot";
import type { SheetSnapshot } from "./snapshot";
import { EventHandlerResult, Runtime, Workbook, activateSheet } from "./worksheet";

export type { ExcelDoubleOptions } from "./engine";
export type { SheetSnapshot, CellSnapshot } from "./snapshot";
export { DoubleOfficeError } from "./errors";

export class RequestContext extends Context {
  readonly workbook: Workbook;
  readonly runtime: Runtime;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(engine: Engine) {
    super(engine);
    this.workbook = new Workbook(this);
    this.runtime = new Runtime(this);
  }
}

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
} as const;

function contextOf(engine: Engine, first: unknown): RequestContext {
  if (first instanceof RequestContext) return first;
  const candidate = Array.isArray(first) ? first[0] : first;
  const context = (candidate as { context?: unknown } | undefined)?.context;
  if (context instanceof RequestContext) return context;
  if (candidate instanceof EventHandlerResult && candidate.context instanceof RequestContext) return candidate.context;
  return new RequestContext(engine);
}

export interface ExcelDouble {
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
  /** context.sync() calls since start or resetCounters() */
  syncCount(): number;
  /** total bytes of the JSON of the operations sent, over all syncs */
  payloadBytes(): number;
  /** bytes per sync, in order */
  syncPayloads(): number[];
  resetCounters(): void;
  /** A user typing or pasting: respects protection (false = refused), fires onChanged once for the whole block. */
  userEdit(sheet: string, address: string, values: Scalar | null | (Scalar | null)[][]): boolean;
  /** A user clicking a sheet tab. */
  userActivate(sheet: string): void;
  /** A user adding a sheet of their own, optionally with values from A1. */
  userAddSheet(name: string, values?: (Scalar | null)[][]): void;
  enterCellEditMode(): void;
  exitCellEditMode(): void;
  /** The cached result a formula cell reports (the double does not calculate). */
  setFormulaValue(sheet: string, address: string, value: Scalar | null): void;
  getSheetState(name: string): SheetSnapshot;
  sheetNames(): string[];
  activeSheet(): string;
  selection(): { sheet: string; address: string };
  eventsEnabled(): boolean;
  activeHandlerCount(): number;
  /** errors thrown by event handlers */
  handlerErrors(): unknown[];
  /** Waits for delivered events and whatever their handlers started. */
  settle(): Promise<void>;
  /** the raw workbook state, for export-plan.ts */
  state(): WorkbookState;
  /** Puts Excel, Office and OfficeExtension on the target (globalThis); returns a function that restores them. */
  install(target: object): () => void;
}

export function createExcelDouble(options: ExcelDoubleOptions = {}): ExcelDouble {
  const engine = new Engine(newWorkbook(options.sheets ?? ["Sheet1"]), options);
  const state = engine.state;
  const controlContext = new RequestContext(engine);

  async function run<T>(first: unknown, second?: (context: RequestContext) => Promise<T>): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as (context: RequestContext) => Promise<T>;
    const context = typeof first === "function" ? new RequestContext(engine) : contextOf(engine, first);
    const result = await batch(context);
    if (context.pendingCount > 0) await context.sync();
    return result;
  }

  const Excel = {
    run,
    RequestContext: function RequestContextFactory() {
      return new RequestContext(engine);
    },
    ErrorCodes,
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight" },
    EventSource: { local: "Local", remote: "Remote" },
  };

  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
    context: {
      host: "Excel",
      diagnostics: { host: "Excel", platform: options.platform ?? "PC", version: options.officeVersion ?? "16.0.19328.20000" },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name !== "ExcelApi" || engine.apiMinor < 1) return false;
          if (minVersion === undefined) return true;
          const [major, minor = "0"] = String(minVersion).split(".");
          return Number(major) < 1 || (Number(major) === 1 && Number(minor) <= engine.apiMinor);
        },
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      const info = { host: "Excel", platform: options.platform ?? "PC" };
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
  };

  const OfficeExtension = { Error: DoubleOfficeError, ErrorCodes };

  function sheetNamed(name: string) {
    return findSheet(state, name) ?? fail("ItemNotFound", `No worksheet '${name}' in the double.`);
  }

  function rectOf(address: string) {
    return parseAddress(address) ?? fail("InvalidArgument", `Bad address '${address}'.`);
  }

  return {
    Excel,
    Office,
    OfficeExtension,
    syncCount: () => engine.syncs,
    payloadBytes: () => engine.payloads.reduce((a, b) => a + b, 0),
    syncPayloads: () => [...engine.payloads],
    resetCounters() {
      engine.syncs = 0;
      engine.payloads = [];
    },
    userEdit(sheetName, address, values) {
      const sheet = sheetNamed(sheetName);
      const rect = rectOf(address);
      const grid = Array.isArray(values) ? values : Array.from({ length: rectRows(rect) }, () => Array(rectColumns(rect)).fill(values));
      if (grid.length !== rectRows(rect) || grid.some((row) => row.length !== rectColumns(rect))) {
        throw new Error(`userEdit: the values do not fit ${address}`);
      }
      let refused = false;
      forEachCell(rect, (r, c) => {
        if (sheet.protection.protected && (peekCell(sheet, r, c)?.locked ?? true)) refused = true;
      });
      if (refused) return false;
      forEachCell(rect, (r, c, i, j) => {
        const item = grid[i][j];
        const cell = touchCell(sheet, r, c);
        if (item === null) Object.assign(cell, { value: null, formula: null, quotePrefix: false });
        else enterValue(cell, item, address);
      });
      emitChanged(controlContext, sheet, rect, "Unknown");
      return true;
    },
    userActivate(name) {
      activateSheet(controlContext, sheetNamed(name));
    },
    userAddSheet(name, values) {
      const sheet = newSheet(state, name);
      state.sheets.push(sheet);
      values?.forEach((row, r) =>
        row.forEach((item, c) => {
          if (item !== null) enterValue(touchCell(sheet, r, c), item, `R${r + 1}C${c + 1}`);
        }),
      );
      engine.emit("Added", sheet.id, { type: "WorksheetAdded", source: "Local", worksheetId: sheet.id });
    },
    enterCellEditMode: () => void (state.cellEditMode = true),
    exitCellEditMode: () => void (state.cellEditMode = false),
    setFormulaValue(sheetName, address, value) {
      const rect = rectOf(address);
      const cell = peekCell(sheetNamed(sheetName), rect.r0, rect.c0);
      if (!cell || cell.formula === null) throw new Error(`setFormulaValue: ${sheetName}!${address} holds no formula`);
      cell.value = value;
    },
    getSheetState: (name) => snapshotSheet(sheetNamed(name)),
    sheetNames: () => state.sheets.map((s) => s.name),
    activeSheet: () => sheetNamed(state.activeSheetId).name,
    selection: () => ({ sheet: sheetNamed(state.selection.sheetId).name, address: rectAddress(state.selection.rect) }),
    eventsEnabled: () => state.enableEvents,
    activeHandlerCount: () => engine.activeHandlerCount(),
    handlerErrors: () => [...engine.handlerErrors],
    settle: () => engine.settle(),
    state: () => state,
    install(target) {
      const host = target as Record<string, unknown>;
      const previous = { Excel: host.Excel, Office: host.Office, OfficeExtension: host.OfficeExtension };
      Object.assign(host, { Excel, Office, OfficeExtension });
      return () => Object.assign(host, previous);
    },
  };
}
