/** The deduction or award each rule contributes, with the issues its inputs raise. */
import type { Indicator, Rule } from "../rubric/types";
import { evaluateConvertRule, evaluateCountRule } from "./computed";
import type { Contribution } from "./entered";
import { evaluateEnteredRule } from "./entered";
import type { Issue, RuleEntry } from "./types";

export type { Contribution } from "./entered";

export function evaluateRule(rule: Rule, indicator: Indicator, entry: RuleEntry | undefined, issues: Issue[]): Contribution {
  switch (rule.kind) {
    case "count":
      return { deduction: evaluateCountRule(rule, indicator, entry, issues), award: 0 };
    case "convert":
      return { deduction: evaluateConvertRule(rule, entry, issues), award: 0 };
    default:
      return evaluateEnteredRule(rule, indicator, entry, issues);
  }
}
