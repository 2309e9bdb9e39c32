/**
 * Round trip through programs that are not ours: a 两化一创 template written by our xlsx host, filled in by openpyxl,
 * opened and re-saved by LibreOffice, is read and scored exactly as the engine scores the same entries; rows inserted
 * above the table and a score formula typed over are noticed and named.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { getScheme } from "../../src/rubric/catalogue";
import type { Scheme } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { Entries, ScoreResult } from "../../src/scoring/types";
import { entryCells } from "../../src/sheet/fill";
import { planTemplate } from "../../src/sheet/planner";
import { scoreWorkbook } from "../../src/sheet/score-workbook";
import type { ScoredWorkbook } from "../../src/sheet/score-workbook";
import type { WorkbookPlan } from "../../src/sheet/types";
import { fillWithOpenpyxl, insertRowsWithOpenpyxl, recalcManyWithLibreOffice } from "../support/spreadsheet-programs";

const scheme = getScheme("lianghua-yichuang") as Scheme;
const meta = { subject: "机电工程学院教工第一党支部", org: "机电工程学院党委", period: "2025年度", rater: "org" as const, evaluator: "李四" };

/** As typed by the evaluator: one amount as full-width text, one ambiguous text. */
const typed: Entries = {
  rules: {
    "1.1-1": { deduction: 1.5, reason: "党支部设置未按程序报批" },
    "1.2-2": { deduction: "１分", reason: "组织委员空缺" },
    "1.3-2": { deduction: 0 },
    "2.1-1": { quantity: 2, deduction: 1.5, reason: "两项工作台账不全" },
    "3.1-1": { quantity: 3, deduction: 2, reason: "发展党员材料三处不规范" },
    "3.3-1": { quantity: 1, deduction: 1, reason: "1名党员受党纪处分" },
    "4.2-1": { deduction: 2, reason: "全年未开展组织生活会" },
    "4.4-2": { quantity: 1, deduction: "约1", reason: "一次主题党日无记录" },
    "4.5-2": { deduction: 1, reason: "未讲党课" },
    "5.5-1": { deduction: 0.5, reason: "监督检查记录不全" },
    "6.1-1": { award: 8, reason: "被省级媒体报道" },
  },
  vetoes: {},
};

/**
 * By hand (text counts 0, as in the sheet's formulas): 1.1 = 5−1.5 = 3.5, 1.2 = 3 ("１分" counts 0), 1.3 = 2 → 8.5; 2.1 = 5−1.5 = 3.5, 2.2–2.4 full → 13.5;
 * 3.1 = 10−2 = 8, 3.2 = 10, 3.3 = 3−1 = 2, 3.4 = 2 → 22; 4.1 = 3, 4.2 = 0, 4.3 = 2, 4.4 = 5 ("约1" counts 0),
 * 4.5 = 3−1 = 2 → 12; 5.1 = 5, 5.4 = 6, 5.5 = 4−0.5 = 3.5 → 14.5; 6.1 = 8. Total 78.5 → 一般 (70 ≤ t < 80); basic sections 70.5 ≥ 64: passing.
 */
const HAND_TOTAL = 78.5;

let dir: string;
let plan: WorkbookPlan;
let expected: ScoreResult;
let sheetName: string;
const files: Record<"filled" | "typedOver" | "inserted" | "filledLo" | "typedOverLo", string> = {} as never;
const cellsOf = (entries: Entries) => entryCells(plan, entries, meta) as Record<string, string | number | null>;
/** The `_meta` address of a cell, from the plan (not from the reader under test). */
const planned = (key: string): string => {
  const metaSheet = plan.sheets.find((sheet) => sheet.name === "_meta")!;
  const row = metaSheet.cells.find((cells) => cells[0]?.value === key)!;
  return String(row[1]!.value);
};

