/**
 * `branch-scoring demo [--out DIR] [--branches N]`: writes the five templates and a realistic set of filled and
 * broken workbooks (seeded, so every run is the same), compiles them like `compile` would and prints the ranking,
 * the statistics and the problems. The 两化一创 round starts from a roster (党支部名单.csv): templates are distributed
 * from it and the compile accounts against it, printing who has not reported. This is what `npm run demo` runs.
 */
import type { Command } from "commander";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { addToManifest, writeDemoFiles } from "../demo/write-demo";
import { ballotsText, differencesText, problemsText, rankingText, statsText } from "../demo/report";
import { compileCommand } from "./compile";
import { distributeTemplates } from "./template-roster";
import { getScheme } from "../rubric/catalogue";
import type { Summary } from "../summary/types";

interface DemoOptions {
  out: string;
  branches: string;
}

const MIN_BRANCHES = 12;
const MAX_BRANCHES = 2000;

async function runDemo(options: DemoOptions): Promise<number> {
  const branches = Number(options.branches);
  if (!Number.isInteger(branches) || branches < MIN_BRANCHES || branches > MAX_BRANCHES) {
    process.stderr.write(`--branches 应为 ${MIN_BRANCHES}–${MAX_BRANCHES} 之间的整数（收到“${options.branches}”）\n`);
    return 1;
  }
  const out = options.out;
  process.stdout.write(`正在生成示例文件到 ${out} ……\n`);
  const layout = await writeDemoFiles(out, branches);
  process.stdout.write(`已写入 ${layout.written.length} 个文件：评分表模板 ${layout.templates.length} 个（${join(out, "templates")}），示例评分表与几个有问题的文件（${join(out, "branches")}）\n`);

  const distributed = join(out, "下发");
  process.stdout.write(`\n══ 按名单下发考评表：branch-scoring template lianghua-yichuang --roster ${layout.rosterFile} -o ${distributed} --rater org --force\n`);
  const distribution = await distributeTemplates(getScheme("lianghua-yichuang")!, layout.rosterFile, distributed, { rater: "org", period: "2025年度" }, true);
  if (distribution.status !== 0) return distribution.status;
  await addToManifest(out, distribution.written);

  const runs = [
    { title: "两化一创", folder: layout.lianghuaFolder, xlsx: join(out, "summary.xlsx"), json: join(out, "summary.json"), named: undefined, roster: layout.rosterFile, feedback: join(out, "反馈单", "两化一创"), docx: join(out, "通报", "两化一创") },
    { title: "四强", folder: layout.siqiangFolder, xlsx: join(out, "summary-siqiang.xlsx"), json: join(out, "summary-siqiang.json"), named: layout.namedFile, roster: undefined, feedback: join(out, "反馈单", "四强"), docx: join(out, "通报", "四强") },
    { title: "五好（含民主测评）", folder: layout.wuhaoFolder, xlsx: join(out, "summary-wuhao.xlsx"), json: join(out, "summary-wuhao.json"), named: undefined, roster: undefined, feedback: join(out, "反馈单", "五好"), docx: join(out, "通报", "五好") },
  ];
  let status = 0;
  let lianghua: Summary | undefined;
  for (const run of runs) {
    process.stdout.write(`\n══ 汇总「${run.title}」：branch-scoring compile ${run.folder} -o ${run.xlsx} --json ${run.json}${run.named ? ` --named ${run.named}` : ""}${run.roster ? ` --roster ${run.roster}` : ""} --feedback ${run.feedback} --docx ${run.docx}\n`);
    const result = await compileCommand([run.folder], { out: run.xlsx, json: run.json, named: run.named, roster: run.roster, feedback: run.feedback, docx: run.docx });
    await addToManifest(out, result.extraOutputs ?? []);
    const summary = result.outcome?.summary;
    if (result.status !== 0 || !summary) {
      status = result.status || 1;
      continue;
    }
    lianghua ??= summary;
    process.stdout.write(`\n排名：\n${rankingText(summary)}\n统计：\n${statsText(summary)}\n`);
    if (summary.ballots) process.stdout.write(`测评统计：\n${ballotsText(summary.ballots)}\n`);
    if (summary.differences.subjects.length > 0) process.stdout.write(`差异明细（自评与考评相差 ${summary.differences.threshold} 分及以上）：\n${differencesText(summary.differences)}\n`);
    process.stdout.write(`问题（按文件）：\n${problemsText(summary.problems)}`);
  }
  if (lianghua) status ||= await rollUpDemo(out, layout.lianghuaFolder, layout.rosterFile, lianghua);
  return status;
}

/**
 * Two levels: two 党委 compile their own folders into 院系汇总/, then the school compiles those summaries beside the
 * other 党委's folders, and gets the ranking and statistics of the one compile above.
 */
async function rollUpDemo(out: string, folder: string, roster: string, once: Summary): Promise<number> {
  const entries = (await readdir(folder)).sort();
  const lower = entries.slice(0, 2).map((org) => ({ folder: join(folder, org), xlsx: join(out, "院系汇总", `${org}.xlsx`) }));
  for (const level of lower) {
    process.stdout.write(`\n══ 院系汇总：branch-scoring compile ${level.folder} -o ${level.xlsx}\n`);
    const result = await compileCommand([level.folder], { out: level.xlsx });
    if (result.status !== 0) return result.status;
  }
  const inputs = [...lower.map((level) => level.xlsx), ...entries.slice(2).map((org) => join(folder, org))];
  const [xlsx, json] = [join(out, "学校汇总.xlsx"), join(out, "学校汇总.json")];
  process.stdout.write(`\n══ 逐级汇总（下级汇总表与其余党委的评分表）：branch-scoring compile ${inputs.join(" ")} -o ${xlsx} --json ${json} --roster ${roster}\n`);
  const result = await compileCommand(inputs, { out: xlsx, json, roster });
  const summary = result.outcome?.summary;
  if (result.status !== 0 || !summary) return result.status || 1;
  const same = rankingText(summary) === rankingText(once) && statsText(summary) === statsText(once);
  process.stdout.write(`逐级汇总与一次汇总全部评分表的排名、统计${same ? "相同" : "不同（请把此输出反馈给开发者）"}\n`);
  return same ? 0 : 2;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("生成示例评分表并汇总，演示完整流程 (write sample workbooks and compile them)")
    .option("--out <dir>", "输出文件夹", "out")
    .option("--branches <n>", "两化一创示例支部数", "60")
    .action(async (options: DemoOptions) => {
      process.exitCode = await runDemo(options);
    });
}
