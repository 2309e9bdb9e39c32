/** applyPlan against the Excel double: constant syncs, unique names, degraded features, text that looks like a formula. */
import { getScheme } from "../../src/rubric/catalogue";
import { planTemplate } from "../../src/sheet/planner";
import type { WorkbookPlan } from "../../src/sheet/types";
import { syntheticScheme } from "../support/synthetic-scheme";
import type { Harness } from "./harness";
import { installDouble } from "./harness";

let harness: Harness;
afterEach(() => harness?.uninstall());

function officialPlan(subject = "机关第一党支部"): WorkbookPlan {
  const scheme = getScheme("lianghua-yichuang");
  if (!scheme) throw new Error("lianghua-yichuang missing from the catalogue");
  return planTemplate(scheme, { subject, rater: "self" });
}

describe("sync count", () => {
  // the template's checks are one rule per column range and its formats one action per value (ExcelApi 1.9+), so a
  // real rubric goes in one write request; one of 1000 indicators (2000 rules, ≈ 4.7 MB) in two, under Excel's 5 MB each
  test.each([
    [10, 2],
    [100, 2],
    [1000, 3],
  ])("%i indicators: exactly %i syncs (read names, then write everything), every request under 5 MB", async (count, syncs) => {
    harness = installDouble();
    const plan = planTemplate(syntheticScheme(count), { subject: "测试党支部" });
    await harness.host.applyPlan(plan);
    expect(harness.excel.syncCount()).toBe(syncs);
    const [read, ...writes] = harness.excel.syncPayloads();
    expect(read).toBeLessThan(1024);
    for (const bytes of writes) expect(bytes).toBeLessThan(5 * 1024 * 1024);
    expect(lastRuleCode(plan, count)).toBe(true);
  });

  test("below ExcelApi 1.9 (one action per rectangle) a 1000-indicator template still lands, every request under 5 MB", async () => {
    harness = installDouble({ apiMinor: 8 });
    const plan = planTemplate(syntheticScheme(1000), { subject: "测试党支部" });
    await harness.host.applyPlan(plan);
    const [, ...writes] = harness.excel.syncPayloads();
    expect(writes.length).toBeGreaterThan(1);
    for (const bytes of writes) expect(bytes).toBeLessThan(5 * 1024 * 1024);
    expect(lastRuleCode(plan, 1000)).toBe(true);
    expect(harness.excel.getSheetState(plan.activate).hiddenColumns).toEqual(plan.sheets[0].hiddenColumns);
  });

  test("1000 indicators: the sheet keeps every format, lock, validation and highlight of the plan", async () => {
    harness = installDouble();
    const plan = planTemplate(syntheticScheme(1000), { subject: "测试党支部" });
    await harness.host.applyPlan(plan);
    const planned = plan.sheets[0];
    const state = harness.excel.getSheetState(planned.name);
    expect(state.validations).toHaveLength(planned.validations.length);
    expect(state.conditionalFormats).toHaveLength(planned.conditionalFormats.length);
    expect(state.hiddenColumns).toEqual(planned.hiddenColumns);
    for (const address of planned.unlocked) expect(state.cell(address).locked).toBe(false);
    // every planned style property on every cell, whether it went per range or batched across rectangles
    planned.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const style = cell?.style ? planned.styles[cell.style] : undefined;
        if (!style) return;
        const address = `${columnName(c)}${r + 1}`;
        const actual = state.cell(address);
        const seen = { bold: actual.format.bold, fill: actual.format.fill, wrap: actual.format.wrap, numberFormat: actual.numberFormat };
        const wanted = { bold: style.bold, fill: style.fill?.toUpperCase(), wrap: style.wrap, numberFormat: style.numberFormat ?? "General" };
        expect({ address, ...seen }).toEqual({ address, ...wanted });
      }),
    );
    for (const [row, height] of Object.entries(planned.rowHeights)) expect(state.rowHeights[Number(row)]).toBe(height);
  });
});

function columnName(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `${String.fromCharCode(64 + Math.floor(index / 26))}${String.fromCharCode(65 + (index % 26))}`;
}

/** the last rule of the last indicator made it onto the sheet */
function lastRuleCode(plan: WorkbookPlan, count: number): boolean {
  const code = `${Math.ceil(count / 10)}.${((count - 1) % 10) + 1}-2`;
  return harness.excel.getSheetState(plan.activate).values.flat().includes(code);
}