async function scoreFile(path: string): Promise<ScoredWorkbook> {
  const outcome = scoreWorkbook(await readWorkbookFile(path), getScheme);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

function expectSameScores(result: ScoreResult): void {
  expect(result.total).toBe(expected.total);
  expect(result.sections).toEqual(expected.sections);
  expect(result.indicators).toEqual(expected.indicators);
  expect([result.band, result.pass, result.vetoed]).toEqual([expected.band, expected.pass, expected.vetoed]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-roundtrip-"));
  plan = planTemplate(scheme, meta);
  sheetName = plan.activate;
  expected = scoreEntries(scheme, typed);
  const template = join(dir, "template.xlsx");
  await writePlanToFile(plan, template);

  files.filled = join(dir, "filled.xlsx");
  files.typedOver = join(dir, "typed-over.xlsx");
  files.inserted = join(dir, "inserted.xlsx");
  await fillWithOpenpyxl(template, files.filled, cellsOf(typed), sheetName);
  // the 3.1 score formula replaced by a number, as a user typing over it would
  await fillWithOpenpyxl(template, files.typedOver, { ...cellsOf(typed), [planned("cell:3.1:score")]: 10 }, sheetName);
  const tableHeaderRow = Number(planned("cell:1:score").replace(/^[A-Z]+/, "")) - 1;
  await insertRowsWithOpenpyxl(files.filled, files.inserted, sheetName, tableHeaderRow, 3);
  [files.filledLo, files.typedOverLo] = await recalcManyWithLibreOffice([files.filled, files.typedOver], join(dir, "lo"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the hand-computed total agrees with the engine (guards the expectations below)", () => {
  expect(expected.total).toBe(HAND_TOTAL);
  expect(expected.band).toBe("一般");
  // 达标 on the basic sections 1–5 (70.5 ≥ 64), the default pass line: 特色亮点 is an award on top
  expect(expected.pass).toBe(true);
});

test("filled by openpyxl and re-saved by LibreOffice: read and scored as the engine scores the same entries", async () => {
  const bytesBefore = readFileSync(files.filledLo);
  const score = await scoreFile(files.filledLo);
  expect(readFileSync(files.filledLo).equals(bytesBefore)).toBe(true);
  expect(score.meta).toEqual(expect.objectContaining({ subject: meta.subject, org: meta.org, period: meta.period, rater: "org", scheme: scheme.id }));
  expectSameScores(score.result);

  const issues = score.result.issues;
  const textNumber = issues.find((issue) => issue.kind === "text-number");
  expect(textNumber?.cell).toBe(planned("cell:1.2-2:deduction"));
  const notANumber = issues.find((issue) => issue.kind === "not-a-number");
  expect(notANumber?.cell).toBe(planned("cell:4.4-2:deduction"));
  expect(textNumber?.severity).toBe("error");
  // the text "１分" counts 0 in LibreOffice's formulas as in the engine: every cached score, 等次 and 达标 agree
  expect(issues.filter((issue) => issue.kind === "cached-mismatch")).toEqual([]);
  expect(score.errors).toBe(2);
});

test("the same file straight from openpyxl (no cached results) scores the same, without cached-value warnings", async () => {
  const score = await scoreFile(files.filled);
  expectSameScores(score.result);
  expect(score.result.issues.filter((issue) => issue.kind === "cached-mismatch")).toEqual([]);
});

test("rows inserted above the table: still scored right, with row-moved warnings naming old and new cells", async () => {
  const score = await scoreFile(files.inserted);
  expectSameScores(score.result);
  expect(score.meta.subject).toBe(meta.subject);
  const moved = score.result.issues.filter((issue) => issue.kind === "row-moved");
  expect(moved.length).toBeGreaterThan(0);
  const firstOld = planned("cell:1:score");
  const firstNew = firstOld.replace(/\d+$/, (row) => String(Number(row) + 3));
  expect(moved[0].message).toContain(firstOld);
  expect(moved[0].message).toContain(firstNew);
  expect(score.cells["1.1-1:deduction"]).toBe(planned("cell:1.1-1:deduction").replace(/\d+$/, (row) => String(Number(row) + 3)));
  const totalOld = planned("cell:total:score");
  expect(score.cells["total:score"]).toBe(totalOld.replace(/\d+$/, (row) => String(Number(row) + 3)));
  expect(score.result.issues.filter((issue) => issue.severity === "error").map((issue) => issue.kind)).toEqual(["text-number", "not-a-number"]);
});

test("a score formula typed over: a cached-mismatch warning naming that cell, scores still from the inputs", async () => {
  const score = await scoreFile(files.typedOverLo);
  expectSameScores(score.result);
  const typedCell = planned("cell:3.1:score");
  const warning = score.result.issues.find((issue) => issue.kind === "cached-mismatch" && issue.cell === typedCell);
  expect(warning?.severity).toBe("warning");
  expect(warning?.message).toContain("公式");
  expect(warning?.message).toContain("8");
});
