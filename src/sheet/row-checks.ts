/**
 * The per-row checks of the scoring sheet, in the hidden 规则参数 columns: each rule row (and veto row) computes, with
 * the same rules as the engine, its 数量 and 扣分/加分 as read (the number, "" or "#"; the indicator sums the latter),
 * whether anything was entered, and one 0/1 flag per error the engine would report on its 数量, 扣分/加分 and 扣分理由. The highlights show these
 * flags and the sheet's 等次/达标 cells count them, so the sheet and `score` count the same errors.
 *
 * The one rule for every cell (engine: src/scoring/values.ts): blank or whitespace is blank; a number counts; anything
 * else (text, even "1.5分", a boolean, an error value such as #N/A) is an error and counts 0. LibreOffice stores a
 * boolean as a number with a boolean format (ISNUMBER is TRUE there), hence ISLOGICAL first; an error value would
 * poison every formula reading it, hence ISERROR first. A percentage quantity is what the cell shows: 0.96 in a
 * percent-formatted cell (CELL("format") "P…", as Excel stores a typed 96%) is 96, like a plain 96.
 */
import { a1 } from "./addresses";
import type { RuleSlot } from "./plan-layout";
import { COLUMN, amountIsComputed, takesOccurrences } from "./plan-layout";
import { NOT_A_NUMBER, PARAM } from "./plan-params";
import type { PlanCell } from "./types";
import { trimmed } from "./formulas";

/** Anything but blank or whitespace: an error value counts as filled in, as the engine sees its text. */
function filledExpression(cell: string): string {
  return `IFERROR(${trimmed(cell)}<>"",TRUE)`;
}

/**
 * A cell read the engine's way, in one hidden cell the checks then refer to: the number, "" when blank, "#" for anything
 * else. `number` turns the cell's number into the value counted (a percentage as shown).
 */
function readFormula(cell: string, number: string = cell): string {
  const other = `IF(IFERROR(${trimmed(cell)},"${NOT_A_NUMBER}")="","","${NOT_A_NUMBER}")`;
  return `=IF(AND(ISNUMBER(${cell}),NOT(ISLOGICAL(${cell}))),${number},${other})`;
}

/** The row's own cells; plain relative references keep thousands of these formulas short (one request to Excel). */
const cellsOf = (row: number) => ({
  quantity: a1(row, COLUMN.quantity),
  amount: a1(row, COLUMN.amount),
  reason: a1(row, COLUMN.reason),
  evidence: a1(row, COLUMN.evidence),
  value: a1(row, PARAM.value),
  amountValue: a1(row, PARAM.amountValue),
});

const paramsOf = (row: number, columns: number[]) => columns.map((column) => a1(row, column));

/**
 * The 数量 as the engine reads it: a percentage quantity as the cell shows it; the occurrences of an each-rule only
 * when they are a whole number ≥ 0 ("#" otherwise, as the engine then ignores them).
 */
function quantityValueFormula(slot: RuleSlot): string {
  const { rule, row } = slot;
  const { quantity: q } = cellsOf(row);
  // a whole number ≥ 0 equals its own ABS(INT(…))
  if (takesOccurrences(slot)) return readFormula(q, `IF(${q}=ABS(INT(${q})),${q},"${NOT_A_NUMBER}")`);
  const percent = rule.kind === "count" && rule.unit === "%";
  return readFormula(q, percent ? `IF(LEFT(CELL("format",${q}),1)="P",ROUND(${q}*100,10),${q})` : q);
}

/**
 * The 扣分/加分 as the engine reads it; the indicator's score sums these cells. A computed deduction (count, convert)
 * is already a number or "".
 */
function amountValueFormula(slot: RuleSlot): string {
  const { amount } = cellsOf(slot.row);
  return amountIsComputed(slot) ? `=${amount}` : readFormula(amount);
}

/**
 * 1 when the row's 扣分理由 or 佐证材料 holds something (trimmed together). Its 数量 and 扣分/加分 are counted from the
 * 数量值 and 扣分值 columns (sheetCounts), which are "" only when blank.
 */
function ruleFilledFormula(row: number): string {
  const { reason, evidence } = cellsOf(row);
  return `=IF(${filledExpression(`${reason}&${evidence}`)},1,0)`;
}

function vetoFilledFormula(row: number): string {
  return `=IF(${filledExpression(a1(row, COLUMN.amount))},1,0)`;
}

