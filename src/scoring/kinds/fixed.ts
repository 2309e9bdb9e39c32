/** 扣N分, once: the deduction entered is 0 or N. */
import type { FixedRule } from "../../rubric/types";
import { compare } from "../../numbers/decimal";
import { enteredAmount } from "../entered";
import { engineIssue } from "../issue";
import { allowed, message } from "../messages";
import type { RuleKindSpec } from "./types";

export const fixed: RuleKindSpec<FixedRule> = {
  inputs: ["deduction", "reason", "evidence"],
  main: "deduction",
  required: null,
  evaluate: enteredAmount<FixedRule>((rule, amount) => {
    const value = amount ?? 0;
    if (compare(value, 0) === 0 || compare(value, rule.amount) === 0) return null;
    return engineIssue("fixed-mismatch", rule.code, "deduction", message.fixedMismatch(rule, value, rule.amount));
  }),
  hint: (rule) => `填写扣分：${allowed.zeroOr(rule.amount)}`,
  expects: (rule) => `应为 ${allowed.zeroOr(rule.amount)}`,
  sheetParams: (rule, limits) => ({ low: rule.amount, high: rule.amount, ...limits }),
};
