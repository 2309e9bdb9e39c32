/**
 * Keys of the hidden `_meta` sheet (contracts.md): the subject's meta values from A1 down, then `cell:<code>:<field>`
 * rows whose value is the A1 address of that cell on the scoring sheet. Shared by the planner, the filler and the reader.
 */
import type { RaterKind } from "../rubric/types";
import type { EntryField, SubjectMeta } from "../scoring/types";

export const META_SHEET_NAME = "_meta";
export const CONTRACT_VERSION = 1;

/** The subject's meta keys, in the contract's row order (after `contract`, `scheme`, `schemeVersion`). */
export const SUBJECT_META_KEYS = ["subject", "org", "period", "rater", "evaluator", "date"] as const satisfies readonly (keyof SubjectMeta)[];
export type SubjectMetaKey = (typeof SUBJECT_META_KEYS)[number];

/** The key whose value is the scoring sheet's (final) name. */
export const SHEET_KEY = "sheet";

export type CellField = EntryField | "flag" | "score";
export const CELL_FIELDS: readonly CellField[] = ["quantity", "deduction", "award", "raw", "reason", "evidence", "flag", "score"];

/** Codes of the output cells that are not rubric items. */
export const TOTAL_CODE = "total";
export const BAND_CODE = "band";
export const PASS_CODE = "pass";
/** `cell:meta:<key>` addresses the visible header inputs. */
export const META_CODE = "meta";

export function cellKey(code: string, field: CellField | SubjectMetaKey): string {
  return `cell:${code}:${field}`;
}

export function metaCellKey(key: SubjectMetaKey): string {
  return cellKey(META_CODE, key);
}

export type ParsedCellKey =
  | { kind: "item"; code: string; field: CellField }
  | { kind: "meta"; key: SubjectMetaKey };

/** Rule codes contain "-" and "." but never ":", so the last ":" separates the field. */
export function parseCellKey(key: string): ParsedCellKey | null {
  const match = /^cell:(.+):([a-z]+)$/.exec(key.trim());
  if (!match) return null;
  const [, code, field] = match;
  if (code === META_CODE) {
    return (SUBJECT_META_KEYS as readonly string[]).includes(field) ? { kind: "meta", key: field as SubjectMetaKey } : null;
  }
  return (CELL_FIELDS as readonly string[]).includes(field) ? { kind: "item", code, field: field as CellField } : null;
}

/** 评价方 as shown on the scoring sheet; `_meta` keeps the English value. */
export const RATER_LABELS: Record<RaterKind, string> = { self: "自评", mass: "测评", org: "考评" };

export function raterFromLabel(label: string): RaterKind | null {
  const trimmed = label.trim();
  for (const [kind, shown] of Object.entries(RATER_LABELS) as [RaterKind, string][]) {
    if (trimmed === shown || trimmed === kind) return kind;
  }
  return null;
}
