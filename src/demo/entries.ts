/**
 * Plausible entries for any scheme: a few deductions (each valid for its rule's kind, with 扣分理由 and 佐证材料),
 * every required quantity and raw score filled in, and an award for 特色亮点 where the scheme has one.
 */
import { unreachable } from "../rubric/exhaustive";
import { ruleCap, ruleStep } from "../rubric/limits";
import type { Indicator, Rule, Scheme } from "../rubric/types";
import type { Entries, RuleEntry } from "../scoring/types";
import type { Random } from "./prng";
import { awardReason, deductionReason, evidenceFor } from "./reasons";

export interface EntryProfile {
  /** chance that a deducting rule is applied, 0–1: how much the evaluator found */
  findRate: number;
  /** largest award as a share of its cap, 0–1 */
  awardShare: number;
}

/** n steps of `step`, exact to the cent (0.1 × 3 is 0.30000000000000004 in binary). */
function steps(n: number, step: number): number {
  return Number((n * step).toFixed(2));
}

/** A multiple of step within [low, high]. */
function amountBetween(random: Random, low: number, high: number, step: number): number {
  return steps(random.int(Math.ceil(low / step - 1e-9), Math.floor(high / step + 1e-9)), step);
}

function deducted(random: Random, scheme: Scheme, indicator: Indicator, amount: number, extra: RuleEntry = {}): RuleEntry {
  const entry: RuleEntry = { ...extra, deduction: amount, reason: deductionReason(random, scheme.id, indicator.code) };
  if (random.chance(0.6)) entry.evidence = evidenceFor(random, scheme.id, indicator.code);
  return entry;
}

/** Nothing found: the evaluator writes 0 (an untouched form is blank, not a full score). */
function nothingFound(rule: Rule): RuleEntry {
  if (rule.kind === "fixed-each" || rule.kind === "range-each") return { quantity: 0, deduction: 0 };
  return rule.kind === "award" ? { award: 0 } : { deduction: 0 };
}

function ruleEntry(random: Random, scheme: Scheme, indicator: Indicator, rule: Rule, profile: EntryProfile): RuleEntry {
  const step = ruleStep(rule);
  const applies = random.chance(profile.findRate);
  switch (rule.kind) {
    case "fixed":
      return applies ? deducted(random, scheme, indicator, rule.amount) : nothingFound(rule);
    case "range":
      return applies ? deducted(random, scheme, indicator, amountBetween(random, rule.min, rule.max, step)) : nothingFound(rule);
    case "fixed-each": {
      if (!applies) return nothingFound(rule);
      const quantity = random.int(1, 2);
      return deducted(random, scheme, indicator, Math.min(rule.cap ?? indicator.points, steps(quantity, rule.amount)), { quantity });
    }
    case "range-each": {
      if (!applies) return nothingFound(rule);
      const quantity = random.int(1, 2);
      // a rule's own cap (最多扣N分) bounds the amount whatever the count
      const cap = rule.cap ?? indicator.points;
      return deducted(random, scheme, indicator, amountBetween(random, Math.min(cap, quantity * rule.min), Math.min(cap, quantity * rule.max), step), { quantity });
    }
    case "discretionary":
      return applies ? deducted(random, scheme, indicator, amountBetween(random, step, Math.min(2, indicator.points), step)) : nothingFound(rule);
    case "count": {
      // the quantity is always entered: a blank one is an error, not a full score
      if (!applies) return { quantity: rule.required };
      const short = Math.max(0, rule.required - random.int(1, Math.max(1, Math.ceil(rule.required / 4))));
      return { quantity: short, reason: deductionReason(random, scheme.id, indicator.code) };
    }
    case "award": {
      const cap = ruleCap(rule, indicator);
      const award = amountBetween(random, 0, cap * profile.awardShare, step);
      return award === 0 ? nothingFound(rule) : { award, reason: awardReason(random), evidence: "表彰文件、媒体报道截图" };
    }
    case "convert":
      return { raw: random.int(applies ? 60 : 85, 100) };
    default:
      return unreachable(rule);
  }
}

/**
 * An evaluator stops marking an indicator down once its points are used up, so the sample never deducts more than
 * an indicator's points (over-deductions are made on purpose elsewhere). Computed deductions (count, convert) are
 * left as measured.
 */
export function sampleEntries(scheme: Scheme, random: Random, profile: EntryProfile): Entries {
  const entries: Entries = { rules: {}, vetoes: {} };
  for (const section of scheme.sections) {
    for (const indicator of section.indicators) {
      let left = indicator.points;
      for (const rule of indicator.rules) {
        const found = ruleEntry(random, scheme, indicator, rule, profile);
        const amount = typeof found.deduction === "number" ? found.deduction : 0;
        const entry = amount > left ? nothingFound(rule) : found;
        if (entry === found) left -= amount;
        entries.rules[rule.code] = entry;
      }
    }
  }
  return entries;
}

/** 自评 is usually kinder than 考评: the branch itself reports about half of what the evaluators found. */
export function selfAssessment(orgEntries: Entries, random: Random): Entries {
  const rules: Entries["rules"] = {};
  for (const [code, entry] of Object.entries(orgEntries.rules)) {
    const deducts = entry.deduction !== undefined && entry.deduction !== 0;
    rules[code] = deducts && random.chance(0.5) ? { ...(entry.quantity === undefined ? {} : { quantity: 0 }), deduction: 0 } : entry;
  }
  return { rules, vetoes: { ...orgEntries.vetoes } };
}
