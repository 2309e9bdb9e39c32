/**
 * What `compile` prints on paper, printed by LibreOffice in one soffice run for every file: `--feedback` (one 反馈单
 * per branch in a folder per 所属党组织: each page carries the branch and 第X页 共Y页; deductions with rule, reason
 * and evidence; 自评 vs 考评) and `--docx` (结果通报.docx and 公示名单.docx).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { branchFeedback } from "../../src/feedback/feedback";
import { planFeedback } from "../../src/feedback/plan-feedback";
import type { Summary, SummaryRow } from "../../src/summary";
import type { Entries } from "../../src/scoring/types";
import { fileState, metaOf, scheme, writeFilled } from "../batch/workbooks";
import { runCli } from "../support/run-cli";
import { rowsTooShort } from "../support/print-fit";
import { pdfPageTexts, printManyWithLibreOffice } from "../support/spreadsheet-programs";

const LH = "lianghua-yichuang";
const ORG_A = "机电工程学院党总支";
const ORG_B = "外国语学院党总支";
const FIRST = "机电工程学院教工第一党支部";
const orgEntries: Entries = {
  rules: {
    "1.1-3": { deduction: 1, reason: "未按规定划分党小组", evidence: "党支部设置批复文件" },
    "4.4-2": { quantity: 2, deduction: 1.5, reason: "活动记录缺少签到表；未报送活动简报", evidence: "主题党日活动记录" },
  },
  vetoes: {},
};
const selfEntries: Entries = { rules: { "1.1-3": { deduction: 0.5, reason: "党小组长未明确" } }, vetoes: {} };

let dir: string;
let feedbackDir: string;
const pages = new Map<string, string[]>();
let stdout = "";
let stderr = "";
let summaryJson: { rows: { subject: string; org: string; total: number; band: string; pass: boolean; rank: number | null }[] };
const docsDir = () => join(dir, "文档");
let foreignBefore: ReturnType<typeof fileState>;
const foreign = () => join(feedbackDir, ORG_B, "外国语学院教工党支部.xlsx");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-feedback-"));
  const inputs = join(dir, "收到的评分表");
  mkdirSync(inputs);
  await writeFilled(join(inputs, "1-考评.xlsx"), LH, orgEntries, metaOf(FIRST, ORG_A, "org"));
  await writeFilled(join(inputs, "1-自评.xlsx"), LH, selfEntries, metaOf(FIRST, ORG_A, "self"));
  await writeFilled(join(inputs, "2.xlsx"), LH, { rules: { "1.1-1": { deduction: 0 } }, vetoes: {} }, metaOf("机电工程学院学生党支部", ORG_A, "org"));
  await writeFilled(join(inputs, "3.xlsx"), LH, { rules: { "1.1-1": { deduction: 0 } }, vetoes: {} }, metaOf("外国语学院教工党支部", ORG_B, "org"));
  // the 反馈单 folder inside the compiled folder: a second run must not read the 反馈单 as inputs
  feedbackDir = join(inputs, "反馈单");
  // someone's own file where a 反馈单 would go: left alone
  mkdirSync(join(feedbackDir, ORG_B), { recursive: true });
  await writeFilled(foreign(), LH, { rules: {}, vetoes: {} }, metaOf("别人的表", ORG_B, "org"));
  foreignBefore = fileState(foreign());
  for (let run = 0; run < 2; run++) {
    const result = await runCli("compile", inputs, "-o", join(dir, "汇总.xlsx"), "--json", join(dir, "汇总.json"), "--feedback", feedbackDir, "--docx", docsDir());
    expect(result.status).toBe(0);
    stdout = result.stdout;
    stderr = result.stderr;
  }
  const files = readdirSync(feedbackDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".xlsx"))
    .map((name) => join(feedbackDir, name))
    .filter((file) => file !== foreign());
  files.push(join(docsDir(), "结果通报.docx"), join(docsDir(), "公示名单.docx"));
  const pdfs = await printManyWithLibreOffice(files);
  for (const [index, file] of files.entries()) pages.set(file, await pdfPageTexts(pdfs[index]));
  summaryJson = JSON.parse(readFileSync(join(dir, "汇总.json"), "utf8")) as typeof summaryJson;
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("one 反馈单 per branch, in a folder per 所属党组织; the 反馈单 are not read back as inputs", () => {
  expect(existsSync(join(feedbackDir, ORG_A, `${FIRST}.xlsx`))).toBe(true);
  expect(existsSync(join(feedbackDir, ORG_A, "机电工程学院学生党支部.xlsx"))).toBe(true);
  expect(pages.size).toBe(4);
  expect(stdout).toContain("文件 4 个，汇总 4 个");
  expect(stdout).toContain("反馈单 2 份");
});

test("a file that is not a 反馈单 is never written over", () => {
  expect(fileState(foreign())).toEqual(foreignBefore);
  expect(stderr).toContain("未写入反馈单");
  expect(stderr).toContain("外国语学院教工党支部.xlsx");
});

test("every printed page names the branch and says 第X页 共Y页", () => {
  for (const [file, texts] of pages) {
    if (file.endsWith(".docx")) continue;
    const subject = file.split("/").pop()!.replace(/\.xlsx$/, "");
    texts.forEach((page, index) => {
      expect({ file, page: index + 1, subject: page.includes(subject) }).toEqual({ file, page: index + 1, subject: true });
      expect(page).toContain(`第${index + 1}页 共${texts.length}页`);
    });
  }
});

test("the 反馈单 lists every deduction with rule, reason and evidence, and 自评 vs 考评 per indicator", () => {
  const text = pages.get(join(feedbackDir, ORG_A, `${FIRST}.xlsx`))!.join("\n").replace(/[ \t]+/g, " ");
  expect(text).toContain("1.1-3 未按规定划分党小组扣0.5-1分");
  for (const phrase of ["未按规定划分党小组", "党支部设置批复文件", "主题党日活动记录", "党小组长未明确", "扣 1.5", "扣 0.5"]) expect(text).toContain(phrase);
  expect(text).toMatch(/最终得分/);
  expect(text).toMatch(/第 \d+ 名（共 3 个参加排名）/);
  // 1.1 党支部设置 (5 分): 自评 4.5, 考评 4
  expect(text).toMatch(/1\.1 党支部设置 5\.0 4\.5 4\.0 考评比自评少 0\.5 分/);
  expect(text).toContain("反馈单位（盖章）");
});

test("a 反馈单 with long texts gives every row the height its text needs", () => {
  const LHScheme = scheme(LH);
  const long = "会议记录缺少参会人员签到、议程和决议事项，".repeat(6);
  const summary = { scheme: { title: LHScheme.title, subject: "branch" }, period: "2025年度", rows: [], differences: { threshold: 1, subjects: [] } } as unknown as Summary;
  const row = {
    subject: "长名称".repeat(10), org: ORG_A, raters: [], basis: "org" as const, total: 80, sections: [], band: "较好", pass: true, vetoed: false,
    vetoReasons: [], selfTotal: null, massTotal: null, orgTotal: 80, difference: null, named: false, review: null, fields: {}, rank: 1,
    recommended: false as const, rosterId: null, offRoster: false, status: "final" as const, counted: true, notCountedReason: null, file: "a.xlsx", files: ["a.xlsx"], problems: [{ file: `${"很长的文件夹/".repeat(8)}a.xlsx`, cell: "F12", severity: "error" as const, message: long }], notes: [long],
  } as unknown as SummaryRow;
  const result = { scheme: LH, schemeVersion: "1", total: 80, max: 100, band: "较好", pass: true, vetoed: false, vetoReasons: [], sections: [], issues: [],
    indicators: [{ code: "1.1", title: long, points: 5, deduction: 1, award: 0, score: 4 }], rules: [{ code: "1.1-3", deduction: 1, award: 0 }] };
  const feedback = branchFeedback(summary, row, [{ rater: "org", scheme: LHScheme, result, entries: { rules: { "1.1-3": { reason: long, evidence: long } } } }]);
  expect(rowsTooShort(planFeedback(feedback).sheets[0])).toEqual([]);
});

test("a 反馈单 of a sheet not counted (blank, with errors) says 待核 where 达标 would be, never 否", () => {
  const LHScheme = scheme(LH);
  const summary = { scheme: { title: LHScheme.title, subject: "branch" }, period: "2025年度", rows: [], differences: { threshold: 1, subjects: [] } } as unknown as Summary;
  const row = {
    subject: "未填写支部", org: ORG_A, raters: [], basis: "org" as const, total: 80, sections: [], band: "", pass: false, vetoed: false,
    vetoReasons: [], selfTotal: null, massTotal: null, orgTotal: 80, difference: null, named: false, review: null, fields: {}, rank: null,
    recommended: false as const, rosterId: null, offRoster: false, status: "blank" as const, counted: false, notCountedReason: "未填写", file: "a.xlsx", files: ["a.xlsx"], problems: [], notes: ["待核：未填写，不计入排名、统计和名额"],
  } as unknown as SummaryRow;
  const result = { scheme: LH, schemeVersion: "1", total: 80, max: 100, band: "", pass: false, vetoed: false, vetoReasons: [], sections: [], issues: [], indicators: [], rules: [] };
  const cells = planFeedback(branchFeedback(summary, row, [{ rater: "org", scheme: LHScheme, result, entries: { rules: {} } }])).sheets[0].cells;
  const passRow = cells.find((line) => line[0]?.value === "达标")!;
  expect(passRow[1]?.value).toBe("待核");
  const scoreRow = cells.find((line) => line[0]?.value === "最终得分")!;
  expect(scoreRow[1]?.value).toBe("待核");
});

test("a 反馈单 comparing 自评 with 测评 (no 考评) makes no comparison beside a 自评 that does not count", () => {
  const LHScheme = scheme(LH);
  const summary = { scheme: { title: LHScheme.title, subject: "branch" }, period: "2025年度", rows: [], differences: { threshold: 1, subjects: [] }, rollup: { inputs: [], finalOnly: false } } as unknown as Summary;
  const raterScore = (rater: "self" | "mass", status: "blank" | "final") => ({ rater, file: `${rater}.xlsx`, total: 90, band: "", vetoed: false, vetoReasons: [], sections: [], status, errors: 0 });
  const row = {
    subject: "测评支部", org: ORG_A, raters: [raterScore("self", "blank"), raterScore("mass", "final")], basis: "mass" as const, total: 90, sections: [], band: "好", pass: true, vetoed: false,
    vetoReasons: [], selfTotal: 100, massTotal: 90, orgTotal: null, difference: null, named: false, review: null, fields: {}, rank: 1,
    recommended: false as const, rosterId: null, offRoster: false, status: "final" as const, counted: true, notCountedReason: null, file: "mass.xlsx", files: ["self.xlsx", "mass.xlsx"], problems: [], notes: [],
  } as unknown as SummaryRow;
  const resultWith = (score: number) => ({ scheme: LH, schemeVersion: "1", total: score, max: 100, band: "", pass: true, vetoed: false, vetoReasons: [], sections: [], issues: [], rules: [],
    indicators: [{ code: "1.1", title: "党支部设置", points: 5, deduction: 5 - score, award: 0, score }] });
  const feedback = branchFeedback(summary, row, [
    { rater: "self", scheme: LHScheme, result: resultWith(5), entries: { rules: {} } },
    { rater: "mass", scheme: LHScheme, result: resultWith(3), entries: { rules: {} } },
  ]);
  expect(feedback.compared).toBe("mass");
  expect(feedback.comparisonPending).toBe("自评未填写");
  expect(feedback.indicators.map((indicator) => indicator.difference)).toEqual([null]);
});

/** pdftotext's layout puts table cells apart and may break a name across lines in a narrow cell: compare without spaces. */
function flat(file: string): string {
  return pages.get(file)!.join("").replace(/\s+/g, "");
}

