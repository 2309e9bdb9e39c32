/**
 * The scoring sheet's formulas, mirroring src/scoring/engine.ts exactly (see the engine's semantics):
 * text or booleans in an amount cell count 0 (SUM ignores them), a count quantity or convert raw score that is not a
 * usable number contributes 0, every score is ROUND(…,2) so band thresholds compare exact totals.
 * Only functions that Excel, WPS, LibreOffice and Gnumeric all have: SUM, ROUND, ROUNDUP, MIN, MAX, IF, AND, OR, NOT,
 * ISNUMBER, TRIM. English names, comma separators, leading "=".
 */
import { countPer } from "../rubric/limits";
import type { Band, CountRule, ConvertRule, Indicator, PassLine } from "../rubric/types";

/**
 * A computed deduction shows blank ("") until its input holds something, so an unfilled form does not read 扣0分.
 * SUM ignores "", so every score is the same as with 0; TRIM: whitespace counts as blank, as in the engine.
 */
function blankUntilFilled(input: string, deduction: string): string {
  return `=IF(TRIM(${input})="","",${deduction})`;
}

/** A number as a formula literal (no exponent notation for the values rubrics use). */
export function num(value: number): string {
  return String(value);
}

/** A text literal with quotes doubled. */
export function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** A count rule's computed deduction from its quantity cell: blank while blank, else 0 unless a number ≥ 0. */
export function countDeductionFormula(rule: CountRule, cap: number, quantity: string): string {
  const usable = `AND(ISNUMBER(${quantity}),${quantity}>=0)`;
  let deduction: string;
  if (rule.mode === "all-or-nothing") {
    deduction = `IF(${quantity}<${num(rule.required)},${num(Math.min(cap, rule.amount))},0)`;
  } else {
    const per = countPer(rule);
    const shortfall = `MAX(0,${num(rule.required)}-${quantity})`;
    // ROUND(…,9) first: a float quotient like 0.3/0.1 = 3.0000000000000004 must not round up to 4
    const steps = per === 1 ? `ROUNDUP(ROUND(${shortfall},9),0)` : `ROUNDUP(ROUND(${shortfall}/${num(per)},9),0)`;
    deduction = `MIN(${num(cap)},${steps}*${num(rule.amount)})`;
  }
  return blankUntilFilled(quantity, `IF(${usable},${deduction},0)`);
}

/**
 * A convert rule's deduction from its raw score cell: blank while blank, else 0 unless a number within 0…rawMax.
 * raw × points ÷ rawMax (the engine's order) keeps the product exact before the one division.
 */
export function convertDeductionFormula(rule: ConvertRule, raw: string): string {
  const usable = `AND(ISNUMBER(${raw}),${raw}>=0,${raw}<=${num(rule.rawMax)})`;
  return blankUntilFilled(raw, `IF(${usable},${num(rule.points)}-ROUND(${raw}*${num(rule.points)}/${num(rule.rawMax)},2),0)`);
}

/**
 * An indicator's score. `amounts`: the amount cells (entered or computed deductions) of its deduction rules, or of its
 * award rules when it has any (then only awards count, as in the engine).
 */
export function indicatorScoreFormula(indicator: Indicator, amounts: string, isAward: boolean): string {
  const points = num(indicator.points);
  if (amounts === "") return isAward ? "=0" : `=${points}`;
  if (isAward) return `=ROUND(MAX(0,MIN(${points},SUM(${amounts}))),2)`;
  return `=ROUND(MAX(0,MIN(${points},${points}-SUM(${amounts}))),2)`;
}

/** A section subtotal or the total: the rounded sum of the given score cells. */
export function roundedSumFormula(cells: string[]): string {
  return cells.length === 0 ? "=0" : `=ROUND(SUM(${cells.join(",")}),2)`;
}

/** TRUE when any veto flag reads 是 (trimmed, as the engine trims). */
export function vetoedExpression(flags: string[]): string | null {
  if (flags.length === 0) return null;
  return `OR(${flags.map((flag) => `TRIM(${flag})="是"`).join(",")})`;
}

/** The band: the first band (by descending min) whose min ≤ the total; 不得参评 when vetoed. */
export function bandFormula(bands: Band[], total: string, vetoed: string | null, vetoedBand: string): string {
  const ordered = [...bands].sort((a, b) => b.min - a.min);
  let expression = text("");
  for (const band of [...ordered].reverse()) {
    expression = `IF(${total}>=${num(band.min)},${text(band.name)},${expression})`;
  }
  return vetoed === null ? `=${expression}` : `=IF(${vetoed},${text(vetoedBand)},${expression})`;
}

export const PASS_TEXT = "达标";
export const FAIL_TEXT = "未达标";

export function passFormula(passLine: PassLine, total: string, vetoed: string | null): string {
  const reached = `${total}>=${num(passLine.minTotal)}`;
  const condition = passLine.noVeto && vetoed !== null ? `AND(${reached},NOT(${vetoed}))` : reached;
  return `=IF(${condition},${text(PASS_TEXT)},${text(FAIL_TEXT)})`;
}
