/** The 汇总 view's small pure rules: picked files, per-file lines while reading, problem order, the record sheet. */
import type { Grid } from "../../src/sheet/types";
import type { SummaryProblem } from "../../src/summary/types";
import { countLines, markRead, waitingLines } from "../../src/taskpane/views/summary/file-lines";
import { addPicked } from "../../src/taskpane/views/summary/picked-files";
import { sortSummaryProblems } from "../../src/taskpane/views/summary/previews";
import { existingRecordedSheets, mayBeRecordSheet, parseSummaryRecord, sheetsToReplace } from "../../src/taskpane/views/summary/summary-record";

describe("picked files", () => {
  const file = (name: string, size = 100, lastModified = 1) => ({ name, size, lastModified });

  test("the same file picked twice is kept once; another file of the same name gets a number", () => {
    const first = addPicked([], [file("第一党支部.xlsx"), file("第二党支部.xlsx")]);
    const again = addPicked(first, [file("第一党支部.xlsx"), file("第一党支部.xlsx", 200), file("第一党支部.XLSX", 300)]);
    expect(again.map((picked) => picked.name)).toEqual(["第一党支部.xlsx", "第二党支部.xlsx", "第一党支部 (2).xlsx", "第一党支部 (3).XLSX"]);
    expect(again[2].file.size).toBe(200);
  });

  test("Office lock files are skipped", () => {
    expect(addPicked([], [file("~$名单.xlsx"), file("名单.xlsx")]).map((picked) => picked.name)).toEqual(["名单.xlsx"]);
  });
});

describe("file lines while reading", () => {
  test("a finished file moves from waiting to read; the counts follow", () => {
    let lines = waitingLines(["a.xlsx", "b.xlsx", "c.xlsx"]);
    lines = markRead(lines, "b.xlsx");
    lines = markRead(lines, "nope.xlsx");
    expect(lines.map((line) => line.state)).toEqual(["waiting", "read", "waiting"]);
    expect(countLines(lines)).toEqual({ waiting: 2, read: 1, compiled: 0, failed: 0 });
  });
});

describe("problem order", () => {
  const problem = (file: string, cell: string | null, severity: SummaryProblem["severity"]): SummaryProblem => ({
    file,
    cell,
    severity,
    message: `${file} ${cell ?? "-"}`,
  });

  test("errors first, then file order, then sheet order (row before column), cell-less last in a file", () => {
    const problems = [
      problem("b.xlsx", "F9", "error"),
      problem("a.xlsx", null, "error"),
      problem("a.xlsx", "G12", "warning"),
      problem("a.xlsx", "AA10", "error"),
      problem("a.xlsx", "F10", "error"),
      problem("a.xlsx", "F9", "warning"),
    ];
    const sorted = sortSummaryProblems(problems, ["a.xlsx", "b.xlsx"]).map((p) => `${p.severity} ${p.message}`);
    expect(sorted).toEqual(["error a.xlsx F10", "error a.xlsx AA10", "error a.xlsx -", "error b.xlsx F9", "warning a.xlsx F9", "warning a.xlsx G12"]);
  });
});

describe("the _summary record", () => {
  const grid = (name: string, values: Grid["values"]): Grid => ({ name, values, formulas: values.map((row) => row.map(() => null)) });
  const record = grid("_summary (2)", [
    ["branch-scoring", "summary"],
    ["sheet", "汇总 (2)", "两化一创 考评汇总"],
    ["sheet", "统计", "统计：两化一创"],
    ["record", "_summary (2)"],
  ]);

  test("only _summary and its numbered names are looked at", () => {
    expect(["_summary", "_Summary (2)", "_summary2", "summary", "_summary (x)"].map(mayBeRecordSheet)).toEqual([true, true, false, false, false]);
  });

  test("a sheet without the marker is a user's, not a record", () => {
    expect(parseSummaryRecord(grid("_summary", [["我的备忘"], ["sheet", "汇总", ""]]))).toBeNull();
  });

  test("recorded sheets are replaced only while they exist and their A1 still reads as written", () => {
    const parsed = parseSummaryRecord(record);
    if (!parsed) throw new Error("not parsed");
    expect(parsed.sheets.map((sheet) => sheet.name)).toEqual(["汇总 (2)", "统计"]);
    const candidates = existingRecordedSheets([parsed], ["汇总", "汇总 (2)", "统计", "_summary (2)"]);
    const grids = [grid("汇总 (2)", [["两化一创 考评汇总"]]), grid("统计", [["我自己的统计"]])];
    expect(sheetsToReplace([parsed], candidates, grids)).toEqual(["汇总 (2)", "_summary (2)"]);
  });

  test("names are matched without regard to case, as Excel does, and reported in the workbook's spelling", () => {
    const parsed = parseSummaryRecord(grid("_summary", [["branch-scoring", "summary"], ["sheet", "Summary", "t"]]));
    if (!parsed) throw new Error("not parsed");
    expect(existingRecordedSheets([parsed], ["SUMMARY"])).toEqual([{ name: "SUMMARY", firstCell: "t" }]);
  });
});
