/**
 * The department's round with a roster: 60 branches in 8 organisations (CSV in GBK), templates distributed from it,
 * filled by openpyxl (some with typos, some missing, one from outside the roster), compiled with the roster. Every
 * expectation comes from the test's own list of what it did, never from the code under test. The command runs in its
 * own process (the compiled CLI), as a department would run it.
 */
import iconv from "iconv-lite";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import type { Grid } from "../../src/sheet/types";
import { runBuiltCli as runCli } from "../support/run-cli";
import { fillManyWithOpenpyxl, newWorkbookWithOpenpyxl, type OpenpyxlFill } from "../support/spreadsheet-programs";

const ORGS = ["机电工程学院党委", "外国语学院党委", "化学化工学院党委", "经济管理学院党委", "信息工程学院党委", "土木工程学院党委", "机关党委", "后勤/保卫党总支"];
interface Branch {
  subject: string;
  org: string;
}
/** 60 branches, 7 or 8 per organisation */
const BRANCHES: Branch[] = Array.from({ length: 60 }, (_, i) => {
  const org = ORGS[i % ORGS.length];
  const n = Math.floor(i / ORGS.length) + 1;
  return { subject: `${org.replace(/党委|党总支/, "")}${i % 2 === 0 ? "教工" : "学生"}第${n}党支部`, org };
});
/** what the test does to each branch's returned workbook */
const MISSING = new Set([3, 17, 29, 44, 58]);
/** typo in the visible name, _meta's subjectId intact: still this branch */
const TYPO_WITH_ID = new Set([5, 21]);
/** typo and subjectId removed (a hand-made copy): matches nothing, suggestions name the branch */
const TYPO_WITHOUT_ID = new Set([9, 33]);
const typo = (name: string) => name.replace("党支部", "党之部");
const STRANGER = { subject: "不存在的党支部", org: "某某单位党委" };
/** branches that also hand in last year's workbook (2024年度) into the same folder; 3 is missing this year */
const LAST_YEAR = [0, 1, 2, 3, 10, 20, 30, 40, 50, 59];

