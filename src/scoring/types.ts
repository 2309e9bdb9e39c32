/** What the engine takes (entries) and gives (a result with issues). Plain data, no spreadsheet types. */
import type { RaterKind } from "../rubric/types";

/** A value as it comes out of a cell: the engine validates it, so text and booleans are possible. */
export type CellValue = string | number | boolean | null;

/** The inputs of one rule, as entered. Absent or null = blank. */
export interface RuleEntry {
  /** count of occurrences (fixed-each, range-each) or actual quantity (count) */
  quantity?: CellValue;
  deduction?: CellValue;
  award?: CellValue;
  /** raw score of a convert rule */
  raw?: CellValue;
  reason?: CellValue;
  evidence?: CellValue;
}

/** The input fields a rule row can have; also the field names of `_meta` cell keys. */
export type EntryField = keyof RuleEntry;

export interface Entries {
  /** by rule code */
  rules: Record<string, RuleEntry>;
  /** by veto code: 是 / 否 / blank */
  vetoes: Record<string, CellValue>;
}

export interface SubjectMeta {
  subject: string;
  org: string;
  period: string;
  rater: RaterKind | "";
  evaluator: string;
  date: string;
  /** values of the scheme's own header fields (Scheme.headerFields), by key */
  extra?: Record<string, string>;
  /** the roster's id of the subject (`_meta` key `subjectId`, written by `template --roster`) */
  subjectId?: string;
}

export type Severity = "error" | "warning";

/** Stable identifiers of what went wrong; the message carries the Chinese text. */
export type IssueKind =
  | "not-a-number"
  | "negative"
  | "above-bound"
  | "off-step"
  | "fixed-mismatch"
  | "range-outside"
  | "each-outside"
  | "quantity-missing"
  | "quantity-invalid"
  | "raw-missing"
  | "reason-missing"
  | "over-points"
  | "veto-invalid"
  | "text-number"
  | "cached-mismatch"
  | "row-moved"
  | "meta-invalid"
  /** a rule scored from the 民主测评 tally, where the sheet claimed another value */
  | "tally-differs";

export interface Issue {
  severity: Severity;
  kind: IssueKind;
  /** rule, indicator or veto code ("1.2-3", "1.2", "V1"), or "total" / "meta:<key>" */
  code: string;
  /** the input field concerned, when there is one */
  field?: EntryField | "flag" | "score";
  /** A1 address on the scoring sheet; null until the sheet layer fills it */
  cell: string | null;
  /** Chinese, names the rule and what is expected */
  message: string;
}

export interface RuleResult {
  code: string;
  deduction: number;
  award: number;
}

export interface IndicatorResult {
  code: string;
  title: string;
  points: number;
  deduction: number;
  award: number;
  score: number;
}

export interface SectionResult {
  code: string;
  title: string;
  points: number;
  score: number;
}

export interface ScoreResult {
  scheme: string;
  schemeVersion: string;
  total: number;
  max: number;
  /** band name, or 不得参评 when vetoed */
  band: string;
  pass: boolean;
  vetoed: boolean;
  /** texts of the vetoes answered 是 */
  vetoReasons: string[];
  sections: SectionResult[];
  indicators: IndicatorResult[];
  rules: RuleResult[];
  issues: Issue[];
}

/** Shown instead of a band when a veto applies. */
export const VETOED_BAND = "不得参评";
