/**
 * One number everywhere: templates filled by openpyxl with every kind of awkward input (text numbers, full-width
 * digits, "1.5分", booleans, error values, whitespace, percentages typed three ways), with 状态 填写中 or 已定稿 or
 * untouched, recalculated by LibreOffice (which re-saves them) and by Gnumeric. What each program's formulas show
 * (总分, 等次, 达标, the error count) must be exactly what `score` says about the same file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import type { Rule, Scheme } from "../../src/rubric/types";
import { verdictText } from "../../src/scoring/status";
import type { CellValue, Entries, RuleEntry } from "../../src/scoring/types";
import { entryCells, planMetaValues } from "../../src/sheet/fill";
import { FAIL_TEXT, PASS_TEXT } from "../../src/sheet/formulas";
import { planTemplate } from "../../src/sheet/planner";
import type { ScoredWorkbook } from "../../src/sheet/score-workbook";
import { scoreWorkbook } from "../../src/sheet/score-workbook";
import { builtInScheme } from "../sheet/planner-schemes";
import type { OpenpyxlValue } from "../support/spreadsheet-programs";
import { fillWithOpenpyxl, recalcManyWithLibreOffice, recalcWithGnumeric } from "../support/spreadsheet-programs";
import { readCachedScores } from "./parity-support";

const allRules = (scheme: Scheme): Rule[] => scheme.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules));

/** Every input filled in without a deduction: a complete, error-free sheet (full marks but for awards). */
function complete(scheme: Scheme): Entries {
  const rules: Record<string, RuleEntry> = {};
  for (const rule of allRules(scheme)) {
    if (rule.kind === "count") rules[rule.code] = { quantity: rule.unit === "%" ? 100 : rule.required };
    else if (rule.kind === "convert") rules[rule.code] = { raw: rule.rawMax };
    else if (rule.kind === "fixed-each" || rule.kind === "range-each") rules[rule.code] = { quantity: 0, deduction: 0 };
    else if (rule.kind === "award") rules[rule.code] = { award: 0 };
    else rules[rule.code] = { deduction: 0 };
  }
  return { rules, vetoes: Object.fromEntries(scheme.vetoes.map((veto) => [veto.code, "否"])) };
}

function firstOf(scheme: Scheme, kinds: Rule["kind"][], skip = 0): Rule {
  const rule = allRules(scheme).filter((candidate) => kinds.includes(candidate.kind))[skip];
  if (!rule) throw new Error(`${scheme.id} has no ${kinds.join("/")} rule`);
  return rule;
}

/** Deductions that stay within every rule: a real, error-free year (a lower band). */
function deducted(scheme: Scheme): Entries {
  const entries = complete(scheme);
  for (const [index, rule] of allRules(scheme).entries()) {
    if (index % 3 !== 0) continue;
    if (rule.kind === "fixed") entries.rules[rule.code] = { deduction: rule.amount, reason: "会议记录缺失" };
    if (rule.kind === "range") entries.rules[rule.code] = { deduction: rule.max, reason: "台账不全" };
    if (rule.kind === "fixed-each") entries.rules[rule.code] = { quantity: 1, deduction: rule.amount, reason: "一项未落实" };
  }
  return entries;
}

/** What goes into an amount cell (扣分/加分): every awkward value a cell can hold, each an error that counts 0. */
const AWKWARD_AMOUNTS: { amount: OpenpyxlValue; reason: string | null; quantity?: string }[] = [
  { amount: "1.5分", reason: "文本数字" },
  { amount: "２．５", reason: "全角数字" },
  { amount: " 1 ", reason: "带空格的文本" },
  { amount: "约1", reason: "含义不明" },
  { amount: true, reason: "逻辑值" },
  { amount: "#N/A", reason: "错误值" },
  { amount: 0.3, reason: "步长不对" },
  { amount: 1, reason: "   " },
];

const ENTERED: Rule["kind"][] = ["fixed", "range", "discretionary", "award", "fixed-each", "range-each"];

/**
 * The complete sheet with an awkward value on as many amount cells as the scheme has (each-rules keep a count of 0,
 * so only the amount is wrong), a text count on one each-rule and an unreadable veto answer.
 */
