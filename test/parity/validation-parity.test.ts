/**
 * The template's data-validation formulas and per-row error flags (which the highlights show and the 等次 cell counts),
 * evaluated by LibreOffice, must say "wrong" exactly when the engine reports an issue for the same input: the formulas
 * are taken from the planned template itself and copied, as Excel copies a formula down, onto probe rows that carry the
 * rule's hidden parameters and checks and the test values; written with our xlsx writer and recalculated in one soffice
 * start.
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
import { columnLetter } from "../../src/sheet/addresses";
import { LAST_PARAM_COLUMN, PARAM, PARAM_COLUMNS } from "../../src/sheet/plan-params";
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

/** The hidden column whose flag lights up the field's cell and counts in the sheet's error count. */
const FLAG_COLUMN: Record<string, number> = {
  quantity: PARAM.quantityError,
  raw: PARAM.quantityError,
  deduction: PARAM.amountError,
  award: PARAM.amountError,
  reason: PARAM.reasonError,
};

/** The engine reports an error on this field of the rule. */
function engineErrors(rule: Rule, entry: RuleEntry, field: EntryField): boolean {
  const issues = scoreEntries(scheme, { rules: { [rule.code]: entry }, vetoes: {} }).issues;
  return issues.some((issue) => issue.code === rule.code && issue.field === field && issue.severity === "error");
}

/** A probe of the row's own error flag (row-checks.ts) for the field: 1 exactly when the engine reports an error there. */
function flagProbe(label: string, rule: Rule, row: number, inputs: Record<string, CellValue>, field: EntryField, entry: RuleEntry): Probe {
  const formula = `=${columnLetter(FLAG_COLUMN[field])}${row + 1}=1`;
  return { label: `${label} flag`, row, inputs, formula, anchor: row, expected: engineErrors(rule, entry, field) };
}

/** Values no validation lets through when typed, but a paste or a script can leave: checked by the flags only. */
const PASTED: CellValue[] = [true, false, "1.5分", "２．５", " 1 ", "   ", "#N/A"];

function buildProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const rule of rules) {
    for (const field of ["deduction", "award", "quantity", "raw"] as const) {
      const address = addresses.get(`cell:${rule.code}:${field}`);
      if (!address) continue;
      const { formula, anchor } = validationFormula(address);
      const values = field === "raw" ? RAWS : field === "quantity" ? QUANTITIES : AMOUNTS;
      const row = rowOf(address);
      for (const value of [...values, ...PASTED]) {
        // each-rules: quantity blank while checking the amount, amount 0 while checking the quantity (engine reads them together)
        const entry: RuleEntry = field === "quantity" && rule.kind !== "count" ? { quantity: value, deduction: 0 } : { [field]: value, reason: "理由" };
        const inputs: Record<string, CellValue> = field === "quantity" && rule.kind !== "count" ? { [column(address)]: value, F: 0 } : { [column(address)]: value, G: "理由" };
        probes.push(flagProbe(`${rule.code} ${field}=${String(value)}`, rule, row, inputs, field, entry));
        if (PASTED.includes(value)) continue;
        // how occurrences and amount agree is the flags' business (below); a missing reason is the reason cell's
        const each = rule.kind === "fixed-each" || rule.kind === "range-each";
        const inconsistent: IssueKind[] = each ? ["fixed-mismatch", "each-outside", "quantity-missing", "reason-missing"] : ["reason-missing"];
        const flagged = engineFlags(rule, entry, field, ALL_KINDS.filter((kind) => !inconsistent.includes(kind)));
        probes.push({ label: `${rule.code} ${field}=${String(value)} valid`, row, inputs: { [column(address)]: value }, formula, anchor, expected: !flagged });
      }
    }
  }
  return probes;
}

/** Occurrences against the amount on each-rules, a missing reason on entered amounts (and never on computed ones). */
function buildHighlightProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const rule of rules) {
    const quantity = addresses.get(`cell:${rule.code}:quantity`);
    const deduction = addresses.get(`cell:${rule.code}:deduction`);
    const reason = addresses.get(`cell:${rule.code}:reason`);
    if (!reason) throw new Error(`${rule.code} has no reason cell`);
    const row = rowOf(reason);
    if (quantity && deduction) {
      for (const q of [null, 0, 1, 2, 3, 5, "2", -1, 1.5]) {
        for (const d of [null, 0, 0.5, 1, 1.5, 2, 3, 3.5, 4, 5]) {
          const entry = { quantity: q, deduction: d, reason: "理由" };
          const inputs = { E: q, F: d, G: "理由" };
          probes.push(flagProbe(`${rule.code} q=${q} d=${d} quantity`, rule, row, inputs, "quantity", entry));
          probes.push(flagProbe(`${rule.code} q=${q} d=${d} amount`, rule, row, inputs, "deduction", entry));
        }
      }
    }
    // the amount column holds the entered amount, or the computed deduction of a count/convert rule
    const field = rule.kind === "award" ? "award" : rule.kind === "count" ? "quantity" : rule.kind === "convert" ? "raw" : "deduction";
    for (const value of [null, 0, 1, "abc", true]) {
      for (const why of [null, "  ", "会议记录不全", "#N/A"]) {
        const entry: RuleEntry = field === "quantity" || field === "raw" ? { [field]: 1, reason: why } : { [field]: value, reason: why };
        const inputs: Record<string, CellValue> = field === "quantity" || field === "raw" ? { E: 1, G: why } : { F: value, G: why };
        probes.push(flagProbe(`${rule.code} amount=${value} reason=${why}`, rule, row, inputs, "reason", entry));
      }
    }
  }
  return probes;
}

function probePlan(probes: Probe[]): WorkbookPlan {
  const cells: (PlanCell | null)[][] = probes.map((probe, index) => {
    const cellsOfRow: (PlanCell | null)[] = new Array<PlanCell | null>(LAST_PARAM_COLUMN + 1).fill(null);
    // the rule's own parameters, as on its template row
    // the rule's own parameters and checks, as on its template row (the checks' formulas moved to the probe's row)
    for (const param of PARAM_COLUMNS) {
      const cell = template.cells[probe.row][param] ?? null;
      cellsOfRow[param] = cell?.formula ? { formula: shiftRows(cell.formula, index - probe.row) } : cell;
    }
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
