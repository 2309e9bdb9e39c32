/**
 * `branch-scoring template <scheme> -o <out.xlsx> [--subject S] [--org O] [--period P] [--rater self|mass|org]
 * [--evaluator E] [--date D] [--field key=value]... [--rubric file.json] [--force]`: writes a scoring template workbook;
 * with `--roster 名单 -o <folder>` one per roster branch (./template-roster).
 * Exit 0 when written; 1 on bad arguments, an unknown scheme, or an output that exists (without --force).
 */
import type { Command } from "commander";
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { writePlanToFile, xlsxSkippedFeatures } from "../hosts/xlsx/write";
import { loadRubricFile } from "../rubric/load";
import { resolveScheme } from "../rubric/resolve";
import type { RaterKind, Scheme } from "../rubric/types";
import type { SubjectMeta } from "../scoring/types";
import { RATER_LABELS } from "../rubric/raters";
import { planTemplate, scoringSheetName } from "../sheet/planner";
import { distributeTemplates } from "./template-roster";

export interface TemplateOptions {
  output: string;
  subject?: string;
  org?: string;
  period?: string;
  rater?: string;
  evaluator?: string;
  date?: string;
  rubric?: string;
  force?: boolean;
  /** 党支部名单 (.xlsx/.csv): one template per branch, -o is then a folder */
  roster?: string;
  /** the scheme's own header fields, "key=value" (e.g. branch=第一党支部) */
  field?: string[];
}

const RATERS: readonly RaterKind[] = ["self", "mass", "org"];

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** A built-in id, a .json path, or the id of the --rubric file (which takes precedence for its own id). */
export function chooseScheme(schemeArgument: string, rubric: string | undefined): Outcome<Scheme> {
  if (rubric !== undefined) {
    const loaded = loadRubricFile(rubric);
    if (!loaded.scheme) return { ok: false, message: `评分细则文件有误，未生成模板：\n${loaded.errors.map((error) => `  ${error}`).join("\n")}` };
    if (loaded.scheme.id === schemeArgument) return { ok: true, value: loaded.scheme };
  }
  const resolved = resolveScheme(schemeArgument);
  if (resolved.scheme) return { ok: true, value: resolved.scheme };
  return { ok: false, message: resolved.errors.join("\n") };
}

export function checkOutput(output: string, force: boolean): Outcome<string> {
  if (!output.toLowerCase().endsWith(".xlsx")) return { ok: false, message: `输出文件“${output}”应以 .xlsx 结尾 (output must end in .xlsx)` };
  const folder = dirname(resolve(output));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return { ok: false, message: `输出文件夹“${folder}”不存在 (output folder does not exist)` };
  }
  if (existsSync(output) && !force) {
    return { ok: false, message: `“${output}”已存在，未覆盖。如需覆盖，请加 --force。(file exists; use --force to overwrite)` };
  }
  return { ok: true, value: output };
}

const raterChoices = (raters: readonly RaterKind[]) => raters.map((kind) => `${kind}（${RATER_LABELS[kind]}）`).join("、");

function subjectMeta(options: TemplateOptions, scheme: Scheme): Outcome<Partial<SubjectMeta>> {
  const rater = options.rater;
  if (rater !== undefined && !(RATERS as readonly string[]).includes(rater)) {
    return { ok: false, message: `--rater 应为 self（自评）、mass（测评）或 org（考评），而不是“${rater}”` };
  }
  if (rater !== undefined && !scheme.raters.includes(rater as RaterKind)) {
    return {
      ok: false,
      message:
        `方案「${scheme.shortTitle}」（${scheme.id}）的评定程序没有${RATER_LABELS[rater as RaterKind]}，未生成模板；` +
        `--rater 可为 ${raterChoices(scheme.raters)} (rater ${rater} is not used by this scheme)`,
    };
  }
  const meta: Partial<SubjectMeta> = {};
  if (options.subject !== undefined) meta.subject = options.subject;
  if (options.org !== undefined) meta.org = options.org;
  if (options.period !== undefined) meta.period = options.period;
  if (rater !== undefined) meta.rater = rater as RaterKind;
  if (options.evaluator !== undefined) meta.evaluator = options.evaluator;
  if (options.date !== undefined) meta.date = options.date;
  const extra = headerFieldValues(options.field ?? [], scheme);
  if (!extra.ok) return extra;
  if (Object.keys(extra.value).length > 0) meta.extra = extra.value;
  return { ok: true, value: meta };
}

