/**
 * Replays a WorkbookPlan in one Excel.run: sync 1 reads the sheet names, sync 2 writes everything. More syncs happen
 * only when a plan is so large that one request would pass REQUEST_BYTES (Excel refuses requests above 5 MB).
 */
import type { SheetPlan, WorkbookPlan } from "../../sheet/types";
import type { AppliedPlan } from "../types";
import { areaAddress } from "./areas";
import { ACTION_BYTES, sheetDressing } from "./apply-sheet";
import { featuresAt } from "./capabilities";
import { cellBlocks } from "./cell-blocks";
import { OfficeHostError } from "./errors";
import { uniqueSheetName } from "../../sheet/sheet-names";
import { sync } from "./sync";

/**
 * Estimated bytes per request, under the 5 MB Excel accepts. The estimate runs ~8% below what the Excel double
 * measures when formats go batched (ExcelApi 1.9+), so 4.25 MiB stays under 5 000 000 bytes measured (≈ 4.8 MB at most);
 * a synthetic 1000-indicator rubric (≈ 4.7 MB) goes in two requests; one action per rectangle (older Excel) it runs
 * ~18% below, hence the smaller budget there.
 */
const REQUEST_BYTES = 4.25 * 1024 * 1024;
const REQUEST_BYTES_PER_RANGE = 3 * 1024 * 1024;

const NOTICE_NO_VALIDATION =
  "当前 Excel 版本不支持数据验证（需要 ExcelApi 1.8），输入单元格未设置下拉列表和数值范围；计分时仍会逐项校验。";
const NOTICE_NO_PAGE_LAYOUT =
  "当前 Excel 版本不支持设置打印格式（需要 ExcelApi 1.9），请在“页面布局”中手动设置：A4 横向、打印标题行；评分表按 100% 缩放打印（列宽已按一页宽设置）、页脚加“第X页 共Y页”。";

interface Naming {
  /** planned name → name used */
  names: Record<string, string>;
  /** replaced sheets: current name → temporary name, so their names are free for the new sheets */
  parked: Map<string, string>;
}

/** Never reuses a user's sheet name; our replaced sheets are parked under temporary names and deleted at the end. */
function chooseNames(existing: string[], planned: string[], replace: string[]): Naming {
  const replacedLower = new Set(replace.map((name) => name.toLowerCase()));
  const toPark = existing.filter((name) => replacedLower.has(name.toLowerCase()));
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const parked = new Map<string, string>();
  for (const name of toPark) {
    const temporary = uniqueSheetName(`~old ${name}`, taken);
    taken.add(temporary.toLowerCase());
    parked.set(name, temporary);
  }
  for (const name of toPark) taken.delete(name.toLowerCase());
  const names: Record<string, string> = {};
  for (const name of planned) {
    const chosen = uniqueSheetName(name, taken);
    taken.add(chosen.toLowerCase());
    names[name] = chosen;
  }
  return { names, parked };
}

function nameOverrides(plan: WorkbookPlan, sheet: SheetPlan, names: Record<string, string>): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const cell of plan.nameCells ?? []) {
    if (cell.sheet !== sheet.name) continue;
    const target = names[cell.refersTo];
    const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(cell.address);
    if (target === undefined || !match) throw new OfficeHostError("InvalidPlan", `计划中的工作表名称单元格无效：${cell.sheet}!${cell.address} → ${cell.refersTo}`);
    let column = 0;
    for (const ch of match[1].toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
    overrides.set(`${Number(match[2]) - 1},${column - 1}`, target);
  }
  return overrides;
}

export interface ApplyOptions {
  replace?: string[];
  /** ExcelApi minor version detected by the caller */
  apiMinor: number;
}

