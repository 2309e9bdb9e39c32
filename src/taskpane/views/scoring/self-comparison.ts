/**
 * Pure: the 自评 beside a 考评 in the 评分 view. When the workbook also holds the same branch's 自评 (same scheme,
 * 支部名称 + 所属党组织 and 考核年度, rater self), each indicator's 自评 score and the difference, by the summary's one
 * comparison (src/summary/differences.ts); a 自评 sheet that does not count (blank, errors) gives its reason instead.
 */
import { compareIndicators, type IndicatorComparison } from "../../../summary/differences";
import { notCountedReason } from "../../../summary/final-score";
import { periodKey } from "../../../summary/periods";
import { subjectKey } from "../../../summary/subject-key";
import type { Grid } from "../../../sheet/types";
import { readTemplate, type LiveTemplate, type Resolve, type TemplateLocation } from "./template-reading";

export interface SelfComparison extends TemplateLocation {
  /** why the 自评 is not compared (未填写, "2 处错误"), else null */
  pending: string | null;
  /** per indicator: self, other (this 考评) and other − self; empty when pending */
  indicators: IndicatorComparison[];
}

function sameBranch(a: LiveTemplate, b: LiveTemplate): boolean {
  const [x, y] = [a.score.meta, b.score.meta];
  return (
    a.score.scheme.id === b.score.scheme.id &&
    subjectKey(x.subject ?? "", x.org ?? "") === subjectKey(y.subject ?? "", y.org ?? "") &&
    periodKey(x.period ?? "") === periodKey(y.period ?? "")
  );
}

/** The 自评 template among the read pairs (scoring sheet, its `_meta`) that belongs with the 考评 `active`, or null. */
export function findSelfTemplate(active: LiveTemplate, pairs: readonly { sheet: Grid; meta: Grid }[], resolve: Resolve): LiveTemplate | null {
  if (active.score.meta.rater !== "org") return null;
  for (const pair of pairs) {
    const reading = readTemplate(pair.sheet, pair.meta, resolve);
    if (reading.kind === "template" && reading.template.score.meta.rater === "self" && sameBranch(active, reading.template)) return reading.template;
  }
  return null;
}

export function compareWithSelf(active: LiveTemplate, self: LiveTemplate): SelfComparison {
  const location = { sheet: self.sheet, metaSheet: self.metaSheet };
  const pending = notCountedReason(self.score, false);
  if (pending !== null) return { ...location, pending, indicators: [] };
  return { ...location, pending: null, indicators: compareIndicators(self.score.result.indicators, active.score.result.indicators) };
}
