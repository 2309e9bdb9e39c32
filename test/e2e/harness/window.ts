/** What the harness page puts on `window.harness` for tests to drive and inspect through page.evaluate. */
import type { SpreadsheetHost } from "../../../src/hosts/types";
import type { ExcelDouble } from "../../support/excel-double";
import type { HarnessOptions } from "./options";

export interface HarnessGlobal {
  /** the Excel double behind the globals Excel/Office: userEdit, getSheetState, selection, enterCellEditMode … */
  excel: ExcelDouble;
  /** an office host of its own on the same double (the pane has its own instance) */
  host: SpreadsheetHost;
  options: HarnessOptions;
  /** true once the grid and the pane have been rendered */
  ready: boolean;
}

export type HarnessWindow = Window & { harness: HarnessGlobal };
