/** 每项扣a-b分: the count of occurrences is entered, and the deduction must lie in [count × min, count × max] (capped). */
import type { RangeEachRule } from "../../rubric/types";
import { compare, min, mul } from "../../numbers/decimal";
import { enteredEachAmount } from "../entered";
import { engineIssue } from "../issue";
import { allowed, message, showNumber } from "../messages";
import type { RuleKindSpec } from "./types";

export const rangeEach: RuleKindSpec<RangeEachRule> = {
  inputs: ["quantity", "deduction", "reason", "evidence"],
  main: "deduction",
  required: null,
  evaluate: enteredEachAmount<RangeEachRule>((rule, amount, occurrences, cap) => {
    if (occurrences === undefined) return null;
    const value = amount ?? 0;
    const fullHigh = mul(occurrences, rule.max);
    const low = min(cap, mul(occurrences, rule.min));
    const high = min(cap, fullHigh);
    if (compare(value, low) >= 0 && compare(value, high) <= 0) return null;
    const text = message.eachOutside(rule, amount, occurrences, low, high, compare(fullHigh, cap) > 0, cap);
    return engineIssue("each-outside", rule.code, "deduction", text);
  }),
  hint: (rule) => `填写${rule.unit}数与扣分：每${rule.unit}扣${showNumber(rule.min)}–${showNumber(rule.max)}分${allowed.capOf(rule)}`,
  expects: (_rule, cap, step) => `应为 ${allowed.onStep(allowed.upTo(cap), step)}`,
  sheetParams: (rule, limits) => ({ low: rule.min, high: rule.max, ...limits, quantity: "occurrences" }),
};