/** A veto answer other than 是 / 否 (blank = 否). */
function vetoErrorFormula(row: number): string {
  const flag = a1(row, COLUMN.amount);
  return `=IF(${filledExpression(flag)},IF(ISERROR(${flag}),1,IF(OR(${trimmed(flag)}="是",${trimmed(flag)}="否"),0,1)),0)`;
}

/**
 * The 数量 of an each-rule (occurrences): not a whole number ≥ 0 when filled; missing when blank while a non-zero
 * amount is entered. Of a count or convert rule (measured): missing, not a number, negative or above its maximum.
 */
function quantityErrorFormula(slot: RuleSlot): string {
  const { row } = slot;
  const { value, amountValue } = cellsOf(row);
  if (takesOccurrences(slot)) return `=IF(${value}="",IF(N(${amountValue})<>0,1,0),IF(ISNUMBER(${value}),0,1))`;
  const [max] = paramsOf(row, [PARAM.quantityMax]);
  return `=IF(ISNUMBER(${value}),IF(OR(${value}<0,AND(ISNUMBER(${max}),${value}>${max})),1,0),1)`;
}

/**
 * An entered amount: not a number; or negative, above the cap, off the step, or outside the rule's shape (0 or
 * low…high; for each-rules min(cap, q×low)…min(cap, q×high) once the occurrences are a valid count). A blank amount
 * is 0, which an each-rule with occurrences > 0 does not allow.
 */
function amountErrorFormula(slot: RuleSlot): string {
  const { row } = slot;
  const { amountValue: x, value } = cellsOf(row);
  const [low, high, cap, step] = paramsOf(row, [PARAM.low, PARAM.high, PARAM.cap, PARAM.step]);
  // ROUND(…,9): a float quotient such as 0.3/0.1 = 2.9999999999999996 is still a whole number of steps
  const offStep = `MOD(ROUND(${x}/${step},9),1)<>0`;
  const broken = (shape: string) => `IF(ISNUMBER(${x}),IF(OR(${x}<0,${x}>${cap},${offStep},${shape}),1,0),1)`;
  if (!takesOccurrences(slot)) return `=IF(${x}="",0,${broken(`AND(${x}<>0,OR(${x}<${low},${x}>${high}))`)})`;
  // the 数量值 of an each-rule is a number only when the occurrences are valid: only then is the shape checked
  const valid = `ISNUMBER(${value})`;
  const outside = `OR(ROUND(${x}-MIN(${cap},${value}*${low}),4)<0,ROUND(${x}-MIN(${cap},${value}*${high}),4)>0)`;
  // a blank amount is 0: wrong when the occurrences call for more than 0
  const blank = `IF(${valid},IF(ROUND(MIN(${cap},${value}*${low}),4)>0,1,0),0)`;
  return `=IF(${x}="",${blank},${broken(`IF(${valid},${outside},FALSE)`)})`;
}

/** A non-zero entered amount without a reason. */
function reasonErrorFormula(row: number): string {
  const { amountValue: x, reason } = cellsOf(row);
  return `=IF(N(${x})=0,0,IF(${filledExpression(reason)},0,1))`;
}

/** Writes a rule row's checks into its row of cells, beside its parameters. */
export function placeRuleChecks(cells: (PlanCell | null)[], slot: RuleSlot): void {
  const { row, inputs } = slot;
  const formulas: Partial<Record<keyof typeof PARAM, string>> = { amountValue: amountValueFormula(slot), filled: ruleFilledFormula(row) };
  if (inputs.quantity || inputs.raw) {
    formulas.value = quantityValueFormula(slot);
    formulas.quantityError = quantityErrorFormula(slot);
  }
  if (inputs.deduction || inputs.award) {
    formulas.amountError = amountErrorFormula(slot);
    formulas.reasonError = reasonErrorFormula(row);
  }
  for (const [name, formula] of Object.entries(formulas) as [keyof typeof PARAM, string][]) cells[PARAM[name]] = { formula };
}

/** A veto row: whether its flag is filled in, and whether it is an answer other than 是 / 否. */
export function placeVetoChecks(cells: (PlanCell | null)[], row: number): void {
  cells[PARAM.filled] = { formula: vetoFilledFormula(row) };
  cells[PARAM.amountError] = { formula: vetoErrorFormula(row) };
}
