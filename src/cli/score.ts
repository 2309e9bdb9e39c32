/**
 * `branch-scoring score <workbook.xlsx> [--json] [--rubric <file.json>]`: scores a filled workbook from its inputs
 * (never from cached formula results) and lists its problems. Exit 0 when scored, even with problems; 1 when the
 * file is unusable; 2 (from main) on an internal error.
 */
import type { Command } from "commander";
import stringWidth from "string-width";
import { padEnd as pad } from "../batch/display-width";
import { schemeResolver } from "../batch/resolver";
import { readWorkbookFile, WorkbookFileError } from "../hosts/xlsx/read";
import type { ScoredWorkbook, TemplateScore } from "../sheet/score-workbook";
import { isBallotWorkbook } from "../ballot/read";
import { scoreWorkbook } from "../sheet/score-workbook";
import { RATER_LABELS } from "../rubric/raters";
import type { SheetStatus } from "../scoring/status";
import { BLANK_VERDICT, STATUS_LABELS, verdictText } from "../scoring/status";

const STATUS_TEXT: Record<SheetStatus, string> = { blank: BLANK_VERDICT, ...STATUS_LABELS };

interface ScoreOptions {
  json?: boolean;
  rubric?: string;
}

/** The object contracts.md fixes for `score --json`; `kind` on issues and `sheet` are additions. */
function scoreJson(file: string, template: TemplateScore) {
  const { meta, result } = template;
  return {
    file,
    scheme: result.scheme,
    schemeVersion: result.schemeVersion,
    subject: meta.subject,
    org: meta.org,
    period: meta.period,
    rater: meta.rater,
    total: result.total,
    max: result.max,
    band: result.band,
    pass: result.pass,
    vetoed: result.vetoed,
    vetoReasons: result.vetoReasons,
    sections: result.sections.map(({ code, title, points, score }) => ({ code, title, points, score })),
    indicators: result.indicators.map(({ code, points, deduction, award, score }) => ({ code, points, deduction, award, score })),
    issues: result.issues.map(({ severity, code, cell, message, kind }) => ({ severity, code, cell, message, kind })),
    sheet: template.sheet,
    // the scheme's own header fields (四比四看 branch, 四强 apply …), only when it has any
    ...(meta.extra ? { fields: { ...meta.extra } } : {}),
    status: template.status,
    errors: template.errors,
  };
}

/** An ideographic space separates fields on a line of Chinese text. */
const GAP = "\u3000";

function humanReport(file: string, template: TemplateScore): string {
  const { meta, result, scheme } = template;
  const lines: string[] = [];
  const subjectLabel = scheme.subject === "secretary" ? "书记姓名" : "支部名称";
  const rater = meta.rater === "" ? "（未填）" : RATER_LABELS[meta.rater];
  lines.push(`评分结果：${file}（工作表「${template.sheet}」）`);
  lines.push(`方案：${scheme.title}（${scheme.id}，${result.schemeVersion} 版）`);
  lines.push(`${subjectLabel}：${meta.subject || "（未填）"}${GAP}所属党组织：${meta.org || "（未填）"}${GAP}考核年度：${meta.period || "（未填）"}`);
  lines.push(`评价方：${rater}${GAP}评分人：${meta.evaluator || "（未填）"}${GAP}日期：${meta.date || "（未填）"}`);
  lines.push("");
  const titles = result.sections.map((section) => `${section.code} ${section.title}`);
  const width = Math.max(12, ...titles.map((title) => stringWidth(title))) + 2;
  lines.push(`${pad("一级指标", width)}${pad("分值", 8)}得分`);
  result.sections.forEach((section, index) => lines.push(`${pad(titles[index], width)}${pad(String(section.points), 8)}${section.score}`));
  lines.push("");
  const { status, errors } = template;
  const band = verdictText(status, errors, result.band);
  const pass = verdictText(status, errors, result.pass ? "是" : "否");
  lines.push(`状态：${STATUS_TEXT[status]}${GAP}总分：${result.total} / ${result.max}${GAP}等次：${band}${GAP}达标：${pass}`);
  if (result.vetoed) lines.push(`不得参评：${result.vetoReasons.join("；")}`);
  const warnings = result.issues.length - errors;
  lines.push("");
  if (result.issues.length === 0) lines.push("问题：无");
  else {
    lines.push(`问题：严重 ${errors} 个，警告 ${warnings} 个`);
    for (const issue of result.issues) {
      lines.push(`  ${issue.severity === "error" ? "严重" : "警告"}  ${pad(issue.cell ?? "—", 6)}${issue.message}`);
    }
  }
  return lines.join("\n") + "\n";
}

function report(file: string, score: ScoredWorkbook, json: boolean): string {
  const unread = score.failures.map((failure) => ({ metaSheet: failure.metaSheet, message: failure.message }));
  if (json) {
    const others = score.templates.slice(1).map((template) => scoreJson(file, template));
    const extra = { ...(others.length > 0 ? { otherTemplates: others } : {}), ...(unread.length > 0 ? { unreadTemplates: unread } : {}) };
    return JSON.stringify({ ...scoreJson(file, score), ...extra }, null, 2) + "\n";
  }
  const parts = score.templates.map((template) => humanReport(file, template));
  for (const failure of unread) parts.push(`无法读取「${failure.metaSheet}」对应的评分表：${failure.message}\n`);
  return parts.join("\n");
}

async function runScore(file: string, options: ScoreOptions): Promise<number> {
  const resolver = schemeResolver(options.rubric);
  if ("errors" in resolver) {
    process.stderr.write(`评分细则文件有误，未计分：\n${resolver.errors.map((error) => `  ${error}`).join("\n")}\n`);
    return 1;
  }
  let book;
  try {
    book = await readWorkbookFile(file, { sheets: "scoring" });
  } catch (error) {
    if (error instanceof WorkbookFileError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (isBallotWorkbook(book)) {
    process.stderr.write(`“${file}”是民主测评表或计票表，不单独计分；请与评分表一起用 branch-scoring compile 汇总，计票结果见「测评统计」\n`);
    return 1;
  }
  const score = scoreWorkbook(book, resolver.resolve);
  if (!score.ok) {
    process.stderr.write(`“${file}”无法计分：${score.message}\n`);
    return 1;
  }
  process.stdout.write(report(file, score, options.json === true));
  return 0;
}

export function registerScore(program: Command): void {
  program
    .command("score")
    .description("按填好的评分表重新计分并列出问题 (score a filled workbook from its inputs)")
    .argument("<workbook>", "评分表 .xlsx")
    .option("--json", "输出 JSON（格式见 contracts.md）")
    .option("--rubric <file>", "自定义评分细则 .json（与其方案编号相同的评分表按它计分）")
    .action(async (workbook: string, options: ScoreOptions) => {
      process.exitCode = await runScore(workbook, options);
    });
}
