/** 加分: points earned 0 … cap (default the indicator's points) on the step, with a reason. Award indicators start from 0. */
import type { AwardRule } from "../../rubric/types";
import { anyShape, enteredAmount } from "../entered";
import { allowed } from "../messages";
import type { RuleKindSpec } from "./types";

export const award: RuleKindSpec<AwardRule> = {
  inputs: ["award", "reason", "evidence"],
  main: "award",
  required: null,
  evaluate: enteredAmount<AwardRule>(anyShape),
  hint: (_rule, cap) => `填写加分：${allowed.upTo(cap)}，须写明加分事由`,
  expects: (_rule, cap, step) => `应为 ${allowed.onStep(allowed.upTo(cap), step)}`,
  sheetParams: (_rule, limits) => ({ low: 0, high: limits.cap, ...limits }),
};
