/**
 * 四强 recommendation quota (≤10% of eligible branches, floor) on real files: a tie across the line is left to the
 * committee (待定), vetoed and already-named branches take no part.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFiles } from "../../src/batch/compile-files";
import type { Entries } from "../../src/scoring/types";
import type { Summary } from "../../src/summary/types";
import { siqiangDeducting } from "./siqiang-entries";
import { metaOf, writeFilled } from "./workbooks";

let dir: string;


/** Writes one workbook per deduction; returns the subjects in the same order and the compiled summary. */
async function compileBranches(folder: string, deductions: number[], extra: { vetoed?: number; named?: number } = {}): Promise<{ subjects: string[]; summary: Summary; totals: number[] }> {
  const path = join(dir, folder);
  mkdirSync(path);
  const subjects: string[] = [];
  const totals: number[] = [];
  for (const [i, amount] of deductions.entries()) {
    const subject = `机关第${i + 1}党支部`;
    const vetoes: Entries["vetoes"] = i === extra.vetoed ? { V2: "是" } : {};
    totals.push((await writeFilled(join(path, `${subject}.xlsx`), "siqiang", siqiangDeducting(amount, vetoes), metaOf(subject, "机关党委"))).total);
    subjects.push(subject);
  }
  const named = extra.named === undefined ? undefined : [subjects[extra.named]];
  const { summary } = await compileFiles([path], { named });
  return { subjects, summary: summary!, totals };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-compile-quota-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("one place, two branches tied at the top: both 待定, none silently chosen", async () => {
  // 11 eligible (one more vetoed, one more named): floor(10% × 11) = 1 place
  const deductions = [2, 2, 3, 4, 4.5, 5, 6, 7, 8, 9, 9.5, 0, 1];
  const { subjects, summary, totals } = await compileBranches("one-place", deductions, { vetoed: 11, named: 12 });
  const row = (i: number) => summary.rows.find((candidate) => candidate.subject === subjects[i])!;
  expect(summary.quota).toMatchObject({ eligible: 11, places: 1, recommended: 0, pending: 2, named: 1, tieTotal: totals[0] });
  expect([row(0).recommended, row(1).recommended]).toEqual(["pending", "pending"]);
  expect(subjects.slice(2, 11).map((_, i) => row(i + 2).recommended)).toEqual(new Array(9).fill(false));
  // the vetoed branch has the best total but no rank and no place; the named one is outside ranking and quota
  expect(row(11)).toMatchObject({ vetoed: true, rank: null, recommended: false });
  expect(row(12)).toMatchObject({ named: true, rank: null });
  expect(row(0).notes.join("")).toContain("待党委确定");
});

test("two places, a tie across the line: the first is recommended, the tied two are 待定", async () => {
  // 20 eligible → 2 places; totals 99, 98, 98, then lower
  const deductions = [1, 2, 2, ...Array.from({ length: 17 }, (_, i) => 3 + i * 0.5)];
  const { subjects, summary, totals } = await compileBranches("two-places", deductions);
  const row = (i: number) => summary.rows.find((candidate) => candidate.subject === subjects[i])!;
  expect(summary.quota).toMatchObject({ eligible: 20, places: 2, recommended: 1, pending: 2, tieTotal: totals[1] });
  expect([row(0).recommended, row(1).recommended, row(2).recommended, row(3).recommended]).toEqual([true, "pending", "pending", false]);
  expect([row(0).rank, row(1).rank, row(2).rank, row(3).rank]).toEqual([1, 2, 2, 3]);
});
