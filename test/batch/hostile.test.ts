/**
 * A hostile corpus, generated here from a good filled template: files within every size limit that declare huge
 * areas, hostile XML, lying zip headers, thousands of sheets, special files and spreadsheets in other formats. They
 * are compiled beside good files the way the command line compiles (each file in a worker with a time and memory
 * budget, on every core). Every hostile file must be named in the problems or compiled exactly, every good file
 * compiled exactly, no input changed, and the process must stay far from exhausting the machine.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { CompileFilesOutcome } from "../../src/batch/compile-files";
import { compileFiles } from "../../src/batch/compile-files";
import type { Entries } from "../../src/scoring/types";
import { runCli } from "../support/run-cli";
import { buildZip } from "../xlsx/zip-builder";
import { fileState, metaOf, writeFilled } from "./workbooks";

const LH = "lianghua-yichuang";
const ORG = "测试学院党委";
const SHEET = "xl/worksheets/sheet1.xml";
const STRINGS = "xl/sharedStrings.xml";

let root: string;
let good: string;
let hostile: string;
let outcome: CompileFilesOutcome;
/** file (as compiled) → the engine's total for the entries written */
const exact = new Map<string, number>();
/** file → what its problem must say */
const named = new Map<string, RegExp>();
const states = new Map<string, ReturnType<typeof fileState>>();
/** bytes the process grew by at its peak during the compile */
let peakGrowth = 0;

/** 0: nothing filled; 1: a deduction; 2: an award. */
const entries = (variant: number): Entries => ({
  rules:
    variant === 0
      ? {}
      : variant === 1
        ? { "1.1-2": { deduction: 1, reason: "党员人数不符合规定" } }
        : { "6.1-1": { award: 2, reason: "获校级表彰", evidence: "表彰文件" } },
  vetoes: {},
});

/** Writes a filled template for `subject`; returns its bytes. */
async function filled(path: string, subject: string, deduction: number): Promise<Uint8Array> {
  const result = await writeFilled(path, LH, entries(deduction), metaOf(subject, ORG));
  exact.set(path, result.total);
  return readFileSync(path);
}

type Parts = Record<string, Uint8Array>;

function withParts(bytes: Uint8Array, edit: (parts: Parts) => void): Uint8Array {
  const parts = unzipSync(bytes);
  edit(parts);
  return zipSync(parts, { level: 6 });
}

function editXml(parts: Parts, name: string, edit: (xml: string) => string): void {
  parts[name] = strToU8(edit(strFromU8(parts[name])));
}

/** A hostile variant of a good template that must still compile exactly (the hostile part is ignored at no cost). */
async function exactVariant(name: string, deduction: number, edit: (parts: Parts) => void): Promise<void> {
  const path = join(hostile, name);
  const bytes = await filled(path, `支部-${name}`, deduction);
  writeFileSync(path, withParts(bytes, edit));
}

/** A hostile variant that must be named in the problems, with `why`. */
async function namedVariant(name: string, why: RegExp, edit: (parts: Parts) => void): Promise<void> {
  const path = join(hostile, name);
  const bytes = await filled(path, `支部-${name}`, 1);
  exact.delete(path);
  writeFileSync(path, withParts(bytes, edit));
  named.set(path, why);
}

/** CJK text that does not compress away (a repeated character would be refused as a zip bomb). */
const longText = (length: number) => Array.from({ length }, (_, index) => String.fromCharCode(0x4e00 + ((index * 7919) % 20000))).join("");

