/**
 * Node only: writes the demo's inputs under `out`: the five blank templates, a folder of 两化一创 workbooks (考评 for
 * every branch, 自评 for some, a few with text numbers, over-deductions and broken files), a folder of 四强 workbooks
 * (vetoes, an already-named branch, a tie at the recommendation line), the 已命名 list, and a 五好 民主测评 (./vote.ts). Seeded: the same files
 * on every run. Files a previous run wrote (listed in the manifest) are removed first, nothing else.
 */
import { copyFile, mkdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import iconv from "iconv-lite";
import { writePlanToBuffer } from "../hosts/xlsx/write";
import { builtInSchemes, getScheme } from "../rubric/catalogue";
import type { Scheme } from "../rubric/types";
import type { Entries, SubjectMeta } from "../scoring/types";
import { fillTemplatePlan } from "../sheet/fill";
import { planTemplate } from "../sheet/planner";
import type { WorkbookPlan } from "../sheet/types";
import { chineseTypedNumber, csvText, homeMadeSheet, totalTypedOver, truncated } from "./broken";
import { sampleEntries, selfAssessment } from "./entries";
import { branchNames, DEMO_ORGS, personName } from "./names";
import type { Random } from "./prng";
import { seededRandom } from "./prng";
import { voteFiles } from "./vote";

const DEMO_SEED = 20250701;
const PERIOD = "2025年度";
const MANIFEST = ".branch-scoring-demo.json";

export interface DemoLayout {
  templates: string[];
  lianghuaFolder: string;
  siqiangFolder: string;
  /** 五好: 自评 workbooks, a 计票表 and electronic ballots */
  wuhaoFolder: string;
  namedFile: string;
  /** 党支部名单 (GBK CSV, as Excel saves it on Chinese Windows): the 两化一创 branches and two that never report */
  rosterFile: string;
  /** every file written, relative to `out` */
  written: string[];
}

class DemoWriter {
  readonly written: string[] = [];
  constructor(readonly out: string) {}

  async bytes(path: string, bytes: Buffer | string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    this.written.push(relative(this.out, path));
  }

  async plan(path: string, plan: WorkbookPlan): Promise<Buffer> {
    const bytes = await writePlanToBuffer(plan);
    await this.bytes(path, bytes);
    return bytes;
  }
}

/** Removes what the previous demo run listed in its manifest, and only that. */
async function removePreviousRun(out: string): Promise<void> {
  let listed: unknown;
  try {
    listed = (JSON.parse(await readFile(join(out, MANIFEST), "utf8")) as { files?: unknown }).files;
  } catch {
    return;
  }
  if (!Array.isArray(listed)) return;
  const root = resolve(out);
  for (const file of listed) {
    if (typeof file !== "string") continue;
    const path = resolve(root, file);
    const inside = relative(root, path);
    // a tampered manifest must not reach outside the demo folder
    if (inside !== "" && !inside.startsWith("..") && !isAbsolute(inside)) {
      await rm(path, { force: true });
      await removeEmptyParents(root, path);
    }
  }
}

/** Folders the previous run made and left empty (an org that no longer has a 反馈单) go too; others stay. */
async function removeEmptyParents(root: string, path: string): Promise<void> {
  for (let folder = dirname(path); folder !== root && relative(root, folder) !== "" && !relative(root, folder).startsWith(".."); folder = dirname(folder)) {
    const removed = await rmdir(folder).then(
      () => true,
      () => false, // not empty (or already gone): stop here
    );
    if (!removed) return;
  }
}

/** Adds files the demo wrote by other means (the templates distributed from the roster) to this run's manifest. */
export async function addToManifest(out: string, paths: readonly string[]): Promise<void> {
  const manifest = JSON.parse(await readFile(join(out, MANIFEST), "utf8")) as { files: string[] };
  manifest.files.push(...paths.map((path) => relative(out, path)));
  await writeFile(join(out, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
}

function schemeOf(id: string): Scheme {
  const scheme = getScheme(id);
  if (!scheme) throw new Error(`内置方案 ${id} 不存在`);
  return scheme;
}

function metaFor(subject: string, org: string, rater: "self" | "org", random: Random): SubjectMeta {
  const evaluator = rater === "org" ? `党委组织部考评组（${personName(random)}）` : `${personName(random)}（支部书记）`;
  return { subject, org, period: PERIOD, rater, evaluator, date: rater === "org" ? "2026-01-12" : "2025-12-26" };
}

/** A deduction typed as text ("１.5分"): an error counting 0 (the message proposes 1.5), so the branch goes to 待核. */
function withTextNumber(entries: Entries): Entries {
  const code = Object.keys(entries.rules).find((key) => typeof entries.rules[key].deduction === "number" && entries.rules[key].deduction !== 0);
  if (!code) return entries;
  const entry = entries.rules[code];
  return { ...entries, rules: { ...entries.rules, [code]: { ...entry, deduction: chineseTypedNumber(entry.deduction as number) } } };
}

/** 主题党日 (4.4, 5 points) marked down 2 + 4: each rule valid, together more than the points (counts as 0, a warning). */
function withOverDeduction(entries: Entries): Entries {
  const skipped = { deduction: 2, reason: "上半年未开展主题党日活动", evidence: "主题党日活动记录" };
  const flaws = { quantity: 4, deduction: 4, reason: "活动记录缺少影像资料、签到表不全、未报送活动简报、未结合中心工作" };
  return { ...entries, rules: { ...entries.rules, "4.4-1": skipped, "4.4-2": flaws } };
}

/**
 * A hurried evaluator: 0.3 in a 0.5-step rule, a deduction outside its range, an award above its cap without 加分说明.
 * The sheet shows 有 N 处填写错误 and the branch goes to 待核, never ranked.
 */
function withErrors(scheme: Scheme, entries: Entries): Entries {
  const rules = scheme.sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules));
  const rulesOf = (kind: string) => rules.filter((rule) => rule.kind === kind);
  const changed = { ...entries.rules };
  const [fixed] = rulesOf("fixed");
  const [range] = rulesOf("range");
  const [award] = rulesOf("award");
  if (fixed) changed[fixed.code] = { deduction: 0.3, reason: "记录不全" };
  if (range?.kind === "range") changed[range.code] = { deduction: range.max + 1, reason: "多处问题" };
  if (award) changed[award.code] = { award: 25 };
  return { ...entries, rules: changed };
}

async function writeLianghua(writer: DemoWriter, folder: string, count: number, random: Random): Promise<void> {
  const scheme = schemeOf("lianghua-yichuang");
  const template = planTemplate(scheme);
  const branches = branchNames(count);
  const orgFolder = (org: string) => join(folder, org);
  const fileOf = (subject: string, org: string, label: string) => join(orgFolder(org), `${subject}-${label}.xlsx`);

  // which branches get the special treatment; fixed positions keep the story the same for any --branches ≥ 12
  const broken = { truncated: 3, typedOver: 5, duplicated: 7, lockFile: 9 };
  const textNumbers = new Set([1]);
  const overDeductions = new Set([6, 11]);
  // 待核: an erroneous sheet and an untouched one; 草稿: sheets handed in while still 填写中
  const pending = { errors: 4, blank: 10 };
  const drafts = new Set([2, 8]);

  for (const [index, { subject, org }] of branches.entries()) {
    const profile = { findRate: 0.05 + random.next() * 0.3, awardShare: 0.3 + random.next() * 0.6 };
    let entries = sampleEntries(scheme, random, profile);
    if (textNumbers.has(index)) entries = withTextNumber(entries);
    if (overDeductions.has(index)) entries = withOverDeduction(entries);
    if (index === pending.errors) entries = withErrors(scheme, entries);
    if (index === pending.blank) entries = { rules: {}, vetoes: {} };
    const status = drafts.has(index) || index === pending.blank ? "draft" : "final";
    const orgMeta = { ...metaFor(subject, org, "org", random), status } as const;
    let plan = fillTemplatePlan(template, entries, orgMeta);
    if (index === broken.typedOver) plan = totalTypedOver(plan, 95);
    const path = fileOf(subject, org, "考评");
    const bytes = await writer.plan(path, plan);
    if (index === broken.truncated) await writer.bytes(path, truncated(bytes));
    if (index === broken.duplicated) {
      const copy = fileOf(subject, org, "考评 (1)");
      await mkdir(dirname(copy), { recursive: true });
      await copyFile(path, copy);
      writer.written.push(relative(writer.out, copy));
    }
    if (index === broken.lockFile) await writer.bytes(join(orgFolder(org), `~$${subject}-考评.xlsx`), Buffer.from("locked by WPS"));
    // about a third of the branches also hand in their 自评
    if (index % 3 === 0) {
      const self = selfAssessment(entries, random);
      await writer.plan(fileOf(subject, org, "自评"), fillTemplatePlan(template, self, metaFor(subject, org, "self", random)));
    }
  }
  const others = branches.slice(0, 6).map((branch) => branch.subject);
  await writer.bytes(join(orgFolder(DEMO_ORGS[2].name), "支部名单.xlsx"), csvText(others));
  await writer.plan(join(orgFolder(DEMO_ORGS[0].name), "党员学习统计表.xlsx"), homeMadeSheet(others));
}

/** Branches on the roster that send nothing back, so the demo has someone to chase. */
const NEVER_REPORTING = 2;

function rosterCsv(branches: readonly { subject: string; org: string }[]): Buffer {
  const lines = ["支部名称,所属党组织,类别", ...branches.map(({ subject, org }) => `${subject},${org},${org.includes("学院") ? "院系" : "机关直属"}`)];
  return iconv.encode(lines.join("\r\n") + "\r\n", "gbk");
}

const SIQIANG_BRANCHES = [
  "机关组织人事党支部", "机关教务党支部", "机关财务党支部", "机关学生工作党支部", "机关科研党支部", "机关宣传统战党支部",
  "机关纪检审计党支部", "机关国际交流党支部", "机关发展规划党支部", "机关资产管理党支部", "机关保卫党支部", "机关信息化党支部",
  "机关离退休工作党支部", "机关招生就业党支部",
];
/** 四强: 14 机关 branches; the first two equal at the top (a tie at the 10% line), two vetoed, one already named. */
const SIQIANG_NAMED = SIQIANG_BRANCHES[13];

async function writeSiqiang(writer: DemoWriter, folder: string, random: Random): Promise<void> {
  const scheme = schemeOf("siqiang");
  const template = planTemplate(scheme);
  const best = sampleEntries(scheme, random, { findRate: 0, awardShare: 0 });
  for (const [index, subject] of SIQIANG_BRANCHES.entries()) {
    let entries = index < 2 ? best : sampleEntries(scheme, random, { findRate: 0.12 + random.next() * 0.2, awardShare: 0 });
    if (index === 4) entries = { ...entries, vetoes: { V3: "是" } };
    if (index === 9) entries = { ...entries, vetoes: { V4: "是", V5: "否" } };
    await writer.plan(join(folder, `${subject}.xlsx`), fillTemplatePlan(template, entries, { ...metaFor(subject, "机关党委", "org", random), status: "final" }));
  }
}

export async function writeDemoFiles(out: string, branches: number): Promise<DemoLayout> {
  await removePreviousRun(out);
  const writer = new DemoWriter(out);
  const random = seededRandom(DEMO_SEED);

  const templates: string[] = [];
  for (const scheme of builtInSchemes()) {
    const path = join(out, "templates", `${scheme.id}.xlsx`);
    await writer.plan(path, planTemplate(scheme));
    templates.push(path);
  }
  const lianghuaFolder = join(out, "branches", "两化一创");
  await writeLianghua(writer, lianghuaFolder, branches, random);
  const siqiangFolder = join(out, "branches", "四强");
  await writeSiqiang(writer, siqiangFolder, random);
  const rosterFile = join(out, "党支部名单.csv");
  await writer.bytes(rosterFile, rosterCsv(branchNames(branches + NEVER_REPORTING)));
  const wuhaoFolder = join(out, "branches", "五好");
  const vote = voteFiles(schemeOf("wuhao"), random, (subject, org) => metaFor(subject, org, "self", random));
  for (const [name, plan] of vote.files) await writer.plan(join(wuhaoFolder, name), plan);
  for (const [name, plan] of vote.templates) await writer.plan(join(out, "templates", name), plan);
  const namedFile = join(out, "named-siqiang.txt");
  await writer.bytes(namedFile, `# 已命名的“四强”党支部（不再参加评选），每行一个\n${SIQIANG_NAMED}\n`);

  // the summaries are rewritten by compile, which only overwrites previous summaries: they stay out of the manifest
  await writeFile(join(out, MANIFEST), JSON.stringify({ seed: DEMO_SEED, files: writer.written }, null, 2) + "\n");
  return { templates, lianghuaFolder, siqiangFolder, wuhaoFolder, namedFile, rosterFile, written: writer.written };
}
