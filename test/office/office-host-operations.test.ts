/** readSheets, listSheets, selectCell, setProtected, writeMeta and the event subscriptions, through the double. */
import type { SheetPlan, WorkbookPlan } from "../../src/sheet/types";
import type { Harness } from "./harness";
import { installDouble } from "./harness";

let harness: Harness;

/** a plan of one plain visible sheet with one value */
function onePlainSheet(name: string): WorkbookPlan {
  const sheet: SheetPlan = {
    name, visibility: "visible", cells: [[{ value: "表" }]], styles: {}, columnWidths: [], rowHeights: {}, merges: [],
    validations: [], conditionalFormats: [], unlocked: [], protect: false,
  };
  return { sheets: [sheet], activate: name };
}
afterEach(() => harness?.uninstall());

test("readSheets gives grids from A1 in one sync, blanks as null, formulas only where there are formulas", async () => {
  harness = installDouble({ sheets: ["数据", "空表"] });
  harness.excel.userEdit("数据", "B2:C3", [["甲", "=B3*2"], [4, "'=x"]]);
  harness.excel.resetCounters();
  const [grid, empty] = await harness.host.readSheets(["数据", "空表"]);
  expect(harness.excel.syncCount()).toBe(1);
  expect(grid).toEqual({
    name: "数据",
    values: [[null, null, null], [null, "甲", null], [null, 4, "=x"]],
    formulas: [[null, null, null], [null, null, "=B3*2"], [null, null, null]],
  });
  expect(empty).toEqual({ name: "空表", values: [], formulas: [] });
});

test("readSheets names a missing sheet in Chinese", async () => {
  harness = installDouble();
  await expect(harness.host.readSheets(["不存在"])).rejects.toThrow(/读取工作表（不存在）失败：找不到/);
});

test("listSheets and selectCell", async () => {
  harness = installDouble({ sheets: ["一", "二"] });
  await harness.host.selectCell("二", "C5");
  expect(harness.excel.selection()).toEqual({ sheet: "二", address: "C5" });
  expect(await harness.host.listSheets()).toEqual({ names: ["一", "二"], active: "二" });
});

test("setProtected loads the state first and does nothing when already there", async () => {
  harness = installDouble();
  await harness.host.setProtected("Sheet1", true);
  expect(harness.excel.getSheetState("Sheet1").protected).toBe(true);
  harness.excel.resetCounters();
  await harness.host.setProtected("Sheet1", true);
  expect(harness.excel.syncCount()).toBe(1);
  await harness.host.setProtected("Sheet1", false);
  expect(harness.excel.getSheetState("Sheet1").protected).toBe(false);
});

test("writeMeta updates existing keys, appends new ones, keeps text as text and the protection as it was", async () => {
  harness = installDouble({ sheets: ["Sheet1"] });
  harness.excel.userAddSheet("_meta", [["contract", 1], ["subject", "旧名"]]);
  await harness.host.setProtected("_meta", true);
  await harness.host.writeMeta("_meta", { subject: "=新名", period: "2024" });
  const meta = harness.excel.getSheetState("_meta");
  expect(meta.values).toEqual([["contract", 1], ["subject", "=新名"], ["period", "2024"]]);
  expect(meta.formulas.flat().every((formula) => formula === null)).toBe(true);
  expect(meta.protected).toBe(true);
});

test.each([
  [7, 2, 3],
  [8, 2, 3],
  [9, 1, 1],
])("onChanged reports user edits with sheet names; dispose stops it (ExcelApi 1.%i: %i syncs to start, %i handlers)", async (apiMinor, syncs, handlers) => {
  // below 1.9 a handler per sheet (two here) and one for sheets added later; from 1.9 one for the workbook
  harness = installDouble({ sheets: ["评分表", "其他"], apiMinor });
  const seen: unknown[] = [];
  const subscription = await harness.host.onChanged((changes) => seen.push(...changes));
  expect(harness.excel.syncCount()).toBe(syncs);
  expect(harness.excel.activeHandlerCount()).toBe(handlers);
  harness.excel.userEdit("评分表", "F9:G10", [[1, "理由"], [0.5, "理由"]]);
  await harness.excel.settle();
  expect(seen).toEqual([{ sheet: "评分表", address: "F9:G10" }]);
  await subscription.dispose();
  harness.excel.userEdit("评分表", "F11", 1);
  await harness.excel.settle();
  expect(seen).toHaveLength(1);
  expect(harness.excel.activeHandlerCount()).toBe(0);
});

test("onActivated reports the sheet the user switched to", async () => {
  harness = installDouble({ sheets: ["一", "二"] });
  const seen: string[] = [];
  await harness.host.onActivated((sheet) => seen.push(sheet));
  harness.excel.userActivate("二");
  await harness.excel.settle();
  expect(seen).toEqual(["二"]);
});

test("below ExcelApi 1.9 the sheets applyPlan adds are watched; if that fails the plan stands and a notice says so", async () => {
  harness = installDouble({ sheets: ["其他"], apiMinor: 8 });
  const seen: string[] = [];
  await harness.host.onChanged((changes) => seen.push(...changes.map((change) => change.sheet)));
  const applied = await harness.host.applyPlan(onePlainSheet("新表"));
  expect(applied.notices).toEqual([]);
  harness.excel.userEdit("新表", "A1", 1);
  await harness.excel.settle();
  expect(seen).toEqual(["新表"]);

  // the Excel.run after the one that applies the plan (the watch) fails
  const realRun = (globalThis as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
  const run = realRun.run;
  let runs = 0;
  realRun.run = (...args: unknown[]) => (++runs === 2 ? Promise.reject(new Error("watch refused")) : run(...args));
  const second = await harness.host.applyPlan(onePlainSheet("第二张"));
  realRun.run = run;
  expect(harness.excel.sheetNames()).toContain("第二张");
  expect(second.notices).toEqual([expect.stringMatching(/未能监听新插入工作表的修改/)]);
});
