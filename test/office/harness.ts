/** A fresh Excel double installed as the Office.js globals, and an Office host talking to it. */
import { createOfficeHost } from "../../src/hosts/office/office-host";
import type { SpreadsheetHost } from "../../src/hosts/types";
import type { ExcelDouble, ExcelDoubleOptions } from "../support/excel-double";
import { createExcelDouble } from "../support/excel-double";

export interface Harness {
  excel: ExcelDouble;
  host: SpreadsheetHost;
  uninstall(): void;
}

export function installDouble(options?: ExcelDoubleOptions): Harness {
  const excel = createExcelDouble(options);
  const uninstall = excel.install(globalThis);
  return { excel, host: createOfficeHost(), uninstall };
}
