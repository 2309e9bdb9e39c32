/**
 * `branch-scoring compile <file-or-folder>... -o <summary.xlsx> [--json <summary.json>] [--rank dense|competition]
 * [--scheme id] [--named <names.txt>] [--rubric file.json] [--file-timeout s] [--file-memory MB] [--roster 名单] [--period P] [--panel mean|trimmed] [--diff-threshold n]`: scores every
 * workbook found (each in a worker with a time and memory budget, on every core) and writes the committee summary. Exit 0 when anything was compiled (problems in inputs are reported, not fatal); 1 when nothing usable or
 * bad arguments; 2 (from main) on an internal error.
 */
import type { Command } from "commander";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UnknownSchemeError } from "../batch/compile-core";
import type { CompileFilesOutcome } from "../batch/compile-files";
import { compileFiles } from "../batch/compile-files";
import { readNamedList } from "../batch/named-list";
import { DEFAULT_FILE_MEMORY_MB, DEFAULT_FILE_TIMEOUT_SECONDS } from "../batch/isolated-files";
import { outputRefusal } from "../batch/output-target";
import { progressBar } from "../batch/progress-bar";
import { knownSchemeIds, schemeResolver } from "../batch/resolver";
import { writeSummaryOutputs } from "../batch/write-outputs";
import { writeDocuments } from "../documents/write-documents";
import { writeFeedback } from "../feedback/write-feedback";
import type { RankStyle } from "../rubric/types";
import { compiledFiles } from "../summary/compiled-files";
import { percentLabel } from "../summary/exact";
import type { RosterAccount, Summary, SummaryInput, SummaryProblem } from "../summary/types";
import type { Roster } from "../roster/roster";
import { readRosterFile } from "../batch/roster-file";
import { OTHER_PERIOD_LABEL } from "../summary/periods";
import { PANEL_MODES, type PanelMode } from "../summary/panel";
import { DEFAULT_DIFF_THRESHOLD, type DifferenceReport } from "../summary/differences";

export interface CompileCommandOptions {
  out: string;
  json?: string;
  rank?: string;
  scheme?: string;
  named?: string;
  rubric?: string;
  /** seconds one file may take (default 20) */
  fileTimeout?: string;
  /** megabytes one file may use (default 512) */
  fileMemory?: string;
  roster?: string;
  panel?: string;
  /** 考核年度 to compile */
  period?: string;
  finalOnly?: boolean;
  /** folder for one 反馈单 workbook per branch */
  feedback?: string;
  /** folder for 结果通报.docx and 公示名单.docx */
  docx?: string;
  /** 制表单位 printed at the foot of 汇总 */
  issuer?: string;
  /** 差异明细 threshold in points (default 1) */
  diffThreshold?: string;
}

export interface CompileCommandResult {
  status: number;
  /** present when the files were read (whatever the status) */
  outcome?: CompileFilesOutcome;
  /** the 反馈单 and documents written (--feedback, --docx) */
  extraOutputs?: string[];
}

const RANK_STYLES: readonly RankStyle[] = ["dense", "competition"];
/** Below this a worker cannot even load the scoring engine. */
const MIN_FILE_MEMORY_MB = 32;

/** The option's value as a positive number, `fallback` when absent, null when it is not one. */
function positiveNumber(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : null;
}
/** Files listed by name in the short result; the full list is in the 问题清单 sheet. */
const LISTED_FILES = 10;

function fail(message: string): CompileCommandResult {
  process.stderr.write(`${message}\n`);
  return { status: 1 };
}

function countBySeverity(problems: readonly SummaryProblem[]): { errors: number; warnings: number } {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}

/** Files that went into no row, with their first error: what the user must fix first. */
function uncompiledFiles(outcome: CompileFilesOutcome, summary: Summary | null): { file: string; why: string }[] {
  const compiled = compiledFiles(summary);
  return outcome.files
    .filter((file) => !compiled.has(file))
    .map((file) => ({ file, why: outcome.problems.find((p) => p.file === file && p.severity === "error")?.message ?? "未汇总" }));
}

function otherPeriodsLine(summary: Summary): string {
  const counts = new Map<string, number>();
  for (const { period } of summary.otherPeriods) counts.set(period, (counts.get(period) ?? 0) + 1);
  return `${OTHER_PERIOD_LABEL}：${[...counts].map(([period, n]) => `${period} ${n} 份`).join("、")}（见「问题清单」）`;
}

