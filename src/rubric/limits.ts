/** Defaults the rubric may leave out; the planner's formulas and validations use the same ones. */
import type { Indicator, Rule } from "../rubric/types";

/** Granularity of entered deductions and awards when a rule does not set its own. */
export const DEFAULT_STEP = 0.5;

export function ruleStep(rule: Rule): number {
  return rule.step ?? DEFAULT_STEP;
}

/** Largest total a rule may deduct or award: its own cap, else the indicator's points. */
export function ruleCap(rule: Rule, indicator: Indicator): number {
  return rule.cap ?? indicator.points;
}
