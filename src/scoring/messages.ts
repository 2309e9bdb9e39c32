/**
 * The engine's Chinese messages. Each quotes the rule (code and source wording) and says what is expected,
 * e.g. 1.1-3「未按规定划分党小组扣0.5-1分」：扣分 0.3 应为 0 或 0.5–1 之间.
 */
import type { CountRule, ConvertRule, FixedEachRule, Indicator, RangeEachRule, Rule, Veto } from "../rubric/types";
import { normalize } from "../numbers/decimal";
import { proposedNumber } from "./text-number";

/** Field names as the scoring sheet's column headers call them. */
export type AmountField = "扣分" | "加分";

/** A number as a user would write it: no float noise, no trailing zeros. */
export function showNumber(value: number): string {
  return String(normalize(value));
}

/** An entered amount after its field name: " 1.5", or "（空）" when the cell is blank. */
function afterField(value: number | null): string {
  return value === null ? "（空）" : ` ${showNumber(value)}`;
}

function ruleLabel(rule: Rule): string {
  return `${rule.code}「${rule.text}」`;
}

function capNote(capped: boolean, cap: number): string {
  return capped ? `，最多扣 ${showNumber(cap)} 分` : "";
}

/**
 * The one Chinese wording of what a rule allows, shared by the engine's messages and the template's hints and
 * validation errors (scoring/kinds), so the sheet and the problem list never describe a rule two ways.
 */
export const allowed = {
  /** "0 或 1" */
  zeroOr: (amount: number) => `0 或 ${showNumber(amount)}`,
  /** "0 或 1–2" */
  zeroOrBetween: (min: number, max: number) => `0 或 ${showNumber(min)}–${showNumber(max)}`,
  /** "0–5" */
  upTo: (max: number) => `0–${showNumber(max)}`,
  /** "0–5，以0.5分为单位" */
  onStep: (range: string, step: number) => `${range}，以${showNumber(step)}分为单位`,
  /**
   * The most a rule deducts in all, for a hint: only a maximum the rule itself sets ("最多扣3分"); without one the
   * indicator's points bound it, which is not the rule's maximum and so is not shown.
   */
  capOf: (rule: Rule) => (rule.cap === undefined ? "" : `，最多扣${showNumber(rule.cap)}分`),
};
/** "；请直接输入数字 1.5" when the text stands for a number, so the user knows what to type instead. */
function proposal(shown: string): string {
  const number = proposedNumber(shown);
  return number === null ? "" : `；如指 ${showNumber(number)}，请直接输入数字 ${showNumber(number)}`;
}

export const message = {
  notANumber: (rule: Rule, field: string, shown: string) => `${ruleLabel(rule)}：${field}「${shown}」不是数字，按 0 计${proposal(shown)}`,
  negative: (rule: Rule, field: string, value: number) => `${ruleLabel(rule)}：${field} ${showNumber(value)} 不能为负数`,
  offStep: (rule: Rule, field: AmountField, value: number, step: number) =>
    `${ruleLabel(rule)}：${field} ${showNumber(value)} 应为 ${showNumber(step)} 的整数倍`,
  aboveCap: (rule: Rule, field: AmountField, value: number, cap: number) =>
    `${ruleLabel(rule)}：${field} ${showNumber(value)} 超过上限 ${showNumber(cap)} 分`,
  fixedMismatch: (rule: Rule, value: number, amount: number) =>
    `${ruleLabel(rule)}：扣分 ${showNumber(value)} 应为 ${allowed.zeroOr(amount)}`,
  rangeOutside: (rule: Rule, value: number, min: number, max: number) =>
    `${ruleLabel(rule)}：扣分 ${showNumber(value)} 应为 ${allowed.zeroOrBetween(min, max)} 之间`,
  fixedEachMismatch: (rule: FixedEachRule, value: number | null, quantity: number, expected: number, capped: boolean, cap: number) =>
    `${ruleLabel(rule)}：扣分${afterField(value)} 应为 ${showNumber(expected)}` +
    `（${showNumber(quantity)} ${rule.unit} × ${showNumber(rule.amount)} 分${capNote(capped, cap)}）`,
  eachOutside: (rule: RangeEachRule, value: number | null, quantity: number, low: number, high: number, capped: boolean, cap: number) =>
    `${ruleLabel(rule)}：扣分${afterField(value)} ` +
    (low === high ? `应为 ${showNumber(low)}` : `应在 ${showNumber(low)}–${showNumber(high)} 之间`) +
    `（${showNumber(quantity)} ${rule.unit} × ${showNumber(rule.min)}–${showNumber(rule.max)} 分${capNote(capped, cap)}）`,
  eachQuantityMissing: (rule: FixedEachRule | RangeEachRule, value: number) =>
    `${ruleLabel(rule)}：已扣 ${showNumber(value)} 分，须填写次数（${rule.unit}）`,
  eachQuantityInvalid: (rule: FixedEachRule | RangeEachRule, shown: string) =>
    `${ruleLabel(rule)}：次数「${shown}」应为不小于 0 的整数（${rule.unit}）${proposal(shown)}`,
  countMissing: (rule: CountRule) =>
    `${ruleLabel(rule)}：须填写${rule.measure}（要求不少于 ${showNumber(rule.required)} ${rule.unit}），未填写时不计扣分`,
  countInvalid: (rule: CountRule, shown: string) =>
    `${ruleLabel(rule)}：${rule.measure}「${shown}」应为不小于 0 的数字，不计扣分${proposal(shown)}`,
  percentAbove: (rule: CountRule, value: number) =>
    `${ruleLabel(rule)}：${rule.measure} ${showNumber(value)}% 应在 0–100 之间`,
  rawMissing: (rule: ConvertRule) =>
    `${ruleLabel(rule)}：须填写${rule.measure}（${allowed.upTo(rule.rawMax)}），未填写时不计扣分`,
  rawNotANumber: (rule: ConvertRule, shown: string) =>
    `${ruleLabel(rule)}：${rule.measure}「${shown}」不是数字，不计扣分${proposal(shown)}`,
  rawNegative: (rule: ConvertRule, value: number) =>
    `${ruleLabel(rule)}：${rule.measure} ${showNumber(value)} 不能为负数，不计扣分`,
  rawAbove: (rule: ConvertRule, value: number) =>
    `${ruleLabel(rule)}：${rule.measure} ${showNumber(value)} 超过满分 ${showNumber(rule.rawMax)}，不计扣分`,
  reasonMissing: (rule: Rule, field: AmountField, value: number) =>
    `${ruleLabel(rule)}：${field} ${showNumber(value)} 须填写${field === "加分" ? "加分说明" : "扣分理由"}`,
  overPoints: (indicator: Indicator, deduction: number) =>
    `${indicator.code}「${indicator.title}」：扣分超过分值，按0分计（扣分合计 ${showNumber(deduction)}，分值 ${showNumber(indicator.points)}）`,
  awardsOverPoints: (indicator: Indicator, award: number) =>
    `${indicator.code}「${indicator.title}」：加分合计 ${showNumber(award)} 超过分值 ${showNumber(indicator.points)}，按 ${showNumber(indicator.points)} 分计`,
  vetoInvalid: (veto: Veto, shown: string) => `${veto.code}「${veto.text}」：应填“是”或“否”，「${shown}」无法识别，按“否”计`,
};
