/**
 * The 评分 view beside a 考评 shows the same branch's 自评 per indicator, when the workbook holds it: found once when the
 * 考评 becomes active (one more read), then read with the 考评 in the same single sync per burst. Expected scores come
 * from the rubric's points and the deductions the test typed (1.1-2 is a fixed 1-point deduction, 1.2-1 a fixed 2).
 */
import { createOfficeHost } from "../../src/hosts/office/office-host";
import type { SpreadsheetHost } from "../../src/hosts/types";
import type { Entries, SubjectMeta } from "../../src/scoring/types";
import { fillTemplatePlan } from "../../src/sheet/fill";
import { planTemplate } from "../../src/sheet/planner";
import { createLiveController } from "../../src/taskpane/views/scoring/controller";
import { createExcelDouble, type ExcelDouble } from "../support/excel-double";
import { liveTestState } from "../support/live-teardown";
import { scheme as builtInScheme } from "../batch/workbooks";

const ID = "lianghua-yichuang";
const BRANCH = { subject: "化学系第一党支部", org: "化学系党委", period: "2025" };

const setUpState = liveTestState();

const scheme = () => builtInScheme(ID);
const points = (code: string) => scheme().sections.flatMap((s) => s.indicators).find((i) => i.code === code)!.points;

async function insert(host: SpreadsheetHost, meta: Partial<SubjectMeta>, entries: Entries = { rules: {}, vetoes: {} }) {
  const plan = fillTemplatePlan(planTemplate(scheme(), meta), entries, meta);
  const applied = await host.applyPlan(plan);
  return { sheet: applied.names[plan.activate], metaSheet: applied.names["_meta"] };
}

function metaCell(excel: ExcelDouble, metaSheet: string, key: string): string {
  return String(excel.getSheetState(metaSheet).values.find((row) => row[0] === key)![1]);
}

async function setUp(selfEntries: Entries, selfMeta: Partial<SubjectMeta> = {}) {
  const excel = createExcelDouble({ apiMinor: 12 });
  setUpState.uninstall = excel.install(globalThis);
  const host = createOfficeHost();
  const self = await insert(host, { ...BRANCH, rater: "self", evaluator: "书记", ...selfMeta }, selfEntries);
  const org = await insert(host, { ...BRANCH, rater: "org", evaluator: "王老师" });
  excel.resetCounters();
  const controller = createLiveController(host, { debounceMs: 20 });
  setUpState.controller = controller;
  await controller.start();
  await excel.settle();
  await controller.whenIdle();
  return { excel, host, self, org };
}

function shown() {
  const template = setUpState.controller!.getSnapshot().template;
  if (!template) throw new Error("no live template");
  return template.view.self;
}

const filled: Entries = { rules: { "1.1-2": { deduction: 1, reason: "党员人数不足" } }, vetoes: {} };

test("a 考评 finds its branch's 自评: three syncs to look (names, every _meta, the other scoring sheets), each indicator compared", async () => {
  const { excel, self } = await setUp(filled);
  // looking again (as on switching sheets) costs exactly that; start-up also subscribes to events
  excel.resetCounters();
  await setUpState.controller!.refresh();
  expect(excel.syncCount()).toBe(3);
  const comparison = shown()!;
  expect(comparison.sheet).toBe(self.sheet);
  expect(comparison.pending).toBeNull();
  const line = comparison.indicators.find((item) => item.code === "1.1")!;
  expect([line.self, line.other, line.difference]).toEqual([points("1.1") - 1, points("1.1"), 1]);
  expect(comparison.indicators.filter((item) => item.difference !== 0).map((item) => item.code)).toEqual(["1.1"]);
});

test("a burst on the 考评, or on the 自评, is one sync; the comparison follows both", async () => {
  const { excel, self, org } = await setUp(filled);
  excel.resetCounters();
  excel.userEdit(org.sheet, metaCell(excel, org.metaSheet, "cell:1.2-1:deduction"), 2);
  excel.userEdit(org.sheet, metaCell(excel, org.metaSheet, "cell:1.2-1:reason"), "未成立支委会");
  await excel.settle();
  await setUpState.controller!.whenIdle();
  expect(excel.syncCount()).toBe(1);
  expect(shown()!.indicators.find((item) => item.code === "1.2")).toMatchObject({ self: points("1.2"), other: points("1.2") - 2, difference: -2 });

  excel.resetCounters();
  excel.userEdit(self.sheet, metaCell(excel, self.metaSheet, "cell:1.1-2:deduction"), null);
  excel.userEdit(self.sheet, metaCell(excel, self.metaSheet, "cell:1.1-2:reason"), null);
  excel.userEdit(self.sheet, metaCell(excel, self.metaSheet, "cell:1.2-1:deduction"), 2);
  excel.userEdit(self.sheet, metaCell(excel, self.metaSheet, "cell:1.2-1:reason"), "自查：未成立支委会");
  await excel.settle();
  await setUpState.controller!.whenIdle();
  expect(excel.syncCount()).toBe(1);
  expect(shown()!.indicators.filter((item) => item.difference !== 0)).toEqual([]);
});

test("a blank 自评 is not compared: its reason instead of numbers", async () => {
  await setUp({ rules: {}, vetoes: {} });
  expect(shown()).toMatchObject({ pending: "未填写", indicators: [] });
});

test("another branch's or another year's 自评 is not taken; a 自评 sheet itself shows no comparison", async () => {
  await setUp(filled, { period: "2024" });
  expect(shown()).toBeUndefined();
});