test("the plan's cells land as values and formulas, text stays text, inputs unlocked on a protected sheet", async () => {
  harness = installDouble();
  const plan = officialPlan();
  await harness.host.applyPlan(plan);
  const planned = plan.sheets[0];
  const state = harness.excel.getSheetState(planned.name);
  planned.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const actual = { value: state.values[r]?.[c] ?? null, formula: state.formulas[r]?.[c] ?? null };
      if (cell.formula) expect(actual.formula).toBe(cell.formula);
      else if (cell.value !== undefined && cell.value !== "") expect(actual).toEqual({ value: cell.value, formula: null });
    }),
  );
  expect(state.protected).toBe(planned.protect);
  const firstInput = planned.unlocked[0].split(/[\s,:]+/)[0];
  expect(state.cell(firstInput).locked).toBe(false);
  expect(state.cell("A1").locked).toBe(true);
  expect(state.merges.sort()).toEqual([...planned.merges].sort());
  expect(harness.excel.getSheetState("_meta").visibility).toBe("Hidden");
  expect(harness.excel.activeSheet()).toBe(plan.activate);
});

test("applying twice adds a second, uniquely named set and leaves the first and the user's sheets untouched", async () => {
  harness = installDouble({ sheets: ["我的数据"] });
  harness.excel.userEdit("我的数据", "A1:B2", [["姓名", "得分"], ["张三", 95]]);
  const plan = officialPlan();
  const first = await harness.host.applyPlan(plan);
  const firstState = JSON.stringify(harness.excel.getSheetState(first.names[plan.activate]).values);
  const second = await harness.host.applyPlan(plan);

  expect(first.names[plan.activate]).toBe(plan.activate);
  expect(second.names[plan.activate]).toBe(`${plan.activate} (2)`);
  expect(second.names._meta).toBe("_meta (2)");
  expect(harness.excel.sheetNames()).toEqual(["我的数据", plan.activate, "_meta", `${plan.activate} (2)`, "_meta (2)"]);
  expect(JSON.stringify(harness.excel.getSheetState(plan.activate).values)).toBe(firstState);
  expect(harness.excel.getSheetState("我的数据").values).toEqual([["姓名", "得分"], ["张三", 95]]);
  expect(second.notices.join("")).toContain(`${plan.activate} (2)`);
  // the second _meta points at the second scoring sheet
  const nameCell = plan.nameCells?.[0];
  if (!nameCell) throw new Error("the planner gave no nameCells");
  expect(harness.excel.getSheetState("_meta (2)").cell(nameCell.address).value).toBe(`${plan.activate} (2)`);
  expect(harness.excel.getSheetState("_meta").cell(nameCell.address).value).toBe(plan.activate);
});

test("replace deletes only the listed sheets of ours and reuses their names", async () => {
  harness = installDouble({ sheets: ["Sheet1"] });
  const plan = officialPlan();
  await harness.host.applyPlan(plan);
  harness.excel.resetCounters();
  const applied = await harness.host.applyPlan(officialPlan("机关第二党支部"), { replace: [plan.activate, "_meta"] });
  expect(applied.names[plan.activate]).toBe(plan.activate);
  expect(harness.excel.sheetNames()).toEqual(["Sheet1", plan.activate, "_meta"]);
  expect(harness.excel.getSheetState(plan.activate).values.flat()).toContain("机关第二党支部");
  expect(harness.excel.syncCount()).toBe(2);
});

test("a name that looks like a formula lands as text", async () => {
  harness = installDouble();
  const plan = officialPlan("=HYPERLINK(\"http://x\",\"点我\")");
  // one more row below the table, in cells no merge touches
  const cells = plan.sheets[0].cells;
  cells.push([{ value: "+1党支部" }, { value: "-" }, { value: "@SUM(A1)" }, { value: "1.10" }]);
  const row = cells.length;
  await harness.host.applyPlan(plan);
  const state = harness.excel.getSheetState(plan.activate);
  expect(state.values.flat()).toContain("=HYPERLINK(\"http://x\",\"点我\")");
  expect(state.formulas.flat()).not.toContain("=HYPERLINK(\"http://x\",\"点我\")");
  const added = ["A", "B", "C", "D"].map((column) => state.cell(`${column}${row}`));
  expect(added.map((cell) => cell.value)).toEqual(["+1党支部", "-", "@SUM(A1)", "1.10"]);
  expect(added.map((cell) => cell.formula)).toEqual([null, null, null, null]);
});

test("below ExcelApi 1.8: no data validation, no event switch, and a Chinese notice", async () => {
  harness = installDouble({ apiMinor: 7 });
  const plan = officialPlan();
  const applied = await harness.host.applyPlan(plan);
  expect(harness.excel.getSheetState(plan.activate).validations).toEqual([]);
  expect(applied.notices.some((notice) => notice.includes("数据验证") && notice.includes("1.8"))).toBe(true);
  expect(applied.notices.some((notice) => notice.includes("打印") && notice.includes("1.9"))).toBe(true);
  expect(harness.excel.getSheetState(plan.activate).pageLayout).toEqual({});
});

