/**
 * Roll-up across levels: summary workbooks carry their inputs in the hidden data sheet `_rows`, and compiling summaries
 * (mixed with branch workbooks) gives what compiling every branch at once gives. Real files throughout: summaries are
 * written as `compile` writes them (the xlsx host's streaming writer) and read back by the streaming reader (the top level through the budgeted workers).
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFiles } from "../../src/batch/compile-files";
import ExcelJS from "exceljs";
import { writeSummaryOutputs } from "../../src/batch/write-outputs";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { compileSummary } from "../../src/summary/summarize";
import { toCompileJson } from "../../src/summary/compile-json";
import type { Summary, SummaryInput } from "../../src/summary/types";
import { fillWithOpenpyxl, recalcManyWithLibreOffice } from "../support/spreadsheet-programs";
import { runCli } from "../support/run-cli";
import { siqiangDeducting } from "./siqiang-entries";
import { branchInputs, LH, placeOf, rowDigest, summarySheetCells, withoutProvenance } from "./rollup-fixtures";
import { metaOf, scheme, writeFilled } from "./workbooks";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-rollup-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeSummary(summary: Summary, path: string): Promise<string> {
  await writeSummaryOutputs(summary, path);
  return path;
}

/** Each sheet's name and state (visible / hidden) as ExcelJS reads them from the file. */
async function sheetStates(path: string): Promise<Record<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return Object.fromEntries(book.worksheets.map((sheet) => [sheet.name, sheet.state]));
}

async function compiled(paths: string[], isolated = false): Promise<Summary> {
  const outcome = await compileFiles(paths, isolated ? { isolation: { workers: 2 } } : {});
  if (!outcome.summary) throw new Error("nothing compiled");
  return outcome.summary;
}

describe("500 branches through three levels (院系 → 学校 → 省)", () => {
  const BRANCHES = 500;
  let all: Summary;
  let top: Summary;
  let folder: string;

  beforeAll(async () => {
    folder = join(dir, "levels");
    mkdirSync(folder);
    const byBranch = Array.from({ length: BRANCHES }, (_, i) => branchInputs(i));
    all = compileSummary(byBranch.flat(), LH);
    // level 1: each 院系 compiles its own 25 branches
    const schools = new Map<number, string[]>();
    for (let i = 0; i < BRANCHES; i += 25) {
      const { school, dept } = placeOf(i);
      const path = await writeSummary(compileSummary(byBranch.slice(i, i + 25).flat(), LH), join(folder, `学校${school}-院系${dept}.xlsx`));
      schools.set(school, [...(schools.get(school) ?? []), path]);
    }
    // level 2: each 学校 compiles its 院系 summaries; level 3: the province compiles the 学校 summaries
    const schoolFiles: string[] = [];
    for (const [school, depts] of schools) schoolFiles.push(await writeSummary(await compiled(depts), join(folder, `学校${school}.xlsx`)));
    top = await compiled(schoolFiles, true);
  }, 300_000);

  it("gives the rows, ranks, stats, quotas and problems of compiling all 500 at once", () => {
    expect(top.rows).toHaveLength(BRANCHES);
    expect(rowDigest(top)).toEqual(rowDigest(all));
    expect(withoutProvenance(toCompileJson(top))).toEqual(withoutProvenance(toCompileJson(all)));
    // the generated hierarchy has every kind of row, so the equality above covers them
    expect(all.rows.some((row) => !row.counted && row.notCountedReason === "未填写")).toBe(true);
    expect(all.rows.some((row) => row.notCountedReason === "2 处错误")).toBe(true);
    expect(all.rows.some((row) => row.panelSize === 2)).toBe(true);
    expect(all.rows.some((row) => row.notes.some((note) => note.startsWith("草稿")))).toBe(true);
    expect(all.stats.passed).toBeGreaterThan(0);
  });

  it("carries every sheet's indicator and section scores, status and errors up unchanged", () => {
    const carried = (summary: Summary) =>
      summary.rollup!.inputs.map(({ scored }) => [
        scored!.result.indicators.map((i) => [i.code, i.points, i.deduction, i.award, i.score]),
        scored!.result.sections,
        scored!.status,
        scored!.errors,
      ]);
    expect(top.rollup!.inputs).toHaveLength(all.rollup!.inputs.length);
    expect(carried(top)).toEqual(carried(all));
  });

  it("keeps where each row came from: the summaries, outermost first, and the branch file", () => {
    const { school, dept } = placeOf(300);
    const row = top.rows.find((candidate) => candidate.subject === `学校${school}院系${dept}第300党支部`)!;
    const [schoolFile, deptFile] = [join(folder, `学校${school}.xlsx`), join(folder, `学校${school}-院系${dept}.xlsx`)];
    expect(row.source).toEqual([schoolFile, deptFile]);
    expect(row.file).toBe(`${schoolFile} › ${deptFile} › 学校${school}/院系${dept}/${row.subject}-考评.xlsx`);
    expect(toCompileJson(top).rows.find((json) => json.subject === row.subject)!.source).toEqual(row.source);
  });

  it("writes the same 汇总 sheet, apart from the 来源 column", async () => {
    const [fromAll, fromTop] = [join(folder, "all.xlsx"), join(folder, "top.xlsx")];
    await writeSummary(all, fromAll);
    await writeSummary(top, fromTop);
    const topCells = await summarySheetCells(fromTop);
    expect(topCells[3]).not.toContain("来源");
    expect(topCells).toEqual(await summarySheetCells(fromAll));
    // the data sheet is there, hidden
    const book = await readWorkbookFile(fromTop);
    expect(book.sheets.map((sheet) => sheet.name)).toContain("_rows");
  });
});

