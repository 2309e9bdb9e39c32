/**
 * How far an evaluator has got with a scoring sheet. Blank deduction cells legitimately mean "no deduction", so only
 * inputs without a sensible blank count as required: the header (who, which year, which rater, who scores), the actual
 * quantity of every count rule and the raw score of every convert rule. Separately, a rule counts as reviewed once any
 * of its amount inputs holds something.
 */
import type { Rule, Scheme } from "../../../rubric/types";
import type { Entries, EntryField, SubjectMeta } from "../../../scoring/types";
import { kindOf } from "../../../scoring/kinds";
import { isFilled } from "../../../scoring/values";

export interface Tally {
  filled: number;
  of: number;
}

export interface Progress {
  required: Tally;
  rules: Tally;
}

const REQUIRED_META_KEYS = ["subject", "org", "period", "rater", "evaluator"] as const;

const AMOUNT_FIELDS: EntryField[] = ["quantity", "deduction", "award", "raw"];

export function allRules(scheme: Scheme): Rule[] {
  return scheme.sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules));
}

export function countProgress(scheme: Scheme, entries: Entries, meta: Partial<SubjectMeta>): Progress {
  const required: Tally = { filled: 0, of: 0 };
  const rules: Tally = { filled: 0, of: 0 };
  for (const key of REQUIRED_META_KEYS) {
    required.of += 1;
    if (isFilled(meta[key])) required.filled += 1;
  }
  for (const rule of allRules(scheme)) {
    const entry = entries.rules[rule.code] ?? {};
    const field = kindOf(rule).required;
    if (field) {
      required.of += 1;
      if (isFilled(entry[field])) required.filled += 1;
    }
    rules.of += 1;
    if (AMOUNT_FIELDS.some((name) => isFilled(entry[name]))) rules.filled += 1;
  }
  return { required, rules };
}

/** 0…1 for a progress bar; an empty tally is complete. */
export function fraction(tally: Tally): number {
  return tally.of === 0 ? 1 : tally.filled / tally.of;
}
