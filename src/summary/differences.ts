/**
 * 自评 vs 考评 by indicator (差异明细): for each branch with both, every indicator where the 考评 (a 考评组's value taken
 * indicator by indicator with the same exact mean / trimmed mean as its total) differs from the 自评 by at least a
 * threshold, with the evaluators' deduction reasons. A sheet that does not count (blank, errors, not final with
 * finalOnly) gives no numbers: the branch is listed as 待核 with the reason. Pure.
 */
import { compare } from "../numbers/decimal";
import { RATER_LABELS } from "../rubric/raters";
import type { Scheme } from "../rubric/types";
import type { Entries, IndicatorResult } from "../scoring/types";
import { difference } from "./exact";
import type { MergedTemplate, SubjectGroup } from "./merge";
import { panelValue, type PanelMode } from "./panel";
import type { RaterScore } from "./types";

/** The default 差异明细 threshold: indicators differing by at least one point. */
export const DEFAULT_DIFF_THRESHOLD = 1;

/** One indicator's score from one side of the comparison. */
export type IndicatorScore = Pick<IndicatorResult, "code" | "title" | "points" | "score">;

export interface IndicatorComparison {
  code: string;
  title: string;
  points: number;
  self: number;
  /** the other side: 考评 (a panel's value) or, in a 反馈单 without 考评, 测评 */
  other: number;
  /** other − self, exact */
  difference: number;
}

/** The one comparison of two sides, indicator by indicator in the first side's order; the 反馈单 uses it too. */
export function compareIndicators(self: readonly IndicatorScore[], other: readonly IndicatorScore[]): IndicatorComparison[] {
  const byCode = new Map(other.map((indicator) => [indicator.code, indicator.score]));
  return self.flatMap((indicator) => {
    const otherScore = byCode.get(indicator.code);
    if (otherScore === undefined) return [];
    return [{ code: indicator.code, title: indicator.title, points: indicator.points, self: indicator.score, other: otherScore, difference: difference(otherScore, indicator.score) }];
  });
}

/** |difference| ≥ threshold, exact. */
function differsBy(comparison: IndicatorComparison, threshold: number): boolean {
  return compare(Math.abs(comparison.difference), threshold) >= 0;
}

export interface EvaluatorReason {
  /** 评分人 as the 考评 sheet gives it (the file name when blank) */
  evaluator: string;
  /** rule code, e.g. 1.2-3 */
  rule: string;
  /** the deduction (negative) or award (positive) the evaluator entered on that rule */
  amount: number;
  reason: string;
}

export interface IndicatorDifference {
  code: string;
  title: string;
  points: number;
  self: number;
  org: number;
  /** 考评 − 自评 */
  difference: number;
  reasons: EvaluatorReason[];
}

export interface SubjectDifferences {
  subject: string;
  org: string;
  /** 考评 workbooks compared (the panel's size) */
  panelSize: number;
  /** why no comparison is made (a sheet not counted: 自评未填写, 考评 3 处错误 …); null when compared */
  pending: string | null;
  /** every indicator of both sheets (empty when pending) */
  compared: IndicatorComparison[];
  /** the indicators differing by at least the threshold */
  differences: IndicatorDifference[];
}

export interface DifferenceReport {
  threshold: number;
  /** every branch with both a 自评 and a 考评, in the summary's row order */
  subjects: SubjectDifferences[];
}

/** The panel's value of each indicator: the same mean (or trimmed mean) as its total, indicator by indicator. */
function panelIndicators(panel: readonly MergedTemplate[], mode: PanelMode): IndicatorScore[] {
  const first = panel[0]?.scored.result.indicators ?? [];
  return first.map((indicator) => ({
    code: indicator.code,
    title: indicator.title,
    points: indicator.points,
    score: panelValue(
      panel.map((template) => template.scored.result.indicators.find((item) => item.code === indicator.code)?.score ?? 0),
      mode,
    ),
  }));
}

