/**
 * The template's data-validation and highlight formulas, evaluated by LibreOffice, must say "wrong" exactly when the
 * engine reports an issue for the same input: the formulas are taken from the planned template itself and copied, as
 * Excel copies a formula down, onto probe rows that carry the rule's hidden parameters and the test values; written
 * with our xlsx writer and recalculated in one soffice start.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import type { Rule } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { CellValue, EntryField, IssueKind, RuleEntry } from "../../src/scoring/types";
import { parseA1 } from "../../src/sheet/addresses";
import { LAST_PARAM_COLUMN, PARAM_COLUMNS } from "../../src/sheet/plan-params";
import { planTemplate } from "../../src/sheet/planner";
import type { PlanCell, WorkbookPlan } from "../../src/sheet/types";
import { everyKindScheme } from "../sheet/planner-fixture";
import { covers, metaRowsOf, rowOf, sheetNamed } from "../sheet/planner-helpers";
import { recalcManyWithLibreOffice } from "../support/spreadsheet-programs";

interface Probe {
  label: string;
  /** the template row (0-based) whose hidden rule parameters the probe row copies */
  row: number;
  /** values placed in the probe row, by column letter */
  inputs: Record<string, CellValue>;
  /** the template formula and the row (0-based) it is written for */
  formula: string;
  anchor: number;
  /** what the engine says: true when the probe's formula should be TRUE */
  expected: boolean;
}

const scheme = everyKindScheme;
const plan = planTemplate(scheme);
const template = sheetNamed(plan, plan.activate);
const addresses = new Map(metaRowsOf(plan).map(([key, value]) => [key, String(value)]));
const rules = scheme.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules));

/** Moves the relative row references of a formula by `delta` rows, as copying it down would. */
function shiftRows(formula: string, delta: number): string {
  return formula.replace(/(\$?)\b([A-Z]{1,3})(\$?)([0-9]+)\b/g, (_, fixedColumn: string, column: string, fixedRow: string, row: string) =>
    fixedRow ? `${fixedColumn}${column}$${row}` : `${fixedColumn}${column}${Number(row) + delta}`,
  );
}

function topRow(range: string): number {
  return rowOf(range.split(":")[0]);
}

/** The custom validation that covers the cell, with the row its formula is written for. */
function validationFormula(address: string): { formula: string; anchor: number } {
  const validation = template.validations.find((v) => covers(v.range, address));
  if (validation?.rule.type !== "custom") throw new Error(`no custom validation on ${address}`);
  return { formula: validation.rule.formula, anchor: topRow(validation.range) };
}

/** The highlight covering all the cells whose formula matches. */
function formatFormula(cells: string[], pattern: RegExp): { formula: string; anchor: number } {
  const format = template.conditionalFormats.find((f) => pattern.test(f.formula) && cells.every((cell) => covers(f.range, cell)));
  if (!format) throw new Error(`no highlight ${String(pattern)} on ${cells.join(",")}`);
  return { formula: format.formula, anchor: topRow(format.range) };
}

function column(address: string): string {
  return address.replace(/[0-9]+$/, "");
}

/** The engine's issues of these kinds for one rule's entry. */
function engineFlags(rule: Rule, entry: RuleEntry, field: EntryField | null, kinds?: IssueKind[]): boolean {
  const issues = scoreEntries(scheme, { rules: { [rule.code]: entry }, vetoes: {} }).issues.filter((issue) => issue.code === rule.code);
  return issues.some((issue) => (field === null || issue.field === field) && (kinds === undefined || kinds.includes(issue.kind)));
}

/** Every IssueKind, so the probes name the ones they leave out rather than the ones they keep. */
const ISSUE_KINDS: Record<IssueKind, true> = {
  "not-a-number": true,
  negative: true,
  "above-bound": true,
  "off-step": true,
  "fixed-mismatch": true,
  "range-outside": true,
  "each-outside": true,
  "quantity-missing": true,
  "quantity-invalid": true,
  "raw-missing": true,
  "reason-missing": true,
  "over-points": true,
  "veto-invalid": true,
  "text-number": true,
  "cached-mismatch": true,
  "row-moved": true,
  "meta-invalid": true,
  "tally-differs": true,
};
const ALL_KINDS = Object.keys(ISSUE_KINDS) as IssueKind[];

const AMOUNTS: CellValue[] = [0, 0.25, 0.5, 1, 1.5, 2, 2.25, 0.3, -1, 3, 4, 4.5, 12, 12.5, 15, 15.5, 20, 21, "abc"];
const QUANTITIES: CellValue[] = [0, 1, 2, 3, 5, 1.5, -1, 31.5, 95, 100, 101, "三"];
const RAWS: CellValue[] = [0, 50, 77.77, 100, 100.5, -1, "缺考"];

function buildProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const rule of rules) {
    for (const field of ["deduction", "award", "quantity", "raw"] as const) {
      const address = addresses.get(`cell:${rule.code}:${field}`);
      if (!address) continue;
      const { formula, anchor } = validationFormula(address);
      const values = field === "raw" ? RAWS : field === "quantity" ? QUANTITIES : AMOUNTS;
      for (const value of values) {
        // each-rules: quantity blank while checking the amount, amount 0 while checking the quantity (engine reads them together)
        const entry: RuleEntry = field === "quantity" && rule.kind !== "count" ? { quantity: value, deduction: 0 } : { [field]: value, reason: "理由" };
        // how occurrences and amount agree is the highlight's business (below); a missing reason is the reason cell's
        const each = rule.kind === "fixed-each" || rule.kind === "range-each";
        const inconsistent: IssueKind[] = each ? ["fixed-mismatch", "each-outside", "quantity-missing", "reason-missing"] : ["reason-missing"];
        const flagged = engineFlags(rule, entry, field, ALL_KINDS.filter((kind) => !inconsistent.includes(kind)));
        const row = rowOf(address);
        probes.push({ label: `${rule.code} ${field}=${String(value)} valid`, row, inputs: { [column(address)]: value }, formula, anchor, expected: !flagged });
        // the red highlight says the opposite of the validation on a filled cell
        const alarm = formatFormula([address], /NOT\(/);
        const filled = value !== null && value !== "";
        probes.push({ label: `${rule.code} ${field}=${String(value)} alarm`, row, inputs: { [column(address)]: value }, ...alarm, expected: filled && flagged });
      }
    }
  }
  return probes;
}

/** Highlights: count/deduction mismatch on each-rules, missing reason on entered amounts (and never on computed ones). */
function buildHighlightProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const rule of rules) {
    const quantity = addresses.get(`cell:${rule.code}:quantity`);
    const deduction = addresses.get(`cell:${rule.code}:deduction`);
    const reason = addresses.get(`cell:${rule.code}:reason`);
    if (!reason) throw new Error(`${rule.code} has no reason cell`);
    const row = rowOf(reason);
    if (quantity && deduction) {
      const mismatch = formatFormula([quantity, deduction], /ROUND\(N\(/);
      for (const q of [null, 0, 1, 2, 3, 5]) {
        for (const d of [null, 0, 0.5, 1, 1.5, 2, 3, 3.5, 4, 5]) {
          const flagged = engineFlags(rule, { quantity: q, deduction: d, reason: "理由" }, null, ["fixed-mismatch", "each-outside", "quantity-missing"]);
          probes.push({ label: `${rule.code} q=${q} d=${d} mismatch`, row, inputs: { E: q, F: d }, ...mismatch, expected: flagged });
        }
      }
    }
    // the amount column holds the entered amount, or the computed deduction of a count/convert rule
    const field = rule.kind === "award" ? "award" : rule.kind === "count" ? "quantity" : rule.kind === "convert" ? "raw" : "deduction";
    const missing = formatFormula([reason], /LEN\(TRIM\(/);
    for (const value of [null, 0, 1, "abc"]) {
      for (const why of [null, "  ", "会议记录不全"]) {
        const entry: RuleEntry = field === "quantity" || field === "raw" ? { [field]: 1, reason: why } : { [field]: value, reason: why };
        const flagged = engineFlags(rule, entry, "reason", ["reason-missing"]);
        probes.push({ label: `${rule.code} amount=${value} reason=${why} missing`, row, inputs: { F: value, G: why }, ...missing, expected: flagged });
      }
    }
  }
  return probes;
}

function probePlan(probes: Probe[]): WorkbookPlan {
  const cells: (PlanCell | null)[][] = probes.map((probe, index) => {
    const cellsOfRow: (PlanCell | null)[] = new Array<PlanCell | null>(LAST_PARAM_COLUMN + 1).fill(null);
    // the rule's own parameters, as on its template row
    for (const param of PARAM_COLUMNS) cellsOfRow[param] = template.cells[probe.row][param] ?? null;
    for (const [letter, value] of Object.entries(probe.inputs)) cellsOfRow[parseA1(`${letter}1`)?.column ?? -1] = { value };
    // the result in column A, which no check reads
    cellsOfRow[0] = { formula: shiftRows(probe.formula, index - probe.anchor) };
    return cellsOfRow;
  });
  const sheet = { ...template, name: "probes", cells, validations: [], conditionalFormats: [], unlocked: [], merges: [], rowHeights: {}, protect: false, print: undefined, freeze: undefined };
  return { sheets: [sheet], activate: "probes" };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-validation-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("LibreOffice evaluates the template's validation and highlight formulas as the engine judges the inputs", async () => {
  const probes = [...buildProbes(), ...buildHighlightProbes()];
  const path = join(dir, "probes.xlsx");
  await writePlanToFile(probePlan(probes), path);
  const [output] = await recalcManyWithLibreOffice([path], join(dir, "out"));
  const [grid] = (await readWorkbookFile(output)).sheets;
  const disagreements = probes
    .map((probe, index) => ({ probe: probe.label, sheet: grid.values[index]?.[0], engine: probe.expected }))
    .filter((row) => row.sheet !== row.engine);
  expect(disagreements.map((row) => `${row.probe}: sheet ${String(row.sheet)}, engine ${row.engine}`)).toEqual([]);
  // the probes really cover both outcomes
  expect(probes.some((probe) => probe.expected)).toBe(true);
  expect(probes.some((probe) => !probe.expected)).toBe(true);
});
