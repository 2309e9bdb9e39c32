/** The two hosts agree: what the Office host writes and reads back equals what the xlsx host writes and reads back. */
import { readWorkbookBuffer } from "../../src/hosts/xlsx/read";
import { writePlanToBuffer } from "../../src/hosts/xlsx/write";
import { builtInSchemes } from "../../src/rubric/catalogue";
import { planTemplate } from "../../src/sheet/planner";
import type { Grid } from "../../src/sheet/types";
import type { Harness } from "./harness";
import { installDouble } from "./harness";

let harness: Harness;
afterEach(() => harness?.uninstall());

/**
 * Trailing empty rows and columns carry no meaning, and Excel cannot hold an empty string (writing "" clears the cell),
 * while an .xlsx file can: both count as blank.
 */
function trimmed(raw: Grid): Grid {
  const grid = { ...raw, values: raw.values.map((row) => row.map((value) => (value === "" ? null : value))) };
  const used = (r: number, c: number) => grid.values[r]?.[c] !== null || grid.formulas[r]?.[c] !== null;
  let rows = grid.values.length;
  while (rows > 0 && !grid.values[rows - 1].some((_, c) => used(rows - 1, c))) rows--;
  let columns = Math.max(0, ...grid.values.map((row) => row.length));
  while (columns > 0 && !grid.values.slice(0, rows).some((_, r) => used(r, columns - 1))) columns--;
  const cut = <T>(matrix: T[][], blank: T) => Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => matrix[r]?.[c] ?? blank));
  return { name: grid.name, values: cut(grid.values, null), formulas: cut(grid.formulas, null) };
}

test.each(builtInSchemes().map((scheme) => [scheme.id, scheme] as const))("%s: same grids from both hosts", async (_id, scheme) => {
  const plan = planTemplate(scheme, { subject: "=机关第一党支部", org: "机关党委", period: "2024", rater: "self" });
  harness = installDouble();
  const applied = await harness.host.applyPlan(plan);
  const fromOffice = await harness.host.readSheets(plan.sheets.map((sheet) => applied.names[sheet.name]));
  const book = await readWorkbookBuffer(await writePlanToBuffer(plan), `${scheme.id}.xlsx`);
  for (const [index, sheet] of plan.sheets.entries()) {
    const fromXlsx = book.sheets.find((grid) => grid.name === sheet.name);
    if (!fromXlsx) throw new Error(`the xlsx host lost sheet ${sheet.name}`);
    expect(trimmed(fromOffice[index])).toEqual(trimmed(fromXlsx));
  }
});
