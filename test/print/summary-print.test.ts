/**
 * The summary workbook on paper, for every built-in scheme: compiled by the command line from real filled templates
 * (and a broken file deep in long folders, so 问题清单 has long wrapped rows), printed by LibreOffice in one soffice run.
 * Each page carries the scheme, the year, its sheet and 第X页 共Y页; nothing prints below 8 pt; 汇总 repeats its header
 * row on every page, shows only the columns its scheme can fill and ends with 制表单位 and 制表人/审核人/日期; no row's
 * text needs more height than the written file gives it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Entries } from "../../src/scoring/types";
import { metaOf, scheme, writeFilled } from "../batch/workbooks";
import { pdfPageFontSizes } from "../support/pdf-fonts";
import { rowsTooShort, sheetsForFit } from "../support/print-fit";
import { runCli } from "../support/run-cli";
import { pdfPageTexts, printManyWithLibreOffice } from "../support/spreadsheet-programs";
import type { SheetPlan } from "../../src/sheet/types";

const SCHEME_IDS = ["lianghua-yichuang", "siqiang", "wuhao", "sibi-sikan", "tisheng-nian"] as const;
type SchemeId = (typeof SCHEME_IDS)[number];
/** enough branches for 汇总 to run over more than one page */
const MANY = 30;
const ISSUER = "中共示例大学委员会组织部";
const LONG_ORG = "马克思主义学院与人文社会科学研究院联合党总支";
const NO_ENTRIES: Entries = { rules: {}, vetoes: {} };

interface Printed {
  pages: string[];
  fonts: number[][];
  sheets: SheetPlan[];
}

let dir: string;
const printed = new Map<SchemeId, Printed>();