/** `--field key=value` for the scheme's own header fields (Scheme.headerFields), checked against their choices. */
function headerFieldValues(pairs: readonly string[], scheme: Scheme): Outcome<Record<string, string>> {
  const fields = scheme.headerFields ?? [];
  const known = fields.map((field) => `${field.key}（${field.label}）`).join("、") || "无";
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([^=]+)=(.*)$/.exec(pair);
    const field = match && fields.find((candidate) => candidate.key === match[1].trim());
    if (!match || !field) {
      return { ok: false, message: `--field “${pair}”：方案「${scheme.shortTitle}」的表头字段为 ${known}，格式 键=值 (unknown header field)` };
    }
    const value = match[2].trim();
    if (field.choices && !field.choices.includes(value)) {
      return { ok: false, message: `--field ${field.key}：${field.label}应为 ${field.choices.join("、")} 之一，而不是“${value}”` };
    }
    values[field.key] = value;
  }
  return { ok: true, value: values };
}

export function refuse(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

async function runTemplate(schemeArgument: string, options: TemplateOptions): Promise<number> {
  const scheme = chooseScheme(schemeArgument, options.rubric);
  if (!scheme.ok) return refuse(scheme.message);
  const meta = subjectMeta(options, scheme.value);
  if (!meta.ok) return refuse(meta.message);
  if (options.roster !== undefined) {
    if (options.subject !== undefined || options.org !== undefined) return refuse("--roster 与 --subject/--org 不能同时使用：名称取自名单");
    if (options.output.toLowerCase().endsWith(".xlsx")) return refuse(`使用 --roster 时 -o 应为文件夹，而不是“${options.output}”`);
    return (await distributeTemplates(scheme.value, options.roster, options.output, meta.value, options.force === true)).status;
  }
  const output = checkOutput(options.output, options.force === true);
  if (!output.ok) return refuse(output.message);
  const plan = planTemplate(scheme.value, meta.value);
  try {
    await writePlanToFile(plan, output.value);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      return refuse(`无法写入“${output.value}”：没有写入权限 (permission denied)`);
    }
    throw error;
  }
  const notices = xlsxSkippedFeatures(plan).map((notice) => `  注意：${notice}\n`).join("");
  process.stdout.write(
    `已生成评分表模板：${output.value}\n  方案：${scheme.value.title}（${scheme.value.id}，${scheme.value.version} 版），工作表：「${scoringSheetName(scheme.value)}」\n${notices}`,
  );
  return 0;
}

/** commander's accumulator for a repeatable option (--field, --subject, --org …). */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerTemplate(program: Command): void {
  program
    .command("template")
    .description("生成评分表模板 .xlsx（含公式、数据验证、工作表保护、打印设置）(write a scoring template workbook)")
    .argument("<scheme>", "评分方案编号（见 branch-scoring schemes），或自定义评分细则 .json 路径")
    .requiredOption("-o, --output <out.xlsx|folder>", "输出文件；与 --roster 同用时为输出文件夹 (output file, or folder with --roster)")
    .option("--roster <名单>", "党支部名单 .xlsx/.csv：为每个支部生成一份，写入 <文件夹>/<所属党组织>/<支部名称>-<评价方>.xlsx (roster)")
    .option("--subject <name>", "支部名称或书记姓名 (subject)")
    .option("--org <name>", "所属党组织 (parent organisation)")
    .option("--period <year>", "考核年度 (period)")
    .option("--rater <kind>", "评价方：self 自评 | mass 测评 | org 考评 (rater)")
    .option("--evaluator <name>", "评分人 (evaluator)")
    .option("--date <date>", "评分日期 (date)")
    .option("--rubric <file.json>", "自定义评分细则文件；方案编号与 <scheme> 相同时使用它 (custom rubric)")
    .option("--field <key=value>", "方案自有的表头字段，可重复：branch=所在党支部（四比四看）、apply=是|否（四强申请）(scheme header field)", collect, [])
    .option("--force", "覆盖已存在的输出文件 (overwrite an existing file)")
    .action(async (schemeArgument: string, options: TemplateOptions) => {
      process.exitCode = await runTemplate(schemeArgument, options);
    });
}
