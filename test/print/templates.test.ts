/**
 * Every built-in template, for each rater of its procedure, printed by LibreOffice in one soffice run: A4 landscape at
 * 100 % with the planned page breaks (no page more than planned), each page carrying the scheme, the branch (typed in
 * after the template was made, so only the sheet's own cells can say it) and 第X页 共Y页; no section heading alone at
 * a page end; every row tall enough for its text, and no printed word cut off by its cell; the vetoes first, in the
 * source's numbering.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInSchemes } from "../../src/rubric/catalogue";
import type { RaterKind, Scheme } from "../../src/rubric/types";
import { RATER_LABELS } from "../../src/rubric/raters";
import { planTemplate } from "../../src/sheet/planner";
import { PAGE_UNIT_PIXELS } from "../../src/sheet/print-pages";
import type { SheetPlan } from "../../src/sheet/types";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { rowsTooShort } from "../support/print-fit";
import { wordsWithoutInk, type UninkedWord } from "../support/print-ink";
import { fillManyWithOpenpyxl, pdfPageTexts, printManyWithLibreOffice } from "../support/spreadsheet-programs";

const SUBJECT = "机电工程学院教工第一党支部";
const PERIOD = "2025";

interface Case {
  scheme: Scheme;
  rater: RaterKind;
  sheet: SheetPlan;
  file: string;
  pages: string[];
  /** words on the printed pages with no ink where they stand: cut off by their cells */
  cutOff: UninkedWord[];
}

let dir: string;
const cases: Case[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-template-print-"));
  const fills = [];
  for (const scheme of builtInSchemes()) {
    for (const rater of scheme.raters) {
      // the name is typed into the sheet afterwards: the page header cannot know it, the running line must show it
      const plan = planTemplate(scheme, { period: PERIOD, rater });
      const blank = join(dir, `${scheme.id}-${rater}-blank.xlsx`);
      await writePlanToFile(plan, blank);
      const file = join(dir, `${scheme.id}-${rater}.xlsx`);
      const subjectCell = plan.sheets[1].cells.find((row) => row[0]?.value === "cell:meta:subject")![1]!.value as string;
      fills.push({ in: blank, out: file, cells: { [subjectCell]: SUBJECT }, sheet: plan.sheets[0].name });
      cases.push({ scheme, rater, sheet: plan.sheets[0], file, pages: [], cutOff: [] });
    }
  }
  await fillManyWithOpenpyxl(fills);
  const pdfs = await printManyWithLibreOffice(cases.map((entry) => entry.file));
  for (const [index, entry] of cases.entries()) {
    entry.pages = await pdfPageTexts(pdfs[index]);
    entry.cutOff = await wordsWithoutInk(pdfs[index], hiddenTexts(entry.sheet));
  }
}, 300_000);

