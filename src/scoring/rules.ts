/** The deduction or award each rule contributes, with the issues its inputs raise: its kind's module decides. */
import type { Indicator, Rule } from "../rubric/types";
import type { Contribution } from "./kinds";
import { kindOf } from "./kinds";
import type { Issue, RuleEntry } from "./types";


export function evaluateRule(rule: Rule, indicator: Indicator, entry: RuleEntry | undefined, issues: Issue[]): Contribution {
  return kindOf(rule).evaluate(rule, indicator, entry, issues);
}