/** 报送情况 in short: the totals, every branch that sent nothing (by organisation), files matching no branch. */
function rosterLines(account: RosterAccount): string[] {
  const lines = [`报送情况：应报 ${account.expected}，已报 ${account.received}，未报 ${account.expected - account.received}`];
  for (const org of account.byOrg) if (org.missing.length > 0) lines.push(`  未报 ${org.org}：${org.missing.join("、")}`);
  if (account.unmatched.length > 0) lines.push(`与名单不对应的评分表 ${account.unmatched.length} 份（未排名）：`);
  for (const item of account.unmatched.slice(0, LISTED_FILES)) {
    const hint = item.suggestions.length > 0 ? `，是否为 ${item.suggestions.join("、")}？` : "";
    lines.push(`  ${item.file}：“${item.subject}”（${item.org}）不在名单中${hint}`);
  }
  if (account.unmatched.length > LISTED_FILES) lines.push(`  …… 其余 ${account.unmatched.length - LISTED_FILES} 份见汇总表「报送情况」`);
  return lines;
}

/** Summary workbooks given to this compile (roll-up): the outermost source of the inputs that came through one. */
function rolledUpSummaries(inputs: readonly SummaryInput[]): number {
  return new Set(inputs.flatMap((input) => input.source?.slice(0, 1) ?? [])).size;
}

/** 差异明细 in one line: how many branches were compared, how many indicators differ, and those 待核. */
function differencesLine(report: DifferenceReport): string {
  const differing = report.subjects.filter((subject) => subject.differences.length > 0);
  const indicators = differing.reduce((sum, subject) => sum + subject.differences.length, 0);
  const pending = report.subjects.filter((subject) => subject.pending !== null);
  const pendingText = pending.length > 0 ? `；待核 ${pending.length} 个（${pending.map((s) => `${s.subject}：${s.pending}`).join("；")}）` : "";
  return `差异明细：自评与考评都有的 ${report.subjects.length} 个，其中 ${differing.length} 个共 ${indicators} 项指标相差 ${report.threshold} 分及以上${pendingText}（见「差异明细」）`;
}

function resultText(outcome: CompileFilesOutcome, summary: Summary | null, outputs: string[]): string {
  const lines: string[] = [];
  const { errors, warnings } = countBySeverity(outcome.problems);
  const compiled = summary?.compiled ?? 0;
  if (summary) lines.push(`方案：${summary.scheme.title}（${summary.scheme.id}，${summary.scheme.version} 版）`);
  lines.push(`文件 ${outcome.files.length} 个，汇总 ${compiled} 个；问题 ${outcome.problems.length} 条（错误 ${errors}，警告 ${warnings}）`);
  const summaries = summary?.rollup ? rolledUpSummaries(summary.rollup.inputs) : 0;
  if (summaries > 0) lines.push(`其中下级汇总表 ${summaries} 个（逐级汇总：汇总个数按其中的评分表计）`);
  if (outcome.skipped.length > 0) lines.push(`跳过 ${outcome.skipped.length} 个：${outcome.skipped.map((s) => `${s.name}（${s.reason}）`).join("；")}`);
  if (summary) {
    const { stats } = summary;
    const rate = stats.passRate === null ? "—" : percentLabel(stats.passRate);
    lines.push(`汇总 ${stats.count} 个${summary.scheme.subject === "secretary" ? "书记" : "支部"}，达标 ${stats.passed} 个，达标率 ${rate}`);
    if (summary.ballots) lines.push(`民主测评：${summary.ballots.files.length} 个测评表/计票表，${summary.ballots.subjects.length} 个测评对象（见「测评统计」）`);
    const pending = summary.rows.filter((row) => !row.counted);
    if (pending.length > 0) {
      lines.push(`待核 ${pending.length} 个（未计入排名、统计和名额）：${pending.map((row) => `${row.subject}（${row.notCountedReason}）`).join("；")}`);
    }
  }
  const unused = uncompiledFiles(outcome, summary);
  if (unused.length > 0) {
    lines.push(`未汇总的文件 ${unused.length} 个：`);
    for (const { file, why } of unused.slice(0, LISTED_FILES)) lines.push(`  ${file}：${why}`);
    if (unused.length > LISTED_FILES) lines.push(`  …… 其余 ${unused.length - LISTED_FILES} 个见汇总表「问题清单」`);
  }
  if (summary && summary.otherPeriods.length > 0) lines.push(otherPeriodsLine(summary));
  if (summary?.roster) lines.push(...rosterLines(summary.roster));
  if (summary && summary.differences.subjects.length > 0) lines.push(differencesLine(summary.differences));
  if (outputs.length > 0) lines.push(`已写入：${outputs.join("，")}`);
  return lines.join("\n") + "\n";
}