let dir: string;
let sent: string;
let back: string;
const safe = (name: string) => name.replace(/\//g, "_");
const sentPath = (b: Branch) => join(sent, safe(b.org), `${safe(b.subject)}-自评.xlsx`);

function metaValues(grid: Grid): Map<string, { row: number; value: string }> {
  return new Map(grid.values.map((row, i) => [String(row[0] ?? ""), { row: i + 1, value: String(row[1] ?? "") }]));
}

let compileJson: {
  rows: { subject: string; org: string; rank: number | null; files: string[] }[];
  problems: { file: string; message: string }[];
  otherPeriods: { period: string; file: string }[];
  roster: { expected: number; received: number; missing: { id: string; subject: string; org: string }[]; unmatched: { file: string; subject: string; org: string; suggestions: string[] }[] };
};
let compileRun: Awaited<ReturnType<typeof runCli>>;
let ids: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-roster-round-"));
  [sent, back] = [join(dir, "下发"), join(dir, "收回")];
  const csv = ["支部名称,所属党组织,书记", ...BRANCHES.map((b, i) => `${b.subject},${b.org},书记${i + 1}`)].join("\r\n") + "\r\n";
  writeFileSync(join(dir, "名单.csv"), iconv.encode(csv, "gbk"));

  const distributed = await runCli("template", "lianghua-yichuang", "--roster", join(dir, "名单.csv"), "-o", sent, "--period", "2025");
  expect(distributed.status).toBe(0);
  const lastYear = join(dir, "去年");
  expect((await runCli("template", "lianghua-yichuang", "--roster", join(dir, "名单.csv"), "-o", lastYear, "--period", "2024年度")).status).toBe(0);

  // each returned workbook: the branch's 自评 with a deduction, saved by openpyxl into the 收回 folder
  ids = new Map();
  const fills: OpenpyxlFill[] = [];
  for (const [i, branch] of BRANCHES.entries()) {
    const book = await readWorkbookFile(sentPath(branch), { sheets: "all" });
    const meta = metaValues(book.sheets.find((sheet) => sheet.name === "_meta")!);
    ids.set(branch.subject, meta.get("subjectId")!.value);
    if (MISSING.has(i)) continue;
    const scoring = meta.get("sheet")!.value;
    const target = join(back, `${String(i).padStart(2, "0")}.xlsx`);
    const cells: Record<string, string | number> = { [meta.get("cell:1.1-1:deduction")?.value ?? meta.get("cell:meta:evaluator")!.value]: meta.has("cell:1.1-1:deduction") ? 0 : "书记" };
    if (TYPO_WITH_ID.has(i) || TYPO_WITHOUT_ID.has(i)) cells[meta.get("cell:meta:subject")!.value] = typo(branch.subject);
    if (TYPO_WITHOUT_ID.has(i)) {
      const step = join(dir, `step-${i}.xlsx`);
      fills.push({ in: sentPath(branch), out: step, sheet: scoring, cells });
      fills.push({ in: step, out: target, sheet: "_meta", cells: { [`B${meta.get("subjectId")!.row}`]: null } });
    } else {
      fills.push({ in: sentPath(branch), out: target, sheet: scoring, cells });
    }
  }
  for (const i of LAST_YEAR) {
    const from = join(lastYear, safe(BRANCHES[i].org), `${safe(BRANCHES[i].subject)}-自评.xlsx`);
    const meta = metaValues((await readWorkbookFile(from, { sheets: "all" })).sheets.find((sheet) => sheet.name === "_meta")!);
    fills.push({ in: from, out: join(back, `${String(i).padStart(2, "0")}-2024.xlsx`), sheet: meta.get("sheet")!.value, cells: { [meta.get("cell:meta:evaluator")!.value]: "去年的书记" } });
  }
  mkdirSync(back);
  await fillManyWithOpenpyxl(fills);
  const stranger = await runCli("template", "lianghua-yichuang", "-o", join(back, "stranger.xlsx"), "--subject", STRANGER.subject, "--org", STRANGER.org, "--period", "2025");
  expect(stranger.status).toBe(0);

  compileRun = await runCli("compile", back, "-o", join(dir, "汇总.xlsx"), "--json", join(dir, "汇总.json"), "--roster", join(dir, "名单.csv"), "--period", "2025");
  compileJson = JSON.parse(readFileSync(join(dir, "汇总.json"), "utf8"));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("distribute: one 自评 template per branch under <所属党组织>/<支部名称>-自评.xlsx, header filled, subjectId in _meta", async () => {
  for (const branch of BRANCHES) expect(existsSync(sentPath(branch))).toBe(true);
  expect(new Set(ids.values()).size).toBe(60);
  const book = await readWorkbookFile(sentPath(BRANCHES[7]), { sheets: "all" });
  const meta = metaValues(book.sheets.find((sheet) => sheet.name === "_meta")!);
  const scoring = book.sheets.find((sheet) => sheet.name === meta.get("sheet")!.value)!;
  const at = (key: string) => {
    const address = meta.get(key)!.value;
    const [col, row] = [address.charCodeAt(0) - 65, Number(address.slice(1)) - 1];
    return scoring.values[row]?.[col];
  };
  expect([at("cell:meta:subject"), at("cell:meta:org"), at("cell:meta:period"), at("cell:meta:rater")]).toEqual([BRANCHES[7].subject, BRANCHES[7].org, "2025", "自评"]);
});

test("distribute again: existing files are kept unless --force", async () => {
  const again = await runCli("template", "lianghua-yichuang", "--roster", join(dir, "名单.csv"), "-o", sent);
  expect(again.status).toBe(1);
  expect(again.stdout).toContain("已存在、未覆盖 60 份");
  const before = readFileSync(sentPath(BRANCHES[0]));
  const forced = await runCli("template", "lianghua-yichuang", "--roster", join(dir, "名单.csv"), "-o", sent, "--period", "2025", "--force");
  expect(forced.status).toBe(0);
  expect(forced.stdout).toContain("生成自评表 60 份");
  expect(readFileSync(sentPath(BRANCHES[0])).equals(before)).toBe(false);
});

test("account: 应报 60, 已报 and 未报 as the test left them; typos with an id still count", () => {
  const notReported = BRANCHES.filter((_, i) => MISSING.has(i) || TYPO_WITHOUT_ID.has(i));
  expect(compileRun.status).toBe(0);
  expect(compileJson.roster.expected).toBe(60);
  expect(compileJson.roster.received).toBe(60 - notReported.length);
  expect(compileJson.roster.missing.map((m) => [m.subject, m.org, m.id]).sort()).toEqual(notReported.map((b) => [b.subject, b.org, ids.get(b.subject)]).sort());
  for (const i of TYPO_WITH_ID) expect(compileJson.rows.find((row) => row.subject === BRANCHES[i].subject)?.rank).not.toBeNull();
  expect(compileRun.stdout).toContain(`报送情况：应报 60，已报 ${60 - notReported.length}，未报 ${notReported.length}`);
  for (const branch of notReported) expect(compileRun.stdout).toContain(branch.subject);
});

test("unmatched files are listed with the closest roster names, never merged, never ranked", () => {
  const expected = [...TYPO_WITHOUT_ID].map((i) => ({ file: join(back, `${String(i).padStart(2, "0")}.xlsx`), subject: typo(BRANCHES[i].subject), org: BRANCHES[i].org }));
  expected.push({ file: join(back, "stranger.xlsx"), ...STRANGER });
  expect(compileJson.roster.unmatched.map(({ file, subject, org }) => ({ file, subject, org })).sort((a, b) => a.file.localeCompare(b.file))).toEqual(
    expected.sort((a, b) => a.file.localeCompare(b.file)),
  );
  for (const i of TYPO_WITHOUT_ID) {
    const item = compileJson.roster.unmatched.find((u) => u.subject === typo(BRANCHES[i].subject))!;
    expect(item.suggestions[0]).toBe(`${BRANCHES[i].subject}（${BRANCHES[i].org}）`);
  }
  expect(compileJson.roster.unmatched.find((u) => u.subject === STRANGER.subject)?.suggestions).toEqual([]);
  for (const item of compileJson.roster.unmatched) expect(compileJson.rows.find((row) => row.subject === item.subject)?.rank).toBeNull();
  const ranked = compileJson.rows.filter((row) => row.rank !== null);
  expect(ranked.length).toBe(60 - MISSING.size - TYPO_WITHOUT_ID.size);
});

test("the workbook: 未报 rows in 汇总, and 报送情况 with 应报/已报/未报 per 所属党组织", async () => {
  const book = await readWorkbookFile(join(dir, "汇总.xlsx"));
  expect(book.sheets.map((sheet) => sheet.name)).toEqual(["汇总", "报送情况", "统计", "问题清单", "来源与备注", "_rows"]);
  const summaryRows = book.sheets[0].values;
  const notReported = BRANCHES.filter((_, i) => MISSING.has(i) || TYPO_WITHOUT_ID.has(i));
  for (const branch of notReported) {
    const row = summaryRows.find((values) => values[1] === branch.subject);
    expect(row).toBeDefined();
    expect(row).toEqual(expect.arrayContaining(["—", branch.org, "未报"]));
  }
  const account = book.sheets[1].values;
  for (const org of ORGS) {
    const members = BRANCHES.map((b, i) => ({ ...b, i })).filter((b) => b.org === org);
    const absent = members.filter((b) => MISSING.has(b.i) || TYPO_WITHOUT_ID.has(b.i));
    const line = account.find((values) => values[0] === org);
    expect(line?.slice(0, 5)).toEqual([org, members.length, members.length - absent.length, absent.length, absent.map((b) => b.subject).join("、")]);
  }
  const total = account.find((values) => values[0] === "合计");
  expect(total?.slice(1, 4)).toEqual([60, 60 - notReported.length, notReported.length]);
});

test("the same 60 branches as an .xlsx roster (written by openpyxl, other header names) account the same", async () => {
  const xlsx = join(dir, "名单.xlsx");
  await newWorkbookWithOpenpyxl(xlsx, [["党支部名称", "上级党组织", "书记"], ...BRANCHES.map((b, i) => [b.subject, b.org, `书记${i + 1}`])]);
  const json = join(dir, "xlsx-roster.json");
  const run = await runCli("compile", back, "-o", join(dir, "xlsx-roster.xlsx"), "--json", json, "--roster", xlsx, "--period", "2025");
  expect(run.status).toBe(0);
  const account = (JSON.parse(readFileSync(json, "utf8")) as typeof compileJson).roster;
  const notReported = BRANCHES.filter((_, i) => MISSING.has(i) || TYPO_WITHOUT_ID.has(i));
  expect([account.expected, account.received]).toEqual([60, 60 - notReported.length]);
  // the derived ids do not depend on the roster's format, so subjectId written from the CSV still matches
  expect(account.missing.map((m) => [m.subject, m.id]).sort()).toEqual(notReported.map((b) => [b.subject, ids.get(b.subject)]).sort());
});

describe("years: the 考核年度 is part of the identity", () => {
  const lastYearFiles = () => LAST_YEAR.map((i) => join(back, `${String(i).padStart(2, "0")}-2024.xlsx`));

  test("a folder with two years and no --period is refused, naming the years and how to choose", async () => {
    const refused = await runCli("compile", back, "-o", join(dir, "两年.xlsx"), "--roster", join(dir, "名单.csv"));
    expect(refused.status).toBe(1);
    const thisYearFiles = 60 - MISSING.size + 1; // + the stranger
    expect(refused.stderr).toContain(`2025（${thisYearFiles} 份）、2024年度（${LAST_YEAR.length} 份）`);
    expect(refused.stderr).toContain("--period 2025");
    expect(existsSync(join(dir, "两年.xlsx"))).toBe(false);
  });

  test("--period 2025: last year's files are listed as 其他年度（未汇总）, never as duplicates", () => {
    expect(compileJson.otherPeriods.map((other) => other.file).sort()).toEqual(lastYearFiles().sort());
    expect(new Set(compileJson.otherPeriods.map((other) => other.period))).toEqual(new Set(["2024年度"]));
    expect(compileJson.problems.filter((problem) => problem.message.includes("重复"))).toEqual([]);
    expect(compileRun.stdout).toContain(`其他年度（未汇总）：2024年度 ${LAST_YEAR.length} 份`);
    for (const file of lastYearFiles()) expect(compileJson.rows.some((row) => row.files.includes(file))).toBe(false);
  });

  test("--period 2024 compiles last year alone (2024 = 2024年度): its branches reported, the others not", async () => {
    const json = join(dir, "2024.json");
    const run = await runCli("compile", back, "-o", join(dir, "2024.xlsx"), "--json", json, "--roster", join(dir, "名单.csv"), "--period", "2024");
    expect(run.status).toBe(0);
    const year = JSON.parse(readFileSync(json, "utf8")) as typeof compileJson;
    expect(year.roster.received).toBe(LAST_YEAR.length);
    expect(year.rows.map((row) => row.subject).sort()).toEqual(LAST_YEAR.map((i) => BRANCHES[i].subject).sort());
    expect(year.otherPeriods).toHaveLength(60 - MISSING.size + 1);
  });
});