describe("mixed: two 院系 summaries and a 院系's branch files, by the command line (四强, with its quota)", () => {
  let folder: string;
  const depts = ["院系A", "院系B", "院系C"];

  beforeAll(async () => {
    folder = join(dir, "mixed");
    const SQ = scheme("siqiang");
    let n = 0;
    for (const dept of depts) {
      mkdirSync(join(folder, dept), { recursive: true });
      for (let i = 0; i < 8; i++, n++) {
        const subject = `${dept}第${i + 1}党支部`;
        // totals in steps of 1.5 with ties across departments, one veto, one blank, one draft
        const entries = n === 5 ? siqiangDeducting(3, { V1: "是" }) : n === 9 ? { rules: {}, vetoes: {} } : siqiangDeducting((n % 7) * 1.5);
        const status = n === 13 ? "draft" : "final";
        await writeFilled(join(folder, dept, `${subject}.xlsx`), SQ.id, entries, { ...metaOf(subject, `${dept}党委`), status });
      }
    }
  }, 120_000);

  it("gives the JSON and the 汇总 sheet of compiling every branch file at once; the summaries' rows say where they came from", async () => {
    const branches = depts.map((dept) => join(folder, dept));
    const once = await runCli("compile", ...branches, "-o", join(folder, "once.xlsx"), "--json", join(folder, "once.json"));
    expect(once.status).toBe(0);
    mkdirSync(join(folder, "汇总"));
    for (const dept of depts.slice(0, 2)) {
      const run = await runCli("compile", join(folder, dept), "-o", join(folder, "汇总", `${dept}.xlsx`));
      expect(run.status).toBe(0);
    }
    const up = await runCli(
      "compile",
      join(folder, "汇总", "院系A.xlsx"),
      join(folder, "汇总", "院系B.xlsx"),
      join(folder, "院系C"),
      "-o",
      join(folder, "up.xlsx"),
      "--json",
      join(folder, "up.json"),
    );
    expect(up.status).toBe(0);
    expect(up.stdout).toContain("其中下级汇总表 2 个");
    expect(up.stdout).not.toContain("未汇总的文件");
    const [onceJson, upJson] = ["once.json", "up.json"].map((name) => JSON.parse(readFileSync(join(folder, name), "utf8")));
    expect(upJson.quota.places).toBeGreaterThan(0);
    expect(upJson.rows.some((row: { vetoed: boolean }) => row.vetoed)).toBe(true);
    expect(withoutProvenance(upJson)).toEqual(withoutProvenance(onceJson));
    expect(await summarySheetCells(join(folder, "up.xlsx"))).toEqual(await summarySheetCells(join(folder, "once.xlsx")));
    const sources = new Set(upJson.rows.map((row: { source: string[] }) => row.source.join(" › ")));
    expect(sources).toEqual(new Set([join(folder, "汇总", "院系A.xlsx"), join(folder, "汇总", "院系B.xlsx"), ""]));
  }, 120_000);

  it("writes no 反馈单 for branches whose workbooks stayed at the lower level, and says so", async () => {
    const feedback = join(folder, "反馈单");
    const run = await runCli("compile", join(folder, "汇总", "院系A.xlsx"), join(folder, "院系C"), "-o", join(folder, "fb.xlsx"), "--feedback", feedback);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("经下级汇总表汇总的 8 个支部未写反馈单");
    expect(run.stdout).toContain("反馈单 8 份");
  }, 120_000);

  it("rolls up a summary LibreOffice has re-saved, with the same result; _rows stays hidden in both files", async () => {
    const [resaved] = await recalcManyWithLibreOffice([join(folder, "汇总", "院系A.xlsx")], join(folder, "lo"));
    for (const path of [join(folder, "汇总", "院系A.xlsx"), resaved]) {
      const states = await sheetStates(path);
      expect(states).toMatchObject({ 汇总: "visible", 问题清单: "visible", _rows: "hidden" });
    }
    const fromOurs = await compiled([join(folder, "汇总", "院系A.xlsx")]);
    const fromLibreOffice = await compiled([resaved]);
    expect(fromLibreOffice.problems.filter((problem) => problem.message.includes("汇总数据"))).toEqual([]);
    expect(withoutProvenance(toCompileJson(fromLibreOffice))).toEqual(withoutProvenance(toCompileJson(fromOurs)));
  }, 120_000);
});