test("from ExcelApi 1.9: validation, print setup and no notices", async () => {
  harness = installDouble({ apiMinor: 9 });
  const plan = officialPlan();
  const applied = await harness.host.applyPlan(plan);
  const state = harness.excel.getSheetState(plan.activate);
  const validated = new Set(state.validations.map((v) => v.range));
  for (const validation of plan.sheets[0].validations) {
    for (const area of validation.range.split(/[\s,]+/)) expect(validated.has(area)).toBe(true);
  }
  const print = plan.sheets[0].print!;
  expect(state.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { scale: 100 } });
  expect(state.pageLayout.printTitleRows).toBe(print.titleRows);
  expect(applied.notices).toEqual([]);
});

test("from ExcelApi 1.9 the template's page setup goes in with everything else (2 syncs): margins, page header and footer, page breaks", async () => {
  harness = installDouble({ apiMinor: 9 });
  const plan = officialPlan();
  const sheet = plan.sheets[0];
  const print = sheet.print!;
  await harness.host.applyPlan(plan);
  expect(harness.excel.syncCount()).toBe(2);
  const layout = harness.excel.getSheetState(plan.activate).pageLayout;
  const margins = print.margins!;
  expect(layout.margins).toEqual({ leftMargin: margins.left, rightMargin: margins.right, topMargin: margins.top, bottomMargin: margins.bottom, headerMargin: margins.header, footerMargin: margins.footer });
  // the sections as Excel keeps them: the scheme left, the subject and rater right, 第&P页 共&N页 centred below
  expect(layout.headerFooter).toEqual({
    leftHeader: "党支部标准化规范化建设达标标准（“两化一创”）评分表",
    centerHeader: "",
    rightHeader: "机关第一党支部　自评",
    leftFooter: "",
    centerFooter: "第&P页 共&N页",
    rightFooter: "",
  });
  // a break above the row after each planned one: the pages the LibreOffice print test counts
  expect(sheet.rowBreaks!.length).toBeGreaterThan(1);
  expect(layout.breaksAbove).toEqual(sheet.rowBreaks!.map((row) => row + 1));
});

test("below ExcelApi 1.9 no page layout member is used (the double throws ApiNotFound for any) and the notice says what to set", async () => {
  harness = installDouble({ apiMinor: 8 });
  const plan = officialPlan();
  const applied = await harness.host.applyPlan(plan);
  expect(harness.excel.getSheetState(plan.activate).pageLayout).toEqual({});
  expect(applied.notices.some((notice) => notice.includes("100%") && notice.includes("第X页 共Y页"))).toBe(true);
});

test("below ExcelApi 1.7 the host is not supported and refuses to apply", async () => {
  harness = installDouble({ apiMinor: 6 });
  const capabilities = await harness.host.capabilities();
  expect(capabilities).toMatchObject({ excelApiMinor: 6, supported: false, dataValidation: false, enableEvents: false });
  await expect(harness.host.applyPlan(officialPlan())).rejects.toThrow(/ExcelApi 1\.7/);
  expect(harness.excel.syncCount()).toBe(0);
});

test("capabilities follow the requirement sets the host reports", async () => {
  harness = installDouble({ apiMinor: 8 });
  const capabilities = await harness.host.capabilities();
  expect(capabilities).toMatchObject({ excelApiMinor: 8, supported: true, dataValidation: true, enableEvents: true });
  const on = (name: string) => capabilities.features?.find((feature) => feature.name === name)?.on;
  expect([on("dataValidation"), on("enableEvents"), on("rangeAreas"), on("pageLayout"), on("workbookChangeEvents")]).toEqual([true, true, false, false, false]);
});

test("events are off while applying and back on afterwards; no change events reach a listener", async () => {
  harness = installDouble();
  const changes: unknown[] = [];
  await harness.host.onChanged((batch) => changes.push(...batch));
  await harness.host.applyPlan(officialPlan());
  await harness.excel.settle();
  expect(changes).toEqual([]);
  expect(harness.excel.eventsEnabled()).toBe(true);
});

test("cell-edit mode surfaces as the typed CellEditModeError, and nothing is left behind", async () => {
  harness = installDouble({ sheets: ["Sheet1"] });
  harness.excel.enterCellEditMode();
  const failure = harness.host.applyPlan(officialPlan());
  await expect(failure).rejects.toMatchObject({ name: "CellEditModeError", code: "InvalidOperationInCellEditMode" });
  await expect(failure).rejects.toThrow(/正在编辑单元格/);
  harness.excel.exitCellEditMode();
  expect(harness.excel.sheetNames()).toEqual(["Sheet1"]);
  await harness.host.applyPlan(officialPlan());
  expect(harness.excel.sheetNames()).toHaveLength(3);
});
