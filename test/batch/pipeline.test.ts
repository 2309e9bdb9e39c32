/** compileSources, the fs-free pipeline: bounded concurrency, per-file failure isolation, and the choice of scheme. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkbookSource } from "../../src/batch/compile-core";
import { compileSources, UnknownSchemeError } from "../../src/batch/compile-core";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import type { WorkbookGrid } from "../../src/sheet/types";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { metaOf, scheme, writeFilled } from "./workbooks";

let dir: string;
const grids: Record<string, WorkbookGrid> = {};
const totals: Record<string, number> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-compile-pipeline-"));
  const made = [
    ["lh1", "lianghua-yichuang", "第一党支部", 10],
    ["lh2", "lianghua-yichuang", "第二党支部", 4],
    ["sq1", "siqiang", "机关第一党支部", 0],
  ] as const;
  for (const [key, schemeId, subject, award] of made) {
    const path = join(dir, `${key}.xlsx`);
    // every required quantity filled in, so the only errors are the ones a test makes
    const entries = sampleEntries(scheme(schemeId), seededRandom(7), { findRate: 0, awardShare: 0 });
    if (award > 0) entries.rules["6.1-1"] = { award, reason: "获表彰" };
    totals[key] = (await writeFilled(path, schemeId, entries, metaOf(subject, "机关党委"))).total;
    grids[key] = await readWorkbookFile(path);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Sources that stay "in flight" for a few turns of the event loop, counting how many are read at once. */
function countingSources(keys: string[]): { sources: WorkbookSource[]; peak: () => number } {
  let inFlight = 0;
  let peak = 0;
  const sources = keys.map((key, i) => ({
    name: `${String(i).padStart(2, "0")}-${key}.xlsx`,
    read: async () => {
      peak = Math.max(peak, ++inFlight);
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return grids[key];
    },
  }));
  return { sources, peak: () => peak };
}

test.each([1, 2, 4])("at most %i files are read at once", async (concurrency) => {
  const { sources, peak } = countingSources(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? "lh1" : "lh2")));
  await compileSources(sources, { concurrency });
  expect(peak()).toBe(concurrency);
});

test("concurrency is clamped to 1–4", async () => {
  const many = countingSources(Array.from({ length: 12 }, () => "lh1"));
  await compileSources(many.sources, { concurrency: 50 });
  expect(many.peak()).toBe(4);
  const none = countingSources(Array.from({ length: 3 }, () => "lh1"));
  await compileSources(none.sources, { concurrency: 0 });
  expect(none.peak()).toBe(1);
});

test("a read that fails in any way is a problem naming that file, in plain words (never the exception's); the others are compiled", async () => {
  const sources: WorkbookSource[] = [
    { name: "a.xlsx", read: async () => grids.lh1 },
    { name: "b.xlsx", read: async () => Promise.reject(new RangeError("Invalid array length")) },
    { name: "c.xlsx", read: async () => Promise.reject("not even an Error") },
    { name: "d.xlsx", read: async () => ({ sheets: [] }) },
  ];
  const outcome = await compileSources(sources);
  expect(outcome.summary?.rows.map((row) => [row.file, row.total])).toEqual([["a.xlsx", totals.lh1]]);
  const byFile = (file: string) => outcome.problems.filter((problem) => problem.file === file);
  expect(byFile("b.xlsx")).toEqual([expect.objectContaining({ severity: "error", message: expect.stringContaining("“b.xlsx”无法读取") })]);
  expect(byFile("b.xlsx")[0].message).not.toContain("Invalid array length");
  expect(byFile("c.xlsx")[0].message).toContain("“c.xlsx”无法读取");
  expect(byFile("c.xlsx")[0].message).not.toContain("not even an Error");
  expect(byFile("d.xlsx")[0].message).toContain("_meta");
});

test("without a scheme, the most common one is compiled and the others listed as problems", async () => {
  const sources = ["sq1", "lh1", "lh2"].map((key) => ({ name: `${key}.xlsx`, read: async () => grids[key] }));
  const outcome = await compileSources(sources);
  expect(outcome.scheme?.id).toBe("lianghua-yichuang");
  expect(outcome.summary?.rows.map((row) => row.total).sort()).toEqual([totals.lh1, totals.lh2].sort());
  expect(outcome.problems.filter((p) => p.file === "sq1.xlsx" && p.severity === "error")).toHaveLength(1);
});

test("--scheme picks the minority scheme instead", async () => {
  const sources = ["sq1", "lh1", "lh2"].map((key) => ({ name: `${key}.xlsx`, read: async () => grids[key] }));
  const outcome = await compileSources(sources, { scheme: "siqiang" });
  expect(outcome.summary?.rows.map((row) => [row.file, row.total])).toEqual([["sq1.xlsx", totals.sq1]]);
  expect(outcome.problems.filter((p) => p.severity === "error").map((p) => p.file).sort()).toEqual(["lh1.xlsx", "lh2.xlsx"]);
});

test("an unknown --scheme is the caller's error, not a file's", async () => {
  await expect(compileSources([], { scheme: "sanhao" })).rejects.toBeInstanceOf(UnknownSchemeError);
});

test("nothing readable and no scheme given: no summary, every file's problem kept", async () => {
  const outcome = await compileSources([{ name: "x.xlsx", read: async () => ({ sheets: [] }) }]);
  expect(outcome.summary).toBeNull();
  expect(outcome.problems).toEqual([expect.objectContaining({ file: "x.xlsx", severity: "error" })]);
});
