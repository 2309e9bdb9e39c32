/**
 * The SpreadsheetHost for Excel, through Office.js (the globals `Excel` and `Office`). The only code that calls Excel.*;
 * every method is one Excel.run with a constant number of syncs, whatever the plan size.
 */
import type { Grid, WorkbookPlan } from "../../sheet/types";
import type { AppliedPlan, Disposable, HostCapabilities, HostEnvironment, SheetChange, SpreadsheetHost } from "../types";
import { applyPlanInExcel } from "./apply-plan";
import { detectCapabilities, featuresAt } from "./capabilities";
import { setCellsLockedInExcel } from "./cell-locks";
import { OfficeHostError, officeCall } from "./errors";
import type { ChangeWatch, SheetNameCache } from "./events";
import { rememberSheetNames, watchActivation, watchChanges } from "./events";
import { writeMetaInExcel } from "./meta-writer";
import { readSheetsInExcel } from "./read-sheets";
import { sync, syncsSoFar } from "./sync";

export { CellEditModeError, OfficeHostError } from "./errors";

const NOTICE_NOT_WATCHED = "未能监听新插入工作表的修改，“评分”可能不会随修改自动更新：关闭并重新打开任务窗格即可恢复。";

function requireExcel(): HostCapabilities {
  const capabilities = detectCapabilities();
  if (typeof Excel === "undefined" || !capabilities.supported) {
    throw new OfficeHostError(
      "Unsupported",
      `当前环境不支持本加载项：需要 Excel 2019 或更高版本（ExcelApi 1.7），检测到 ExcelApi 1.${capabilities.excelApiMinor}。`,
    );
  }
  return capabilities;
}

export function createOfficeHost(): SpreadsheetHost {
  const sheetNames: SheetNameCache = new Map();
  /** change watches below ExcelApi 1.9, told about the sheets applyPlan adds (Excel 1.8 reports no onAdded for them) */
  const changeWatches = new Set<ChangeWatch>();
  return {
    async capabilities(): Promise<HostCapabilities> {
      return detectCapabilities();
    },

    async applyPlan(plan: WorkbookPlan, options?: { replace?: string[] }): Promise<AppliedPlan> {
      const { excelApiMinor } = requireExcel();
      const applied = await officeCall("生成评分表", () => applyPlanInExcel(plan, { replace: options?.replace, apiMinor: excelApiMinor }));
      // the plan is in the workbook whatever happens now: a failed watch is a notice, not a failed insert
      const watching = await Promise.allSettled([...changeWatches].map((watch) => watch.watch(Object.values(applied.names))));
      if (watching.some((outcome) => outcome.status === "rejected")) return { ...applied, notices: [...applied.notices, NOTICE_NOT_WATCHED] };
      return applied;
    },

    async readSheets(names: string[]): Promise<Grid[]> {
      requireExcel();
      return officeCall(`读取工作表（${names.join("、")}）`, () => readSheetsInExcel(names));
    },

    async listSheets(): Promise<{ names: string[]; active: string }> {
      requireExcel();
      return officeCall("读取工作表列表", () =>
        Excel.run(async (context) => {
          const worksheets = context.workbook.worksheets;
          worksheets.load("items/name,items/id");
          const active = worksheets.getActiveWorksheet();
          active.load("name");
          await sync(context);
          rememberSheetNames(sheetNames, worksheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name })));
          return { names: worksheets.items.map((sheet) => sheet.name), active: active.name };
        }),
      );
    },

    async selectCell(sheet: string, address: string): Promise<void> {
      requireExcel();
      await officeCall(`定位到 ${sheet}!${address}`, () =>
        Excel.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange(address).select();
          await sync(context);
        }),
      );
    },

    async setProtected(sheet: string, protect: boolean): Promise<void> {
      requireExcel();
      await officeCall(protect ? `保护工作表“${sheet}”` : `撤消工作表“${sheet}”的保护`, () =>
        Excel.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          // protect() and unprotect() both throw when the sheet is already in that state
          worksheet.protection.load("protected");
          await sync(context);
          if (worksheet.protection.protected === protect) return;
          if (protect) worksheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
          else worksheet.protection.unprotect();
          await sync(context);
        }),
      );
    },

    async setCellsLocked(sheet: string, addresses: string[], locked: boolean): Promise<void> {
      requireExcel();
      await officeCall(locked ? `锁定“${sheet}”的输入单元格` : `解锁“${sheet}”的输入单元格`, () => setCellsLockedInExcel(sheet, addresses, locked));
    },

    async writeMeta(metaSheet: string, values: Record<string, string>): Promise<void> {
      const { enableEvents } = requireExcel();
      await officeCall(`写入“${metaSheet}”`, () => writeMetaInExcel(metaSheet, values, enableEvents));
    },

    async onChanged(listener: (changes: SheetChange[]) => void): Promise<Disposable> {
      const { excelApiMinor } = requireExcel();
      const watch = await officeCall("监听单元格修改", () => watchChanges(sheetNames, featuresAt(excelApiMinor), listener));
      changeWatches.add(watch);
      return {
        dispose: () => {
          changeWatches.delete(watch);
          return watch.dispose();
        },
      };
    },

    async onActivated(listener: (sheet: string) => void): Promise<Disposable> {
      requireExcel();
      return officeCall("监听工作表切换", () => watchActivation(sheetNames, listener));
    },
  
    async environment(): Promise<HostEnvironment> {
      // diagnostics is missing in a few old hosts: say "unknown" rather than fail the report
      try {
        const diagnostics = Office.context.diagnostics;
        return { platform: String(diagnostics?.platform ?? "?"), officeVersion: String(diagnostics?.version ?? "?") };
      } catch {
        return { platform: "?", officeVersion: "?" };
      }
    },

    async writeCells(sheet: string, address: string, values: (string | number | boolean)[][]): Promise<void> {
      requireExcel();
      await officeCall(`写入 ${sheet}!${address}`, () =>
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
          await sync(context);
        }),
      );
    },

    async deleteSheets(names: string[]): Promise<void> {
      requireExcel();
      await officeCall(`删除工作表（${names.join("、")}）`, () =>
        Excel.run(async (context) => {
          const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
          await sync(context);
          const present = sheets.filter((sheet) => !sheet.isNullObject);
          if (present.length === 0) return;
          present.forEach((sheet) => sheet.delete());
          await sync(context);
        }),
      );
    },

    syncCount: syncsSoFar,
  };
}