/** Validates the arguments, compiles, writes the outputs and prints the short result. Shared with `demo`. */
export async function compileCommand(paths: string[], options: CompileCommandOptions): Promise<CompileCommandResult> {
  if (paths.length === 0) return fail("请给出要汇总的评分表文件或文件夹");
  if (!options.out.toLowerCase().endsWith(".xlsx")) return fail(`-o 应为 .xlsx 文件名（收到“${options.out}”）`);
  if (options.rank !== undefined && !RANK_STYLES.includes(options.rank as RankStyle)) {
    return fail(`--rank 只能是 dense（中国式排名 1,1,2）或 competition（竞赛式排名 1,1,3），收到“${options.rank}”`);
  }
  const timeoutSeconds = positiveNumber(options.fileTimeout, DEFAULT_FILE_TIMEOUT_SECONDS);
  if (timeoutSeconds === null) return fail(`--file-timeout 应为正数（秒），收到“${options.fileTimeout}”`);
  const memoryMb = positiveNumber(options.fileMemory, DEFAULT_FILE_MEMORY_MB);
  if (memoryMb === null || memoryMb < MIN_FILE_MEMORY_MB) {
    return fail(`--file-memory 应为不小于 ${MIN_FILE_MEMORY_MB} 的数（MB），收到“${options.fileMemory}”`);
  }
  const diffThreshold = positiveNumber(options.diffThreshold, DEFAULT_DIFF_THRESHOLD);
  if (diffThreshold === null) return fail(`--diff-threshold 应为正数（分），收到“${options.diffThreshold}”`);
  if (options.panel !== undefined && !PANEL_MODES.includes(options.panel as PanelMode)) {
    return fail(`--panel 只能是 mean（考评组平均）或 trimmed（5 人及以上去掉一个最高分和一个最低分后平均），收到“${options.panel}”`);
  }
  const resolver = schemeResolver(options.rubric);
  if ("errors" in resolver) return fail(`评分细则文件有误，未汇总：\n${resolver.errors.map((e) => `  ${e}`).join("\n")}`);
  if (options.scheme !== undefined && !resolver.resolve(options.scheme)) {
    return fail(`未知的评分方案「${options.scheme}」。可用方案：${knownSchemeIds(resolver.custom).join("、")}`);
  }
  let named: string[] | undefined;
  if (options.named !== undefined) {
    const list = await readNamedList(options.named);
    if ("error" in list) return fail(list.error);
    named = list.names;
  }
  let roster: Roster | undefined;
  if (options.roster !== undefined) {
    const read = await readRosterFile(options.roster);
    if (!read.ok) return fail(`名单有误，未汇总：\n${read.errors.map((e) => `  ${e}`).join("\n")}`);
    roster = read.roster;
  }
  if (options.json !== undefined && resolve(options.json) === resolve(options.out)) return fail("--json 与 -o 不能是同一个文件");
  const sideInputs = [...paths, ...(options.rubric ? [options.rubric] : []), ...(options.named ? [options.named] : []), ...(options.roster ? [options.roster] : [])];
  for (const [folder, flag] of [[options.feedback, "--feedback"], [options.docx, "--docx"]] as const) {
    if (folder !== undefined && (await stat(folder).then((info) => !info.isDirectory(), () => false))) return fail(`${flag} 应为文件夹（“${folder}”是一个文件）`);
  }
  for (const [target, label] of [[options.out, "汇总表"], [options.json, "JSON 文件"]] as const) {
    if (target === undefined) continue;
    const refusal = await outputRefusal(target, sideInputs, label);
    if (refusal) return fail(refusal);
  }

  const bar = process.stderr.isTTY ? progressBar(process.stderr, "读取评分表") : null;
  let outcome: CompileFilesOutcome;
  try {
    outcome = await compileFiles(paths, {
      scheme: options.scheme,
      resolve: resolver.resolve,
      rank: options.rank as RankStyle | undefined,
      named,
      roster,
      selectPeriod: options.period,
      panel: options.panel as PanelMode | undefined,
      refuseMixedPeriods: true,
      finalOnly: options.finalOnly === true,
      diffThreshold,
      exclude: [options.out, ...(options.feedback ? [options.feedback] : [])],
      isolation: { timeoutSeconds, memoryMb, custom: resolver.custom },
      onProgress: bar ? ({ done, total, file }) => bar.update(done, total, file) : undefined,
    });
  } catch (error) {
    if (error instanceof UnknownSchemeError) return fail(error.message);
    throw error;
  } finally {
    bar?.finish();
  }

  if (outcome.files.length === 0) {
    process.stdout.write(resultText(outcome, null, []));
    process.stderr.write("没有找到要汇总的 .xlsx 文件\n");
    return { status: 1, outcome };
  }
  if (outcome.periods) {
    const found = outcome.periods.map((p) => `${p.period}（${p.files} 份）`).join("、");
    process.stderr.write(
      `文件中有多个考核年度的评分表：${found}。一次只汇总一个年度，未写入汇总表；请用 --period 指定，如 --period ${outcome.periods[0].period}\n`,
    );
    return { status: 1, outcome };
  }
  const { summary } = outcome;
  if (!summary || (summary.compiled === 0 && !summary.ballots)) {
    process.stdout.write(resultText(outcome, summary, []));
    process.stderr.write("没有可以汇总的评分表，未写入汇总表\n");
    return { status: 1, outcome };
  }
  await writeSummaryOutputs(summary, options.out, options.json, options.issuer);
  const outputs = [options.out, ...(options.json ? [options.json] : [])];
  const extraOutputs: string[] = [];
  if (options.feedback !== undefined) {
    const feedback = await writeFeedback(summary, outcome.workbooks, resolver.resolve, options.feedback);
    outputs.push(`反馈单 ${feedback.written.length} 份（${options.feedback}）`);
    if (feedback.rolledUp.length > 0) {
      process.stderr.write(`经下级汇总表汇总的 ${feedback.rolledUp.length} 个支部未写反馈单：其评分表（扣分明细）在下级，请由下级生成反馈单\n`);
    }
    extraOutputs.push(...feedback.written);
    for (const refused of feedback.refused) process.stderr.write(`未写入反馈单“${refused}”：该文件已存在且不是以前生成的反馈单\n`);
  }
  if (options.docx !== undefined) {
    const documents = await writeDocuments(summary, options.docx, options.issuer);
    outputs.push(...documents.written);
    extraOutputs.push(...documents.written);
    for (const refused of documents.refused) process.stderr.write(`未写入“${refused}”：该文件已存在且不是本工具生成的文档\n`);
  }
  process.stdout.write(resultText(outcome, summary, outputs));
  return { status: 0, outcome, extraOutputs };
}