export async function applyPlanInExcel(plan: WorkbookPlan, options: ApplyOptions): Promise<AppliedPlan> {
  const features = featuresAt(options.apiMinor);
  const added: string[] = [];
  let parkedSheets = new Map<string, string>();
  let eventsWere = true;
  try {
    return await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      if (features.enableEvents) context.runtime.load("enableEvents");
      await sync(context);
      if (features.enableEvents) eventsWere = context.runtime.enableEvents;

      const existing = worksheets.items.map((sheet) => sheet.name);
      const { names, parked } = chooseNames(existing, plan.sheets.map((sheet) => sheet.name), options.replace ?? []);
      parkedSheets = parked;
      if (features.enableEvents) context.runtime.enableEvents = false; // our own writes are not user edits
      for (const [name, temporary] of parked) worksheets.getItem(name).name = temporary;

      const sheets = plan.sheets.map((sheet) => {
        added.push(names[sheet.name]);
        return worksheets.add(names[sheet.name]);
      });
      // cell blocks first (formats and rules apply to written cells), then each sheet's dressing, syncing in between
      // only when the next piece would take the request past REQUEST_BYTES
      let pendingBytes = 0;
      const spend = async (bytes: number) => {
        if (pendingBytes > 0 && pendingBytes + bytes > (features.rangeAreas ? REQUEST_BYTES : REQUEST_BYTES_PER_RANGE)) {
          await sync(context);
          pendingBytes = 0;
        }
        pendingBytes += bytes;
      };
      for (const [index, sheet] of plan.sheets.entries()) {
        for (const block of cellBlocks(sheet.cells, nameOverrides(plan, sheet, names))) {
          await spend(block.bytes + ACTION_BYTES * 2);
          sheets[index].getRange(areaAddress(block.area)).formulas = block.formulas;
        }
      }
      for (const [index, sheet] of plan.sheets.entries()) {
        for (const job of sheetDressing(sheet, features)) {
          await spend(job.bytes);
          job.queue(sheets[index]);
        }
      }
      for (const temporary of parked.values()) worksheets.getItem(temporary).delete();
      // hide only after our visible sheet exists, and never the one we activate
      plan.sheets.forEach((sheet, index) => {
        if (sheet.visibility === "hidden") sheets[index].visibility = "Hidden";
      });
      const active = plan.sheets.findIndex((sheet) => sheet.name === plan.activate);
      if (active >= 0) sheets[active].activate();
      if (features.enableEvents) context.runtime.enableEvents = eventsWere;
      await sync(context);

      const notices: string[] = [];
      if (!features.dataValidation && plan.sheets.some((sheet) => sheet.validations.length > 0)) notices.push(NOTICE_NO_VALIDATION);
      if (!features.pageLayout && plan.sheets.some((sheet) => sheet.print)) notices.push(NOTICE_NO_PAGE_LAYOUT);
      for (const sheet of plan.sheets) {
        if (names[sheet.name] !== sheet.name && sheet.visibility === "visible") {
          notices.push(`工作簿中已有名为“${sheet.name}”的工作表，新表命名为“${names[sheet.name]}”，原表未作改动。`);
        }
      }
      return { names, notices };
    });
  } catch (error) {
    await cleanUpAfterFailure(added, parkedSheets, { enableEvents: features.enableEvents, eventsWere });
    throw error;
  }
}

/**
 * Office.js does not roll back: remove the half-built sheets we added, give replaced sheets their names back and switch
 * events on again. Best effort.
 */
async function cleanUpAfterFailure(added: string[], parked: Map<string, string>, events: { enableEvents: boolean; eventsWere: boolean }): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const ours = added.map((name) => worksheets.getItemOrNullObject(name));
      const renamed = [...parked].map(([name, temporary]) => ({ name, sheet: worksheets.getItemOrNullObject(temporary) }));
      await sync(context);
      for (const sheet of ours) if (!sheet.isNullObject) sheet.delete();
      for (const { name, sheet } of renamed) if (!sheet.isNullObject) sheet.name = name;
      if (events.enableEvents) context.runtime.enableEvents = events.eventsWere;
      await sync(context);
    });
  } catch {
    // the original error is what the user needs to see
  }
}
