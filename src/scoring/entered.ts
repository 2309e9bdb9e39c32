/**
 * What the kinds whose amount the evaluator enters (fixed, range, fixed-each, range-each, discretionary, award) share:
 * the entered number counts as is, like the sheet's SUM, and is checked against the rule's shape (each kind's module
 * in ./kinds says what its shape is). One issue at most per input cell, the most telling first: not a number,
 * negative, the rule's shape, above the cap, off the step.
 */
import type {
  AwardRule,
  DiscretionaryRule,
  FixedEachRule,
  FixedRule,
  Indicator,
  RangeEachRule,
  RangeRule,
} from "../rubric/types";
import { ruleCap, ruleStep } from "../rubric/limits";
import { compare, isMultipleOf } from "../numbers/decimal";
import { engineIssue, invalidInputKind } from "./issue";
import type { Contribution } from "./kinds/types";
import type { AmountField } from "./messages";
import { message } from "./messages";
import type { Issue, RuleEntry } from "./types";
import { isFilled, readValue } from "./values";

export type EnteredRule = FixedRule | RangeRule | FixedEachRule | RangeEachRule | DiscretionaryRule | AwardRule;
export type EachRule = FixedEachRule | RangeEachRule;

/**
 * Whether an amount fits the rule's kind (0 or N; 0 or a…b; count × N …); null when it does. `occurrences` is the
 * each-rules' count, undefined when unknown (then the shape is not checked).
 */
export type ShapeCheck<R extends EnteredRule> = (rule: R, amount: number | null, occurrences: number | undefined, cap: number) => Issue | null;

/** Any amount of the right sign, size and step fits (discretionary, award). */
export const anyShape: ShapeCheck<EnteredRule> = () => null;

/** The evaluate function of an entered kind whose row has no 数量 input. */
export function enteredAmount<R extends EnteredRule>(shape: ShapeCheck<R>) {
  return (rule: R, indicator: Indicator, entry: RuleEntry | undefined, issues: Issue[]): Contribution =>
    evaluateEntered(rule, indicator, entry, issues, shape, () => undefined);
}

/** The evaluate function of an each-rule: the 数量 input counts the occurrences the amount is checked against. */
export function enteredEachAmount<R extends EachRule>(shape: ShapeCheck<R>) {
  return (rule: R, indicator: Indicator, entry: RuleEntry | undefined, issues: Issue[]): Contribution =>
    evaluateEntered(rule, indicator, entry, issues, shape, (amount) => readOccurrences(rule, entry, amount, issues));
}

function evaluateEntered<R extends EnteredRule>(
  rule: R,
  indicator: Indicator,
  entry: RuleEntry | undefined,
  issues: Issue[],
  shape: ShapeCheck<R>,
  occurrencesOf: (amount: number | null) => number | undefined,
): Contribution {
  const field = rule.kind === "award" ? "award" : "deduction";
  const label: AmountField = rule.kind === "award" ? "加分" : "扣分";
  const read = readValue(entry?.[field]);
  const amount = read.kind === "number" ? read.value : null;
  const occurrences = occurrencesOf(read.kind === "invalid" ? null : (amount ?? 0));

  if (read.kind === "invalid") {
    issues.push(engineIssue(invalidInputKind(read.shown, "not-a-number"), rule.code, field, message.notANumber(rule, label, read.shown)));
  } else {
    const problem = amountIssue(rule, indicator, amount, occurrences, shape);
    if (problem) issues.push(problem);
  }
  if (amount !== null && compare(amount, 0) !== 0 && !isFilled(entry?.reason)) {
    issues.push(engineIssue("reason-missing", rule.code, "reason", message.reasonMissing(rule, label, amount)));
  }
  const contributed = amount ?? 0;
  return rule.kind === "award" ? { deduction: 0, award: contributed } : { deduction: contributed, award: 0 };
}

/**
 * The count of occurrences of an each-rule, or undefined when it is unknown (then the deduction's shape is not
 * checked). A blank count is 0 while nothing is deducted, and missing once something is.
 */
function readOccurrences(rule: EachRule, entry: RuleEntry | undefined, amount: number | null, issues: Issue[]): number | undefined {
  const read = readValue(entry?.quantity);
  if (read.kind === "blank") {
    if (amount === null) return undefined;
    if (compare(amount, 0) === 0) return 0;
    issues.push(engineIssue("quantity-missing", rule.code, "quantity", message.eachQuantityMissing(rule, amount)));
    return undefined;
  }
  const shown = read.kind === "invalid" ? read.shown : String(read.value);
  if (read.kind === "invalid" || read.value < 0 || !Number.isInteger(read.value)) {
    const kind = read.kind === "invalid" ? invalidInputKind(shown, "quantity-invalid") : "quantity-invalid";
    issues.push(engineIssue(kind, rule.code, "quantity", message.eachQuantityInvalid(rule, shown)));
    return undefined;
  }
  return read.value;
}

function amountIssue<R extends EnteredRule>(
  rule: R,
  indicator: Indicator,
  amount: number | null,
  occurrences: number | undefined,
  shape: ShapeCheck<R>,
): Issue | null {
  const field = rule.kind === "award" ? "award" : "deduction";
  const label: AmountField = rule.kind === "award" ? "加分" : "扣分";
  const value = amount ?? 0;
  if (compare(value, 0) < 0) return engineIssue("negative", rule.code, field, message.negative(rule, label, value));
  const cap = ruleCap(rule, indicator);
  const problem = shape(rule, amount, occurrences, cap);
  if (problem) return problem;
  if (compare(value, cap) > 0) return engineIssue("above-bound", rule.code, field, message.aboveCap(rule, label, value, cap));
  if (!isMultipleOf(value, ruleStep(rule))) {
    return engineIssue("off-step", rule.code, field, message.offStep(rule, label, value, ruleStep(rule)));
  }
  return null;
}
