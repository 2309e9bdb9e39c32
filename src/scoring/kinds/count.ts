/**
 * A quantity requirement (≥ required 次/学时/%): the actual quantity is entered and the deduction computed,
 * per-unit: ceil(shortfall / per) × amount; all-or-nothing: amount when short; both capped. A missing or unusable
 * quantity deducts nothing and is an error, exactly as the template's formula treats it (sheet/formulas.ts).
 */
import type { CountRule, Indicator } from "../../rubric/types";
import { countPer, ruleCap } from "../../rubric/limits";
import { ceilDiv, compare, max, min, mul, sub } from "../../numbers/decimal";
import { engineIssue, invalidInputKind } from "../issue";
import { allowed, message, showNumber } from "../messages";
import type { Issue, RuleEntry } from "../types";
import { readValue } from "../values";
import type { RuleKindSpec } from "./types";

/** A quantity in % cannot exceed 100. */
const PERCENT_MAX = 100;

/** per-unit: ceil(shortfall / per) × amount; all-or-nothing: amount when short; both capped. */
function countDeduction(rule: CountRule, indicator: Indicator, quantity: number): number {
  const shortfall = max(0, sub(rule.required, quantity));
  const deduction =
    rule.mode === "per-unit"
      ? mul(ceilDiv(shortfall, countPer(rule)), rule.amount)
      : compare(shortfall, 0) > 0
        ? rule.amount
        : 0;
  return min(ruleCap(rule, indicator), deduction);
}

function evaluateCount(rule: CountRule, indicator: Indicator, entry: RuleEntry | undefined, issues: Issue[]): number {
  const read = readValue(entry?.quantity);
  if (read.kind === "blank") {
    issues.push(engineIssue("quantity-missing", rule.code, "quantity", message.countMissing(rule)));
    return 0;
  }
  if (read.kind === "invalid" || compare(read.value, 0) < 0) {
    const shown = read.kind === "invalid" ? read.shown : String(read.value);
    const kind = read.kind === "invalid" ? invalidInputKind(shown, "quantity-invalid") : "quantity-invalid";
    issues.push(engineIssue(kind, rule.code, "quantity", message.countInvalid(rule, shown)));
    return 0;
  }
  if (rule.unit === "%" && compare(read.value, PERCENT_MAX) > 0) {
    issues.push(engineIssue("above-bound", rule.code, "quantity", message.percentAbove(rule, read.value)));
  }
  return countDeduction(rule, indicator, read.value);
}

/** "未达到扣0.5分" (at most the amount, so no maximum); "每少1次扣0.5分，最多扣3分" (the 1 always written). */
function shortfallWording(rule: CountRule): string {
  if (rule.mode === "all-or-nothing") return `未达到扣${showNumber(rule.amount)}分`;
  return `每少${showNumber(countPer(rule))}${rule.unit}扣${showNumber(rule.amount)}分${allowed.capOf(rule)}`;
}

export const count: RuleKindSpec<CountRule> = {
  inputs: ["quantity", "reason", "evidence"],
  main: "quantity",
  required: "quantity",
  evaluate: (rule, indicator, entry, issues) => ({ deduction: evaluateCount(rule, indicator, entry, issues), award: 0 }),
  hint: (rule) => `在“数量”栏填写${rule.measure}（要求≥${showNumber(rule.required)}${rule.unit}，${shortfallWording(rule)}），扣分自动计算`,
  expects: (rule) => `应为不小于0的数${rule.unit === "%" ? `（不超过${PERCENT_MAX}）` : ""}`,
  sheetParams: (rule) => ({ quantity: "measure", ...(rule.unit === "%" ? { quantityMax: PERCENT_MAX } : {}) }),
};
