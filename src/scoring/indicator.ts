/**
 * One indicator's score. Without award rules: points − Σ deductions, kept within 0 … points (a deduction above
 * the points is a warning, not an error). With award rules: Σ awards, kept within 0 … points.
 */
import type { Indicator } from "../rubric/types";
import { add, compare, max, min, sub } from "../numbers/decimal";
import { engineIssue } from "./issue";
import { message } from "./messages";
import { evaluateRule } from "./rules";
import type { IndicatorResult, Issue, RuleEntry, RuleResult } from "./types";

export function scoreIndicator(
  indicator: Indicator,
  entries: Record<string, RuleEntry>,
  ruleResults: RuleResult[],
  issues: Issue[],
): IndicatorResult {
  let deduction = 0;
  let award = 0;
  let hasAwards = false;
  for (const rule of indicator.rules) {
    const contribution = evaluateRule(rule, indicator, entries[rule.code], issues);
    ruleResults.push({ code: rule.code, deduction: contribution.deduction, award: contribution.award });
    deduction = add(deduction, contribution.deduction);
    award = add(award, contribution.award);
    if (rule.kind === "award") hasAwards = true;
  }

  let score: number;
  if (hasAwards) {
    score = max(0, min(indicator.points, award));
    if (compare(award, indicator.points) > 0) {
      issues.push(engineIssue("over-points", indicator.code, "score", message.awardsOverPoints(indicator, award), "warning"));
    }
  } else {
    score = max(0, min(indicator.points, sub(indicator.points, deduction)));
    if (compare(deduction, indicator.points) > 0) {
      issues.push(engineIssue("over-points", indicator.code, "score", message.overPoints(indicator, deduction), "warning"));
    }
  }
  return { code: indicator.code, title: indicator.title, points: indicator.points, deduction, award, score };
}
