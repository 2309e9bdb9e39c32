/**
 * A summary of 20 000 branches (a province's, made as `compile` makes it) rolled up again by the next level, through
 * the budgeted workers with their default memory budget: its data sheet `_rows` holds 20 000 rows of JSON, which the
 * reader once kept as V8 string trees (500 MB of heap) and which then ran the worker out of memory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFiles, type CompileFilesOutcome } from "../../src/batch/compile-files";
import { writeSummaryOutputs } from "../../src/batch/write-outputs";
import { compileSummary } from "../../src/summary/summarize";
import type { Summary } from "../../src/summary/types";
import { branchInputs, LH, rowDigest } from "./rollup-fixtures";

const BRANCHES = 20_000;
let dir: string;
let direct: Summary;
let rolledUp: CompileFilesOutcome;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-rollup-large-"));
  direct = compileSummary(Array.from({ length: BRANCHES }, (_, i) => branchInputs(i)).flat(), LH);
  const province = join(dir, "省汇总.xlsx");
  await writeSummaryOutputs(direct, province);
  rolledUp = await compileFiles([province], { isolation: {} });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the 20 000-branch summary is read within the default budgets, without a problem", () => {
  expect(rolledUp.files).toHaveLength(1);
  expect(rolledUp.problems).toEqual([]);
  expect(rolledUp.summary?.compiled).toBe(direct.compiled);
});

test("rolled up, it gives the rows and ranks it was compiled with", () => {
  expect(rolledUp.summary?.rows).toHaveLength(BRANCHES);
  expect(rowDigest(rolledUp.summary!)).toEqual(rowDigest(direct));
});
