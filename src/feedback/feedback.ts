/**
 * What one branch gets back for 整改 (pure): its summary row joined with the scored templates of its raters, giving
 * every deduction with its rule, reason and evidence, and 自评 vs 考评 per indicator.
 */
import type { RaterKind, Rule, Scheme } from "../rubric/types";
import type { CellValue, RuleEntry, ScoreResult } from "../scoring/types";
import { RATER_ORDER } from "../summary/labels";
import { compareIndicators, pendingReason, type IndicatorScore, type SubjectDifferences } from "../summary/differences";
import { notCountedReason } from "../summary/final-score";
import type { Summary, SummaryProblem, SummaryRow } from "../summary/types";

/** One rater's scored template of the branch (a subset of sheet/score-workbook's TemplateScore). */
export interface RaterTemplate {
  rater: RaterKind;
  scheme: Scheme;
  result: ScoreResult;
  entries: { rules: Record<string, RuleEntry> };
}

export interface FeedbackDeduction {
  rater: RaterKind;
  indicator: string;
  rule: string;
  /** what was entered as 数量 / 原始分, as text ("" when the rule has none) */
  quantity: string;
  /** negative for a deduction, positive for an award */
  amount: number;
  reason: string;
  evidence: string;
}

export interface FeedbackIndicator {
  code: string;
  title: string;
  points: number;
  scores: Partial<Record<RaterKind, number>>;
  /** compared rater − 自评 (the summary's one comparison, src/summary/differences.ts); null without both */
  difference: number | null;
}

export interface BranchFeedback {
  schemeTitle: string;
  subjectLabel: string;
  period: string;
  row: SummaryRow;
  /** subjects ranked, for 第N名（共M个） */
  ranked: number;
  /** raters whose templates were read, in display order */
  raters: RaterKind[];
  deductions: FeedbackDeduction[];
  /** the rater compared with 自评: 考评, else 测评; null when there is neither */
  compared: RaterKind | null;
  /** why 自评 and 考评 are not compared (a sheet not counted), as in 差异明细; null when they are */
  comparisonPending: string | null;
  indicators: FeedbackIndicator[];
  problems: SummaryProblem[];
}

function shown(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function rulesOf(scheme: Scheme): Map<string, { rule: Rule; indicator: string }> {
  const rules = new Map<string, { rule: Rule; indicator: string }>();
  for (const section of scheme.sections) {
    for (const indicator of section.indicators) {
      for (const rule of indicator.rules) rules.set(rule.code, { rule, indicator: `${indicator.code} ${indicator.title}` });
    }
  }
  return rules;
}

/** Deductions and awards of one template, in rubric order; rules that took nothing are left out. */
function deductionsOf(template: RaterTemplate): FeedbackDeduction[] {
  const rules = rulesOf(template.scheme);
  return template.result.rules.flatMap((result) => {
    const amount = result.award - result.deduction;
    const found = rules.get(result.code);
    if (amount === 0 || found === undefined) return [];
    const entry = template.entries.rules[result.code] ?? {};
    return [
      {
        rater: template.rater,
        indicator: found.indicator,
        rule: `${result.code} ${found.rule.text}`,
        quantity: shown(entry.quantity ?? entry.raw),
        amount,
        reason: shown(entry.reason),
        evidence: shown(entry.evidence),
      },
    ];
  });
}

/** The final rater's deductions first (考评, then 测评, then 自评): they are what the branch must fix. */
const DEDUCTION_ORDER: RaterKind[] = ["org", "mass", "self"];

/** The rater compared with 自评: 考评, else 测评. */
function comparedRater(raters: RaterKind[]): RaterKind | null {
  return (["org", "mass"] as const).find((rater) => raters.includes(rater)) ?? null;
}

/**
 * Each rater's indicator scores; a 考评组's 考评 is the panel's value the summary compared (差异明细), not the one
 * evaluator's sheet read again.
 */
function indicatorScores(templates: ReadonlyMap<RaterKind, RaterTemplate>, compared: SubjectDifferences | undefined): Map<RaterKind, IndicatorScore[]> {
  const scores = new Map<RaterKind, IndicatorScore[]>([...templates].map(([rater, template]) => [rater, template.result.indicators]));
  if (compared && compared.pending === null && compared.panelSize > 1) {
    scores.set("org", compared.compared.map((item) => ({ code: item.code, title: item.title, points: item.points, score: item.other })));
  }
  return scores;
}

export function branchFeedback(summary: Summary, row: SummaryRow, templates: readonly RaterTemplate[]): BranchFeedback {
  const byRater = new Map(templates.map((template) => [template.rater, template]));
  const raters = RATER_ORDER.filter((rater) => byRater.has(rater));
  const other = comparedRater(raters);
  const summaryComparison = summary.differences.subjects.find((item) => item.subject === row.subject && item.org === row.org);
  // the summary's own rule (差异明细): no comparison beside a 自评, 测评 or 考评 that does not count
  const comparedScores = row.raters.filter((score) => score.rater === "self" || score.rater === other);
  const comparisonPending =
    other !== null && comparedScores.length === 2 ? pendingReason(comparedScores, (score) => notCountedReason(score, summary.rollup?.finalOnly === true)) : null;
  const scores = indicatorScores(byRater, summaryComparison);
  const self = scores.get("self");
  const otherScores = other === null ? undefined : scores.get(other);
  const differences = new Map(self && otherScores && comparisonPending === null ? compareIndicators(self, otherScores).map((item) => [item.code, item.difference]) : []);
  const first = templates[0];
  const indicators: FeedbackIndicator[] = (first?.result.indicators ?? []).map((indicator) => ({
    code: indicator.code,
    title: indicator.title,
    points: indicator.points,
    scores: Object.fromEntries(
      raters.flatMap((rater) => {
        const found = scores.get(rater)?.find((item) => item.code === indicator.code);
        return found ? [[rater, found.score]] : [];
      }),
    ),
    difference: differences.get(indicator.code) ?? null,
  }));
  return {
    schemeTitle: summary.scheme.title,
    subjectLabel: summary.scheme.subject === "secretary" ? "支部书记" : "党支部",
    period: summary.period,
    row,
    ranked: summary.rows.filter((item) => item.rank !== null).length,
    raters,
    compared: other,
    comparisonPending,
    deductions: DEDUCTION_ORDER.flatMap((rater) => {
      const template = byRater.get(rater);
      return template ? deductionsOf(template) : [];
    }),
    indicators,
    problems: row.problems,
  };
}
