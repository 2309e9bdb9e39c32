/**
 * 差异明细 from real workbooks: blank templates filled by openpyxl (a writer that is not ours) with 自评 and panels of
 * 1, 3 and 5 考评, compiled by the built command. Every expected number is computed here, from the deductions the test
 * typed, with decimal.js: an indicator's score is its points less the one deduction typed on it, a panel's value the
 * mean of its evaluators' (half-up to 2 places; trimmed from 5 with --panel trimmed), a line listed when |考评 − 自评|
 * reaches the threshold. A blank 自评 and a 考评 with an error give 待核 lines without numbers.
 */
import Decimal from "decimal.js";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededRandom } from "../../src/demo/prng";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import type { CompileJson } from "../../src/summary/compile-json";
import { runBuiltCli as runCli } from "../support/run-cli";
import { fillManyWithOpenpyxl, type OpenpyxlFill } from "../support/spreadsheet-programs";
import { filledPlan, metaOf, metaValue, scheme, template } from "../batch/workbooks";

const ID = "lianghua-yichuang";
const LH = scheme(ID);
const ORG = "机电工程学院党委";
/** typed deductions: only fixed and range rules, at most one per indicator per sheet, so score = points − deduction */
const INDICATORS = LH.sections.flatMap((section) => section.indicators).map((indicator) => ({
  code: indicator.code,
  points: indicator.points,
  rules: indicator.rules.flatMap((rule) => {
    if (rule.kind === "fixed" && rule.amount <= indicator.points) return [{ code: rule.code, amounts: [rule.amount] }];
    if (rule.kind !== "range") return [];
    const amounts: number[] = [];
    for (let a = rule.min; a <= Math.min(rule.max, indicator.points); a += 0.5) amounts.push(a);
    return amounts.length > 0 ? [{ code: rule.code, amounts }] : [];
  }),
})).filter((indicator) => indicator.rules.length > 0);

interface Typed {
  /** indicator code → { rule, amount, reason } */
  byIndicator: Map<string, { rule: string; amount: number; reason: string }>;
  /** a deduction typed without its reason (an error on the sheet) */
  missingReason?: boolean;
}
interface Branch {
  subject: string;
  self: Typed | "blank";
  panel: Typed[];
}

const random = seededRandom(2026);
function typed(rate: number, who: string): Typed {
  const byIndicator = new Map<string, { rule: string; amount: number; reason: string }>();
  for (const indicator of INDICATORS) {
    if (!random.chance(rate)) continue;
    const rule = random.pick(indicator.rules);
    const amount = random.pick(rule.amounts);
    byIndicator.set(indicator.code, { rule: rule.code, amount, reason: `${who}查${indicator.code}` });
  }
  return { byIndicator };
}
const panelOf = (size: number, subject: string) => Array.from({ length: size }, (_, k) => typed(0.45, `${subject}评委${k + 1}`));

const BRANCHES: Branch[] = [
  { subject: "一人考评支部", self: typed(0.1, "自评"), panel: panelOf(1, "一人考评支部") },
  { subject: "三人考评支部", self: typed(0.1, "自评"), panel: panelOf(3, "三人考评支部") },
  { subject: "五人考评支部", self: typed(0.15, "自评"), panel: panelOf(5, "五人考评支部") },
  { subject: "自评未填支部", self: "blank", panel: panelOf(1, "自评未填支部") },
  { subject: "考评有误支部", self: typed(0.1, "自评"), panel: [...panelOf(2, "考评有误支部"), { ...typed(0.45, "误"), missingReason: true }] },
  { subject: "只有自评支部", self: typed(0.2, "自评"), panel: [] },
];
// the erroneous sheet must have a deduction to leave its reason out of
BRANCHES[4].panel[2].byIndicator.set(INDICATORS[0].code, { rule: INDICATORS[0].rules[0].code, amount: INDICATORS[0].rules[0].amounts[0], reason: "" });

