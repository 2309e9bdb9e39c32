/**
 * The scoring engine: a scheme and the entries of one scoring sheet in, scores and issues out. Pure and
 * deterministic; the template's formulas compute the same numbers. Issues carry `cell: null` — the sheet
 * layer (scoreWorkbook) fills in the addresses.
 */
import type { Scheme } from "../rubric/types";
import { bandOf, passScore, passes } from "./bands";
import { add } from "../numbers/decimal";
import { scoreIndicator } from "./indicator";
import type { Entries, IndicatorResult, Issue, RuleResult, ScoreResult, SectionResult } from "./types";
import { applyVetoes } from "./vetoes";

export function scoreEntries(scheme: Scheme, entries: Entries): ScoreResult {
  const issues: Issue[] = [];
  const rules: RuleResult[] = [];
  const indicators: IndicatorResult[] = [];
  const sections: SectionResult[] = [];
  let total = 0;

  for (const section of scheme.sections) {
    let score = 0;
    for (const indicator of section.indicators) {
      const result = scoreIndicator(indicator, entries.rules, rules, issues);
      indicators.push(result);
      score = add(score, result.score);
    }
    sections.push({ code: section.code, title: section.title, points: section.points, score });
    total = add(total, score);
  }

  const vetoReasons = applyVetoes(scheme.vetoes, entries.vetoes, issues);
  const vetoed = vetoReasons.length > 0;
  return {
    scheme: scheme.id,
    schemeVersion: scheme.version,
    total,
    max: scheme.max,
    band: bandOf(total, vetoed, scheme.bands),
    pass: passes(passScore(total, sections, scheme.passLine), vetoed, scheme.passLine),
    vetoed,
    vetoReasons,
    sections,
    indicators,
    rules,
    issues,
  };
}
