/**
 * 四强 procedure on real files: the 申请 flag of the 自评 sheet, and the yearly 复查 of already-named branches
 * (compile --named), scored against the same standard and shown as 保留 / 撤销, never ranked.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFiles } from "../../src/batch/compile-files";
import { toCompileJson } from "../../src/summary/compile-json";
import { planSummary } from "../../src/summary/plan/plan-summary";
import { SUMMARY_HEADER_ROW, SUMMARY_SHEET } from "../../src/summary/plan/summary-sheet";
import { siqiangDeducting } from "./siqiang-entries";
import { metaOf, writeFilled } from "./workbooks";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-compile-review-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


test("申请 comes from the 自评 sheet; named branches get a 复查 outcome and no rank or place", async () => {
  // [subject, deduction of the 考评, vetoed, 申请 on the 自评 sheet]
  const branches: [string, number, boolean, string][] = [
    ["机关第一党支部", 2, false, "是"],
    ["机关第二党支部", 6, false, "否"],
    ["机关第三党支部", 3, false, "是"], // named, still meets the standard → 保留
    ["机关第四党支部", 25, false, "是"], // named, 75 < pass line → 撤销
    ["机关第五党支部", 1, true, "是"], // named, 不得参评 → 撤销, whatever its total
  ];
  for (const [subject, amount, vetoed, apply] of branches) {
    const entries = siqiangDeducting(amount, vetoed ? { V4: "是" } : {}, 5);
    await writeFilled(join(dir, `${subject}-自评.xlsx`), "siqiang", entries, { ...metaOf(subject, "市直机关工委", "self"), extra: { apply } });
    await writeFilled(join(dir, `${subject}-考评.xlsx`), "siqiang", entries, metaOf(subject, "市直机关工委", "org"));
  }
  const named = ["机关第三党支部", "机关第四党支部", "机关第五党支部"];
  const { summary } = await compileFiles([dir], { named });
  const row = (subject: string) => summary!.rows.find((candidate) => candidate.subject === subject)!;

  expect(branches.map(([subject]) => row(subject).fields)).toEqual(branches.map(([, , , apply]) => ({ apply })));
  expect(branches.map(([subject]) => [row(subject).rank, row(subject).review])).toEqual([
    [1, null],
    [2, null],
    [null, "keep"],
    [null, "revoke"],
    [null, "revoke"],
  ]);
  expect(named.map((subject) => row(subject).recommended)).toEqual([false, false, false]);
  expect(row("机关第三党支部").notes).toContain("复查建议：保留（仍达到标准）");
  expect(row("机关第四党支部").notes).toContain("复查建议：撤销（未达到标准）");
  expect(row("机关第五党支部").notes).toContain("复查建议：撤销（有不得参评情形）");

  const json = toCompileJson(summary!);
  expect(json.rows.find((candidate) => candidate.subject === "机关第四党支部")).toMatchObject({ named: true, rank: null, review: "revoke", fields: { apply: "是" } });

  // the 汇总 sheet: a 申请评定 column, a 复查建议 column with 保留/撤销, no rank for the named
  const sheet = planSummary(summary!).sheets.find((candidate) => candidate.name === SUMMARY_SHEET)!;
  const header = sheet.cells[SUMMARY_HEADER_ROW].map((cell) => cell?.value);
  const column = (name: string) => header.indexOf(name);
  const body = sheet.cells.slice(SUMMARY_HEADER_ROW + 1).filter((cells) => typeof cells[column("支部名称")]?.value === "string");
  const line = (subject: string) => body.find((cells) => cells[column("支部名称")]?.value === subject)!;
  expect(column("申请评定")).toBeGreaterThan(0);
  expect(line("机关第二党支部")[column("申请评定")]?.value).toBe("否");
  expect(named.map((subject) => [line(subject)[column("排名")]?.value, line(subject)[column("复查建议")]?.value])).toEqual([
    ["—", "保留"],
    ["—", "撤销"],
    ["—", "撤销"],
  ]);
  expect(line("机关第一党支部")[column("复查建议")]?.value).toBe("");
});