const evaluatorName = (k: number) => `评委${k + 1}`;
const score = (points: number, sheet: Typed, code: string) => new Decimal(points).minus(sheet.byIndicator.get(code)?.amount ?? 0);
function panelValue(values: Decimal[], trimmed: boolean): Decimal {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const used = trimmed && sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  return used.reduce((sum, v) => sum.plus(v), new Decimal(0)).div(used.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** What 差异明细 must list for a branch, computed from what was typed. */
function expectedLines(branch: Branch, threshold: number, trimmed = false) {
  if (branch.self === "blank") return [];
  const self = branch.self;
  return INDICATORS.flatMap((indicator) => {
    const selfScore = score(indicator.points, self, indicator.code);
    const org = panelValue(branch.panel.map((sheet) => score(indicator.points, sheet, indicator.code)), trimmed);
    const diff = org.minus(selfScore);
    if (diff.abs().lessThan(threshold)) return [];
    const reasons = branch.panel.flatMap((sheet, k) => {
      const item = sheet.byIndicator.get(indicator.code);
      return item ? [{ evaluator: evaluatorName(k), rule: item.rule, amount: -item.amount, reason: item.reason }] : [];
    });
    return [{ code: indicator.code, self: selfScore.toNumber(), org: org.toNumber(), difference: diff.toNumber(), reasons }];
  });
}

let dir: string;
let inbox: string;
let compiled: { json: CompileJson; stdout: string; status: number };

async function compile(...flags: string[]) {
  const json = join(dir, `汇总${flags.join("")}.json`);
  const run = await runCli("compile", inbox, "-o", json.replace(/\.json$/, ".xlsx"), "--json", json, ...flags);
  return { json: JSON.parse(readFileSync(json, "utf8")) as CompileJson, stdout: run.stdout, status: run.status };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-diff-"));
  const blanks = join(dir, "blank");
  inbox = join(dir, "收回");
  mkdirSync(blanks);
  mkdirSync(inbox);
  const plan = template(ID);
  const sheetName = plan.sheets[0].name;
  const fills: OpenpyxlFill[] = [];
  async function add(name: string, subject: string, rater: "self" | "org", evaluator: string, sheet: Typed | "blank") {
    const blank = join(blanks, name);
    await writePlanToFile(filledPlan(ID, { rules: {}, vetoes: {} }, { ...metaOf(subject, ORG, rater), evaluator }), blank);
    const cells: Record<string, string | number | null> = {};
    if (sheet !== "blank") {
      // a sheet without any deduction is filled in all the same: 0 typed on each indicator's first rule
      for (const indicator of INDICATORS) cells[metaValue(plan, `cell:${indicator.rules[0].code}:deduction`)] = 0;
      for (const { rule, amount, reason } of sheet.byIndicator.values()) {
        cells[metaValue(plan, `cell:${rule}:deduction`)] = amount;
        if (reason !== "") cells[metaValue(plan, `cell:${rule}:reason`)] = reason;
      }
    }
    fills.push({ in: blank, out: join(inbox, name), sheet: sheetName, cells });
  }
  for (const branch of BRANCHES) {
    await add(`${branch.subject}-自评.xlsx`, branch.subject, "self", "支部书记", branch.self);
    for (const [k, sheet] of branch.panel.entries()) await add(`${branch.subject}-考评-${k + 1}.xlsx`, branch.subject, "org", evaluatorName(k), sheet);
  }
  await fillManyWithOpenpyxl(fills);
  compiled = await compile();
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("every branch with 自评 and 考评 is compared; indicators differing by ≥ 1 point as computed from the typed deductions", () => {
  expect(compiled.status).toBe(0);
  const { differences } = compiled.json;
  expect(differences.threshold).toBe(1);
  expect(differences.subjects.map((s) => s.subject).sort()).toEqual(BRANCHES.filter((b) => b.panel.length > 0).map((b) => b.subject).sort());
  for (const branch of BRANCHES.filter((b) => b.panel.length > 0 && b.self !== "blank" && !b.panel.some((p) => p.missingReason))) {
    const found = differences.subjects.find((s) => s.subject === branch.subject)!;
    expect(found.pending).toBeNull();
    expect(found.panelSize).toBe(branch.panel.length);
    expect(found.indicators.map(({ code, self, org, difference, reasons }) => ({ code, self, org, difference, reasons }))).toEqual(expectedLines(branch, 1));
  }
  // the test's data must exercise what it checks: some differences, and some panel values with cents
  expect(differences.subjects.reduce((n, s) => n + s.indicators.length, 0)).toBeGreaterThan(5);
});

test("panel totals: every sheet's total is one base less what was typed on it; the 考评 is the mean of the evaluators' totals", () => {
  // indicators the test never types on (awards, conversions) score the same on every sheet: one base for all, taken from
  // the first sheet; every other total, and each panel mean, must then follow from the typed deductions alone
  const typedSum = (sheet: Typed) => [...sheet.byIndicator.values()].reduce((sum, item) => sum.plus(item.amount), new Decimal(0));
  const first = compiled.json.rows.find((r) => r.subject === BRANCHES[0].subject)!;
  const base = typedSum(BRANCHES[0].self as Typed).plus(first.selfTotal!);
  for (const branch of BRANCHES.slice(0, 3)) {
    const row = compiled.json.rows.find((r) => r.subject === branch.subject)!;
    const totals = branch.panel.map((sheet) => base.minus(typedSum(sheet)));
    expect(row.evaluators.filter((e) => e.rater === "org").map((e) => e.total)).toEqual(totals.map((t) => t.toNumber()));
    expect(row.orgTotal).toBe(panelValue(totals, false).toNumber());
    expect(row.selfTotal).toBe(base.minus(typedSum(branch.self as Typed)).toNumber());
    expect(row.panelSize).toBe(branch.panel.length);
  }
});

test("a sheet that does not count gives a 待核 line with the reason, never numbers", () => {
  const subjects = compiled.json.differences.subjects;
  expect(subjects.find((s) => s.subject === "自评未填支部")).toMatchObject({ pending: "自评未填写", indicators: [] });
  expect(subjects.find((s) => s.subject === "考评有误支部")).toMatchObject({ pending: "考评 1 处错误", indicators: [] });
  expect(compiled.stdout).toMatch(/差异明细：自评与考评都有的 5 个，其中 \d+ 个共 \d+ 项指标相差 1 分及以上；待核 2 个/);
});

test("--diff-threshold 0.5 and --panel trimmed: the lines follow, computed the same way", async () => {
  const run = await compile("--diff-threshold", "0.5", "--panel", "trimmed");
  expect(run.json.differences.threshold).toBe(0.5);
  for (const branch of BRANCHES.slice(0, 3)) {
    const found = run.json.differences.subjects.find((s) => s.subject === branch.subject)!;
    expect(found.indicators.map(({ code, self, org, difference, reasons }) => ({ code, self, org, difference, reasons }))).toEqual(expectedLines(branch, 0.5, true));
  }
  const bad = await runCli("compile", inbox, "-o", join(dir, "x.xlsx"), "--diff-threshold", "零");
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain("--diff-threshold 应为正数");
});

test("the 差异明细 sheet lists the same lines, and 待核 lines with their reason", async () => {
  const book = await readWorkbookFile(join(dir, "汇总.xlsx"));
  const sheet = book.sheets.find((s) => s.name === "差异明细")!;
  expect(book.sheets.map((s) => s.name)).toEqual(["汇总", "统计", "差异明细", "问题清单", "来源与备注", "_rows"]);
  const lines = sheet.values.filter((row) => BRANCHES.some((b) => b.subject === row[0]));
  const expected = BRANCHES.filter((b) => b.panel.length > 0 && b.self !== "blank" && !b.panel.some((p) => p.missingReason)).flatMap((branch) =>
    expectedLines(branch, 1).map((line) => [branch.subject, line.code, line.self, line.org, line.difference, branch.panel.length]),
  );
  const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]), undefined, { numeric: true });
  expect(lines.filter((row) => row[2] !== "待核").map((row) => [row[0], row[2], row[5], row[6], row[7], row[8]]).sort(byName)).toEqual(expected.sort(byName));
  expect(lines.filter((row) => row[2] === "待核").map((row) => [row[0], row[3]]).sort(byName)).toEqual(
    [
      ["自评未填支部", "自评未填写，不作比较"],
      ["考评有误支部", "考评 1 处错误，不作比较"],
    ].sort(byName),
  );
});

