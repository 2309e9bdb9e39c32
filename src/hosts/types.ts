/**
 * What the task pane needs from a spreadsheet, whoever provides it (Office.js in Excel, or the Excel test double in
 * tests and the browser harness). The task pane never calls Excel.* itself.
 */
import type { Grid, WorkbookPlan } from "../sheet/types";

/**
 * What went wrong in a host call, in the host's own terms: a view decides what to do from `kind` (retry, look again,
 * explain) and shows `message`, never a host's error codes. Each host maps its own failures onto these kinds.
 */
export type HostErrorKind =
  /** the user is editing a cell: every batch is refused until they finish, so the same call may well succeed later */
  | "cell-edit-mode"
  /** a sheet or range is gone (deleted or renamed meanwhile) */
  | "not-found"
  | "already-exists"
  /** a protected sheet refused a change */
  | "access-denied"
  /** this Excel lacks an API the call needs */
  | "api-missing"
  /** Excel is absent or too old for the add-in to work at all */
  | "unsupported"
  /** the host refused the request itself (an invalid argument, operation or plan) */
  | "invalid"
  /** one request carried more data than the host accepts */
  | "too-large"
  | "other";

export class HostError extends Error {
  readonly kind: HostErrorKind;
  constructor(kind: HostErrorKind, message: string) {
    super(message);
    this.name = "HostError";
    this.kind = kind;
  }
}

/** A HostError, of the given kind when one is named. */
export function isHostError(error: unknown, kind?: HostErrorKind): error is HostError {
  return error instanceof HostError && (kind === undefined || error.kind === kind);
}

export interface HostCapabilities {
  /** highest ExcelApi 1.x minor version supported, e.g. 7 for ExcelApi 1.7; 0 when Excel is absent */
  excelApiMinor: number;
  /** ExcelApi ≥ 1.7: we can work at all */
  supported: boolean;
  /** ExcelApi ≥ 1.8: data validation, runtime.enableEvents */
  dataValidation: boolean;
  enableEvents: boolean;
  /** each optional feature and whether this host has it (absent: the host does not say) */
  features?: HostFeature[];
}

/** An optional feature of the host: on, or reduced because Excel is older than `needs` (an ExcelApi 1.x minor). */
export interface HostFeature {
  /** dataValidation, enableEvents, rangeAreas, pageLayout, workbookChangeEvents */
  name: string;
  needs: number;
  on: boolean;
}

export interface AppliedPlan {
  /** planned sheet name → the unique name actually used */
  names: Record<string, string>;
  /** what could not be applied on this host (e.g. data validation below ExcelApi 1.8), in Chinese */
  notices: string[];
}

/** Where the add-in runs, for the self-test report. */
export interface HostEnvironment {
  /** Office.context.diagnostics.platform: PC, Mac, OfficeOnline … */
  platform: string;
  /** Office build, e.g. 16.0.10827.20181 (Excel 2019) */
  officeVersion: string;
}

export interface SheetChange {
  sheet: string;
  /** A1 range that changed, e.g. "F12" or "F12:G30" */
  address: string;
}

export interface Disposable {
  dispose(): void | Promise<void>;
}

export interface SpreadsheetHost {
  capabilities(): Promise<HostCapabilities>;
  /** Apply a plan in one Excel.run; never overwrites or renames a user's sheet. `replace`: our own sheets to delete first. */
  applyPlan(plan: WorkbookPlan, options?: { replace?: string[] }): Promise<AppliedPlan>;
  /** Read whole used ranges of the named sheets (values and formulas) in one sync. */
  readSheets(names: string[]): Promise<Grid[]>;
  /** Names of all sheets in tab order and the active one. */
  listSheets(): Promise<{ names: string[]; active: string }>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Protect (no password) or unprotect a sheet; no-op when already in that state. */
  setProtected(sheet: string, protect: boolean): Promise<void>;
  /**
   * Lock or unlock cells (A1 cells or ranges) of a sheet, keeping its protection as it was; used by 定稿 to lock the
   * inputs. Optional (added by the live 评分 view): without it 定稿 can only protect the sheet.
   */
  setCellsLocked?(sheet: string, addresses: string[], locked: boolean): Promise<void>;
  /** Write key/value rows into a _meta sheet (adds the key when absent). */
  writeMeta(metaSheet: string, values: Record<string, string>): Promise<void>;
  onChanged(listener: (changes: SheetChange[]) => void): Promise<Disposable>;
  onActivated(listener: (sheet: string) => void): Promise<Disposable>;

  /** Platform and Office build. Optional (for the self-test). */
  environment?(): Promise<HostEnvironment>;
  /** Write values into a rectangle of a sheet as a user would type them (events on). Optional (for the self-test). */
  writeCells?(sheet: string, address: string, values: (string | number | boolean)[][]): Promise<void>;
  /** Delete sheets; names that do not exist are skipped. Optional (the self-test removes its temporary sheets). */
  deleteSheets?(names: string[]): Promise<void>;
  /** context.sync() calls made so far, so a report can say what a step cost. Optional. */
  syncCount?(): number;
}