async function inputsFor(id: SchemeId): Promise<string> {
  const folder = join(dir, id);
  mkdirSync(folder, { recursive: true });
  const count = id === "lianghua-yichuang" ? MANY : 4;
  for (let i = 1; i <= count; i++) {
    const subject = i === 1 ? `${LONG_ORG}第${i}教工党支部（含离退休教职工党员）` : `第${i}党支部`;
    const vetoes: Entries["vetoes"] = id === "siqiang" && i === 2 ? { V2: "是" } : {};
    await writeFilled(join(folder, `${i}.xlsx`), id, { ...NO_ENTRIES, vetoes }, metaOf(subject, i % 2 === 0 ? LONG_ORG : "机关党委"));
  }
  // a file that is no workbook, deep in long folder names: a long wrapped path and message on 问题清单
  const deep = join(folder, "收到的评分表（第二批，2026年1月10日前报送）", LONG_ORG, "补报材料与佐证说明");
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, "第九党支部2025年度党建工作考评表（考评组初评稿，待组织部复核后定稿）.xlsx"), "这不是工作簿");
  return folder;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-summary-print-"));
  const outputs: string[] = [];
  for (const id of SCHEME_IDS) {
    const out = join(dir, "汇总", `${id}.xlsx`);
    const issuer = id === "lianghua-yichuang" ? ["--issuer", ISSUER] : [];
    const result = await runCli("compile", await inputsFor(id), "-o", out, ...issuer);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    outputs.push(out);
  }
  const pdfs = await printManyWithLibreOffice(outputs);
  for (const [index, id] of SCHEME_IDS.entries()) {
    printed.set(id, { pages: await pdfPageTexts(pdfs[index]), fonts: pdfPageFontSizes(pdfs[index]), sheets: await sheetsForFit(outputs[index]) });
  }
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `text` as pdftotext reads it back: a character whose glyph the PDF font maps to no Unicode comes out as U+FFFD, one or more (seen
 * for one 年 of a header in LibreOffice's output), so each character may be that instead.
 */
function printedAs(text: string): RegExp {
  return new RegExp([...text].map((char) => `(?:${char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|\uFFFD+)`).join(""));
}

function get(id: SchemeId): Printed {
  const found = printed.get(id);
  if (!found) throw new Error(`not printed: ${id}`);
  return found;
}

/** The sheet a page comes from: its header's centre, the first line of the page. */
function sheetOf(page: string, sheets: readonly SheetPlan[]): string | undefined {
  const firstLine = page.split("\n").find((line) => line.trim() !== "") ?? "";
  return sheets.map((sheet) => sheet.name).find((name) => firstLine.includes(`  ${name}  `));
}

function summaryHeader(id: SchemeId): string[] {
  const main = get(id).sheets.find((sheet) => sheet.name === "汇总");
  return (main?.cells[3] ?? []).map((cell) => String(cell?.value ?? ""));
}

describe.each(SCHEME_IDS)("summary of %s, printed", (id) => {
  it("heads every page with the scheme, its sheet and the year, and numbers it 第X页 共Y页", () => {
    const { pages, sheets } = get(id);
    expect(pages.length).toBeGreaterThan(sheets.length - 1);
    pages.forEach((page, index) => {
      expect(page).toMatch(printedAs(scheme(id).title));
      expect(page).toContain("2025年度");
      expect(page).toContain(`第${index + 1}页 共${pages.length}页`);
      expect(sheetOf(page, sheets)).toBeDefined();
    });
    // every visible sheet prints, 汇总 first
    expect(new Set(pages.map((page) => sheetOf(page, sheets)))).toEqual(new Set(sheets.map((sheet) => sheet.name)));
    expect(sheetOf(pages[0], sheets)).toBe("汇总");
  });

  it("prints no text below 8 pt", () => {
    const { fonts } = get(id);
    for (const sizes of fonts) {
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    }
  });

  it("repeats the 汇总 header row on every 汇总 page", () => {
    const { pages, sheets } = get(id);
    const subjectHeader = scheme(id).subject === "secretary" ? "支部书记" : "支部名称";
    const mainPages = pages.filter((page) => sheetOf(page, sheets) === "汇总");
    if (id === "lianghua-yichuang") expect(mainPages.length).toBeGreaterThan(1);
    for (const page of mainPages) expect(page).toMatch(new RegExp(`排名\\s+${subjectHeader}`));
  });

  it("shows on 汇总 only the columns the scheme can fill, and no file paths", () => {
    const header = summaryHeader(id);
    const definition = scheme(id);
    expect(header.includes("否决原因")).toBe(definition.vetoes.length > 0);
    expect(header.includes("推荐")).toBe(definition.quota !== undefined);
    expect(header.includes("测评")).toBe(definition.raters.includes("mass"));
    expect(header).not.toContain("来源文件");
    expect(header).toEqual(expect.arrayContaining(["排名", "总分", "等次", "达标", "自评", "考评", "备注"]));
    for (const section of definition.sections) expect(header).toContain(`${section.code} ${section.title}（${section.points}分）`);
    // the full paths are on 来源与备注
    const sources = get(id).sheets.find((sheet) => sheet.name === "来源与备注");
    expect(sources?.cells.flat().some((cell) => String(cell?.value ?? "").includes(join(dir, id, "1.xlsx")))).toBe(true);
  });

  it("gives every row (问题清单's long paths and messages included) the height its wrapped text needs", () => {
    const { sheets } = get(id);
    const problems = sheets.find((sheet) => sheet.name === "问题清单");
    expect(problems?.cells.flat().some((cell) => String(cell?.value ?? "").includes("补报材料与佐证说明"))).toBe(true);
    for (const sheet of sheets) expect({ sheet: sheet.name, faults: rowsTooShort(sheet) }).toEqual({ sheet: sheet.name, faults: [] });
  });

  it("ends 汇总 with the issuing unit (given by --issuer, else a line to fill) and 制表人/审核人/日期", () => {
    const { pages, sheets } = get(id);
    const lastMain = pages.filter((page) => sheetOf(page, sheets) === "汇总").pop() ?? "";
    if (id === "lianghua-yichuang") expect(lastMain).toContain(`制表单位（盖章）：${ISSUER}`);
    else expect(lastMain).toMatch(/制表单位（盖章）：＿+/);
    expect(lastMain).toMatch(/制表人：＿+\s+审核人：＿+\s+日期：\s+年\s+月\s+日/);
  });
});
