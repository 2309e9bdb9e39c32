/**
 * 生成汇总表 against the Excel double through the real Office host: the three sheets and the band chart go in, a second
 * run replaces exactly the sheets the first one made, and a user's sheets — even ones sharing our names — stay as
 * they were.
 */
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { scoreEntries } from "../../src/scoring/engine";
import { compileSummary, planSummary } from "../../src/summary";
import type { Summary, SummaryInput } from "../../src/summary/types";
import { writeSummary } from "../../src/taskpane/views/summary/write-summary";
import type { Scalar } from "../support/excel-double/state";
import type { Harness } from "../office/harness";
import { installDouble } from "../office/harness";
import { scheme } from "../batch/workbooks";

const SCHEME = scheme("lianghua-yichuang");
const OURS = ["汇总", "统计", "问题清单", "来源与备注"];
/** the sheets the summary plan makes: four visible, then the hidden data sheet a roll-up reads (replaced, not listed) */
const MADE = [...OURS, "_rows"];

/** n branches scored by the engine; totals by subject are the expectation. */
function branches(n: number, seed: number): { inputs: SummaryInput[]; totals: Map<string, number> } {
  const totals = new Map<string, number>();
  const inputs = Array.from({ length: n }, (_, i) => {
    const subject = `化学学院第${i + 1}党支部`;
    const result = scoreEntries(SCHEME, sampleEntries(SCHEME, seededRandom(seed + i), { findRate: 0.3, awardShare: 0.5 }));
    totals.set(subject, result.total);
    const meta = { subject, org: "化学学院党委", period: "2025年度", rater: "org" as const, evaluator: "组织部", date: "2026-01-10" };
    return { file: `${subject}.xlsx`, scored: { meta, result, status: "final" as const, errors: 0 }, problems: [] };
  });
  return { inputs, totals };
}

function summaryOf(n: number, seed: number): { summary: Summary; totals: Map<string, number> } {
  const { inputs, totals } = branches(n, seed);
  return { summary: compileSummary(inputs, SCHEME), totals };
}

let harness: Harness;
afterEach(() => harness?.uninstall());

const USER_SHEET: (Scalar | null)[][] = [
  ["支部", "书记"],
  ["化学学院第1党支部", "张三"],
];

function userSheetValues(name: string) {
  return harness.excel.getSheetState(name).values;
}

/** subject → 总分 as the written 汇总 sheet shows them (header row found by its 总分 cell) */
function writtenTotals(sheet: string): Map<string, Scalar | null> {
  const values = harness.excel.getSheetState(sheet).values;
  const headerRow = values.findIndex((row) => row.includes("总分"));
  const header = values[headerRow];
  const subjectColumn = header.indexOf("支部名称");
  const totalColumn = header.indexOf("总分");
  // the table's rows (a name in the name column); the 制表单位 and 制表人 lines below it are not rows of the table
  const rows = values.slice(headerRow + 1).filter((row) => row[subjectColumn] !== null && row[subjectColumn] !== undefined);
  return new Map(rows.map((row) => [String(row[subjectColumn]), row[totalColumn]]));
}

test("writes 汇总, 统计 (with the band chart), 问题清单 and 来源与备注 with the engine's totals, plus a hidden record", async () => {
  harness = installDouble();
  harness.excel.userAddSheet("支部名单", USER_SHEET);
  const { summary, totals } = summaryOf(5, 100);

  const written = await writeSummary(harness.host, planSummary(summary), "2026-01-15T08:00:00.000Z");

  expect(written.replaced).toEqual([]);
  expect(harness.excel.sheetNames()).toEqual(["Sheet1", "支部名单", ...MADE, "_summary"]);
  expect(harness.excel.activeSheet()).toBe("汇总");
  expect(harness.excel.getSheetState("_summary").visibility).toBe("Hidden");
  expect(harness.excel.getSheetState("_rows").visibility).toBe("Hidden");
  expect(writtenTotals("汇总")).toEqual(totals);
  const charts = harness.excel.getSheetState("统计").charts;
  expect(charts).toHaveLength(1);
  expect(charts[0].type).toBe("ColumnClustered");
  // the chart's source lists every band with its count
  const stats = harness.excel.getSheetState("统计").values;
  const bandRows = stats.filter((row) => SCHEME.bands.some((band) => band.name === row[0]) && typeof row[1] === "number");
  expect(bandRows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(5);
});

test("generating again replaces only our sheets: no 汇总 (2), the user's sheet untouched", async () => {
  harness = installDouble();
  harness.excel.userAddSheet("支部名单", USER_SHEET);
  await writeSummary(harness.host, planSummary(summaryOf(3, 200).summary), "2026-01-15T08:00:00.000Z");
  const userBefore = userSheetValues("支部名单");

  const { summary, totals } = summaryOf(6, 300);
  const written = await writeSummary(harness.host, planSummary(summary), "2026-01-16T08:00:00.000Z");

  expect(written.replaced).toEqual(OURS);
  expect(written.notices).toEqual([]);
  expect(harness.excel.sheetNames()).toEqual(["Sheet1", "支部名单", ...MADE, "_summary"]);
  expect(writtenTotals("汇总")).toEqual(totals);
  expect(harness.excel.getSheetState("统计").charts).toHaveLength(1);
  expect(userSheetValues("支部名单")).toEqual(userBefore);
});

test("a user's own 汇总 and _summary are never replaced; ours sit beside them and are the ones replaced", async () => {
  harness = installDouble();
  harness.excel.userAddSheet("汇总", [["我自己的汇总"]]);
  harness.excel.userAddSheet("_summary", [["我的备忘"]]);
  const first = await writeSummary(harness.host, planSummary(summaryOf(3, 400).summary), "2026-01-15T08:00:00.000Z");
  expect(first.names["汇总"]).toBe("汇总 (2)");
  expect(first.notices.join("\n")).toContain("汇总");

  const { summary, totals } = summaryOf(4, 500);
  const second = await writeSummary(harness.host, planSummary(summary), "2026-01-16T08:00:00.000Z");

  expect(second.replaced).toEqual(["汇总 (2)", "统计", "问题清单", "来源与备注"]);
  expect(harness.excel.sheetNames()).toEqual(["Sheet1", "汇总", "_summary", "汇总 (2)", "统计", "问题清单", "来源与备注", "_rows", "_summary (2)"]);
  expect(userSheetValues("汇总")).toEqual([["我自己的汇总"]]);
  expect(userSheetValues("_summary")).toEqual([["我的备忘"]]);
  expect(writtenTotals("汇总 (2)")).toEqual(totals);
});

test("our 汇总 renamed by the user and a new sheet of theirs under the old name: theirs is left alone", async () => {
  harness = installDouble();
  await writeSummary(harness.host, planSummary(summaryOf(3, 600).summary), "2026-01-15T08:00:00.000Z");
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("汇总").name = "汇总（旧）";
    await context.sync();
  });
  harness.excel.userAddSheet("汇总", [["我自己的汇总"]]);

  const second = await writeSummary(harness.host, planSummary(summaryOf(3, 700).summary), "2026-01-16T08:00:00.000Z");

  expect(second.replaced).toEqual(["统计", "问题清单", "来源与备注"]);
  expect(userSheetValues("汇总")).toEqual([["我自己的汇总"]]);
  expect(second.names["汇总"]).toBe("汇总 (2)");
  expect(harness.excel.sheetNames()).toContain("汇总（旧）");
});

