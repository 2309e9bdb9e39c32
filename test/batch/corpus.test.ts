/**
 * compileFiles on a real folder: good workbooks and every kind of broken or mistaken file a committee receives,
 * compiled together. Each bad file must be named with its reason, each good one compiled exactly (the engine's
 * total for the entries the test filled), and no input may change.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CompileFilesOutcome } from "../../src/batch/compile-files";
import { compileFiles } from "../../src/batch/compile-files";
import { homeMadeSheet, totalTypedOver } from "../../src/demo/broken";
import { compileWorkbookBytes } from "../../src/batch/compile-core";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import type { ScoreResult } from "../../src/scoring/types";
import { scoringSheetOf } from "../../src/sheet/fill";
import { parseA1 } from "../../src/sheet/addresses";
import type { Summary, SummaryProblem } from "../../src/summary/types";
import { insertRowsWithOpenpyxl } from "../support/spreadsheet-programs";
import { buildZip, MINIMAL_XLSX_PARTS } from "../xlsx/zip-builder";
import { fileState, filledPlan, metaOf, metaValue, scheme, withMetaValue, writeFilled } from "./workbooks";

let root: string;
let outcome: CompileFilesOutcome;
let summary: Summary;
const progress: { done: number; total: number; file: string }[] = [];
const expected = new Map<string, { total: number; self?: number; file: string }>();
const addresses: Record<string, string> = {};
const states = new Map<string, ReturnType<typeof fileState>>();
const paths: Record<string, string> = {};

const LH = "lianghua-yichuang";
const award = (points: number) => ({ award: points, reason: "获校级表彰", evidence: "表彰文件" });

function problemsOf(file: string): SummaryProblem[] {
  return outcome.problems.filter((problem) => problem.file === file);
}

async function good(key: string, folder: string, subject: string, org: string, entries: Parameters<typeof writeFilled>[2]): Promise<ScoreResult> {
  paths[key] = join(root, folder, `${subject}-考评.xlsx`);
  const result = await writeFilled(paths[key], LH, entries, metaOf(subject, org));
  expected.set(subject, { total: result.total, file: paths[key] });
  return result;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "bs-compile-corpus-"));
  for (const folder of ["机电工程学院党委", "外国语学院党总支", "其他"]) mkdirSync(join(root, folder));

  // --- good workbooks -------------------------------------------------------------------------------------------
  await good("plain", "机电工程学院党委", "机电工程学院教工第一党支部", "机电工程学院党委", {
    rules: { "1.1-2": { deduction: 1, reason: "党员人数不符合规定" }, "3.2-1": { quantity: 2, deduction: 1.5, reason: "学习记录不全" }, "6.1-1": award(12) },
    vetoes: {},
  });
  const pairSubject = "机电工程学院学生第一党支部";
  paths.pairSelf = join(root, "机电工程学院党委", `${pairSubject}-自评.xlsx`);
  const self = await writeFilled(paths.pairSelf, LH, { rules: { "6.1-1": award(15) }, vetoes: {} }, metaOf(pairSubject, "机电工程学院党委", "self"));
  await good("pairOrg", "机电工程学院党委", pairSubject, "机电工程学院党委", {
    rules: { "4.1-1": { quantity: 1, deduction: 1, reason: "支委会记录缺少3个月" }, "6.1-1": award(10) },
    vetoes: {},
  });
  expected.get(pairSubject)!.self = self.total;

  // a deduction typed as text: an error on its cell, counting 0 as in the sheet's formulas; the subject goes to 待核
  const textEntries = { rules: { "1.2-2": { deduction: "１.5分", reason: "组织委员空缺" }, "6.1-1": award(8) }, vetoes: {} };
  paths.text = join(root, "外国语学院党总支", "外国语学院教工党支部-考评.xlsx");
  await writePlanToFile(filledPlan(LH, textEntries, metaOf("外国语学院教工党支部", "外国语学院党总支")), paths.text);
  const asTyped = await writeFilled(join(tmpdir(), `bs-unused-${process.pid}.xlsx`), LH, textEntries, {});
  expected.set("外国语学院教工党支部", { total: asTyped.total, file: paths.text });
  addresses.text = metaValue(filledPlan(LH, textEntries, {}), "cell:1.2-2:deduction");

  // an entry the rule does not allow (0.3 for 扣1-2分): an error on its cell, still scored
  await good("invalid", "外国语学院党总支", "外国语学院学生党支部", "外国语学院党总支", {
    rules: { "1.1-1": { deduction: 0.3, reason: "设置不规范" }, "6.1-1": award(10) },
    vetoes: {},
  });
  addresses.invalid = metaValue(filledPlan(LH, { rules: {}, vetoes: {} }, {}), "cell:1.1-1:deduction");

  // the total typed over: the cached value disagrees with the recomputed one
  const typedEntries = { rules: { "6.1-1": award(9) }, vetoes: {} };
  const typedPlan = filledPlan(LH, typedEntries, metaOf("马克思主义学院教工党支部", "马克思主义学院党总支"));
  paths.typedOver = join(root, "其他", "马克思主义学院教工党支部.xlsx");
  await writePlanToFile(totalTypedOver(typedPlan, 99), paths.typedOver);
  expected.set("马克思主义学院教工党支部", { total: (await writeFilled(join(tmpdir(), `bs-unused-${process.pid}.xlsx`), LH, typedEntries, {})).total, file: paths.typedOver });
  addresses.total = metaValue(typedPlan, "cell:total:score");

  // rows inserted by another program (openpyxl) above 3.1: the reader re-finds the rows by their codes
  const movedEntries = { rules: { "3.1-1": { quantity: 1, deduction: 0.5, reason: "发展党员材料不全" }, "6.1-1": award(11) }, vetoes: {} };
  const movedPlan = filledPlan(LH, movedEntries, metaOf("马克思主义学院学生党支部", "马克思主义学院党总支"));
  const beforeMove = join(tmpdir(), `bs-before-move-${process.pid}.xlsx`);
  await writePlanToFile(movedPlan, beforeMove);
  paths.moved = join(root, "其他", "马克思主义学院学生党支部.xlsx");
  const ruleRow = parseA1(metaValue(movedPlan, "cell:3.1-1:deduction"))!.row + 1;
  await insertRowsWithOpenpyxl(beforeMove, paths.moved, scoringSheetOf(movedPlan).name, ruleRow, 2);
  rmSync(beforeMove);
  expected.set("马克思主义学院学生党支部", { total: (await writeFilled(join(tmpdir(), `bs-unused-${process.pid}.xlsx`), LH, movedEntries, {})).total, file: paths.moved });

  // made with an older version of the scheme, every cell still found: compiled with a warning
  const oldEntries = { rules: { "5.4-1": { deduction: 2, reason: "无固定活动场所" }, "6.1-1": award(6) }, vetoes: {} };
  paths.oldVersion = join(root, "其他", "图书馆采编党支部.xlsx");
  await writePlanToFile(withMetaValue(filledPlan(LH, oldEntries, metaOf("图书馆采编党支部", "图书馆党总支")), "schemeVersion", "2019.1"), paths.oldVersion);
  expected.set("图书馆采编党支部", { total: (await writeFilled(join(tmpdir(), `bs-unused-${process.pid}.xlsx`), LH, oldEntries, {})).total, file: paths.oldVersion });
  rmSync(join(tmpdir(), `bs-unused-${process.pid}.xlsx`));

  // --- mistaken and broken files ---------------------------------------------------------------------------------
  paths.duplicate = join(root, "机电工程学院党委", "机电工程学院教工第一党支部-考评 - 副本.xlsx");
  copyFileSync(paths.plain, paths.duplicate);
  paths.otherScheme = join(root, "其他", "图书馆读者服务党支部-五好.xlsx");
  const wuhaoEntries = sampleEntries(scheme("wuhao"), seededRandom(1), { findRate: 0, awardShare: 0 }); // every count filled in
  await writeFilled(paths.otherScheme, "wuhao", wuhaoEntries, metaOf("图书馆读者服务党支部", "图书馆党总支"));
  paths.unknownScheme = join(root, "其他", "后勤党支部-三好.xlsx");
  await writePlanToFile(withMetaValue(filledPlan(LH, { rules: {}, vetoes: {} }, metaOf("后勤党支部", "后勤管理处党总支")), "scheme", "sanhao"), paths.unknownScheme);
  paths.noMeta = join(root, "其他", "党员学习统计表.xlsx");
  await writePlanToFile(homeMadeSheet(["机电工程学院教工第一党支部"]), paths.noMeta);

  const goodBytes = readFileSync(paths.plain);
  const write = (key: string, name: string, bytes: Buffer | string) => {
    paths[key] = join(root, "其他", name);
    writeFileSync(paths[key], bytes);
  };
  write("csv", "支部名单.xlsx", "支部名称,党员人数\n机电工程学院教工第一党支部,23\n");
  write("empty", "空文件.xlsx", Buffer.alloc(0));
  write("truncated", "下载中断.xlsx", goodBytes.subarray(0, Math.floor(goodBytes.length * 0.6)));
  // the zip's central directory damaged (its first record's signature overwritten), the rest intact
  const damaged = Buffer.from(goodBytes);
  const directoryOffset = damaged.readUInt32LE(damaged.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
  damaged.fill(0x20, directoryOffset, directoryOffset + 46);
  write("corrupt", "损坏.xlsx", damaged);
  write(
    "encrypted",
    "加密.xlsx",
    Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(64), Buffer.from("EncryptedPackage", "utf16le"), Buffer.alloc(2048)]),
  );
  write("tooLarge", "扫描件.xlsx", buildZip([...MINIMAL_XLSX_PARTS, { name: "xl/media/image1.png", data: randomBytes(21 * 1024 * 1024), deflate: false }]));
  write("bomb", "炸弹.xlsx", buildZip([...MINIMAL_XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(4 * 1024 * 1024, 0x20) }]));

  // --- never read -------------------------------------------------------------------------------------------------
  writeFileSync(join(root, "机电工程学院党委", "~$机电工程学院教工第一党支部-考评.xlsx"), "owner: WPS");
  writeFileSync(join(root, "其他", "说明.txt"), "请各支部于1月15日前报送");
  paths.output = join(root, "汇总.xlsx");
  await writePlanToFile(homeMadeSheet(["旧汇总"]), paths.output);

  for (const path of Object.values(paths)) states.set(path, fileState(path));
  outcome = await compileFiles([root], { exclude: [paths.output], onProgress: (p) => progress.push(p) });
  summary = outcome.summary!;
}, 240_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the scheme most files use is compiled, and every file is counted", () => {
  expect(outcome.scheme?.id).toBe(LH);
  const readable = Object.keys(paths).filter((key) => key !== "output");
  expect(outcome.files).toHaveLength(readable.length);
  expect(summary.files).toBe(readable.length);
  expect(summary.compiled).toBe(expected.size + 1); // the pair is two files
});

test.each([
  ["csv", /CSV/],
  ["empty", /空/],
  ["truncated", /损坏或不完整/],
  ["corrupt", /损坏或不完整/],
  ["encrypted", /密码/],
  ["tooLarge", /过大/],
  ["bomb", /压缩炸弹/],
  ["noMeta", /_meta/],
  ["otherScheme", /属于评分方案“wuhao”/],
  ["unknownScheme", /sanhao.*不认识/],
])("a broken or mistaken file (%s) is one error naming the file and the reason", (key, reason) => {
  const problems = problemsOf(paths[key]);
  expect(problems.filter((problem) => problem.severity === "error")).toHaveLength(1);
  expect(problems[0].message).toMatch(reason);
  expect(summary.rows.some((row) => row.files.includes(paths[key]))).toBe(false);
});

test("the same subject and rater twice: the first file is kept and the copy named as a duplicate", () => {
  const [duplicate] = problemsOf(paths.duplicate).filter((problem) => problem.severity === "error");
  expect(duplicate.message).toContain("重复");
  expect(duplicate.message).toContain(paths.plain);
  expect(duplicate.message).toContain(paths.duplicate);
  const row = summary.rows.find((candidate) => candidate.subject === "机电工程学院教工第一党支部")!;
  expect(row.files).toEqual([paths.plain]);
});

test("good workbooks are compiled exactly: each total is the engine's on the entries filled", () => {
  expect(summary.rows.map((row) => row.subject).sort()).toEqual([...expected.keys()].sort());
  for (const row of summary.rows) {
    const want = expected.get(row.subject)!;
    expect({ subject: row.subject, total: row.total, file: row.file }).toEqual({ subject: row.subject, total: want.total, file: want.file });
    expect(row.selfTotal).toBe(want.self ?? null);
  }
  const pair = summary.rows.find((row) => row.subject === "机电工程学院学生第一党支部")!;
  expect(pair.files.sort()).toEqual([paths.pairOrg, paths.pairSelf].sort());
  expect(pair.basis).toBe("org");
});

test("problems inside workbooks name the file and the cell", () => {
  const text = problemsOf(paths.text).find((problem) => /不是数字/.test(problem.message));
  expect(text).toMatchObject({ severity: "error", cell: addresses.text });
  expect(text?.message).toContain("请直接输入数字 1.5");
  const row = summary.rows.find((candidate) => candidate.file === paths.text);
  expect(row).toMatchObject({ counted: false, notCountedReason: "1 处错误", rank: null, recommended: false, band: "" });
  const invalid = problemsOf(paths.invalid).filter((problem) => problem.severity === "error");
  expect(invalid.length).toBeGreaterThan(0);
  expect(invalid.every((problem) => problem.cell === addresses.invalid)).toBe(true);
  const typed = problemsOf(paths.typedOver);
  expect(typed).toEqual([expect.objectContaining({ severity: "warning", cell: addresses.total, message: expect.stringContaining("99") })]);
  const moved = problemsOf(paths.moved);
  expect(moved.length).toBeGreaterThan(0);
  expect(moved.every((problem) => problem.severity === "warning")).toBe(true);
  const old = problemsOf(paths.oldVersion);
  expect(old).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("2019.1") })]);
  expect(problemsOf(paths.plain)).toEqual([]);
});

test("no input file is modified (bytes and modification time)", () => {
  for (const [path, before] of states) expect({ path, ...fileState(path) }).toEqual({ path, ...before });
});

test("lock files and the summary being written are skipped; other files are ignored", () => {
  expect(outcome.skipped.map((skip) => skip.name).sort()).toEqual(
    [join(root, "机电工程学院党委", "~$机电工程学院教工第一党支部-考评.xlsx"), paths.output].sort(),
  );
  expect(outcome.files.some((file) => file.endsWith(".txt"))).toBe(false);
});

test("progress is reported once per file, counting up to the total", () => {
  expect(progress.map((p) => p.done)).toEqual(outcome.files.map((_, i) => i + 1));
  expect(new Set(progress.map((p) => p.total))).toEqual(new Set([outcome.files.length]));
  expect(progress.map((p) => p.file).sort()).toEqual([...outcome.files].sort());
});

test("the same workbooks as bytes (the task pane's way) compile to the same rows", async () => {
  const keys = ["plain", "pairSelf", "pairOrg", "text", "csv"];
  const bytes = keys.map((key) => ({ name: paths[key], bytes: new Uint8Array(readFileSync(paths[key])) }));
  const fromBytes = await compileWorkbookBytes(bytes);
  const subjects = new Set(["机电工程学院教工第一党支部", "机电工程学院学生第一党支部", "外国语学院教工党支部"]);
  const pick = (rows: Summary["rows"]) => rows.filter((row) => subjects.has(row.subject)).map((row) => [row.subject, row.total, row.selfTotal]);
  expect(pick(fromBytes.summary!.rows).sort()).toEqual(pick(summary.rows).sort());
  expect(fromBytes.problems.filter((p) => p.file === paths.csv)).toHaveLength(1);
});
