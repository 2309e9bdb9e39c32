/**
 * The hidden 规则参数 columns right of the table: each rule row carries its own parameters as plain values, so every
 * validation and highlight formula is the same relative formula on every row and a whole column takes ONE rule
 * (Office.js sends each rule as request actions; one rule per cell made large rubrics need many round trips).
 * Nothing here is read back: the reader and the engine work from `_meta` and the rubric.
 */
import { ruleCap, ruleStep } from "../rubric/limits";
import { kindOf } from "../scoring/kinds";
import { columnLetter } from "./addresses";
import type { IndicatorSlot, RuleSlot, SheetLayout } from "./plan-layout";
import { LAST_COLUMN } from "./plan-layout";
import type { PlanCell } from "./types";

/** Column indexes of the parameters, right after 得分. */
export const PARAM = {
  kind: LAST_COLUMN + 1,
  /** an entry's allowed non-zero amount low…high (fixed: amount…amount); per occurrence for each-rules */
  low: LAST_COLUMN + 2,
  high: LAST_COLUMN + 3,
  /** set only on rows whose amount is entered: its presence is what marks them */
  cap: LAST_COLUMN + 4,
  step: LAST_COLUMN + 5,
  /** QUANTITY_OCCURRENCES or QUANTITY_MEASURE on rows with a 数量 input */
  quantity: LAST_COLUMN + 6,
  /** upper bound of the 数量 input (count in %: 100; convert: the raw maximum); blank = none */
  quantityMax: LAST_COLUMN + 7,
  /** on indicator rows checked for 扣分超过分值: the sum of the amounts the score deducts */
  deducted: LAST_COLUMN + 8,
  /** formulas from here on (row-checks.ts): the 数量 as the engine reads it (a number, "" when blank, "#" otherwise) */
  value: LAST_COLUMN + 9,
  /** the 扣分/加分 read the same way; the indicator's score sums these cells (SUM ignores "" and "#") */
  amountValue: LAST_COLUMN + 10,
  /** 1 when the row's 扣分理由/佐证材料 (or its veto flag) hold something; its 数量 and 扣分 are counted from their values */
  filled: LAST_COLUMN + 11,
  /** 1 per error the engine reports on the row's 数量, 扣分/加分 (or veto flag), 扣分理由 */
  quantityError: LAST_COLUMN + 12,
  amountError: LAST_COLUMN + 13,
  reasonError: LAST_COLUMN + 14,
} as const;

/** Marks a filled cell that is not a number in the 数量值 and 扣分值 columns (SUM ignores it, as it ignores ""). */
export const NOT_A_NUMBER = "#";

const FIRST_PARAM_COLUMN = PARAM.kind;
export const LAST_PARAM_COLUMN = PARAM.reasonError;
export const PARAM_COLUMNS = Array.from({ length: LAST_PARAM_COLUMN - FIRST_PARAM_COLUMN + 1 }, (_, index) => FIRST_PARAM_COLUMN + index);
export const PARAM_WIDTH = 8;
const PARAM_TITLE = "规则参数（勿改）";
const PARAM_HEADERS = ["类型", "每项下限", "每项上限", "封顶", "步长", "数量类型", "数量上限", "扣分合计", "数量值", "扣分值", "已填", "数量错误", "扣分错误", "理由错误"];

/** Each-rules: 数量 counts occurrences (a whole number) and the deduction is per occurrence. */
export const QUANTITY_OCCURRENCES = 1;
/** Count and convert rules: 数量 is a measured number (a count, a percentage, a raw score). */
const QUANTITY_MEASURE = 2;

/** "$M12": a parameter of the given (0-based) row, column fixed so one formula can be copied across columns. */
export function paramRef(column: number, row: number): string {
  return `$${columnLetter(column)}${row + 1}`;
}

type ParamValues = Partial<Record<keyof typeof PARAM, number | string>>;

const QUANTITY_CODES = { occurrences: QUANTITY_OCCURRENCES, measure: QUANTITY_MEASURE } as const;

/** The rule's kind decides its parameters (scoring/kinds); here they become column values. */
function ruleParamValues(slot: RuleSlot): ParamValues {
  const { rule, indicator } = slot;
  const { quantity, ...params } = kindOf(rule).sheetParams(rule, { cap: ruleCap(rule, indicator), step: ruleStep(rule) });
  return { kind: rule.kind, ...params, ...(quantity ? { quantity: QUANTITY_CODES[quantity] } : {}) };
}

function place(cells: (PlanCell | null)[], values: ParamValues): void {
  for (const [name, value] of Object.entries(values) as [keyof typeof PARAM, number | string][]) cells[PARAM[name]] = { value };
}

/** Writes a rule row's parameters into its row of cells (no style: the columns are hidden). */
export function placeRuleParams(cells: (PlanCell | null)[], slot: RuleSlot): void {
  place(cells, ruleParamValues(slot));
}

/** The address of a rule row's amount as read, which its indicator's score sums. */
export function amountValueCell(row: number): string {
  return `${columnLetter(PARAM.amountValue)}${row + 1}`;
}

/** "$M$7:$M$80": a parameter column from the first to the last row, absolute. */
export function paramColumnRange(column: number, first: number, last: number): string {
  const letter = columnLetter(column);
  return `$${letter}$${first + 1}:$${letter}$${last + 1}`;
}

/** An indicator row: the sum its over-points highlight compares with the points (only when the score deducts). */
export function placeIndicatorParams(cells: (PlanCell | null)[], slot: IndicatorSlot, amounts: string): void {
  if (!slot.isAward && amounts !== "") cells[PARAM.deducted] = { formula: `=SUM(${amounts})` };
}

/** The title above the parameter columns and their headers. */
export function placeParamHeaders(titleRow: (PlanCell | null)[], headerRow: (PlanCell | null)[]): void {
  titleRow[FIRST_PARAM_COLUMN] = { value: PARAM_TITLE };
  PARAM_HEADERS.forEach((header, index) => (headerRow[FIRST_PARAM_COLUMN + index] = { value: header }));
}

/**
 * The sheet's own counts, in the hidden columns of rows no check sums: the errors (total row) and the rows with
 * anything filled in (band row), from the first rule row to the last veto row.
 */
export function sheetCounts(layout: SheetLayout): { errors: string; filled: string; errorsFormula: string; filledFormula: string } | null {
  const rows = [...layout.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules.map((r) => r.row))), ...layout.vetoes.map((v) => v.row)];
  if (rows.length === 0) return null;
  const [first, last] = [Math.min(...rows), Math.max(...rows)];
  const flags = [PARAM.quantityError, PARAM.amountError, PARAM.reasonError].map((column) => paramColumnRange(column, first, last));
  const filled = paramColumnRange(PARAM.filled, first, last);
  const values = `${paramColumnRange(PARAM.value, first, last).split(":")[0]}:${paramColumnRange(PARAM.amountValue, first, last).split(":")[1]}`;
  return {
    errors: `${columnLetter(PARAM.kind)}${layout.totalRow + 1}`,
    filled: `${columnLetter(PARAM.kind)}${layout.bandRow + 1}`,
    errorsFormula: `=SUM(${flags.join(",")})`,
    // the read values are a number, "#" (not a number) or "" (blank): the first two are filled in
    filledFormula: `=SUM(${filled})+COUNT(${values})+COUNTIF(${values},"${NOT_A_NUMBER}")`,
  };
}
