/**
 * The 自检 against the Excel double through the real office host: every step at ExcelApi 1.7, 1.8 and the newest,
 * with the exact context.sync() count of each, the temporary sheets removed, and failures reported, not thrown.
 */
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { HostError } from "../../src/hosts/types";
import type { SpreadsheetHost } from "../../src/hosts/types";
import { setLanguage } from "../../src/i18n";
import { reportText } from "../../src/taskpane/views/self-test/report-text";
import { runSelfTest } from "../../src/taskpane/views/self-test/run-self-test";
import type { SelfTestReport } from "../../src/taskpane/views/self-test/run-self-test";
import type { ExcelDouble } from "../support/excel-double";
import { createExcelDouble } from "../support/excel-double";

const EXCEL_2019_BUILD = "16.0.10827.20181";
const FIXED_NOW = new Date("2026-03-02T09:00:00.000Z");

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  setLanguage("zh-CN");
});

function install(apiMinor: number): { excel: ExcelDouble; host: SpreadsheetHost } {
  const excel = createExcelDouble({ apiMinor, sheets: ["我的数据"], officeVersion: EXCEL_2019_BUILD });
  uninstall = excel.install(globalThis);
  return { excel, host: createOfficeHost() };
}

const outcomes = (report: SelfTestReport) => Object.fromEntries(report.steps.map((step) => [step.id, step.outcome]));
const syncs = (report: SelfTestReport) => Object.fromEntries(report.steps.map((step) => [step.id, step.syncs]));

/** applyPlan's own cost at this level, measured on a fresh double (the plan's size decides how often it syncs) */
async function insertSyncs(apiMinor: number): Promise<number> {
  const { excel, host } = install(apiMinor);
  const report = await runSelfTest(host, { now: () => FIXED_NOW });
  uninstall?.();
  const insert = report.steps.find((step) => step.id === "insert");
  expect(insert?.syncs).toBeGreaterThan(0);
  return excel.syncCount() - report.steps.filter((step) => step.id !== "insert").reduce((sum, step) => sum + (step.syncs ?? 0), 0);
}

test.each([
  // below 1.9 watching changes costs 2 syncs (the sheets with their names, then a handler per sheet); from 1.9 one,
  // and the first event from the new sheet costs one more to learn its name from its id
  [7, 2, 0],
  [8, 2, 0],
  [12, 1, 1],
])("at ExcelApi 1.%i every step passes, each with its exact sync count, and only the user's sheet is left", async (apiMinor, watchSyncs, nameLookups) => {
  const insert = await insertSyncs(apiMinor);
  const { excel, host } = install(apiMinor);
  const report = await runSelfTest(host, { now: () => FIXED_NOW });
  expect(outcomes(report)).toEqual({ environment: "passed", insert: "passed", readBack: "passed", score: "passed", liveChange: "passed", remove: "passed" });
  expect(syncs(report)).toEqual({
    environment: 0,
    insert,
    readBack: 1,
    score: 0,
    // watch, two writes (deduction, reason), one read, and removing the handlers
    liveChange: watchSyncs + nameLookups + 2 + 1 + 1,
    // look the sheets up and delete them, then list the sheets to check
    remove: 3,
  });
  expect(Object.values(syncs(report)).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(excel.syncCount());
  expect(excel.sheetNames()).toEqual(["我的数据"]);
  expect(excel.activeHandlerCount()).toBe(0);
  expect(report.environment).toEqual({ platform: "PC", officeVersion: EXCEL_2019_BUILD });
  expect(report.capabilities.excelApiMinor).toBe(apiMinor);
});

test("the report names the build, the level, each reduced feature and each step's result and syncs", async () => {
  const { host } = install(7);
  const report = await runSelfTest(host, { now: () => FIXED_NOW });
  const text = reportText(report);
  expect(text).toContain("2026-03-02T09:00:00.000Z");
  expect(text).toContain(`平台 PC，Office ${EXCEL_2019_BUILD}，ExcelApi 1.7`);
  expect(text).toContain("数据验证: 简化（需要 ExcelApi 1.8）");
  expect(text).toContain("整个工作簿的修改事件: 简化（需要 ExcelApi 1.9）");
  expect(text).toMatch(/5\. 实时修改: 通过 · 6 次同步 · 在 [A-Z]+\d+ 填入扣分 \d+(\.\d+)?：收到修改事件/);
  expect(text).toContain("6/6 步通过");
  setLanguage("en-US");
  expect(reportText(report)).toContain("6/6 steps passed");
});

test("when Excel reports no change, the live step fails and says so; the temporary sheets are still removed", async () => {
  const { excel, host } = install(12);
  const deaf: SpreadsheetHost = { ...host, onChanged: async () => ({ dispose: () => undefined }) };
  const report = await runSelfTest(deaf, { now: () => FIXED_NOW, changeTimeoutMs: 50 });
  expect(outcomes(report)).toMatchObject({ liveChange: "failed", remove: "passed" });
  expect(report.steps.find((step) => step.id === "liveChange")?.detail.key).toBe("selfTest.detail.noEvent");
  expect(excel.sheetNames()).toEqual(["我的数据"]);
});

test("a failing step is reported with Excel's message, later steps skipped, and the clean-up still runs", async () => {
  const { excel, host } = install(12);
  const broken: SpreadsheetHost = { ...host, readSheets: async () => Promise.reject(new HostError("not-found", "读取失败（测试）")) };
  const report = await runSelfTest(broken, { now: () => FIXED_NOW });
  expect(outcomes(report)).toEqual({ environment: "passed", insert: "passed", readBack: "failed", score: "skipped", liveChange: "skipped", remove: "passed" });
  expect(reportText(report)).toContain("出错：读取失败（测试） [not-found]");
  expect(excel.sheetNames()).toEqual(["我的数据"]);
});

test("below ExcelApi 1.7 the report says which level was found and touches nothing", async () => {
  const { excel, host } = install(6);
  const report = await runSelfTest(host, { now: () => FIXED_NOW });
  expect(outcomes(report)).toEqual({ environment: "failed", insert: "skipped", readBack: "skipped", score: "skipped", liveChange: "skipped", remove: "skipped" });
  expect(excel.syncCount()).toBe(0);
  expect(reportText(report)).toContain("ExcelApi 1.6");
});
