/**
 * Rules whose amount the evaluator enters (fixed, range, fixed-each, range-each, discretionary, award):
 * the entered number counts as is, like the sheet's SUM, and is checked against the rule's shape.
 * One issue at most per input cell, the most telling first: not a number, negative, the rule's shape,
 * above the cap, off the step.
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
import { compare, isMultipleOf, min, mul } from "../numbers/decimal";
import { engineIssue } from "./issue";
import { ruleCap, ruleStep } from "../rubric/limits";
import type { AmountField } from "./messages";
import { message } from "./messages";
import type { Issue, RuleEntry } from "./types";
import { isFilled, readValue } from "./values";

export type EnteredRule = FixedRule | RangeRule | FixedEachRule | RangeEachRule | DiscretionaryRule | AwardRule;

/** What one rule adds to its indicator. */
export interface Contribution {
  deduction: number;
  award: number;
}

export function evaluateEnteredRule(
  rule: EnteredRule,
  indicator: Indicator,
  entry: RuleEntry | undefined,
  issues: Issue[],
): Contribution {
  const field = rule.kind === "award" ? "award" : "deduction";
  const label: AmountField = rule.kind === "award" ? "加分" : "扣分";
  const read = readValue(entry?.[field]);
  const amount = read.kind === "number" ? read.value : null;
  const occurrences =
    rule.kind === "fixed-each" || rule.kind === "range-each"
      ? readOccurrences(rule, entry, read.kind === "invalid" ? null : (amount ?? 0), issues)
      : undefined;

  if (read.kind === "invalid") {
    issues.push(engineIssue("not-a-number", rule.code, field, message.notANumber(rule, label, read.shown)));
  } else {
    const problem = amountIssue(rule, indicator, amount, occurrences);
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
function readOccurrences(
  rule: FixedEachRule | RangeEachRule,
  entry: RuleEntry | undefined,
  amount: number | null,
  issues: Issue[],
): number | undefined {
  const read = readValue(entry?.quantity);
  if (read.kind === "blank") {
    if (amount === null) return undefined;
    if (compare(amount, 0) === 0) return 0;
    issues.push(engineIssue("quantity-missing", rule.code, "quantity", message.eachQuantityMissing(rule, amount)));
    return undefined;
  }
  const shown = read.kind === "invalid" ? read.shown : String(read.value);
  if (read.kind === "invalid" || read.value < 0 || !Number.isInteger(read.value)) {
    issues.push(engineIssue("quantity-invalid", rule.code, "quantity", message.eachQuantityInvalid(rule, shown)));
    return undefined;
  }
  return read.value;
}

function amountIssue(
  rule: EnteredRule,
  indicator: Indicator,
  amount: number | null,
  occurrences: number | undefined,
): Issue | null {
  const field = rule.kind === "award" ? "award" : "deduction";
  const label: AmountField = rule.kind === "award" ? "加分" : "扣分";
  const value = amount ?? 0;
  if (compare(value, 0) < 0) return engineIssue("negative", rule.code, field, message.negative(rule, label, value));
  const cap = ruleCap(rule, indicator);
  const shape = shapeIssue(rule, amount, occurrences, cap);
  if (shape) return shape;
  if (compare(value, cap) > 0) return engineIssue("above-bound", rule.code, field, message.aboveCap(rule, label, value, cap));
  if (!isMultipleOf(value, ruleStep(rule))) {
    return engineIssue("off-step", rule.code, field, message.offStep(rule, label, value, ruleStep(rule)));
  }
  return null;
}

/** Whether the deduction fits the rule's kind: 0 or N; 0 or a…b; count × N; count × a … count × b. */
function shapeIssue(rule: EnteredRule, amount: number | null, occurrences: number | undefined, cap: number): Issue | null {
  const value = amount ?? 0;
  switch (rule.kind) {
    case "fixed":
      if (compare(value, 0) === 0 || compare(value, rule.amount) === 0) return null;
      return engineIssue("fixed-mismatch", rule.code, "deduction", message.fixedMismatch(rule, value, rule.amount));
    case "range":
      if (compare(value, 0) === 0 || (compare(value, rule.min) >= 0 && compare(value, rule.max) <= 0)) return null;
      return engineIssue("range-outside", rule.code, "deduction", message.rangeOutside(rule, value, rule.min, rule.max));
    case "fixed-each": {
      if (occurrences === undefined) return null;
      const full = mul(occurrences, rule.amount);
      const expected = min(cap, full);
      if (compare(value, expected) === 0) return null;
      const text = message.fixedEachMismatch(rule, amount, occurrences, expected, compare(full, cap) > 0, cap);
      return engineIssue("fixed-mismatch", rule.code, "deduction", text);
    }
    case "range-each": {
      if (occurrences === undefined) return null;
      const fullHigh = mul(occurrences, rule.max);
      const low = min(cap, mul(occurrences, rule.min));
      const high = min(cap, fullHigh);
      if (compare(value, low) >= 0 && compare(value, high) <= 0) return null;
      const text = message.eachOutside(rule, amount, occurrences, low, high, compare(fullHigh, cap) > 0, cap);
      return engineIssue("each-outside", rule.code, "deduction", text);
    }
    default:
      return null;
  }
}
