/**
 * Workbooks opened and re-saved by LibreOffice Calc (full recalculation on load, its own .xlsx writer) compile to
 * the same summary as the originals: same totals, bands and ranks, and cached results that agree.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { compileFiles } from "../../src/batch/compile-files";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import type { Summary } from "../../src/summary/types";
import { recalcManyWithLibreOffice } from "../support/spreadsheet-programs";
import { metaOf, scheme, writeFilled } from "./workbooks";

let dir: string;
let original: Summary;
let resaved: Summary;
const TEXT_FILE = "text-number.xlsx";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-compile-lo-"));
  const source = join(dir, "ours");
  mkdirSync(source);
  const random = seededRandom(11);
  const LH = scheme("lianghua-yichuang");
  const paths: string[] = [];
  for (let i = 0; i < 5; i++) {
    const path = join(source, `branch-${i}.xlsx`);
    const rater = i === 4 ? "self" : "org";
    const entries = sampleEntries(LH, random, { findRate: 0.2, awardShare: 0.7 });
    await writeFilled(path, LH.id, entries, metaOf(i === 4 ? "第0党支部" : `第${i}党支部`, "机关党委", rater));
    paths.push(path);
  }
  const textPath = join(source, TEXT_FILE);
  await writeFilled(textPath, LH.id, { rules: { "1.1-2": { deduction: "１分", reason: "党员人数不符合规定" }, "6.1-1": { award: 9, reason: "获表彰" } }, vetoes: {} }, metaOf("第9党支部", "机关党委"));
  paths.push(textPath);

  const resavedDir = join(dir, "libreoffice");
  await recalcManyWithLibreOffice(paths, resavedDir);
  original = (await compileFiles([source])).summary!;
  resaved = (await compileFiles([resavedDir])).summary!;
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shape = (summary: Summary) =>
  summary.rows.map((row) => ({ subject: row.subject, total: row.total, band: row.band, rank: row.rank, selfTotal: row.selfTotal, orgTotal: row.orgTotal, file: basename(row.file) }));

test("re-saved by LibreOffice, the workbooks compile to the same rows", () => {
  expect(resaved.compiled).toBe(6);
  expect(shape(resaved)).toEqual(shape(original));
  expect(resaved.stats).toEqual(original.stats);
});

test("LibreOffice's cached results agree with the recomputed scores, a number typed as text included", () => {
  const extra = resaved.problems.filter((problem) => !original.problems.some((p) => p.message === problem.message && basename(p.file) === basename(problem.file)));
  // the text "１分" counts 0 in the sheet's formulas as in the engine, and both count it as an error
  expect(extra).toEqual([]);
  const text = resaved.rows.find((row) => basename(row.file) === TEXT_FILE);
  expect(text).toMatchObject({ counted: false, notCountedReason: "1 处错误" });
});
