/** 500 branch workbooks (filled templates written as real files) compiled in one go; every total checked against the engine. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFiles } from "../../src/batch/compile-files";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { scoreEntries } from "../../src/scoring/engine";
import type { ScoreResult } from "../../src/scoring/types";
import { metaOf, scheme, writeFilled } from "./workbooks";

const BRANCHES = 500;
const LH = scheme("lianghua-yichuang");
let dir: string;
const expected = new Map<string, ScoreResult>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-compile-500-"));
  const random = seededRandom(500);
  for (let i = 0; i < BRANCHES; i++) {
    const org = `第${(i % 12) + 1}党委`;
    const folder = join(dir, org);
    if (i < 12) mkdirSync(folder);
    const subject = `${org}第${i + 1}党支部`;
    const entries = sampleEntries(LH, random, { findRate: random.next() * 0.35, awardShare: random.next() });
    await writeFilled(join(folder, `${subject}.xlsx`), LH.id, entries, metaOf(subject, org));
    expected.set(subject, scoreEntries(LH, entries));
  }
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("500 workbooks compile to 500 rows whose totals, bands and pass are the engine's", async () => {
  let reported = 0;
  const { summary, problems, files } = await compileFiles([dir], { onProgress: () => (reported += 1) });
  expect(files).toHaveLength(BRANCHES);
  expect(reported).toBe(BRANCHES);
  expect(summary!.compiled).toBe(BRANCHES);
  expect(summary!.rows).toHaveLength(BRANCHES);
  for (const row of summary!.rows) {
    const result = expected.get(row.subject)!;
    expect([row.subject, row.total, row.band, row.pass]).toEqual([row.subject, result.total, result.band, result.pass]);
  }
  const passed = [...expected.values()].filter((result) => result.pass).length;
  expect(summary!.stats).toMatchObject({ count: BRANCHES, passed });
  // sampled entries stay within the rules: any problem would be a reading defect
  expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
}, 600_000);