describe("a data sheet changed by hand is detected, never trusted", () => {
  let original: string;
  let honest: Summary;
  const inputs: SummaryInput[] = Array.from({ length: 6 }, (_, i) => branchInputs(i * 2)).flat();

  beforeAll(async () => {
    mkdirSync(join(dir, "tamper"));
    original = await writeSummary(compileSummary(inputs, LH), join(dir, "tamper", "院系.xlsx"));
    honest = await compiled([original]);
  });

  function dataRowOf(subject: string): number {
    // 10 rows of header, then one data row per input in input order (1-based sheet rows)
    return 11 + inputs.findIndex((input) => input.scored?.meta.subject === subject && input.scored.meta.rater === "org");
  }

  it("a total changed with openpyxl: the file and cell are named and the row goes to 待核", async () => {
    const subject = honest.rows.find((row) => row.counted)!.subject;
    const line = dataRowOf(subject);
    const edited = join(dir, "tamper", "total-edited.xlsx");
    await fillWithOpenpyxl(original, edited, { [`M${line}`]: 99.5 }, "_rows");
    const summary = await compiled([edited]);
    const problem = summary.problems.find((p) => p.cell === `_rows!M${line}`);
    expect(problem).toMatchObject({ file: edited, severity: "error" });
    expect(problem!.message).toContain("99.5");
    const row = summary.rows.find((candidate) => candidate.subject === subject)!;
    expect([row.counted, row.notCountedReason, row.rank]).toEqual([false, "汇总数据被改动", null]);
    expect(summary.stats.count).toBe(honest.stats.count - 1);
  });

  it("the JSON and every check value forged by hand: the total must still be the sum of its sections", async () => {
    const grid = (await readWorkbookFile(original)).sheets.find((sheet) => sheet.name === "_rows")!;
    const subject = honest.rows.find((row) => row.counted)!.subject;
    const line = dataRowOf(subject);
    const total = Number(grid.values[line - 1][12]);
    const forged = String(grid.values[line - 1][18]).replace(`"total":${total},`, `"total":${total + 5},`);
    expect(forged).not.toBe(grid.values[line - 1][18]);
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
    const digests = grid.values.slice(10).map((values, i) => (i === line - 11 ? sha(forged) : String(values[17])));
    const edited = join(dir, "tamper", "json-forged.xlsx");
    await fillWithOpenpyxl(
      original,
      edited,
      { [`S${line}`]: forged, [`R${line}`]: sha(forged), [`M${line}`]: total + 5, B8: sha(digests.map((digest) => `${digest}\n`).join("")) },
      "_rows",
    );
    const summary = await compiled([edited]);
    expect(summary.problems.filter((p) => p.file === edited).map((p) => [p.cell, p.message])).toEqual([
      [`_rows!S${line}`, expect.stringContaining("不等于各一级指标得分之和")],
    ]);
    expect(summary.rows.find((row) => row.subject === subject)!.counted).toBe(false);
  });

  it("a row removed: the sheet's count no longer matches and no row is trusted", async () => {
    const edited = join(dir, "tamper", "row-removed.xlsx");
    const line = 11;
    const blank = Object.fromEntries(Array.from({ length: 19 }, (_, c) => [`${String.fromCharCode(65 + c)}${line}`, null]));
    await fillWithOpenpyxl(original, edited, blank, "_rows");
    const summary = await compiled([edited]);
    expect(summary.problems.find((p) => p.cell === "_rows!B7")).toMatchObject({ file: edited, severity: "error" });
    expect(summary.rows.every((row) => !row.counted && row.notCountedReason === "汇总数据被改动")).toBe(true);
  });
});

