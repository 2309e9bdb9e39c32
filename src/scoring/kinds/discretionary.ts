/** 酌情扣分: any deduction 0 … cap (default the indicator's points) on the step, with a reason. */
import type { DiscretionaryRule } from "../../rubric/types";
import { anyShape, enteredAmount } from "../entered";
import { allowed } from "../messages";
import type { RuleKindSpec } from "./types";

export const discretionary: RuleKindSpec<DiscretionaryRule> = {
  inputs: ["deduction", "reason", "evidence"],
  main: "deduction",
  required: null,
  evaluate: enteredAmount<DiscretionaryRule>(anyShape),
  hint: (_rule, cap) => `酌情扣分：${allowed.upTo(cap)}，须写明理由`,
  expects: (_rule, cap, step) => `应为 ${allowed.onStep(allowed.upTo(cap), step)}`,
  sheetParams: (_rule, limits) => ({ low: 0, high: limits.cap, ...limits }),
};
