/** Defaults the rubric may leave out; the planner's formulas and validations use the same ones. */
import type { CountRule, Indicator, Rule } from "./types";

/** Granularity of entered deductions and awards when a rule does not set its own. */
export const DEFAULT_STEP = 0.5;

export function ruleStep(rule: Rule): number {
  return rule.step ?? DEFAULT_STEP;
}

/** Largest total a rule may deduct or award: its own cap, else the indicator's points. */
export function ruleCap(rule: Rule, indicator: Indicator): number {
  return rule.cap ?? indicator.points;
}

/** Units of shortfall per deduction step of a per-unit count rule (每少4学时扣1分 → 4), when the rule does not say: 1. */
export function countPer(rule: CountRule): number {
  return rule.per ?? 1;
}
