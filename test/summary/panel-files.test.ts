/**
 * 考评组 from real workbooks: panels of 1, 3 and 5 evaluators, one evaluator's veto, the same evaluator twice. The
 * expected means are computed here with decimal.js (half-up to 2 places) from each file's own total.
 */
import Decimal from "decimal.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFiles } from "../../src/batch/compile-files";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import type { Entries } from "../../src/scoring/types";
import { toCompileJson } from "../../src/summary/compile-json";
import { metaOf, scheme, writeFilled } from "../batch/workbooks";

const SQ = scheme("siqiang");
const ORG = "机关党委";
const PANELS: Record<string, number> = { 机关一支部: 1, 机关三支部: 3, 机关五支部: 5, 机关否决支部: 3 };
let dir: string;
const totals = new Map<string, number[]>();

const mean = (values: number[]) => values.reduce((s, v) => s.plus(v), new Decimal(0)).div(values.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
const trimmed = (values: number[]) => mean([...values].sort((a, b) => a - b).slice(1, -1));

async function compile(panel?: "mean" | "trimmed") {
  const outcome = await compileFiles([dir], { scheme: "siqiang", panel });
  return toCompileJson(outcome.summary!);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-panel-"));
  const random = seededRandom(9);
  for (const [subject, size] of Object.entries(PANELS)) {
    totals.set(subject, []);
    for (let i = 0; i < size; i++) {
      const entries: Entries = { ...sampleEntries(SQ, random, { findRate: 0.4, awardShare: 0.5 }), vetoes: {} };
      if (subject === "机关否决支部" && i === 1) entries.vetoes = { [SQ.vetoes[0].code]: "是" };
      const result = await writeFilled(join(dir, `${subject}-考评-${i + 1}.xlsx`), SQ.id, entries, { ...metaOf(subject, ORG), evaluator: `评委${i + 1}` });
      totals.get(subject)!.push(result.total);
    }
  }
  // the same evaluator twice: a duplicate, not a panel
  await writeFilled(join(dir, "机关一支部-考评-重复.xlsx"), SQ.id, sampleEntries(SQ, random, { findRate: 0.2, awardShare: 0.5 }), { ...metaOf("机关一支部", ORG), evaluator: "评委1" });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the 考评 score is the panel's mean; size, spread and every evaluator's total are given", async () => {
  const json = await compile();
  for (const [subject, size] of Object.entries(PANELS)) {
    const row = json.rows.find((r) => r.subject === subject)!;
    const own = totals.get(subject)!;
    expect(row.orgTotal).toBe(mean(own));
    expect(row.panelSize).toBe(size);
    expect(row.panelSpread).toBe(size > 1 ? new Decimal(Math.max(...own)).minus(Math.min(...own)).toNumber() : null);
    expect(row.evaluators.map((e) => [e.evaluator, e.total])).toEqual(own.map((total, i) => [`评委${i + 1}`, total]));
  }
  expect(json.problems.filter((p) => p.message.includes("重复")).map((p) => p.file)).toEqual([join(dir, "机关一支部-考评-重复.xlsx")]);
});

test("--panel trimmed drops one highest and one lowest from 5 or more, and only then", async () => {
  const json = await compile("trimmed");
  expect(json.rows.find((r) => r.subject === "机关五支部")!.orgTotal).toBe(trimmed(totals.get("机关五支部")!));
  expect(json.rows.find((r) => r.subject === "机关三支部")!.orgTotal).toBe(mean(totals.get("机关三支部")!));
});

test("one evaluator's veto makes the branch 不得参评, flagged 待核, not ranked", async () => {
  const row = (await compile()).rows.find((r) => r.subject === "机关否决支部")!;
  expect(row).toMatchObject({ vetoed: true, rank: null, band: "不得参评" });
  expect(row.notes.join("；")).toMatch(/待核：考评组 3 人中 评委2 认定不得参评/);
});
