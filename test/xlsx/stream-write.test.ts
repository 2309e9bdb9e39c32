/**
 * streamPlanToFile (ExcelJS's streaming writer, used for summaries) writes the same package as writePlanToFile (the
 * in-memory writer): every part equal but the timestamps, the sheets' <dimension> (the streaming writer cannot know it
 * before the rows), an empty <Manager> field and the workbook's full-recalculation flag (it writes no formulas, and
 * refuses them, as it refuses sheet protection and a base font).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { streamPlanToFile } from "../../src/hosts/xlsx/stream-write";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { sheetPlan } from "../../src/sheet/sheet-plan";
import type { SheetPlan, WorkbookPlan } from "../../src/sheet/types";
import { compileSummary } from "../../src/summary/summarize";
import { planSummary } from "../../src/summary/plan/plan-summary";
import { SCHEME, issue, scored } from "../summary/fixtures";
import { comparableParts } from "./comparable-parts";
import { samplePlan } from "./sample-plan";

const workDir = mkdtempSync(join(tmpdir(), "bs-xlsx-stream-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function bothWriters(plan: WorkbookPlan, name: string): Promise<{ streamed: Record<string, string>; inMemory: Record<string, string> }> {
  const streamedPath = join(workDir, `${name}-streamed.xlsx`);
  const inMemoryPath = join(workDir, `${name}-in-memory.xlsx`);
  await streamPlanToFile(plan, streamedPath);
  await writePlanToFile(plan, inMemoryPath);
  return { streamed: comparableParts(streamedPath), inMemory: comparableParts(inMemoryPath) };
}

/** The host sample (merges, validations, a conditional format, unlocked cells, a name cell, a hidden sheet, print
 * titles, panes) without its formulas and protection, plus a merge over two rows, a page break and a hidden column. */
function formulaFreeSample(): WorkbookPlan {
  const plan = samplePlan();
  const [scoring, ...rest] = plan.sheets;
  const sheet: SheetPlan = {
    ...scoring,
    cells: scoring.cells.map((row) => row.map((cell) => (cell?.formula ? { value: 1, style: cell.style } : cell))),
    merges: [...scoring.merges, "C7:D8"],
    rowHeights: { ...scoring.rowHeights, 9: 30 },
    protect: false,
    rowBreaks: [4],
    hiddenColumns: [5],
    print: { ...scoring.print!, header: "&L标准&C评分表&R2025", footer: "&C第&P页 共&N页" },
  };
  return { ...plan, sheets: [sheet, ...rest] };
}

test("a plan with every feature but formulas: the same package from both writers", async () => {
  const { streamed, inMemory } = await bothWriters(formulaFreeSample(), "sample");
  expect(Object.keys(streamed).sort()).toEqual(Object.keys(inMemory).sort());
  for (const part of Object.keys(inMemory)) expect({ part, xml: streamed[part] }).toEqual({ part, xml: inMemory[part] });
});

test("a summary with its hidden _rows: the same package from both writers", async () => {
  const summary = compileSummary([
    scored("a.xlsx", { subject: "=第一党支部", org: "机关党委", total: 92 }),
    scored("b.xlsx", { subject: "第二党支部", org: "机关党委", total: 86.5, issues: [issue("F12", "扣分超出范围")] }),
    scored("c.xlsx", { subject: "第三党支部", org: "后勤党委", total: 75 }),
  ], SCHEME);
  const plan = planSummary(summary, { issuer: "某某党委组织部" });
  expect(plan.sheets.map((sheet) => sheet.visibility)).toContain("hidden");
  const { streamed, inMemory } = await bothWriters(plan, "summary");
  expect(Object.keys(streamed).sort()).toEqual(Object.keys(inMemory).sort());
  for (const part of Object.keys(inMemory)) expect({ part, xml: streamed[part] }).toEqual({ part, xml: inMemory[part] });
});

test("texts short and long, repeated across sheets, numbered once each as the in-memory writer numbers them; the spilled texts leave no file", async () => {
  // long texts alike but for their end
  const long = (n: number) => `${"支部党员人数超过50人，未按规定调整支部设置；&<>\"'".repeat(8)}第${n}党支部`;
  const texts = ["#", "甲", long(1), long(2), long(1), "甲", `#${"0".repeat(64)}`, long(3), long(2)];
  const sheet = (name: string, shift: number) => sheetPlan({ name, cells: texts.map((_, i) => [{ value: texts[(i + shift) % texts.length] }, { value: i }]) });
  const plan: WorkbookPlan = { sheets: [sheet("一", 0), sheet("二", 4)], activate: "一" };
  const folder = mkdtempSync(join(workDir, "strings-"));
  const streamedPath = join(folder, "streamed.xlsx");
  await streamPlanToFile(plan, streamedPath);
  await writePlanToFile(plan, join(folder, "in-memory.xlsx"));
  const [streamed, inMemory] = [comparableParts(streamedPath), comparableParts(join(folder, "in-memory.xlsx"))];
  expect(streamed["xl/sharedStrings.xml"]).toContain('uniqueCount="6"');
  for (const part of Object.keys(inMemory)) expect({ part, xml: streamed[part] }).toEqual({ part, xml: inMemory[part] });
  expect(readdirSync(folder).sort()).toEqual(["in-memory.xlsx", "streamed.xlsx"]);
});

test("sheet protection and a base font are refused", async () => {
  const plan = formulaFreeSample();
  const protectedPlan = { ...plan, sheets: plan.sheets.map((sheet, index) => (index === 0 ? { ...sheet, protect: true } : sheet)) };
  await expect(streamPlanToFile(protectedPlan, join(workDir, "protected.xlsx"))).rejects.toThrow(/评分表/);
  await expect(streamPlanToFile({ ...plan, baseFont: { name: "Arial", size: 10 } }, join(workDir, "font.xlsx"))).rejects.toThrow(/基准字体/);
});

test("a formula is refused, naming the sheet and cell, and leaves no file behind", async () => {
  const path = join(workDir, "formula.xlsx");
  const plan = samplePlan();
  const unprotected = { ...plan, sheets: plan.sheets.map((sheet) => ({ ...sheet, protect: false })) };
  await expect(streamPlanToFile(unprotected, path)).rejects.toThrow(/评分表.*E3/);
  expect(() => readFileSync(path)).toThrow();
  // nor its temporary files (the workbook, its spilled shared strings)
  expect(readdirSync(workDir).filter((name) => name.startsWith(".") || name.includes("formula"))).toEqual([]);
});
