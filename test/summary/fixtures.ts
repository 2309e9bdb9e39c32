import type { SheetStatus } from "../../src/scoring/status";
/**
 * Hand-made inputs for the summary's tests: a two-section scheme (60 + 40) with the default bands, and scored
 * templates whose totals and section scores the test states directly.
 */
import type { RaterKind, Scheme } from "../../src/rubric/types";
import { sub } from "../../src/numbers/decimal";
import type { Issue, ScoreResult } from "../../src/scoring/types";
import { VETOED_BAND } from "../../src/scoring/types";
import type { SummaryInput } from "../../src/summary/types";

export const SCHEME: Scheme = {
  id: "test-scheme",
  title: "测试党支部考评标准",
  shortTitle: "测试",
  version: "1",
  subject: "branch",
  source: "tests",
  defaultAllocation: true,
  notes: [],
  defaults: [],
  max: 100,
  sections: [
    { code: "1", title: "组织建设", points: 60, indicators: [] },
    { code: "2", title: "作用发挥", points: 40, indicators: [] },
  ],
  vetoes: [{ code: "V1", text: "发生严重违纪问题" }],
  bands: [
    { name: "好", min: 90 },
    { name: "较好", min: 80 },
    { name: "一般", min: 70 },
    { name: "较差", min: 0 },
  ],
  passLine: { minTotal: 80, noVeto: true },
  raters: ["self", "mass", "org"],
  ranking: "dense",
};

export function withQuota(share = 0.1): Scheme {
  return { ...SCHEME, id: "test-quota", quota: { recommendShare: share, rounding: "floor", excludeNamed: true } };
}

export interface TemplateSpec {
  subject: string;
  org?: string;
  rater?: RaterKind | "";
  total: number;
  /** section 1 score; section 2 gets total − section 1. Default: 60% of the total, rounded down to 0.5 */
  section1?: number;
  vetoReasons?: string[];
  issues?: Issue[];
  scheme?: string;
  period?: string;
  /** the band the workbook itself reported (the summary recomputes it) */
  band?: string;
  /** default final */
  status?: SheetStatus;
  /** default 0, whatever `issues` holds: the summary takes the sheet's own count */
  errors?: number;
}

/** A scored template as scoreWorkbook gives it, for the given file. */
export function scored(file: string, spec: TemplateSpec): SummaryInput {
  const section1 = spec.section1 ?? Math.floor(spec.total * 1.2) / 2;
  const vetoed = (spec.vetoReasons ?? []).length > 0;
  const result: ScoreResult = {
    scheme: spec.scheme ?? SCHEME.id,
    schemeVersion: "1",
    total: spec.total,
    max: 100,
    band: spec.band ?? (vetoed ? VETOED_BAND : "（工作簿自报）"),
    pass: !vetoed && spec.total >= 80,
    vetoed,
    vetoReasons: spec.vetoReasons ?? [],
    sections: [
      { code: "1", title: "组织建设", points: 60, score: section1 },
      { code: "2", title: "作用发挥", points: 40, score: sub(spec.total, section1) },
    ],
    indicators: [],
    rules: [],
    issues: spec.issues ?? [],
  };
  return {
    file,
    problems: [],
    scored: {
      meta: {
        subject: spec.subject,
        org: spec.org ?? "机关党委",
        period: spec.period ?? "2020年度",
        rater: spec.rater ?? "org",
        evaluator: "",
        date: "",
      },
      result,
      status: spec.status ?? "final",
      errors: spec.errors ?? 0,
    },
  };
}

/** An org-rated template per total, subjects 支部1, 支部2 … in that order. */
export function branches(totals: number[], scheme = SCHEME.id): SummaryInput[] {
  return totals.map((total, i) => scored(`b${i + 1}.xlsx`, { subject: `支部${i + 1}`, total, scheme }));
}

export function issue(cell: string, message: string, severity: Issue["severity"] = "error"): Issue {
  return { severity, kind: "range-outside", code: "1.1-1", field: "deduction", cell, message };
}