test("the 反馈单 compares by the same rule: a panel's 考评 per indicator is its mean; a 待核 branch gets no difference", async () => {
  const folder = join(dir, "反馈单");
  const run = await runCli("compile", inbox, "-o", join(dir, "反馈.xlsx"), "--feedback", folder);
  expect(run.status).toBe(0);
  const indicatorRows = async (subject: string) =>
    (await readWorkbookFile(join(folder, ORG, `${subject}.xlsx`))).sheets[0].values.filter((row) => INDICATORS.some((i) => i.code === row[0]));
  const three = BRANCHES[1];
  const rows = await indicatorRows(three.subject);
  for (const indicator of INDICATORS) {
    const row = rows.find((values) => values[0] === indicator.code)!;
    const self = score(indicator.points, three.self as Typed, indicator.code);
    const org = panelValue(three.panel.map((sheet) => score(indicator.points, sheet, indicator.code)), false);
    expect([row[4], row[5]]).toEqual([self.toNumber(), org.toNumber()]);
    const diff = org.minus(self);
    expect(row[6] ?? "").toBe(diff.isZero() ? "" : `考评比自评${diff.isNegative() ? "少" : "多"} ${diff.abs().toString()} 分`);
  }
  for (const row of await indicatorRows("考评有误支部")) expect(row[6]).toBe("待核（考评 1 处错误），不作比较");
});

test("rolled up from two summaries, 差异明细 is the same: scores, indicator titles and the evaluators' reasons", async () => {
  const filesOf = (branches: Branch[]) =>
    branches.flatMap((branch) => [`${branch.subject}-自评.xlsx`, ...branch.panel.map((_, k) => `${branch.subject}-考评-${k + 1}.xlsx`)].map((name) => join(inbox, name)));
  const parts = [BRANCHES.slice(0, 3), BRANCHES.slice(3)].map((branches, i) => ({ files: filesOf(branches), out: join(dir, `院系${i + 1}.xlsx`) }));
  for (const part of parts) expect((await runCli("compile", ...part.files, "-o", part.out)).status).toBe(0);
  const json = join(dir, "学校.json");
  expect((await runCli("compile", ...parts.map((part) => part.out), "-o", join(dir, "学校.xlsx"), "--json", json)).status).toBe(0);
  const rolled = (JSON.parse(readFileSync(json, "utf8")) as CompileJson).differences;
  const bySubject = (report: CompileJson["differences"]) => [...report.subjects].sort((a, b) => a.subject.localeCompare(b.subject));
  expect(bySubject(rolled)).toEqual(bySubject(compiled.json.differences));
});