/** The reasons written on a sheet, by rule code (filled ones only): all the summary keeps of its inputs' text. */
export function filledReasons(entries: Entries): Record<string, string> {
  const reasons: Record<string, string> = {};
  for (const [code, entry] of Object.entries(entries.rules)) {
    const reason = entry.reason === null || entry.reason === undefined ? "" : String(entry.reason).trim();
    if (reason !== "") reasons[code] = reason;
  }
  return reasons;
}

/** The scheme's indicators by code with their rules' codes, made once per scheme (a compile compares every branch). */
const indicatorIndexes = new WeakMap<Scheme, Map<string, { title: string; rules: Set<string> }>>();
function indicatorIndex(scheme: Scheme): Map<string, { title: string; rules: Set<string> }> {
  let index = indicatorIndexes.get(scheme);
  if (!index) {
    const indicators = scheme.sections.flatMap((section) => section.indicators);
    index = new Map(indicators.map((indicator) => [indicator.code, { title: indicator.title, rules: new Set(indicator.rules.map((rule) => rule.code)) }]));
    indicatorIndexes.set(scheme, index);
  }
  return index;
}

/** Each evaluator's deductions and awards on the indicator's rules, with the reason written beside them. */
function reasonsFor(scheme: Scheme, code: string, panel: readonly MergedTemplate[]): EvaluatorReason[] {
  const rules = indicatorIndex(scheme).get(code)?.rules ?? new Set<string>();
  return panel.flatMap((template) => {
    const { result, meta, reasons } = template.scored;
    return result.rules
      .filter((rule) => rules.has(rule.code) && rule.award - rule.deduction !== 0)
      .map((rule) => ({ evaluator: meta.evaluator || template.file, rule: rule.code, amount: difference(rule.award, rule.deduction), reason: reasons?.[rule.code] ?? "" }));
  });
}

/** Why a sheet's numbers may not be compared (the summary's own rule for a rater's score), or null. */
export type NotCounted = (score: RaterScore) => string | null;

/** Why two sheets are not compared: each side that does not count ("自评未填写，考评 2 处错误"); null when both count. */
export function pendingReason(scores: readonly RaterScore[], notCounted: NotCounted): string | null {
  const reasons = scores.flatMap((score) => {
    const reason = notCounted(score);
    return reason === null ? [] : [`${RATER_LABELS[score.rater]}${/^\d/.test(reason) ? " " : ""}${reason}`];
  });
  return reasons.length > 0 ? reasons.join("，") : null;
}

/**
 * The comparison of one branch, or null when it lacks a 自评 or a 考评. `selfScore` and `orgScore` are the row's
 * rater scores (a panel's aggregated one), so the trust rule is the row's own.
 */
export function subjectDifferences(
  scheme: Scheme,
  group: SubjectGroup,
  scores: { self: RaterScore | undefined; org: RaterScore | undefined },
  notCounted: NotCounted,
  options: { threshold: number; panel: PanelMode },
): SubjectDifferences | null {
  const selfTemplate = group.byRater.self;
  if (!selfTemplate || group.orgPanel.length === 0 || !scores.self || !scores.org) return null;
  const base = { subject: group.subject, org: group.org, panelSize: group.orgPanel.length };
  const pending = pendingReason([scores.self, scores.org], notCounted);
  if (pending !== null) return { ...base, pending, compared: [], differences: [] };
  // titles from the scheme: a template rolled up from a summary's data sheet keeps codes and scores only
  const indicators = indicatorIndex(scheme);
  const compared = compareIndicators(selfTemplate.scored.result.indicators, panelIndicators(group.orgPanel, options.panel)).map((item) => ({
    ...item,
    title: indicators.get(item.code)?.title ?? item.title,
  }));
  const differences = compared
    .filter((comparison) => differsBy(comparison, options.threshold))
    .map((comparison) => ({
      code: comparison.code,
      title: comparison.title,
      points: comparison.points,
      self: comparison.self,
      org: comparison.other,
      difference: comparison.difference,
      reasons: reasonsFor(scheme, comparison.code, group.orgPanel),
    }));
  return { ...base, pending: null, compared, differences };
}
