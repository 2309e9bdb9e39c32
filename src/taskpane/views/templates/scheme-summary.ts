/** What a scheme card shows, computed once from the rubric. */
import type { HeaderField, RaterKind, Scheme, SchemeDefault, SubjectKind } from "../../../rubric/types";

export interface SchemeSummary {
  id: string;
  title: string;
  shortTitle: string;
  subject: SubjectKind;
  sectionCount: number;
  indicatorCount: number;
  vetoCount: number;
  max: number;
  defaultAllocation: boolean;
  raters: RaterKind[];
  /** header inputs of the scheme's own, offered in the form after the standard ones */
  headerFields: HeaderField[];
  /** the values this product chose where the source is silent (达标线, 等次 …), shown as 默认 on the card */
  defaults: SchemeDefault[];
}

export function summarizeScheme(scheme: Scheme): SchemeSummary {
  return {
    id: scheme.id,
    title: scheme.title,
    shortTitle: scheme.shortTitle,
    subject: scheme.subject,
    sectionCount: scheme.sections.length,
    indicatorCount: scheme.sections.reduce((count, section) => count + section.indicators.length, 0),
    vetoCount: scheme.vetoes.length,
    max: scheme.max,
    defaultAllocation: scheme.defaultAllocation,
    raters: scheme.raters.length > 0 ? [...scheme.raters] : ["self", "mass", "org"],
    headerFields: (scheme.headerFields ?? []).map((field) => ({ ...field })),
    defaults: scheme.defaults,
  };
}

/** Preselect a scheme whose points come from an official document (两化一创); else the first. */
export function defaultSchemeId(summaries: readonly SchemeSummary[]): string {
  return (summaries.find((summary) => !summary.defaultAllocation) ?? summaries[0])?.id ?? "";
}
