/** 扣a-b分, once: the deduction entered is 0 or within [min, max]. */
import type { RangeRule } from "../../rubric/types";
import { compare } from "../../numbers/decimal";
import { enteredAmount } from "../entered";
import { engineIssue } from "../issue";
import { allowed, message } from "../messages";
import type { RuleKindSpec } from "./types";

export const range: RuleKindSpec<RangeRule> = {
  inputs: ["deduction", "reason", "evidence"],
  main: "deduction",
  required: null,
  evaluate: enteredAmount<RangeRule>((rule, amount) => {
    const value = amount ?? 0;
    if (compare(value, 0) === 0 || (compare(value, rule.min) >= 0 && compare(value, rule.max) <= 0)) return null;
    return engineIssue("range-outside", rule.code, "deduction", message.rangeOutside(rule, value, rule.min, rule.max));
  }),
  hint: (rule) => `填写扣分：${allowed.zeroOrBetween(rule.min, rule.max)}`,
  expects: (rule, _cap, step) => `应为 ${allowed.onStep(allowed.zeroOrBetween(rule.min, rule.max), step)}`,
  sheetParams: (rule, limits) => ({ low: rule.min, high: rule.max, ...limits }),
};
