/**
 * Rules whose deduction is computed from what was measured: count (a quantity against a requirement) and
 * convert (a raw score scaled to the rule's points). A missing or unusable input deducts nothing and is an
 * error, exactly as the template's formulas treat it.
 */
import type { ConvertRule, CountRule, Indicator } from "../rubric/types";
import { ceilDiv, compare, max, min, mul, mulDiv, sub } from "../numbers/decimal";
import { engineIssue } from "./issue";
import { ruleCap } from "../rubric/limits";
import { message } from "./messages";
import type { Issue, RuleEntry } from "./types";
import { readValue } from "./values";

/** per-unit: ceil(shortfall / per) × amount; all-or-nothing: amount when short; both capped. */
export function countDeduction(rule: CountRule, indicator: Indicator, quantity: number): number {
  const shortfall = max(0, sub(rule.required, quantity));
  const deduction =
    rule.mode === "per-unit"
      ? mul(ceilDiv(shortfall, rule.per ?? 1), rule.amount)
      : compare(shortfall, 0) > 0
        ? rule.amount
        : 0;
  return min(ruleCap(rule, indicator), deduction);
}

export function evaluateCountRule(rule: CountRule, indicator: Indicator, entry: RuleEntry | undefined, issues: Issue[]): number {
  const read = readValue(entry?.quantity);
  if (read.kind === "blank") {
    issues.push(engineIssue("quantity-missing", rule.code, "quantity", message.countMissing(rule)));
    return 0;
  }
  if (read.kind === "invalid" || compare(read.value, 0) < 0) {
    const shown = read.kind === "invalid" ? read.shown : String(read.value);
    issues.push(engineIssue("quantity-invalid", rule.code, "quantity", message.countInvalid(rule, shown)));
    return 0;
  }
  if (rule.unit === "%" && compare(read.value, 100) > 0) {
    issues.push(engineIssue("above-bound", rule.code, "quantity", message.percentAbove(rule, read.value)));
  }
  return countDeduction(rule, indicator, read.value);
}

/** points − round2(raw / rawMax × points) */
export function convertDeduction(rule: ConvertRule, raw: number): number {
  return sub(rule.points, mulDiv(raw, rule.points, rule.rawMax, 2));
}

export function evaluateConvertRule(rule: ConvertRule, entry: RuleEntry | undefined, issues: Issue[]): number {
  const read = readValue(entry?.raw);
  if (read.kind === "blank") {
    issues.push(engineIssue("raw-missing", rule.code, "raw", message.rawMissing(rule)));
    return 0;
  }
  if (read.kind === "invalid") {
    issues.push(engineIssue("not-a-number", rule.code, "raw", message.rawNotANumber(rule, read.shown)));
    return 0;
  }
  if (compare(read.value, 0) < 0) {
    issues.push(engineIssue("negative", rule.code, "raw", message.rawNegative(rule, read.value)));
    return 0;
  }
  if (compare(read.value, rule.rawMax) > 0) {
    issues.push(engineIssue("above-bound", rule.code, "raw", message.rawAbove(rule, read.value)));
    return 0;
  }
  return convertDeduction(rule, read.value);
}
