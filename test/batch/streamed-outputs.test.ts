/**
 * compile writes its outputs a row at a time (issue 12: 20 000 files in flat memory): the summary workbook from a plan
 * whose rows are made as they are written, the --json file a row at a time. Both must be exactly what the whole-plan
 * and whole-string versions give, on real compiles of many branches: roll-up, 差异明细, 待核, problems and overlaps.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFiles } from "../../src/batch/compile-files";
import { writeSummaryOutputs } from "../../src/batch/write-outputs";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { fitRowHeights } from "../support/fit-rows";
import { compileSummary } from "../../src/summary/summarize";
import { toCompileJson } from "../../src/summary/compile-json";
import { planSummary } from "../../src/summary/plan/plan-summary";
import type { Summary } from "../../src/summary/types";
import { comparableParts } from "../xlsx/comparable-parts";
import { branchInputs, LH } from "./rollup-fixtures";
import { writeFilled } from "./workbooks";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-streamed-outputs-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the outputs as compile does, and the workbook again from the whole plan with the in-memory writer. */
async function bothWays(summary: Summary, name: string, issuer?: string): Promise<void> {
  const [streamed, whole, json] = [join(dir, `${name}.xlsx`), join(dir, `${name}-whole.xlsx`), join(dir, `${name}.json`)];
  await writeSummaryOutputs(summary, streamed, json, issuer);
  await writePlanToFile(planSummary(summary, { issuer }), whole);
  expect(readFileSync(json, "utf8")).toBe(JSON.stringify(toCompileJson(summary), null, 2) + "\n");
  const [streamedParts, wholeParts] = [comparableParts(streamed), comparableParts(whole)];
  expect(Object.keys(streamedParts).sort()).toEqual(Object.keys(wholeParts).sort());
  // every sheet's cells, styles, merges, heights and print setup, and the shared strings and styles parts
  for (const part of Object.keys(wholeParts)) expect({ part, xml: streamedParts[part] }).toEqual({ part, xml: wholeParts[part] });
}

describe("a roll-up of 300 branches from three summaries and branch files", () => {
  let lower: Summary;
  let top: Summary;

  beforeAll(async () => {
    const inputs = Array.from({ length: 300 }, (_, i) => branchInputs(i));
    const summaries: string[] = [];
    for (let part = 0; part < 3; part++) {
      const summary = compileSummary(inputs.slice(part * 100, part * 100 + 100).flat(), LH);
      lower ??= summary;
      const path = join(dir, `院系${part + 1}.xlsx`);
      await writeSummaryOutputs(summary, path);
      summaries.push(path);
    }
    const files = join(dir, "files");
    mkdirSync(files);
    // a branch already in a summary, given again as a file (an overlap), a branch of its own, and a broken file
    const [org] = inputs[0];
    await writeFilled(join(files, "重报.xlsx"), LH.id, sampleEntries(LH, seededRandom(7), { findRate: 0.3, awardShare: 0.5 }), { ...org.scored!.meta, status: "final" });
    await writeFilled(join(files, "新支部.xlsx"), LH.id, sampleEntries(LH, seededRandom(8), { findRate: 0.2, awardShare: 0.5 }), {
      ...org.scored!.meta,
      subject: "新设党支部",
      status: "final",
    });
    writeFileSync(join(files, "损坏.xlsx"), "not a workbook");
    const outcome = await compileFiles([...summaries, files]);
    top = outcome.summary!;
  }, 120_000);

  it("covers what the long sheets and lists hold", () => {
    expect(top.rows).toHaveLength(301);
    expect(top.rows.some((row) => (row.source ?? []).length > 0) && top.rows.some((row) => (row.source ?? []).length === 0)).toBe(true);
    expect(top.differences.subjects.some((subject) => subject.differences.length > 1)).toBe(true);
    expect(top.differences.subjects.some((subject) => subject.pending !== null)).toBe(true);
    expect(top.rows.some((row) => !row.counted)).toBe(true);
    expect(top.problems.some((problem) => problem.message.includes("重叠"))).toBe(true);
    expect(top.problems.some((problem) => problem.file.endsWith("损坏.xlsx") && problem.severity === "error")).toBe(true);
    expect(top.rollup?.inputs.length).toBeGreaterThan(300);
  });

  it("fits each visible row to its texts as it is made: fitting the whole plan again changes no height", () => {
    const visible = planSummary(top).sheets.filter((sheet) => sheet.visibility === "visible");
    for (const sheet of visible) expect({ sheet: sheet.name, heights: fitRowHeights(sheet).rowHeights }).toEqual({ sheet: sheet.name, heights: sheet.rowHeights });
    // rows taller than one line: 来源与备注's file lists, 差异明细's reasons
    expect(visible.every((sheet) => Object.keys(sheet.rowHeights).length > 1)).toBe(true);
  });

  it("the lower summary: the same workbook and JSON as written whole", async () => {
    await bothWays(lower, "lower");
  });

  it("the roll-up: the same workbook and JSON as written whole", async () => {
    await bothWays(top, "top", "某某大学党委组织部");
  });

  it("a summary with no 差异明细 and no problems: the same workbook and JSON", async () => {
    const plain = compileSummary(branchInputs(1), LH);
    expect([plain.differences.subjects.length, plain.problems.length]).toEqual([0, 0]);
    await bothWays(plain, "plain");
  });
});