function awkward(scheme: Scheme): Record<string, OpenpyxlValue> {
  const plan = planTemplate(scheme);
  const addresses = planMetaValues(plan);
  const at = (code: string, field: string) => String(addresses.get(`cell:${code}:${field}`));
  const cells = cellsFor(scheme, complete(scheme), "final");
  const amountRules = allRules(scheme).filter((rule) => ENTERED.includes(rule.kind));
  AWKWARD_AMOUNTS.slice(0, amountRules.length).forEach(({ amount, reason }, index) => {
    const rule = amountRules[index];
    cells[at(rule.code, rule.kind === "award" ? "award" : "deduction")] = amount;
    cells[at(rule.code, "reason")] = reason;
  });
  const each = allRules(scheme).filter((rule) => rule.kind === "fixed-each" || rule.kind === "range-each").pop();
  if (each) {
    cells[at(each.code, "quantity")] = "2";
    cells[at(each.code, "deduction")] = 1;
    cells[at(each.code, "reason")] = "次数是文本";
  }
  if (scheme.vetoes[0]) cells[at(scheme.vetoes[0].code, "flag")] = "可能";
  return cells;
}

interface Case {
  label: string;
  scheme: Scheme;
  cells: Record<string, OpenpyxlValue>;
  path: string;
}

let dir: string;
const cases: Case[] = [];

function cellsFor(scheme: Scheme, entries: Entries, status?: "draft" | "final"): Record<string, OpenpyxlValue> {
  const cells: Record<string, OpenpyxlValue> = {};
  for (const [address, value] of Object.entries(entryCells(planTemplate(scheme), entries, status ? { status } : {}))) cells[address] = value as CellValue;
  return cells;
}

async function addCase(label: string, scheme: Scheme, cells: Record<string, OpenpyxlValue>): Promise<void> {
  const template = join(dir, `${scheme.id}-template.xlsx`);
  const path = join(dir, `${scheme.id}-${cases.length}.xlsx`);
  const plan = planTemplate(scheme, { subject: "测试党支部", rater: "org" });
  await writePlanToFile(plan, template);
  await fillWithOpenpyxl(template, path, cells, plan.activate);
  cases.push({ label: `${scheme.id} ${label}`, scheme, cells, path });
}

/** The 1.3 rule of 五好: 民主测评“好”的比例 ≥ 95%, else −2. */
const wuhao = builtInScheme("wuhao");
const percentRule = firstOf(wuhao, ["count"]);
const percentCell = String(planMetaValues(planTemplate(wuhao)).get(`cell:${percentRule.code}:quantity`));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-awkward-"));
  for (const id of ["lianghua-yichuang", "wuhao", "siqiang"]) {
    const scheme = builtInScheme(id);
    await addCase("untouched", scheme, {});
    await addCase("only a blank reason", scheme, { [String(planMetaValues(planTemplate(scheme)).get(`cell:${allRules(scheme)[0].code}:reason`))]: "   " });
    await addCase("complete, 已定稿", scheme, cellsFor(scheme, complete(scheme), "final"));
    await addCase("deducted, 填写中", scheme, cellsFor(scheme, deducted(scheme), "draft"));
    await addCase("deducted, 已定稿", scheme, cellsFor(scheme, deducted(scheme), "final"));
    await addCase("awkward inputs", scheme, awkward(scheme));
    // a Chinese input method types a full-width space (U+3000): blank as a reason, and around 是 it still reads 是
    await addCase("only a full-width-space reason", scheme, { [String(planMetaValues(planTemplate(scheme)).get(`cell:${allRules(scheme)[0].code}:reason`))]: "\u3000" });
    if (scheme.vetoes[0]) {
      const flag = String(planMetaValues(planTemplate(scheme)).get(`cell:${scheme.vetoes[0].code}:flag`));
      await addCase("veto 是 padded with full-width spaces", scheme, { ...cellsFor(scheme, complete(scheme), "final"), [flag]: "\u3000是 " });
    }
  }
  // a percentage typed as 96, as Excel stores a typed 96% (0.96 shown as a percentage), as 96.0% and as text
  const base = cellsFor(wuhao, complete(wuhao), "final");
  await addCase("percent 96", wuhao, { ...base, [percentCell]: 96 });
  await addCase("percent 96%", wuhao, { ...base, [percentCell]: { value: 0.96, numberFormat: "0%" } });
  await addCase("percent 96.0%", wuhao, { ...base, [percentCell]: { value: 0.96, numberFormat: "0.0%" } });
  await addCase("percent 94%", wuhao, { ...base, [percentCell]: { value: 0.94, numberFormat: "0%" } });
  await addCase("percent as text", wuhao, { ...base, [percentCell]: "96%" });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Shown {
  total: CellValue;
  band: CellValue;
  pass: CellValue;
  errors: CellValue;
}

/** What the recalculated file's formulas show, and what `score` says about the same file. */
async function compare(path: string, scheme: Scheme): Promise<{ sheet: Shown; score: Shown; scored: ScoredWorkbook }> {
  const cached = await readCachedScores(path, scheme);
  const scored = scoreWorkbook(await readWorkbookFile(path), (id) => (id === scheme.id ? scheme : undefined));
  if (!scored.ok) throw new Error(`${path}: ${scored.message}`);
  const { result, status, errors } = scored;
  const total = typeof cached.total === "number" ? Math.round(cached.total * 100) / 100 : cached.total;
  return {
    sheet: { total, band: cached.band, pass: cached.pass, errors: cached.errors },
    score: {
      total: result.total,
      band: verdictText(status, errors, result.band),
      pass: verdictText(status, errors, result.pass ? PASS_TEXT : FAIL_TEXT),
      errors,
    },
    scored,
  };
}

