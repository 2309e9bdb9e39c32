/**
 * Renders the README screenshot of the 两化一创 scoring template: the template filled as an evaluator would fill it
 * (a few deductions with 扣分理由 and 佐证材料, one award), recalculated by LibreOffice, printed to PDF with the sheet's
 * own print setup, first page → docs/screenshots/template-lianghua-yichuang.png (~1400 px wide), last page (verdict
 * and the 考评 signatures) → template-lianghua-yichuang-last.png; and the first page of a 四强 考评表 (the 不得参评情形
 * first) → template-siqiang.png.
 * Before rendering it reads the recalculated file back and checks LibreOffice's scores against the engine's.
 *
 * Run from the repository root (needs soffice and pdftoppm or gs):
 *   npx tsc -p scripts/tsconfig.screenshot.json && node dist-cli/scripts/render-template-screenshot.js [out.png]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { writePlanToFile } from "../src/hosts/xlsx/write";
import { getScheme } from "../src/rubric/catalogue";
import type { Entries, SubjectMeta } from "../src/scoring/types";
import { fillTemplatePlan } from "../src/sheet/fill";
import { planTemplate } from "../src/sheet/planner";
import { scoreWorkbook } from "../src/sheet/score-workbook";
import { convertToPdfAndPng, pdfPageTexts, pdfPageToPng, recalcWithLibreOffice } from "../test/support/spreadsheet-programs";

const SCHEME_ID = "lianghua-yichuang";
const DEFAULT_OUT = "docs/screenshots/template-lianghua-yichuang.png";
// A4 landscape is 11.69 in wide: 120 dpi gives about 1400 px
const DPI = 120;

const META: Partial<SubjectMeta> = {
  subject: "机电工程学院教工第一党支部",
  org: "机电工程学院党总支",
  period: "2025",
  rater: "org",
  evaluator: "王建华",
  date: "2026-01-15",
};

/** Fictitious but typical 组织部 inspection findings; most of them on the first printed page. */
const ENTRIES: Entries = {
  rules: {
    "1.1-1": { deduction: 0 },
    "1.1-2": { deduction: 0 },
    "1.1-3": { deduction: 0.5, reason: "党员分布在3个教研室，未按规定划分党小组", evidence: "党支部设置批复文件；党员名册" },
    "1.2-1": { deduction: 0 },
    "1.2-2": { deduction: 1, reason: "组织委员调离后空缺4个月，未及时增补", evidence: "支委会成员名单及分工" },
    "1.2-3": { deduction: 0 },
    "1.3-1": { deduction: 0 },
    "1.3-2": { deduction: 0 },
    "2.1-1": { quantity: 1, deduction: 0.5, reason: "参与本单位重要事项决策讨论记录不全", evidence: "党政联席会议纪要" },
    "2.2-1": { quantity: 0, deduction: 0 },
    "2.3-1": { quantity: 2, deduction: 1.5, reason: "服务企业技术攻关项目未形成台账；志愿服务活动次数不足", evidence: "服务项目清单；志愿服务记录" },
    "2.4-1": { quantity: 0, deduction: 0 },
    "3.2-1": { quantity: 1, deduction: 1, reason: "学习笔记、心得体会材料不全", evidence: "年度学习计划；学习签到表" },
    "4.1-1": { quantity: 1, deduction: 0.5, reason: "支委会记录缺少3个月", evidence: "“三会一课”记录本" },
    "6.1-1": { award: 12, reason: "支部“双带头人”工作室获评校级样板党支部，主题党日活动被省级媒体报道", evidence: "表彰文件；媒体报道链接" },
  },
  vetoes: {},
};

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? DEFAULT_OUT);
  const scheme = getScheme(SCHEME_ID);
  if (!scheme) throw new Error(`内置方案 ${SCHEME_ID} 不存在`);
  const work = mkdtempSync(join(tmpdir(), "bs-screenshot-"));
  try {
    const filled = join(work, `${SCHEME_ID}.xlsx`);
    await writePlanToFile(fillTemplatePlan(planTemplate(scheme, META), ENTRIES, META), filled);
    const recalculated = await recalcWithLibreOffice(filled, join(work, "recalculated"));

    const score = scoreWorkbook(await readWorkbookFile(recalculated), getScheme);
    if (!score.ok) throw new Error(`读不回重新计算后的文件：${score.message}`);
    const mismatches = score.result.issues.filter((issue) => issue.kind === "cached-mismatch");
    if (mismatches.length > 0) throw new Error(`LibreOffice 的计算结果与引擎不一致：\n${mismatches.map((issue) => issue.message).join("\n")}`);
    const { total, band, pass } = score.result;
    console.log(`${META.subject}：总分 ${total}，等次 ${band}，${pass ? "达标" : "未达标"}（LibreOffice 与引擎一致）`);

    const { pdf, png, renderer } = await convertToPdfAndPng(recalculated, out, DPI);
    const last = out.replace(/\.png$/i, "-last.png");
    await pdfPageToPng(pdf, last, (await pdfPageTexts(pdf)).length, DPI);
    rmSync(dirname(pdf), { recursive: true, force: true });
    console.log(`已写出 ${png}、${last}（${renderer}，${DPI} dpi）`);

    const siqiang = getScheme("siqiang");
    if (!siqiang) throw new Error("内置方案 siqiang 不存在");
    const siqiangFile = join(work, "siqiang.xlsx");
    await writePlanToFile(planTemplate(siqiang, { ...META, subject: "市发展改革委机关第一党支部", org: "市发展改革委机关党委" }), siqiangFile);
    const siqiangPng = join(dirname(out), "template-siqiang.png");
    const rendered = await convertToPdfAndPng(siqiangFile, siqiangPng, DPI);
    rmSync(dirname(rendered.pdf), { recursive: true, force: true });
    console.log(`已写出 ${siqiangPng}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
