/** 每项/每人次扣N分: the count of occurrences is entered, and the deduction must be count × N (capped). */
import type { FixedEachRule } from "../../rubric/types";
import { compare, min, mul } from "../../numbers/decimal";
import { enteredEachAmount } from "../entered";
import { engineIssue } from "../issue";
import { allowed, message, showNumber } from "../messages";
import type { RuleKindSpec } from "./types";

export const fixedEach: RuleKindSpec<FixedEachRule> = {
  inputs: ["quantity", "deduction", "reason", "evidence"],
  main: "deduction",
  required: null,
  evaluate: enteredEachAmount<FixedEachRule>((rule, amount, occurrences, cap) => {
    if (occurrences === undefined) return null;
    const full = mul(occurrences, rule.amount);
    const expected = min(cap, full);
    if (compare(amount ?? 0, expected) === 0) return null;
    const text = message.fixedEachMismatch(rule, amount, occurrences, expected, compare(full, cap) > 0, cap);
    return engineIssue("fixed-mismatch", rule.code, "deduction", text);
  }),
  hint: (rule) => `填写${rule.unit}数与扣分：扣分 = ${rule.unit}数 × ${showNumber(rule.amount)}分${allowed.capOf(rule)}`,
  expects: (_rule, cap, step) => `应为 ${allowed.onStep(allowed.upTo(cap), step)}`,
  sheetParams: (rule, limits) => ({ low: rule.amount, high: rule.amount, ...limits, quantity: "occurrences" }),
};
