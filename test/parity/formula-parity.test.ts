/**
 * Formula parity with real spreadsheet programs: the template's formulas, recalculated by LibreOffice Calc and by
 * Gnumeric after openpyxl (a writer that is not ours) typed the entries in, must give exactly the scores, band and
 * pass the engine computes from the same entries — including text in number cells, blanks, invalid values and vetoes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalcManyWithLibreOffice, recalcWithGnumeric } from "../support/spreadsheet-programs";
import { BUILT_IN_IDS, builtInScheme } from "../sheet/planner-schemes";
import type { FilledCase } from "./parity-support";
import { expectedScores, readCachedScores, writeFilledCases } from "./parity-support";
import type { Mood } from "./random-entries";
import { awardsOnly, randomEntries } from "./random-entries";

const MOODS: Mood[] = [
  { activity: 0.05, awkwardness: 0, vetoChance: 0 }, // a good branch: few deductions, likely 好
  { activity: 0.3, awkwardness: 0.1, vetoChance: 0 },
  { activity: 0.6, awkwardness: 0.25, vetoChance: 0.3 }, // a poor year, messy input, vetoes
];

let dir: string;
const cases: FilledCase[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-parity-"));
  for (const [schemeIndex, id] of BUILT_IN_IDS.entries()) {
    const scheme = builtInScheme(id);
    const entryList = MOODS.map((mood, moodIndex) => randomEntries(scheme, 1000 * (schemeIndex + 1) + moodIndex, mood));
    if (id === "lianghua-yichuang") entryList.push(awardsOnly(scheme, 10), awardsOnly(scheme, 9.5));
    cases.push(...(await writeFilledCases(dir, scheme, entryList)));
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function expectParity(filled: FilledCase, cached: Awaited<ReturnType<typeof readCachedScores>>): void {
  const { result, cached: expected } = expectedScores(filled.scheme, filled.entries);
  const { computed, ...scores } = cached;
  expect({ label: filled.label, ...scores }).toEqual({ label: filled.label, ...expected });
  for (const [code, value] of Object.entries(computed)) {
    const rule = result.rules.find((candidate) => candidate.code === code);
    expect(typeof value).toBe("number");
    expect(value as number).toBeCloseTo(rule?.deduction ?? NaN, 9);
  }
}

test("LibreOffice recalculates every case to the engine's scores, band and pass", async () => {
  const outputs = await recalcManyWithLibreOffice(cases.map((filled) => filled.path), join(dir, "libreoffice"));
  for (const [index, filled] of cases.entries()) {
    expectParity(filled, await readCachedScores(outputs[index], filled.scheme));
  }
});

test("Gnumeric recalculates one case per scheme to the engine's scores, band and pass", async () => {
  // the messiest case of each scheme: text, invalid values and vetoes
  const messy = cases.filter((filled) => filled.label.endsWith(`#${MOODS.length - 1}`));
  for (const filled of messy) {
    const output = await recalcWithGnumeric(filled.path, join(dir, `gnumeric-${filled.scheme.id}.xlsx`));
    expectParity(filled, await readCachedScores(output, filled.scheme));
  }
});

test("the cases cover every band, vetoes, text in number cells and blanks", () => {
  const bands = new Set(cases.map((filled) => expectedScores(filled.scheme, filled.entries).result.band));
  expect(bands.has("不得参评")).toBe(true);
  expect(bands.size).toBeGreaterThanOrEqual(3);
  const totals = cases.map((filled) => expectedScores(filled.scheme, filled.entries).result.total);
  expect(totals).toEqual(expect.arrayContaining([90, 89.5]));
  const values = cases.flatMap((filled) => Object.values(filled.entries.rules).flatMap((entry) => [entry.quantity, entry.deduction, entry.award, entry.raw]));
  expect(values.some((value) => typeof value === "string")).toBe(true);
  expect(values.some((value) => value === null || value === undefined)).toBe(true);
  // computed deductions both ways: blank while their input is, a number once it is filled in
  const computedRules = cases.flatMap((filled) => {
    const blank = expectedScores(filled.scheme, filled.entries).cached.blankComputed;
    const all = filled.scheme.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules)).filter((r) => r.kind === "count" || r.kind === "convert");
    return all.map((rule) => blank.includes(rule.code));
  });
  expect(new Set(computedRules)).toEqual(new Set([true, false]));
});
