/**
 * `branch-scoring ballot <scheme> -o <out.xlsx> [--subject S]... [--org O]... | [--roster 名单] [--period P] [--expected N] [--copies N]
 * [--count [--rows N]] [--rubric file.json] [--force]`: writes a 民主测评表 (or, with --count, a 计票表) for the
 * scheme's counting rules. Exit 0 when written; 1 on bad arguments, an unknown scheme, or an existing output.
 */
import type { Command } from "commander";
import { ballotRulesOf } from "../ballot/rules";
import { planBallot, type BallotSubject } from "../ballot/plan-ballot";
import { planCount } from "../ballot/plan-count";
import { writePlanToFile } from "../hosts/xlsx/write";
import { readRosterFile } from "../batch/roster-file";
import { rosterSubject, rowWithoutSecretary, withoutSecretaryMessage } from "../roster/roster";
import type { Scheme } from "../rubric/types";
import { checkOutput, chooseScheme, collect, refuse, type Outcome } from "./template";

interface BallotCommandOptions {
  output: string;
  subject: string[];
  org: string[];
  period?: string;
  expected?: string;
  copies?: string;
  count?: boolean;
  rows?: string;
  roster?: string;
  rubric?: string;
  force?: boolean;
}

const MAX_COPIES = 500;
const MAX_ROWS = 5000;

function positive(name: string, text: string | undefined, max: number): Outcome<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) return { ok: false, message: `${name} 应为 1 至 ${max} 的整数，而不是“${text}”` };
  return { ok: true, value };
}

/** --subject and --org pair by position; a single --org applies to every subject. */
function subjectsOf(options: BallotCommandOptions): Outcome<BallotSubject[]> {
  const { subject: names, org: orgs } = options;
  if (orgs.length > 1 && orgs.length !== names.length) {
    return { ok: false, message: `--org 给了 ${orgs.length} 个，--subject 给了 ${names.length} 个：应一一对应，或只给一个 --org 用于全部测评对象` };
  }
  if (names.length === 0) return { ok: true, value: [{ subject: "", org: orgs[0] ?? "" }] };
  return { ok: true, value: names.map((subject, index) => ({ subject: subject.trim(), org: (orgs.length > 1 ? orgs[index] : orgs[0] ?? "").trim() })) };
}

/**
 * Every branch of the roster (党支部名单), or for a scheme about secretaries every branch's 书记 (书记姓名 column), each
 * with its 所属党组织: the names the scoring sheets carry, so the tally meets them in the compile.
 */
async function rosterSubjects(path: string, scheme: Scheme): Promise<Outcome<BallotSubject[]>> {
  const read = await readRosterFile(path);
  if (!read.ok) return { ok: false, message: `名单有误，未生成测评表：\n${read.errors.map((error) => `  ${error}`).join("\n")}` };
  const unnamed = rowWithoutSecretary(read.roster, scheme.subject);
  if (unnamed) return { ok: false, message: withoutSecretaryMessage(path, unnamed, scheme, "测评") };
  return { ok: true, value: read.roster.entries.map((entry) => ({ subject: rosterSubject(entry, scheme.subject), org: entry.org })) };
}

async function runBallot(schemeArgument: string, options: BallotCommandOptions): Promise<number> {
  const scheme = chooseScheme(schemeArgument, options.rubric);
  if (!scheme.ok) return refuse(scheme.message);
  const output = checkOutput(options.output, options.force === true);
  if (!output.ok) return refuse(output.message);
  if (options.roster !== undefined && (options.subject.length > 0 || options.org.length > 0)) {
    return refuse("--roster 与 --subject/--org 只能选一种：测评对象取自名单，或逐个给出");
  }
  const subjects = options.roster !== undefined ? await rosterSubjects(options.roster, scheme.value) : subjectsOf(options);
  if (!subjects.ok) return refuse(subjects.message);
  const expected = positive("--expected", options.expected, 1_000_000);
  const copies = positive("--copies", options.copies, MAX_COPIES);
  const rows = positive("--rows", options.rows, MAX_ROWS);
  for (const checked of [expected, copies, rows]) if (!checked.ok) return refuse(checked.message);
  if (options.count && subjects.value.some((subject) => subject.subject === "")) return refuse("计票表需要测评对象：请用 --subject 给出（可重复）");
  const { rules } = ballotRulesOf(scheme.value);
  const common = { subjects: subjects.value, period: options.period, expected: expected.ok ? expected.value : undefined };
  const plan = options.count ? planCount(scheme.value, rules, { ...common, rows: rows.ok ? rows.value : undefined }) : planBallot(scheme.value, rules, { ...common, copies: copies.ok ? copies.value : undefined });
  await writePlanToFile(plan, output.value);
  const what = options.count ? "民主测评计票表" : "民主测评表";
  process.stdout.write(`已生成${what}：${output.value}\n  方案：${scheme.value.title}（${scheme.value.id}），等次：${rules.levels.join("、")}，测评对象 ${subjects.value.length} 个\n`);
  return 0;
}


export function registerBallot(program: Command): void {
  program
    .command("ballot")
    .description("生成民主测评表或计票表 .xlsx（每个测评对象一行、下拉选择等次、计票规则、A4 打印）(write a ballot or count sheet)")
    .argument("<scheme>", "评分方案编号（等次与计票规则取自方案），或自定义评分细则 .json 路径")
    .requiredOption("-o, --output <out.xlsx>", "输出文件 (output file)")
    .option("--subject <name>", "测评对象（支部名称或书记姓名），可重复 (subject, repeatable)", collect, [])
    .option("--org <name>", "所属党组织；一个用于全部，或与 --subject 一一对应 (parent organisation)", collect, [])
    .option("--roster <名单.xlsx|名单.csv>", "党支部名单：每个党支部（书记类方案为每位书记）一行 (subjects from a roster)")
    .option("--period <year>", "年度 (period)")
    .option("--expected <n>", "应到人数，用于判断到会是否达到规定比例 (expected voters)")
    .option("--copies <n>", "份数：同一工作表内重复 N 份，每份一页，供纸质投票 (copies for paper voting)")
    .option("--count", "生成计票表：每张选票一行、每个测评对象一列 (write the count sheet instead)")
    .option("--rows <n>", "计票表预留的行数，默认 200 (rows prepared on the count sheet)")
    .option("--rubric <file.json>", "自定义评分细则文件 (custom rubric)")
    .option("--force", "覆盖已存在的输出文件 (overwrite an existing file)")
    .action(async (schemeArgument: string, options: BallotCommandOptions) => {
      process.exitCode = await runBallot(schemeArgument, options);
    });
}
