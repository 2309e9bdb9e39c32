/**
 * Parity through Office: a built-in template applied by the Office host, filled by a "user" typing into the unlocked
 * inputs, exported from the double, written by the xlsx host and recalculated by LibreOffice Calc gives exactly the
 * engine's scores, band and pass — the same check as test/parity, on the workbook the Office host built.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { getScheme } from "../../src/rubric/catalogue";
import { entryCells } from "../../src/sheet/fill";
import { planTemplate } from "../../src/sheet/planner";
import { expectedScores, readCachedScores } from "../parity/parity-support";
import { randomEntries } from "../parity/random-entries";
import { exportWorkbookPlan } from "../support/excel-double/export-plan";
import { recalcWithLibreOffice } from "../support/spreadsheet-programs";
import type { Harness } from "./harness";
import { installDouble } from "./harness";

let harness: Harness;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-office-parity-"));
});
afterAll(() => {
  harness?.uninstall();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.each(["lianghua-yichuang", "wuhao"])("%s: LibreOffice recalculates the Office-built workbook to the engine's scores", async (id) => {
  const scheme = getScheme(id);
  if (!scheme) throw new Error(`${id} missing from the catalogue`);
  const entries = randomEntries(scheme, 4242, { activity: 0.4, awkwardness: 0.15, vetoChance: 0.2 });
  const plan = planTemplate(scheme, { subject: "测试党支部", rater: "self" });
  harness = installDouble();
  await harness.host.applyPlan(plan);

  const cells = Object.entries(entryCells(plan, entries));
  expect(cells.length).toBeGreaterThan(5); // a real fill, not an empty form
  for (const [address, value] of cells) {
    // text stays text, as when pasted from a text source
    const typed = typeof value === "string" ? `'${value}` : value;
    expect({ address, accepted: harness.excel.userEdit(plan.activate, address, [[typed]]) }).toEqual({ address, accepted: true });
  }
  const path = join(dir, `${id}.xlsx`);
  await writePlanToFile(exportWorkbookPlan(harness.excel.state()), path);
  const recalculated = await recalcWithLibreOffice(path, join(dir, "out"));
  const { computed, ...cached } = await readCachedScores(recalculated, scheme);
  const { result, cached: expected } = expectedScores(scheme, entries);
  expect(cached).toEqual(expected);
  for (const [code, value] of Object.entries(computed)) {
    expect(value as number).toBeCloseTo(result.rules.find((rule) => rule.code === code)?.deduction ?? NaN, 9);
  }
  harness.uninstall();
});