/** The texts of the sheet's hidden columns (the rules' parameters): in the PDF, never drawn. */
function hiddenTexts(sheet: SheetPlan): Set<string> {
  const hidden = new Set(sheet.hiddenColumns ?? []);
  return new Set(sheet.cells.flatMap((row) => row.flatMap((cell, column) => (hidden.has(column) && typeof cell?.value === "string" ? [cell.value] : []))));
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flat = (text: string) => text.replace(/\s+/g, "");

test("every template prints on exactly its planned pages (A4 landscape at 100 %: no column or row spills onto a page of its own)", () => {
  expect(cases.length).toBe(builtInSchemes().reduce((sum, scheme) => sum + scheme.raters.length, 0));
  for (const entry of cases) {
    expect({ file: entry.file, pages: entry.pages.length }).toEqual({ file: entry.file, pages: (entry.sheet.rowBreaks ?? []).length + 1 });
    expect(entry.sheet.print).toMatchObject({ orientation: "landscape", paper: "A4", zoom: 100 });
  }
});

test("两化一创 prints on at most 5 pages (5–6 at about 8 pt before; 4 with a few words cut off)", () => {
  const lianghua = cases.filter((candidate) => candidate.scheme.id === "lianghua-yichuang");
  expect(lianghua.length).toBe(2);
  for (const entry of lianghua) expect({ file: entry.file, fits: entry.pages.length <= 5 }).toEqual({ file: entry.file, fits: true });
});

test("no printed word is cut off by its cell: every word on every page has its ink", () => {
  for (const entry of cases) expect({ file: entry.file, cutOff: entry.cutOff }).toEqual({ file: entry.file, cutOff: [] });
});

test("each page names the scheme, the branch typed into the sheet, the year and the rater, and says 第X页 共Y页", () => {
  for (const entry of cases) {
    entry.pages.forEach((page, index) => {
      const text = flat(page);
      const where = { file: entry.file, page: index + 1 };
      expect({ ...where, scheme: text.includes(flat(`${entry.scheme.title}评分表`)) }).toEqual({ ...where, scheme: true });
      expect({ ...where, subject: text.includes(`支部名称：${SUBJECT}`) || text.includes(`书记姓名：${SUBJECT}`) }).toEqual({ ...where, subject: true });
      expect({ ...where, period: text.includes(`考核年度：${PERIOD}`) }).toEqual({ ...where, period: true });
      expect({ ...where, rater: text.includes(`评价方：${RATER_LABELS[entry.rater]}`) }).toEqual({ ...where, rater: true });
      expect({ ...where, footer: text.includes(`第${index + 1}页共${entry.pages.length}页`) }).toEqual({ ...where, footer: true });
    });
  }
});

test("no page ends with a section heading (or the veto heading) alone", () => {
  for (const entry of cases) {
    const sectionCodes = new Set(entry.scheme.sections.map((section) => section.code));
    for (const last of entry.sheet.rowBreaks ?? []) {
      const code = String(entry.sheet.cells[last][0]?.value ?? "");
      expect({ file: entry.file, row: last + 1, heading: sectionCodes.has(code) || code === "不得参评情形" }).toEqual({ file: entry.file, row: last + 1, heading: false });
    }
    // and the printed pages agree: the last table line of a page is never a section's 一级指标小计 line
    entry.pages.slice(0, -1).forEach((page) => {
      const lines = page.split("\n").filter((line) => line.trim() !== "" && !/第\d+页/.test(line));
      expect(lines[lines.length - 1]).not.toContain("一级指标小计");
    });
  }
});

test("every row (and merged area) is tall enough for its text, measured independently of the planner", () => {
  for (const entry of cases) expect({ file: entry.file, faults: rowsTooShort(entry.sheet, PAGE_UNIT_PIXELS / 7) }).toEqual({ file: entry.file, faults: [] });
});

test("body text is at least 9 pt", () => {
  for (const entry of cases) {
    const used = new Set(entry.sheet.cells.flat().map((cell) => cell?.style).filter((style): style is string => style !== undefined));
    for (const style of used) expect({ style, size: entry.sheet.styles[style].fontSize ?? 11 }).toEqual({ style, size: expect.any(Number) });
    expect(Math.min(...[...used].map((style) => entry.sheet.styles[style].fontSize ?? 11))).toBeGreaterThanOrEqual(9);
  }
});

test("四强: the 不得参评情形 come first, numbered （一）…（六） as in the source, with a 情况说明 input each", () => {
  for (const entry of cases.filter((candidate) => candidate.scheme.id === "siqiang")) {
    const text = flat(entry.pages[0]);
    const first = text.indexOf("（一）");
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(text.indexOf("一级指标小计"));
    ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"].forEach((label, index) => expect(text).toContain(flat(`${label}${entry.scheme.vetoes[index].text}`).slice(0, 12)));
    expect(text).toContain("情况说明");
    expect(text).not.toMatch(/V[1-6]/);
  }
});

test("signatures by rater: 支部书记 on a 自评, 考评组成员 and 组织部审核 on a 考评", () => {
  for (const entry of cases) {
    const last = flat(entry.pages[entry.pages.length - 1]);
    if (entry.rater === "self") expect(last).toContain("支部书记（签名）");
    if (entry.rater === "org") {
      expect(last).toContain("考评组成员（签名）");
      expect(last).toContain("组织部审核（签名/盖章）");
    }
    expect(last).not.toContain("评分人签名（盖章）");
  }
});