export function registerCompile(program: Command): void {
  program
    .command("compile")
    .description("汇总多份评分表：排名、等次、推荐名额、统计与问题清单 (compile filled workbooks into a summary)")
    .argument("<file-or-folder...>", "评分表 .xlsx 或包含评分表的文件夹（递归查找）")
    .requiredOption("-o, --out <summary.xlsx>", "汇总表输出文件")
    .option("--json <summary.json>", "同时输出 JSON（格式见 contracts.md）")
    .option("--rank <style>", "排名方式：dense 中国式 1,1,2 或 competition 竞赛式 1,1,3（默认按方案设定）")
    .option("--scheme <id>", "只汇总该方案的评分表（默认：多数评分表所用的方案）")
    .option("--named <names.txt>", "已命名支部名单，每行一个（不参加排名和推荐）")
    .option("--rubric <file.json>", "自定义评分细则 .json")
    .option("--file-timeout <s>", `每个文件读取和计分的时限，秒（默认 ${DEFAULT_FILE_TIMEOUT_SECONDS}）；超时的文件列入问题清单并跳过`)
    .option("--file-memory <MB>", `每个文件可用的内存，MB（默认 ${DEFAULT_FILE_MEMORY_MB}）；超出的文件列入问题清单并跳过`)
    .option("--panel <mode>", "考评组（同一支部多位评分人的考评）计分：mean 平均（默认）或 trimmed 5 人及以上去掉一个最高分和一个最低分")
    .option("--period <年度>", "只汇总该考核年度的评分表，其他年度的列为“其他年度（未汇总）”；文件含多个年度时必须指定")
    .option("--roster <名单>", "党支部名单 .xlsx/.csv：按名单核对报送情况，未报的列为“未报”")
    .option("--final-only", "只计入已定稿的评分表（填写中的列入待核）")
    .option("--diff-threshold <分>", `差异明细：自评与考评相差达到该分数的指标逐项列出（默认 ${DEFAULT_DIFF_THRESHOLD}）`)
    .option("--feedback <folder>", "为每个支部写一份反馈单（按所属党组织分文件夹）")
    .option("--docx <folder>", "写出结果通报.docx 和公示名单.docx")
    .option("--issuer <单位>", "制表单位，印在汇总表末尾，也是 --docx 通报和公示的发文单位（默认留空，打印后手填）")
    .action(async (paths: string[], options: CompileCommandOptions) => {
      process.exitCode = (await compileCommand(paths, options)).status;
    });
}
