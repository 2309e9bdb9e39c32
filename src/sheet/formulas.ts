/**
 * The scoring sheet's formulas, mirroring src/scoring/engine.ts exactly (see the engine's semantics):
 * anything but a number in an input counts 0 (the per-row checks in row-checks.ts read each cell once), a count
 * quantity or convert raw score that is not a usable number contributes 0, every score is ROUND(…,2) so band
 * thresholds compare exact totals. While the sheet is blank or has errors, 等次 and 达标 say so instead of a verdict.
 * Only functions that Excel, WPS, LibreOffice and Gnumeric all have: SUM, ROUND, ROUNDUP, MIN, MAX, MOD, INT, IF, AND,
 * OR, NOT, ISNUMBER, ISLOGICAL, ISERROR, IFERROR, TRIM, SUBSTITUTE, LEN, LEFT, CELL("format"). English names, comma separators, leading "=".
 */
import { countPer } from "../rubric/limits";
import type { Band, CountRule, ConvertRule, Indicator, PassLine } from "../rubric/types";
import { BLANK_VERDICT, DRAFT_MARK, STATUS_LABELS } from "../scoring/status";

/**
 * A computed deduction shows blank ("") until its input holds something, so an unfilled form does not read 扣0分.
 * SUM ignores "", so every score is the same as with 0. `value` is the row's 数量值 cell (row-checks.ts): the input as
 * the engine reads it, "" while blank (whitespace included), "#" when not a number (which deducts nothing).
 */
function blankUntilFilled(value: string, deduction: string): string {
  return `=IF(${value}="","",IF(ISNUMBER(${value}),${deduction},0))`;
}

/** A number as a formula literal (no exponent notation for the values rubrics use). */
export function num(value: number): string {
  return String(value);
}

/**
 * A cell's text trimmed the way the engine trims it (trimLikeSheet in src/scoring/values.ts): TRIM removes only the
 * ASCII space in Excel and LibreOffice, so the full-width space a Chinese input method types is turned into one first.
 */
export function trimmed(cell: string): string {
  return `TRIM(SUBSTITUTE(${cell},"\u3000"," "))`;
}

/** A text literal with quotes doubled. */
export function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** A count rule's computed deduction from its 数量值 cell: blank while blank, else 0 unless a number ≥ 0. */
export function countDeductionFormula(rule: CountRule, cap: number, quantity: string): string {
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
  return blankUntilFilled(quantity, `IF(${quantity}>=0,${deduction},0)`);
}

/**
 * A convert rule's deduction from its raw score cell: blank while blank, else 0 unless a number within 0…rawMax.
 * raw × points ÷ rawMax (the engine's order) keeps the product exact before the one division.
 */
export function convertDeductionFormula(rule: ConvertRule, raw: string): string {
  const usable = `AND(${raw}>=0,${raw}<=${num(rule.rawMax)})`;
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

/** TRUE when any veto flag reads 是 (trimmed, as the engine trims; an error value is no 是). */
export function vetoedExpression(flags: string[]): string | null {
  if (flags.length === 0) return null;
  return `OR(${flags.map((flag) => `IFERROR(${trimmed(flag)}="是",FALSE)`).join(",")})`;
}

/** Where the verdict cells find the sheet's state: its 状态 input, the count of filled rows and of errors. */
export interface VerdictCells {
  status: string;
  filled: string;
  errors: string;
}

/**
 * A verdict (band or pass) as the sheet may show it: 未填写 while nothing is filled in, 有 N 处填写错误 while errors
 * remain, marked （草稿） until 状态 reads 已定稿 (engine: verdictText in src/scoring/status.ts).
 */
function gatedVerdict(verdict: string, cells: VerdictCells): string {
  const final = `IFERROR(${trimmed(cells.status)}=${text(STATUS_LABELS.final)},FALSE)`;
  return (
    `=IF(${cells.filled}=0,${text(BLANK_VERDICT)},IF(${cells.errors}>0,"有 "&${cells.errors}&" 处填写错误",` +
    `IF(${final},${verdict},${verdict}&${text(DRAFT_MARK)})))`
  );
}

/** The band: the first band (by descending min) whose min ≤ the total; 不得参评 when vetoed. */
export function bandFormula(bands: Band[], total: string, vetoed: string | null, vetoedBand: string, cells: VerdictCells): string {
  const ordered = [...bands].sort((a, b) => b.min - a.min);
  let expression = text("");
  for (const band of [...ordered].reverse()) {
    expression = `IF(${total}>=${num(band.min)},${text(band.name)},${expression})`;
  }
  return gatedVerdict(vetoed === null ? expression : `IF(${vetoed},${text(vetoedBand)},${expression})`, cells);
}

export const PASS_TEXT = "达标";
export const FAIL_TEXT = "未达标";

/** `score`: the total's cell, or the rounded sum of the section cells the pass line names. */
export function passFormula(passLine: PassLine, score: string, vetoed: string | null, cells: VerdictCells): string {
  const reached = `${score}>=${num(passLine.minTotal)}`;
  const condition = passLine.noVeto && vetoed !== null ? `AND(${reached},NOT(${vetoed}))` : reached;
  return gatedVerdict(`IF(${condition},${text(PASS_TEXT)},${text(FAIL_TEXT)})`, cells);
}
