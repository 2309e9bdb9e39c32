/** `branch-scoring demo`: real files written, compiled, reproducible, and a second run replaces only its own files. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/run-cli";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { builtInSchemeIds } from "../../src/rubric/catalogue";
import { branchNames } from "../../src/demo/names";

let dir: string;
const runs: Record<string, { status: number; stdout: string }> = {};

async function demo(out: string, branches: number): Promise<{ status: number; stdout: string }> {
  return runCli("demo", "--out", out, "--branches", String(branches));
}

const summaryJson = (out: string, name = "summary.json") => JSON.parse(readFileSync(join(out, name), "utf8"));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-demo-"));
  // a file of the user's own in the output folder: never touched by the demo
  const reused = join(dir, "reused");
  mkdirSync(reused);
  writeFileSync(join(reused, "我的笔记.txt"), "不要删除");
  runs.first = await demo(reused, 13);
  runs.second = await demo(reused, 12);
  runs.fresh = await demo(join(dir, "fresh"), 12);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the demo exits 0 and prints the ranking, the statistics and the problems", () => {
  expect(runs.fresh.status).toBe(0);
  for (const heading of ["排名", "统计", "问题（按文件）", "待定", "待核（未计入排名、统计和名额）"]) expect(runs.fresh.stdout).toContain(heading);
});

test("the demo distributes from its roster and prints who has not reported", () => {
  // 12 branches send files, the roster lists 14 (the truncated 考评 of branch 4 still has its 自评 beside it)
  const roster = branchNames(14);
  expect(runs.fresh.stdout).toContain("生成考评表 14 份");
  expect(runs.fresh.stdout).toContain("报送情况：应报 14，已报 12，未报 2");
  for (const branch of roster.slice(12)) expect(runs.fresh.stdout).toMatch(new RegExp(`未报 ${branch.org}：.*${branch.subject}`));
  expect(summaryJson(join(dir, "fresh")).roster.missing.map((m: { subject: string }) => m.subject)).toEqual(roster.slice(12).map((b) => b.subject));
});

test("the demo shows 差异明细: its lines are the JSON's, which agree with each row's own 自评 and 考评 sheets", async () => {
  const json = summaryJson(join(dir, "fresh"));
  const { differences } = json;
  expect(runs.fresh.stdout).toContain(`差异明细（自评与考评相差 1 分及以上）：`);
  const listed = differences.subjects.filter((s: { indicators: unknown[] }) => s.indicators.length > 0);
  expect(listed.length).toBeGreaterThan(0);
  const first = listed[0];
  const line = first.indicators[0];
  expect(runs.fresh.stdout).toContain(`${first.subject} ${line.code} ${line.title}：自评 ${line.self}，考评 ${line.org}`);
  // every listed branch has both a 自评 and a 考评 total, and every line differs by the threshold at least
  for (const subject of listed) {
    const row = json.rows.find((r: { subject: string }) => r.subject === subject.subject);
    expect(row.selfTotal).not.toBeNull();
    expect(row.orgTotal).not.toBeNull();
    for (const item of subject.indicators) expect(Math.abs(item.difference)).toBeGreaterThanOrEqual(1);
  }
  const book = await readWorkbookFile(join(dir, "fresh", "summary.xlsx"));
  expect(book.sheets.map((sheet) => sheet.name)).toContain("差异明细");
});

test("the five templates are real scoring workbooks", async () => {
  for (const id of builtInSchemeIds()) {
    const book = await readWorkbookFile(join(dir, "fresh", "templates", `${id}.xlsx`));
    expect(book.sheets.map((sheet) => sheet.name)).toContain("_meta");
  }
});

test("the broken files are reported by name, the good ones compiled", () => {
  const json = summaryJson(join(dir, "fresh"));
  expect(json.scheme).toBe("lianghua-yichuang");
  // 12 branches, of which an untouched sheet, an erroneous one and one with a number typed as text are 待核
  expect(json.stats.count).toBe(9);
  const pending = json.rows.filter((row: { counted: boolean }) => !row.counted);
  expect(pending.map((row: { notCountedReason: string }) => row.notCountedReason).sort()).toEqual(["1 处错误", "4 处错误", "未填写"]);
  for (const row of pending) expect(row).toMatchObject({ rank: null, recommended: false, band: "" });
  expect(json.rows.some((row: { notes: string[] }) => row.notes.some((note) => note.startsWith("草稿")))).toBe(true);
  const errorFiles = new Set(json.problems.filter((p: { severity: string }) => p.severity === "error").map((p: { file: string }) => p.file));
  const named = (pattern: RegExp) => [...errorFiles].some((file) => pattern.test(String(file)));
  expect(named(/支部名单\.xlsx$/)).toBe(true); // the CSV
  expect(named(/党员学习统计表\.xlsx$/)).toBe(true); // no _meta
  expect(named(/考评 \(1\)\.xlsx$/)).toBe(true); // the copy: the same subject and rater twice
  const messages = json.problems.map((p: { message: string }) => p.message).join("\n");
  expect(messages).toMatch(/已损坏或不完整/); // the truncated download
  expect(messages).toMatch(/公式已被改为固定值「95」/);
  expect(messages).toMatch(/不是数字，按 0 计；如指 1，请直接输入数字 1/);
  expect(messages).toMatch(/扣分超过分值/);
  expect(json.rows.some((row: { selfTotal: number | null; orgTotal: number | null }) => row.selfTotal !== null && row.orgTotal !== null)).toBe(true);
});

test("四强: vetoes, an already-named branch and a tie at the recommendation line", () => {
  const json = summaryJson(join(dir, "fresh"), "summary-siqiang.json");
  expect(json.rows.filter((row: { vetoed: boolean }) => row.vetoed)).toHaveLength(2);
  expect(json.rows.filter((row: { named: boolean }) => row.named)).toHaveLength(1);
  expect(json.quota.pending).toBeGreaterThanOrEqual(2);
});

test("reproducible: the same seed gives the same summary, and a rerun leaves no stale files behind", () => {
  const reused = join(dir, "reused");
  const fresh = join(dir, "fresh");
  const normalise = (out: string, name: string) => readFileSync(join(out, name), "utf8").split(out).join("<out>");
  expect(normalise(reused, "summary.json")).toEqual(normalise(fresh, "summary.json"));
  expect(normalise(reused, "summary-siqiang.json")).toEqual(normalise(fresh, "summary-siqiang.json"));
  const list = (out: string): string[] => readdirSync(out, { recursive: true }).map(String).sort();
  expect(list(reused).filter((file) => file !== "我的笔记.txt")).toEqual(list(fresh));
  expect(existsSync(join(reused, "我的笔记.txt"))).toBe(true);
});

test("--branches outside 12–2000 is refused", async () => {
  expect((await demo(join(dir, "bad"), 3)).status).toBe(1);
  expect(existsSync(join(dir, "bad"))).toBe(false);
});

test("五好: the vote is tallied (invalid ballots explained) and 1.3 is scored from it", async () => {
  expect(runs.fresh.stdout).toContain("测评统计：");
  expect(runs.fresh.stdout).toContain("计票规则：");
  const json = summaryJson(join(dir, "fresh"), "summary-wuhao.json");
  expect(json.ballots).toHaveLength(4);
  for (const tally of json.ballots) {
    expect(tally.cast).toBe(48);
    expect(tally.valid + tally.invalid).toBe(tally.cast);
    const counted = Object.values(tally.counts as Record<string, number>).reduce((total, count) => total + count, 0);
    expect(counted).toBe(tally.valid);
    expect(tally.goodRate).toBe(Math.round((tally.counts["好"] / tally.valid) * 10000) / 10000);
  }
  const messages = json.problems.map((problem: { message: string }) => problem.message).join("\n");
  for (const why of ["多个等次（好、较好）", "“优”不是", "未作选择", "整张选票未作任何选择"]) expect(messages).toContain(why);
  // the branch whose members gave fewer than 95% 好 loses 1.3-2's 2 points although its 自评 claimed 96
  const low = json.ballots.find((tally: { goodRate: number }) => tally.goodRate < 0.95);
  const row = json.rows.find((entry: { subject: string }) => entry.subject === low.subject);
  expect(row.notes.join("；")).toMatch(/1\.3-2 按民主测评“好”的比例 \d+\.\d\d% 计分（本表所填：自评 96）/);
  const book = await readWorkbookFile(join(dir, "fresh", "summary-wuhao.xlsx"));
  expect(book.sheets.map((sheet) => sheet.name)).toContain("测评统计");
});