let libreOffice: Map<string, Awaited<ReturnType<typeof compare>>>;

beforeAll(async () => {
  const outputs = await recalcManyWithLibreOffice(
    cases.map((item) => item.path),
    join(dir, "libreoffice"),
  );
  libreOffice = new Map();
  for (const [index, item] of cases.entries()) libreOffice.set(item.label, await compare(outputs[index], item.scheme));
}, 240_000);

test("LibreOffice's recalculation of every case shows exactly what score says about the re-saved file", () => {
  const disagreements = cases
    .map((item) => ({ label: item.label, ...libreOffice.get(item.label)! }))
    .filter((row) => JSON.stringify(row.sheet) !== JSON.stringify(row.score))
    .map((row) => `${row.label}: sheet ${JSON.stringify(row.sheet)}, score ${JSON.stringify(row.score)}`);
  expect(disagreements).toEqual([]);
});

test("Gnumeric's recalculation of every case shows exactly what score says", async () => {
  const disagreements: string[] = [];
  for (const [index, item] of cases.entries()) {
    const output = await recalcWithGnumeric(item.path, join(dir, `gnumeric-${index}.xlsx`));
    const { sheet, score } = await compare(output, item.scheme);
    if (JSON.stringify(sheet) !== JSON.stringify(score)) disagreements.push(`${item.label}: sheet ${JSON.stringify(sheet)}, score ${JSON.stringify(score)}`);
  }
  expect(disagreements).toEqual([]);
}, 240_000);

describe("what the cases show", () => {
  const of = (label: string) => libreOffice.get(label)!;

  test("an untouched template, or one with only whitespace typed, is blank and shows no verdict", () => {
    for (const id of ["lianghua-yichuang", "wuhao", "siqiang"]) {
      for (const label of ["untouched", "only a blank reason", "only a full-width-space reason"]) {
        const { scored, sheet } = of(`${id} ${label}`);
        expect(scored.status).toBe("blank");
        expect([sheet.band, sheet.pass]).toEqual(["未填写", "未填写"]);
      }
    }
  });

  test("a veto 是 padded with full-width spaces is a 是 in the sheet and in score alike", () => {
    const { scored, sheet } = of("siqiang veto 是 padded with full-width spaces");
    expect(scored.errors).toBe(0);
    expect(scored.result.vetoed).toBe(true);
    expect(sheet.band).toBe(scored.result.band);
  });

  test("a complete sheet shows its verdict, marked 草稿 while 填写中", () => {
    expect(of("lianghua-yichuang deducted, 填写中").sheet.band).toMatch(/（草稿）$/);
    expect(of("lianghua-yichuang deducted, 已定稿").sheet.band).not.toMatch(/草稿/);
    expect(of("lianghua-yichuang deducted, 已定稿").scored.status).toBe("final");
    expect(of("lianghua-yichuang deducted, 填写中").scored.status).toBe("draft");
  });

  test("awkward inputs are errors counted alike, count 0 and keep the running total visible", () => {
    for (const id of ["lianghua-yichuang", "wuhao", "siqiang"]) {
      const { scored, sheet } = of(`${id} awkward inputs`);
      expect(scored.errors).toBeGreaterThanOrEqual(3);
      expect(sheet.band).toBe(`有 ${scored.errors} 处填写错误`);
      expect(typeof sheet.total).toBe("number");
      const texts = scored.result.issues.filter((issue) => issue.kind === "text-number").map((issue) => issue.message);
      expect(texts.some((message) => message.includes("请直接输入数字 1.5"))).toBe(true);
    }
  });

  test("96, a typed 96% (0.96 shown as a percentage) and 96.0% give the same result; 94% costs the deduction; text is an error", () => {
    const totals = ["percent 96", "percent 96%", "percent 96.0%"].map((label) => of(`wuhao ${label}`).scored.result.total);
    expect(new Set(totals).size).toBe(1);
    expect(of("wuhao percent 96").scored.errors).toBe(0);
    expect(of("wuhao percent 94%").scored.result.total).toBe(totals[0] - 2);
    expect(of("wuhao percent as text").scored.errors).toBe(1);
    expect(of("wuhao percent as text").scored.result.issues.find((issue) => issue.kind === "text-number")?.message).toContain("请直接输入数字 96");
  });
});