test("the host calls do not grow with the summary: as many syncs for 60 branches as for 3", async () => {
  const syncsForSecondWrite = async (branchCount: number): Promise<number> => {
    harness = installDouble();
    await writeSummary(harness.host, planSummary(summaryOf(branchCount, 800).summary), "2026-01-15T08:00:00.000Z");
    harness.excel.resetCounters();
    await writeSummary(harness.host, planSummary(summaryOf(branchCount, 900).summary), "2026-01-16T08:00:00.000Z");
    const syncs = harness.excel.syncCount();
    harness.uninstall();
    return syncs;
  };
  expect(await syncsForSecondWrite(60)).toBe(await syncsForSecondWrite(3));
});

test("every sheet written gets the plan's page header (scheme, sheet, year) and footer 第&P页 共&N页", async () => {
  harness = installDouble();
  const { summary } = summaryOf(3, 800);
  await writeSummary(harness.host, planSummary(summary), "2026-01-15T08:00:00.000Z");
  for (const name of OURS) {
    expect(harness.excel.getSheetState(name).pageLayout.headerFooter).toEqual({
      leftHeader: SCHEME.title,
      centerHeader: name,
      rightHeader: "2025年度",
      leftFooter: "",
      centerFooter: "第&P页 共&N页",
      rightFooter: "",
    });
  }
});

test("with a branch's 自评 beside its 考评, the pane writes 差异明细 too: the indicators 1 point or more apart", async () => {
  harness = installDouble();
  const selfEntries = { rules: {}, vetoes: {} };
  const orgEntries = { rules: { "1.1-2": { deduction: 1, reason: "党员人数不足" }, "1.2-1": { deduction: 2, reason: "未成立支委会" } }, vetoes: {} };
  const meta = (rater: "self" | "org") => ({ subject: "化学学院第1党支部", org: "化学学院党委", period: "2025年度", rater, evaluator: rater === "org" ? "组织部" : "书记", date: "2026-01-10" });
  const scored = (rater: "self" | "org", entries: typeof orgEntries | typeof selfEntries) => ({
    file: `${rater}.xlsx`,
    scored: { meta: meta(rater), result: scoreEntries(SCHEME, entries), reasons: { "1.1-2": "党员人数不足", "1.2-1": "未成立支委会" }, status: "draft" as const, errors: 0 },
    problems: [],
  });
  const summary = compileSummary([scored("self", selfEntries), scored("org", orgEntries)], SCHEME);
  await writeSummary(harness.host, planSummary(summary), "2026-01-15T08:00:00.000Z");
  expect(harness.excel.sheetNames()).toEqual(["Sheet1", "汇总", "统计", "差异明细", "问题清单", "来源与备注", "_rows", "_summary"]);
  const lines = harness.excel.getSheetState("差异明细").values.filter((row) => row[0] === "化学学院第1党支部");
  // 1.1-2 takes 1 point from 1.1, 1.2-1 takes 2 from 1.2 (fixed deductions of the rubric)
  expect(lines.map((row) => [row[2], row[7]])).toEqual([
    ["1.1", -1],
    ["1.2", -2],
  ]);
  expect(String(lines[1][9])).toContain("组织部：1.2-1 扣 2，未成立支委会");
});