test("结果通报.docx: title, issuing unit and date placeholders, overall figures, each 所属党组织 with its branches' rank, total and band", () => {
  const file = join(docsDir(), "结果通报.docx");
  const text = flat(file);
  expect(text).toContain("关于2025年度党支部标准化规范化建设达标标准（“两化一创”）考评结果的通报");
  expect(text).toContain("（发文单位）");
  expect(text).toContain("年月日");
  const passed = summaryJson.rows.filter((row) => row.pass).length;
  expect(text).toContain(`本次共汇总3个党支部`);
  expect(text).toContain(`达标${passed}个`);
  for (const org of [ORG_A, ORG_B]) expect(text).toContain(org);
  for (const row of summaryJson.rows) expect(text).toContain(`${row.rank ?? "—"}${row.subject}${row.total}${row.band}${row.pass ? "是" : "否"}`);
  // each 所属党组织's table holds its own branches
  for (const org of [ORG_A, ORG_B]) {
    const start = text.indexOf(`${org}名次党支部总分等次达标`);
    expect(start).toBeGreaterThan(0);
    // up to the next 所属党组织's heading (a table's header row repeats on each page, so not the next 名次)
    const end = [...[ORG_A, ORG_B].map((other) => text.indexOf(`${other}名次党支部`)), text.indexOf("四、有关要求")].filter((i) => i > start).sort((a, b) => a - b)[0];
    const segment = text.slice(start, end);
    for (const row of summaryJson.rows) expect({ org, subject: row.subject, inTable: segment.includes(row.subject) }).toEqual({ org, subject: row.subject, inTable: row.org === org });
  }
  pages.get(file)!.forEach((page, index) => expect(page.replace(/\s+/g, "")).toContain(`—${index + 1}—`));
});

