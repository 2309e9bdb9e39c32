/**
 * The header fields typed in the pane before inserting a template. Everything may stay blank (the evaluator can type
 * it in the sheet later); what is typed is trimmed and handed to the planner as Partial<SubjectMeta>.
 */
import type { HeaderField, RaterKind } from "../../../rubric/types";
import type { SubjectMeta } from "../../../scoring/types";

export interface HeaderForm {
  subject: string;
  org: string;
  period: string;
  rater: RaterKind | "";
  evaluator: string;
  /** the scheme's own header fields (四比四看 所在党支部, 四强 申请评定), by key */
  extra?: Record<string, string>;
  /** the roster's id of the branch picked from a 党支部名单 sheet (`_meta` subjectId); dropped when the name is retyped */
  subjectId?: string;
}

export function emptyHeaderForm(today: Date, raters: readonly RaterKind[]): HeaderForm {
  return { subject: "", org: "", period: String(today.getFullYear()), rater: raters[0] ?? "", evaluator: "" };
}

/** A period must name a year somewhere ("2025", "2025年度", "2024—2025学年"); blank is allowed. */
export function isPeriodValid(period: string): boolean {
  const trimmed = period.trim();
  return trimmed === "" || /(19|20)\d\d/.test(trimmed.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/**
 * The rater stays only if this scheme has it, and an own header field only if this scheme has it (with a value among
 * its choices): switching schemes must not carry over an impossible choice.
 */
export function headerToMeta(form: HeaderForm, raters: readonly RaterKind[], fields: readonly HeaderField[] = []): Partial<SubjectMeta> {
  const meta: Partial<SubjectMeta> = {};
  const texts = { subject: form.subject, org: form.org, period: form.period, evaluator: form.evaluator };
  for (const [key, value] of Object.entries(texts) as [keyof typeof texts, string][]) {
    const trimmed = value.trim();
    if (trimmed !== "") meta[key] = trimmed;
  }
  if (form.rater !== "" && raters.includes(form.rater)) meta.rater = form.rater;
  if (form.subjectId) meta.subjectId = form.subjectId;
  const extra: Record<string, string> = {};
  for (const field of fields) {
    const value = (form.extra?.[field.key] ?? "").trim();
    if (value !== "" && (!field.choices || field.choices.includes(value))) extra[field.key] = value;
  }
  if (Object.keys(extra).length > 0) meta.extra = extra;
  return meta;
}
