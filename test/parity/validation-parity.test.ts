/**
 * The template's data-validation and highlight formulas, evaluated by LibreOffice, must say "wrong" exactly when the
 * engine reports an issue for the same input: the formulas are taken from the planned template itself, pointed at
 * test values, written with our xlsx writer and recalculated in one soffice start.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import type { Rule } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { CellValue, EntryField, IssueKind, RuleEntry } from "../../src/scoring/types";
import { planTemplate } from "../../src/sheet/planner";
import type { PlanCell, WorkbookPlan } from "../../src/sheet/types";
import { everyKindScheme } from "../sheet/planner-fixture";
import { metaRowsOf, sheetNamed } from "../sheet/planner-helpers";
import { recalcManyWithLibreOffice } from "../support/spreadsheet-programs";

interface Probe {
  label: string;
  /** values placed in columns A and B of the probe row */
  inputs: [CellValue, CellValue];
  /** the template formula, rewritten to read A (and B) of the probe row */
  formula: string;
  /** what the engine says: true when the probe's formula should be TRUE */
  expected: boolean;
}

const scheme = everyKindScheme;
const plan = planTemplate(scheme);
const template = sheetNamed(plan, plan.activate);
const addresses = new Map(metaRowsOf(plan).map(([key, value]) => [key, String(value)]));
const rules = scheme.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules));

/** Replaces whole-address references ($F$12 or F12) of `from` with `to`. */
function pointAt(formula: string, from: string, to: string): string {
  const [, column, row] = /^([A-Z]+)([0-9]+)$/.exec(from) ?? [];
  return formula.replace(new RegExp(`\\$?${column}\\$?${row}(?![0-9])`, "g"), to);
}

function validationFormula(address: string): string {
  const rule = template.validations.find((v) => v.range === address)?.rule;
  if (rule?.type !== "custom") throw new Error(`no custom validation on ${address}`);
  return rule.formula;
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
      const formula = validationFormula(address);
      const values = field === "raw" ? RAWS : field === "quantity" ? QUANTITIES : AMOUNTS;
      for (const value of values) {
        // each-rules: quantity blank while checking the amount, amount 0 while checking the quantity (engine reads them together)
        const entry: RuleEntry = field === "quantity" && rule.kind !== "count" ? { quantity: value, deduction: 0 } : { [field]: value, reason: "理由" };
        // how occurrences and amount agree is the highlight's business (below); a missing reason is the reason cell's
        const each = rule.kind === "fixed-each" || rule.kind === "range-each";
        const inconsistent: IssueKind[] = each ? ["fixed-mismatch", "each-outside", "quantity-missing", "reason-missing"] : ["reason-missing"];
        const flagged = engineFlags(rule, entry, field, ALL_KINDS.filter((kind) => !inconsistent.includes(kind)));
        probes.push({ label: `${rule.code} ${field}=${String(value)} valid`, inputs: [value, null], formula: pointAt(formula, address, "A#"), expected: !flagged });
      }
    }
  }
  return probes;
}


function formatFormula(range: string): string[] {
  return template.conditionalFormats.filter((format) => format.range === range).map((format) => format.formula);
}

/** Highlights: count/deduction mismatch on each-rules, missing reason on entered amounts. */
function buildHighlightProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const rule of rules) {
    const quantity = addresses.get(`cell:${rule.code}:quantity`);
    const deduction = addresses.get(`cell:${rule.code}:deduction`);
    const amount = deduction ?? addresses.get(`cell:${rule.code}:award`);
    const reason = addresses.get(`cell:${rule.code}:reason`);
    if (quantity && deduction && (rule.kind === "fixed-each" || rule.kind === "range-each")) {
      const [formula] = formatFormula(`${quantity}:${deduction}`);
      for (const q of [null, 0, 1, 2, 3, 5]) {
        for (const d of [null, 0, 0.5, 1, 1.5, 2, 3, 3.5, 4, 5]) {
          const flagged = engineFlags(rule, { quantity: q, deduction: d, reason: "理由" }, null, ["fixed-mismatch", "each-outside", "quantity-missing"]);
          probes.push({ label: `${rule.code} q=${q} d=${d} mismatch`, inputs: [q, d], formula: pointAt(pointAt(formula, quantity, "A#"), deduction, "B#"), expected: flagged });
        }
      }
    }
    if (amount && reason && rule.kind !== "count" && rule.kind !== "convert") {
      const [formula] = formatFormula(reason);
      const field = deduction ? "deduction" : "award";
      for (const value of [null, 0, 1, "abc"]) {
        for (const why of [null, "  ", "会议记录不全"]) {
          const flagged = engineFlags(rule, { [field]: value, reason: why }, "reason", ["reason-missing"]);
          probes.push({ label: `${rule.code} ${field}=${value} reason=${why} missing`, inputs: [value, why], formula: pointAt(pointAt(formula, amount, "A#"), reason, "B#"), expected: flagged });
        }
      }
    }
  }
  return probes;
}

function probePlan(probes: Probe[]): WorkbookPlan {
  const cells: (PlanCell | null)[][] = probes.map((probe, index) => {
    const row = index + 1;
    return [{ value: probe.inputs[0] }, { value: probe.inputs[1] }, { formula: probe.formula.replace(/#/g, String(row)) }];
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
    .map((probe, index) => ({ probe: probe.label, sheet: grid.values[index]?.[2], engine: probe.expected }))
    .filter((row) => row.sheet !== row.engine);
  expect(disagreements.map((row) => `${row.probe}: sheet ${String(row.sheet)}, engine ${row.engine}`)).toEqual([]);
  // the probes really cover both outcomes
  expect(probes.some((probe) => probe.expected)).toBe(true);
  expect(probes.some((probe) => !probe.expected)).toBe(true);
});