const rows = (from: number, count: number, cells: (row: number) => string) =>
  Array.from({ length: count }, (_, index) => `<row r="${from + index}">${cells(from + index)}</row>`).join("");

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "bs-hostile-"));
  good = join(root, "正常");
  hostile = join(root, "异常");
  mkdirSync(good);
  mkdirSync(hostile);
  for (const [index, deduction] of [0, 1, 2].entries()) await filled(join(good, `good-${index}.xlsx`), `正常支部${index}`, deduction);

  // areas declared huge, costing nothing beyond their XML: these compile exactly
  await exactVariant("xfd-cell.xlsx", 1, (parts) =>
    editXml(parts, SHEET, (xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
        .replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    ),
  );
  await exactVariant("col-2e9.xlsx", 2, (parts) => editXml(parts, SHEET, (xml) => xml.replace("</cols>", '<col min="18" max="2000000000" width="9"/></cols>')));
  await exactVariant("whole-column-validations.xlsx", 0, (parts) =>
    editXml(parts, SHEET, (xml) => {
      const columns = "ABCDEFGHIJ".split("");
      const validations = columns.map((column) => `<dataValidation type="whole" sqref="${column}2:${column}1048576"><formula1>0</formula1></dataValidation>`);
      return xml.replace(/<dataValidations count="(\d+)">/, (_, count: string) => `<dataValidations count="${Number(count) + 10}">${validations.join("")}`);
    }),
  );
  await exactVariant("many-merges.xlsx", 1, (parts) =>
    editXml(parts, SHEET, (xml) => {
      const merges = Array.from({ length: 30000 }, (_, index) => `<mergeCell ref="A${200 + index}:B${200 + index}"/>`).join("");
      return xml.replace(/<mergeCells count="(\d+)">/, (_, count: string) => `<mergeCells count="${Number(count) + 30000}">${merges}`);
    }),
  );
  await exactVariant("comment-of-cells.xlsx", 2, (parts) =>
    editXml(parts, SHEET, (xml) => xml.replace("<sheetData>", `<sheetData><!--${'<c r="A1"><v>1</v></c>'.repeat(50000)}-->`)),
  );
  await exactVariant("millions-of-cells.xlsx", 0, (parts) =>
    editXml(parts, SHEET, (xml) => xml.replace("</sheetData>", `${rows(1000, 100000, (row) => `<c><v>${row % 97}</v></c>`.repeat(20))}</sheetData>`)),
  );
  await exactVariant("thousands-of-sheets.xlsx", 1, (parts) => {
    const count = 3000;
    editXml(parts, "xl/workbook.xml", (xml) =>
      xml.replace("</sheets>", Array.from({ length: count }, (_, index) => `<sheet sheetId="${index + 10}" name="附表${index}" r:id="rX${index}"/>`).join("") + "</sheets>"),
    );
    editXml(parts, "xl/_rels/workbook.xml.rels", (xml) =>
      xml.replace(
        "</Relationships>",
        Array.from({ length: count }, (_, index) => `<Relationship Id="rX${index}" Type="urn:worksheet" Target="worksheets/extra${index}.xml"/>`).join("") +
          "</Relationships>",
      ),
    );
    for (let index = 0; index < count; index++) parts[`xl/worksheets/extra${index}.xml`] = strToU8("<worksheet><sheetData/></worksheet>");
  });
  await exactVariant("long-shared-string.xlsx", 2, (parts) =>
    editXml(parts, STRINGS, (xml) => xml.replace("</sst>", `<si><t>${longText(3_000_000)}</t></si></sst>`)),
  );
  const injection = join(hostile, "formula-injection.xlsx");
  exact.set(injection, (await writeFilled(injection, LH, entries(1), metaOf('=HYPERLINK("http://example.com","点此")', "+SUM(1,1)"))).total);

  // hostile XML and packaging: named problems
  await namedVariant("billion-laughs.xlsx", /DOCTYPE/, (parts) => {
    const entities = ['<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'];
    for (let level = 1; level < 10; level++) entities.push(`<!ENTITY ${"abcdefghij"[level]} "${`&${"abcdefghij"[level - 1]};`.repeat(10)}">`);
    editXml(parts, STRINGS, (xml) => xml.replace(/<sst[^>]*>/, (sst) => `<!DOCTYPE sst [${entities.join("")}]>${sst}<si><t>&j;</t></si>`));
  });
  await namedVariant("external-entity.xlsx", /DOCTYPE/, (parts) =>
    editXml(parts, SHEET, (xml) => xml.replace("<worksheet ", '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet ').replace("<sheetData>", "<sheetData>&x;")),
  );
  await namedVariant("deep-nesting.xlsx", /嵌套/, (parts) =>
    editXml(parts, SHEET, (xml) => xml.replace("</sheetData>", `${"<x>".repeat(100000)}${"</x>".repeat(100000)}</sheetData>`)),
  );
  await namedVariant("whole-sheet-merge.xlsx", /编号|单元格|_meta|行/, (parts) =>
    editXml(parts, SHEET, (xml) => xml.replace(/<mergeCells count="(\d+)">/, (_, count: string) => `<mergeCells count="${Number(count) + 1}"><mergeCell ref="A1:XFD1048576"/>`)),
  );
  await namedVariant("not-xml.xlsx", /“[^”]*not-xml\.xlsx”含有本工具无法读取的内容（“xl\/worksheets\/sheet1\.xml”/, (parts) =>
    editXml(parts, SHEET, (xml) => xml.replace("<sheetData>", "<sheetData><row><c><v>1</c></row>")),
  );
  const lyingPath = join(hostile, "lying-sizes.xlsx");
  const parts = unzipSync(await filled(lyingPath, "支部-lying", 1));
  exact.delete(lyingPath);
  writeFileSync(
    lyingPath,
    buildZip(Object.entries(parts).map(([name, data]) => ({ name, data: Buffer.from(data), ...(name === SHEET && { declaredSize: Math.floor(data.length / 2) }) }))),
  );
  named.set(lyingPath, /声明/);

  // not regular files, and spreadsheets in other formats
  execFileSync("mkfifo", [join(hostile, "pipe.xlsx")]);
  named.set(join(hostile, "pipe.xlsx"), /命名管道/);
  symlinkSync("/dev/zero", join(hostile, "device.xlsx"));
  named.set(join(hostile, "device.xlsx"), /设备文件/);
  symlinkSync(join(hostile, "loop-b.xlsx"), join(hostile, "loop-a.xlsx"));
  symlinkSync(join(hostile, "loop-a.xlsx"), join(hostile, "loop-b.xlsx"));
  named.set(join(hostile, "loop-a.xlsx"), /链接循环/);
  named.set(join(hostile, "loop-b.xlsx"), /链接循环/);
  for (const [name, what] of [
    ["旧版.xls", /\.xls\)/],
    ["金山.et", /WPS 表格文件/],
    ["开放.ods", /OpenDocument/],
    ["宏.xlsm", /\.xlsm/],
    ["二进制.xlsb", /\.xlsb/],
    ["导出.csv", /CSV/],
  ] as const) {
    writeFileSync(join(hostile, name), "支部,得分\n第一党支部,90\n");
    named.set(join(hostile, name), new RegExp(`${what.source}.*另存为`));
  }

  for (const path of [...exact.keys(), ...named.keys()]) {
    if (!/pipe|device|loop/.test(path)) states.set(path, fileState(path));
  }
  // resident memory sampled while the compile runs (its workers are threads of this process); earlier suites in this
  // jest worker may have left the process larger, so the compile's own growth is what is measured
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    outcome = await compileFiles([good, hostile], { isolation: {} });
  } finally {
    clearInterval(sampler);
  }
  peakGrowth = Math.max(peak, process.memoryUsage.rss()) - before;
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

