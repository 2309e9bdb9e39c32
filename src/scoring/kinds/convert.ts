/**
 * A raw score (e.g. a closed-book exam 0–rawMax) converted proportionally to the rule's points:
 * deduction = points − round2(raw / rawMax × points). A missing or unusable raw score deducts nothing and is an
 * error, exactly as the template's formula treats it (sheet/formulas.ts).
 */
import type { ConvertRule } from "../../rubric/types";
import { compare, mulDiv, sub } from "../../numbers/decimal";
import { engineIssue, invalidInputKind } from "../issue";
import { allowed, message, showNumber } from "../messages";
import type { Issue, RuleEntry } from "../types";
import { readValue } from "../values";
import type { RuleKindSpec } from "./types";

/** points − round2(raw / rawMax × points) */
function convertDeduction(rule: ConvertRule, raw: number): number {
  return sub(rule.points, mulDiv(raw, rule.points, rule.rawMax, 2));
}

function evaluateConvert(rule: ConvertRule, entry: RuleEntry | undefined, issues: Issue[]): number {
  const read = readValue(entry?.raw);
  if (read.kind === "blank") {
    issues.push(engineIssue("raw-missing", rule.code, "raw", message.rawMissing(rule)));
    return 0;
  }
  if (read.kind === "invalid") {
    issues.push(engineIssue(invalidInputKind(read.shown, "not-a-number"), rule.code, "raw", message.rawNotANumber(rule, read.shown)));
    return 0;
  }
  if (compare(read.value, 0) < 0) {
    issues.push(engineIssue("negative", rule.code, "raw", message.rawNegative(rule, read.value)));
    return 0;
  }
  if (compare(read.value, rule.rawMax) > 0) {
    issues.push(engineIssue("above-bound", rule.code, "raw", message.rawAbove(rule, read.value)));
    return 0;
  }
  return convertDeduction(rule, read.value);
}

export const convert: RuleKindSpec<ConvertRule> = {
  inputs: ["raw", "reason", "evidence"],
  main: "raw",
  required: "raw",
  evaluate: (rule, _indicator, entry, issues) => ({ deduction: evaluateConvert(rule, entry, issues), award: 0 }),
  hint: (rule) => `在“数量”栏填写${rule.measure}（${allowed.upTo(rule.rawMax)}），按比例折算为${showNumber(rule.points)}分（${showNumber(rule.rawMax)}分计满分），得分自动折算`,
  expects: (rule) => `应为${allowed.upTo(rule.rawMax)}之间的数`,
  sheetParams: (rule) => ({ quantity: "measure", quantityMax: rule.rawMax }),
};
