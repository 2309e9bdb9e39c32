/**
 * The 评分表 view's branch picker: a 党支部名单 sheet in the open workbook (typed by the user into the Excel double) is
 * found in exactly two syncs, parsed by src/roster, and inserting a template for a picked branch fills the header and
 * records the roster's 编号 as `_meta` subjectId — in the two syncs of any insert. A scheme about secretaries takes the
 * 书记 and puts the branch in 所在党支部; a roster sheet with bad rows is reported by row, never offered.
 */
import { createOfficeHost } from "../../src/hosts/office/office-host";
import type { SpreadsheetHost } from "../../src/hosts/types";
import { planTemplate } from "../../src/sheet/planner";
import { emptyHeaderForm, headerToMeta } from "../../src/taskpane/views/templates/header-form";
import { formForEntry, readWorkbookRoster } from "../../src/taskpane/views/templates/workbook-roster";
import { summarizeScheme } from "../../src/taskpane/views/templates/scheme-summary";
import { createExcelDouble, type ExcelDouble } from "../support/excel-double";
import { scheme } from "../batch/workbooks";

const ROSTER = [
  ["编号", "党支部名称", "上级党组织", "书记"],
  ["A01", "机电工程学院教工第一党支部", "机电工程学院党委", "张三"],
  ["A02", "机电工程学院学生第一党支部", "机电工程学院党委", "李四"],
  ["B01", "机关第一党支部", "机关党委", "王五"],
];

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

async function workbook(rows: (string | null)[][] | null): Promise<{ excel: ExcelDouble; host: SpreadsheetHost }> {
  const excel = createExcelDouble({ apiMinor: 12 });
  uninstall = excel.install(globalThis);
  const host = createOfficeHost();
  // a template already in the workbook is not a roster
  await host.applyPlan(planTemplate(scheme("lianghua-yichuang"), { subject: "另一个支部" }));
  if (rows) excel.userAddSheet("党支部名单", rows);
  excel.resetCounters();
  return { excel, host };
}

/** The header cells of an inserted template, as its `_meta` addresses them, and its `_meta` values. */
function inserted(excel: ExcelDouble, sheet: string, metaSheet: string) {
  const meta = new Map(excel.getSheetState(metaSheet).values.map((row) => [String(row[0]), String(row[1] ?? "")]));
  const values = excel.getSheetState(sheet).values;
  const at = (key: string) => {
    const address = meta.get(key)!;
    return values[Number(address.slice(1)) - 1]?.[address.charCodeAt(0) - 65];
  };
  return { meta, at };
}

test("the roster sheet is found in two syncs and its rows are the branches offered", async () => {
  const { excel, host } = await workbook(ROSTER);
  const found = await readWorkbookRoster(host);
  expect(excel.syncCount()).toBe(2);
  if (found.kind !== "roster") throw new Error(found.kind);
  expect(found.sheet).toBe("党支部名单");
  expect(found.entries.map((entry) => [entry.id, entry.subject, entry.org, entry.secretary])).toEqual(ROSTER.slice(1));
});

/**
 * As the view does: the roster read from the workbook, the header form filled for its `entry`-th branch, a template of
 * `schemeId` inserted; `syncs` counts the insert's syncs alone.
 */
async function insertForBranch(schemeId: string, entry: number) {
  const { excel, host } = await workbook(ROSTER);
  const found = await readWorkbookRoster(host);
  if (found.kind !== "roster") throw new Error(found.kind);
  const summary = summarizeScheme(scheme(schemeId));
  const form = formForEntry(emptyHeaderForm(new Date("2025-06-01"), summary.raters), found.entries[entry], summary.subject, summary.headerFields);
  excel.resetCounters();
  const plan = planTemplate(scheme(schemeId), headerToMeta(form, summary.raters, summary.headerFields));
  const applied = await host.applyPlan(plan);
  return { syncs: excel.syncCount(), ...inserted(excel, applied.names[plan.activate], applied.names["_meta"]) };
}

test("inserting for a picked branch fills 支部名称 and 所属党组织 and records its 编号 as subjectId (two syncs)", async () => {
  const { syncs, meta, at } = await insertForBranch("lianghua-yichuang", 1);
  expect(syncs).toBe(2);
  expect([at("cell:meta:subject"), at("cell:meta:org")]).toEqual(["机电工程学院学生第一党支部", "机电工程学院党委"]);
  expect(meta.get("subjectId")).toBe("A02");
});

test("四比四看: the 书记 is the subject and the branch goes to 所在党支部", async () => {
  const { meta, at } = await insertForBranch("sibi-sikan", 2);
  expect([at("cell:meta:subject"), at("cell:meta:org"), at("cell:meta:branch")]).toEqual(["王五", "机关党委", "机关第一党支部"]);
  expect(meta.get("subjectId")).toBe("B01");
});

test("a roster sheet with a repeated branch is reported by row, not offered; a workbook without one offers nothing", async () => {
  const bad = await workbook([...ROSTER, ["A03", "机关第一党支部", "机关党委", "赵六"]]);
  const found = await readWorkbookRoster(bad.host);
  expect(found).toEqual({ kind: "invalid", sheet: "党支部名单", errors: ["名单“党支部名单”第 5 行：“机关第一党支部”（机关党委）与第 4 行重复"] });
  uninstall?.();
  const none = await workbook(null);
  expect(await readWorkbookRoster(none.host)).toEqual({ kind: "none" });
  expect(none.excel.syncCount()).toBe(2);
});
