/**
 * The header fields typed in the pane before inserting a template. Everything may stay blank (the evaluator can type
 * it in the sheet later); what is typed is trimmed and handed to the planner as Partial<SubjectMeta>.
 */
import type { RaterKind } from "../../../rubric/types";
import type { SubjectMeta } from "../../../scoring/types";

export interface HeaderForm {
  subject: string;
  org: string;
  period: string;
  rater: RaterKind | "";
  evaluator: string;
}

export function emptyHeaderForm(today: Date, raters: readonly RaterKind[]): HeaderForm {
  return { subject: "", org: "", period: String(today.getFullYear()), rater: raters[0] ?? "", evaluator: "" };
}

/** A period must name a year somewhere ("2025", "2025年度", "2024—2025学年"); blank is allowed. */
export function isPeriodValid(period: string): boolean {
  const trimmed = period.trim();
  return trimmed === "" || /(19|20)\d\d/.test(trimmed.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/** The rater stays only if this scheme has it: switching schemes must not carry over an impossible choice. */
export function headerToMeta(form: HeaderForm, raters: readonly RaterKind[]): Partial<SubjectMeta> {
  const meta: Partial<SubjectMeta> = {};
  const texts = { subject: form.subject, org: form.org, period: form.period, evaluator: form.evaluator };
  for (const [key, value] of Object.entries(texts) as [keyof typeof texts, string][]) {
    const trimmed = value.trim();
    if (trimmed !== "") meta[key] = trimmed;
  }
  if (form.rater !== "" && raters.includes(form.rater)) meta.rater = form.rater;
  return meta;
}