test("every file is accounted for", () => {
  expect(new Set(outcome.files)).toEqual(new Set([...exact.keys(), ...named.keys()]));
});

test("good files and harmlessly hostile ones compile exactly, without a problem", () => {
  for (const [file, total] of exact) {
    const row = outcome.summary!.rows.find((candidate) => candidate.files.includes(file));
    expect({ file, total: row?.total }).toEqual({ file, total });
    expect(outcome.problems.filter((problem) => problem.file === file)).toEqual([]);
  }
});

test("every other hostile file is named with what is wrong, and none is compiled", () => {
  const compiled = new Set(outcome.summary!.rows.flatMap((row) => row.files));
  for (const [file, why] of named) {
    const messages = outcome.problems.filter((problem) => problem.file === file).map((problem) => problem.message);
    expect({ file, named: messages.some((message) => why.test(message)) }).toEqual({ file, named: true });
    if (!file.includes("whole-sheet-merge")) expect({ file, compiled: compiled.has(file) }).toEqual({ file, compiled: false });
  }
});

test("no message carries a parser's raw words", () => {
  for (const problem of outcome.problems) expect(problem.message).not.toMatch(/Error|undefined|at line|column \d/);
});

test("inputs are unchanged", () => {
  for (const [path, state] of states) expect({ path, state: fileState(path) }).toEqual({ path, state });
});

test("the compile stayed far from exhausting the machine (its peak resident memory under 1 GB)", () => {
  expect(peakGrowth).toBeGreaterThan(0);
  expect(peakGrowth).toBeLessThan(1024 * 1024 * 1024);
});

describe("budgets", () => {
  test("a file over the time budget is skipped as a problem, the compile goes on", async () => {
    const result = await compileFiles([join(good, "good-0.xlsx"), join(good, "good-1.xlsx")], { isolation: { timeoutSeconds: 0.001 } });
    expect(result.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/good-0\.xlsx”处理超时，已跳过/), expect.stringMatching(/good-1\.xlsx”处理超时，已跳过/)]);
  }, 120_000);

  test("a file over the memory budget is skipped as a problem; the good file beside it is compiled exactly", async () => {
    const big = join(hostile, "millions-of-cells.xlsx");
    const small = join(good, "good-2.xlsx");
    const result = await compileFiles([big, small], { isolation: { memoryMb: 48 } });
    expect(result.problems.filter((problem) => problem.file === big).map((problem) => problem.message)).toEqual([
      expect.stringMatching(/millions-of-cells\.xlsx”超出内存，已跳过/),
    ]);
    expect(result.summary!.rows.find((row) => row.files.includes(small))?.total).toBe(exact.get(small));
  }, 120_000);

  test("the same files on one worker and on two give the same outcome, in the same order", async () => {
    const files = [good, join(hostile, "xfd-cell.xlsx"), join(hostile, "旧版.xls"), join(hostile, "deep-nesting.xlsx")];
    const progress: number[] = [];
    const one = await compileFiles(files, { isolation: { workers: 1 } });
    const two = await compileFiles(files, { isolation: { workers: 2 }, onProgress: ({ done, total }) => progress.push(done / total) });
    const inProcess = await compileFiles(files);
    expect(two).toEqual(one);
    expect(inProcess).toEqual(one);
    expect(progress).toEqual(one.files.map((_, index) => (index + 1) / one.files.length));
  }, 120_000);

  test("the command line takes --file-timeout and --file-memory and refuses nonsense", async () => {
    const bad = await runCli("compile", good, "-o", join(root, "out.xlsx"), "--file-timeout", "soon");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--file-timeout/);
    const ok = await runCli("compile", good, "-o", join(root, "out.xlsx"), "--file-timeout", "30", "--file-memory", "256");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/文件 3 个，汇总 3 个/);
  }, 120_000);
});