describe("overlaps: the same sheet from two origins counts once, the newest 定稿 wins", () => {
  const SUBJECT = "学校1院系1第000党支部";

  function withSaved(input: SummaryInput, savedAt: string, status: "draft" | "final"): SummaryInput {
    return { ...input, savedAt, scored: { ...input.scored!, status } };
  }

  it("a branch in two summaries: 已定稿 beats a newer 填写中; reported, never double-counted", async () => {
    const [org, self] = branchInputs(0);
    const others = branchInputs(1);
    const a = compileSummary([withSaved(org, "2026-01-10T08:00:00.000Z", "final"), self], LH);
    const b = compileSummary([withSaved(org, "2026-02-01T08:00:00.000Z", "draft"), ...others], LH);
    const [pathA, pathB] = [await writeSummary(a, join(dir, "overlap-A.xlsx")), await writeSummary(b, join(dir, "overlap-B.xlsx"))];
    const summary = await compiled([pathA, pathB]);
    expect(summary.rows).toHaveLength(2);
    const row = summary.rows.find((candidate) => candidate.subject === SUBJECT)!;
    expect(row.orgTotal).toBe(org.scored!.result.total);
    expect(row.source).toEqual([pathA]);
    const overlap = summary.problems.filter((p) => p.message.includes("重叠"));
    expect(overlap).toHaveLength(1);
    expect(overlap[0]).toMatchObject({ file: `${pathB} › ${org.file}`, severity: "warning" });
    expect(overlap[0].message).toContain("已定稿");
    expect(summary.stats.count).toBe(2);
  });

  it("a branch in a summary and given as a file: the later save of two 定稿 wins", async () => {
    const [org] = branchInputs(0);
    const path = await writeSummary(compileSummary([withSaved(org, "2026-01-10T08:00:00.000Z", "final")], LH), join(dir, "overlap-old.xlsx"));
    // the same branch, re-scored and saved now (ExcelJS records the time it writes)
    const entries = sampleEntries(LH, seededRandom(77), { findRate: 0.3, awardShare: 0.5 });
    const direct = join(dir, "overlap-direct.xlsx");
    const fresh = await writeFilled(direct, LH.id, entries, { ...org.scored!.meta, rater: "org", status: "final" });
    const summary = await compiled([path, direct]);
    expect(summary.rows).toHaveLength(1);
    expect([summary.rows[0].total, summary.rows[0].source, summary.rows[0].file]).toEqual([fresh.total, [], direct]);
    const overlap = summary.problems.find((p) => p.message.includes("重叠"))!;
    expect(overlap.file).toBe(`${path} › ${org.file}`);
    expect(overlap.message).toContain("保存于 2026-01-10T08:00:00.000Z");
  });

  it("rows not counted below stay 待核 above, with their reason (--final-only at the lower level)", async () => {
    const [org] = branchInputs(0);
    const lower = compileSummary([withSaved(org, "2026-01-10T08:00:00.000Z", "draft")], LH, { finalOnly: true });
    expect(lower.rows[0].notCountedReason).toBe("未定稿");
    const summary = await compiled([await writeSummary(lower, join(dir, "final-only.xlsx"))]);
    expect([summary.rows[0].counted, summary.rows[0].notCountedReason]).toEqual([false, "未定稿"]);
  });
});
