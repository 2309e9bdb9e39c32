/**
 * Every key of the hidden sheets this product writes into a user's workbook, in one place:
 * - `_meta` (contracts.md): the subject's meta values from A1 down, then `cell:<code>:<field>` rows whose value is the
 *   A1 address of that cell on the scoring sheet, and the 定稿 status. Shared by the planner, the filler, the reader
 *   and the task pane.
 * - `_summary`: the record of the sheets a 生成汇总表 made (taskpane/summary/logic/summary-record.ts).
 */
import { RATER_LABELS } from "../rubric/raters";
import type { RaterKind } from "../rubric/types";
import type { EntryField, SubjectMeta } from "../scoring/types";

export const META_SHEET_NAME = "_meta";
export const CONTRACT_VERSION = 1;

/** The first rows of `_meta`, in contract order: format version, scheme id, scheme version. */
export const CONTRACT_KEY = "contract";
export const SCHEME_KEY = "scheme";
export const SCHEME_VERSION_KEY = "schemeVersion";

/** The subject's meta keys, in the contract's row order (after `contract`, `scheme`, `schemeVersion`). */
export const SUBJECT_META_KEYS = ["subject", "org", "period", "rater", "evaluator", "date"] as const satisfies readonly (keyof SubjectMeta)[];
export type SubjectMetaKey = (typeof SUBJECT_META_KEYS)[number];

/** The roster's id of the subject (contracts: an addition), present only in templates made from a roster. */
export const SUBJECT_ID_KEY = "subjectId";
/** The sheet's 状态 (填写中 / 已定稿): `cell:meta:status` addresses its visible input; `status` in `_meta` (draft / final) is what 定稿 in the task pane records beside it. */
export const STATUS_META_KEY = "status";
export type HeaderMetaKey = SubjectMetaKey | typeof STATUS_META_KEY;

/** The key whose value is the scoring sheet's (final) name. */
export const SHEET_KEY = "sheet";

export type CellField = EntryField | "flag" | "score";
const CELL_FIELDS: readonly CellField[] = ["quantity", "deduction", "award", "raw", "reason", "evidence", "flag", "score"];

/** Codes of the output cells that are not rubric items. */
export const TOTAL_CODE = "total";
export const BAND_CODE = "band";
export const PASS_CODE = "pass";
/** the sheet's count of errors (a hidden cell the 等次 and 达标 formulas read) */
export const ERRORS_CODE = "errors";
/** `cell:meta:<key>` addresses the visible header inputs. */
export const META_CODE = "meta";

export function cellKey(code: string, field: string): string {
  return `cell:${code}:${field}`;
}

/**
 * 定稿 in `_meta`: key `status` (`final` once finalised, `draft` after 解除定稿) and `finalizedAt` (ISO time, blank when
 * reopened). An addition to the contract's key list; readers that do not know these keys ignore them.
 */
export const STATUS_KEY = "status";
const FINALIZED_AT_KEY = "finalizedAt";
const FINAL_STATUS = "final";
const DRAFT_STATUS = "draft";

export function finalMetaValues(now: Date): Record<string, string> {
  return { [STATUS_KEY]: FINAL_STATUS, [FINALIZED_AT_KEY]: now.toISOString() };
}

export function draftMetaValues(): Record<string, string> {
  return { [STATUS_KEY]: DRAFT_STATUS, [FINALIZED_AT_KEY]: "" };
}

export function isFinalStatus(status: string | undefined): boolean {
  return (status ?? "").trim().toLowerCase() === FINAL_STATUS;
}

/**
 * The hidden `_summary` sheet: a marker row, then `sheet | <name> | <A1 text>` per sheet made, `record | <own name>`
 * and `generatedAt | <ISO time>`.
 */
export const SUMMARY_RECORD_SHEET = "_summary";
export const SUMMARY_RECORD_MARKER: readonly [string, string] = ["branch-scoring", "summary"];
export const SUMMARY_SHEET_ROW = "sheet";
export const SUMMARY_SELF_ROW = "record";
export const SUMMARY_TIME_ROW = "generatedAt";

/**
 * The summary workbook's hidden data sheet (src/summary/rollup): every compiled input, so a higher level can roll
 * summaries up. Readers that score pick it up beside the `_meta` sheets.
 */
export const SUMMARY_DATA_SHEET = "_rows";

export function isSummaryDataSheetName(name: string): boolean {
  return name.toLowerCase() === SUMMARY_DATA_SHEET;
}

/** `key` is a standard key or one of the scheme's own header fields (Scheme.headerFields). */
export function metaCellKey(key: string): string {
  return cellKey(META_CODE, key);
}

export type ParsedCellKey =
  | { kind: "item"; code: string; field: CellField }
  | { kind: "meta"; key: string };

const CELL_PREFIX = "cell:";
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Rule codes contain "-" and "." but never ":", so the last ":" separates the field: `cell:<code>:<field>`, the code
 * not empty and on one line, the field in lower-case letters. Scanned by hand rather than matched whole by a regular
 * expression (every `_meta` row of every file comes through here).
 */
export function parseCellKey(untrimmed: string): ParsedCellKey | null {
  const key = untrimmed.trim();
  const colon = key.lastIndexOf(":");
  if (!key.startsWith(CELL_PREFIX) || colon <= CELL_PREFIX.length || colon === key.length - 1) return null;
  const field = key.slice(colon + 1);
  for (let at = 0; at < field.length; at++) {
    const letter = field.charCodeAt(at);
    if (letter < 97 || letter > 122) return null;
  }
  const code = key.slice(CELL_PREFIX.length, colon);
  if (LINE_BREAK.test(code)) return null;
  if (code === META_CODE) {
    return { kind: "meta", key: field };
  }
  return (CELL_FIELDS as readonly string[]).includes(field) ? { kind: "item", code, field: field as CellField } : null;
}

export function isSubjectMetaKey(key: string): key is SubjectMetaKey {
  return (SUBJECT_META_KEYS as readonly string[]).includes(key);
}

/** The value of a header input: a standard key's field, or a scheme header field's entry in `extra`. */
export function headerValue(meta: Partial<SubjectMeta>, key: string): string {
  return (isSubjectMetaKey(key) ? meta[key] : meta.extra?.[key]) ?? "";
}

/** The rater a header cell names, by its Chinese label or its English value. */
export function raterFromLabel(label: string): RaterKind | null {
  const trimmed = label.trim();
  for (const [kind, shown] of Object.entries(RATER_LABELS) as [RaterKind, string][]) {
    if (trimmed === shown || trimmed === kind) return kind;
  }
  return null;
}

/**
 * A ballot workbook's `_meta` (contracts.md additions): `kind` = `ballot` (a 民主测评表) or `ballot-count` (a 计票表),
 * `choices` (the levels, separated by 、), `expected` (应到, when known), and per subject n (from 1)
 * `cell:S<n>:subject`, `cell:S<n>:org`, `cell:S<n>:choice`. On a 计票表 the choice address is the subject's cell on the
 * first ballot row, and `cell:meta:ballot` the first 票号 cell: ballots run down from there, one per row.
 */
export const KIND_KEY = "kind";
export const BALLOT_KIND = "ballot";
export const BALLOT_COUNT_KIND = "ballot-count";
export const CHOICES_KEY = "choices";
export const EXPECTED_KEY = "expected";
export type BallotCellField = "subject" | "org" | "choice";

export function ballotCellKey(subjectNumber: number, field: BallotCellField): string {
  return cellKey(`S${subjectNumber}`, field);
}
