/**
 * A template written by the version before the vetoes moved first (test/fixtures/template-before-vetoes-first-
 * siqiang.xlsx: 四强, 考评, made by `branch-scoring template` of that version, vetoes V1–V6 after 合计/等次): filled by
 * openpyxl and recalculated by LibreOffice, it is still read and scored as the engine scores the same entries, and
 * its own formulas agree. The new layout is scored the same way.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { getScheme } from "../../src/rubric/catalogue";
import { scoreEntries } from "../../src/scoring/engine";
import type { Entries } from "../../src/scoring/types";
import { planTemplate } from "../../src/sheet/planner";
import { scoreWorkbook } from "../../src/sheet/score-workbook";
import { fillManyWithOpenpyxl, recalcManyWithLibreOffice } from "../support/spreadsheet-programs";

const FIXTURE = join(__dirname, "..", "fixtures", "template-before-vetoes-first-siqiang.xlsx");
const scheme = getScheme("siqiang")!;
const entries: Entries = {
  rules: { "1.1-1": { quantity: 2, deduction: 1.5, reason: "两项工作有疏漏" }, "1.2-1": { quantity: 1, deduction: 1, reason: "会议记录不全" } },
  vetoes: { V2: "是", V1: "否" },
};
const expected = scoreEntries(scheme, entries);

let dir: string;
const files: Record<"old" | "new", string> = { old: "", new: "" };

/** The cells to fill, from the file's own `_meta` (key → address), for the entries above. */
async function fillCells(path: string): Promise<{ sheet: string; cells: Record<string, string | number> }> {
  const book = await readWorkbookFile(path);
  const meta = book.sheets.find((grid) => grid.name === "_meta")!;
  const address = new Map(meta.values.map((row) => [String(row[0] ?? ""), String(row[1] ?? "")]));
  const cells: Record<string, string | number> = {};
  for (const [code, entry] of Object.entries(entries.rules)) {
    for (const [field, value] of Object.entries(entry)) cells[address.get(`cell:${code}:${field}`)!] = value as string | number;
  }
  for (const [code, value] of Object.entries(entries.vetoes)) cells[address.get(`cell:${code}:flag`)!] = value as string;
  return { sheet: address.get("sheet")!, cells };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-previous-template-"));
  const oldBlank = join(dir, "old-blank.xlsx");
  copyFileSync(FIXTURE, oldBlank);
  const newBlank = join(dir, "new-blank.xlsx");
  await writePlanToFile(planTemplate(scheme, { subject: "机关第一党支部", org: "机关党委", period: "2025", rater: "org" }), newBlank);
  const fills = [];
  for (const [name, blank] of [["old", oldBlank], ["new", newBlank]] as const) {
    const { sheet, cells } = await fillCells(blank);
    fills.push({ in: blank, out: join(dir, `${name}-filled.xlsx`), cells, sheet });
  }
  await fillManyWithOpenpyxl(fills);
  const [oldRecalculated, newRecalculated] = await recalcManyWithLibreOffice(fills.map((fill) => fill.out), join(dir, "lo"));
  files.old = oldRecalculated;
  files.new = newRecalculated;
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the fixture is a template of the previous layout: its vetoes come after the total", async () => {
  const book = await readWorkbookFile(FIXTURE);
  const meta = new Map(book.sheets.find((grid) => grid.name === "_meta")!.values.map((row) => [String(row[0]), String(row[1])]));
  const row = (key: string) => Number(/\d+$/.exec(meta.get(key)!)![0]);
  expect(row("cell:V1:flag")).toBeGreaterThan(row("cell:total:score"));
  expect(meta.has("cell:V1:reason")).toBe(false);
});

test.each(["old", "new"] as const)("%s layout: read and scored as the engine scores the entries; LibreOffice's totals agree", async (name) => {
  const outcome = scoreWorkbook(await readWorkbookFile(files[name]), getScheme);
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.result.total).toBe(expected.total);
  expect(outcome.result.sections).toEqual(expected.sections);
  expect([outcome.result.band, outcome.result.vetoed, outcome.result.vetoReasons]).toEqual([expected.band, true, expected.vetoReasons]);
  // the sheet's own formulas (total, band, pass, recalculated by LibreOffice) say the same as the engine
  expect(outcome.result.issues.filter((issue) => issue.kind === "cached-mismatch" || issue.kind === "row-moved")).toEqual([]);
});

test("the new layout puts the vetoes before the first section, each with a 情况说明 cell in _meta", async () => {
  const book = await readWorkbookFile(files.new);
  const meta = new Map(book.sheets.find((grid) => grid.name === "_meta")!.values.map((row) => [String(row[0]), String(row[1])]));
  const row = (key: string) => Number(/\d+$/.exec(meta.get(key)!)![0]);
  for (const veto of scheme.vetoes) {
    expect(row(`cell:${veto.code}:flag`)).toBeLessThan(row("cell:1:score"));
    expect(row(`cell:${veto.code}:reason`)).toBe(row(`cell:${veto.code}:flag`));
  }
});