test("公示名单.docx: the 达标 list holds exactly the passing branches", () => {
  const text = flat(join(docsDir(), "公示名单.docx"));
  expect(text).toContain("2025年度党支部标准化规范化建设达标标准（“两化一创”）名单公示");
  const list = text.slice(text.indexOf("达标名单"));
  for (const row of summaryJson.rows) expect({ subject: row.subject, listed: list.includes(row.subject) }).toEqual({ subject: row.subject, listed: row.pass });
  expect(text).toContain("公示时间为");
});

test("--issuer names the issuing unit on both documents, where the placeholder was", async () => {
  const issuer = "中共示例大学委员会组织部";
  const folder = join(dir, "文档-发文单位");
  const result = await runCli("compile", join(dir, "收到的评分表"), "-o", join(dir, "汇总-发文单位.xlsx"), "--docx", folder, "--issuer", issuer);
  expect(result.status).toBe(0);
  for (const file of ["结果通报.docx", "公示名单.docx"]) {
    const xml = strFromU8(unzipSync(readFileSync(join(folder, file)), { filter: (entry) => entry.name === "word/document.xml" })["word/document.xml"]);
    const text = xml.replace(/<[^>]+>/g, "");
    expect({ file, issuer: text.includes(issuer), placeholder: text.includes("（发文单位）") }).toEqual({ file, issuer: true, placeholder: false });
  }
});
