/**
 * Reading the inputs off the scoring sheet once the cells are located: the rule entries (with unambiguous text
 * numbers converted), the veto flags and the subject's meta values from the visible header cells.
 */
import { RATER_LABELS } from "../rubric/raters";
import type { RaterKind, Scheme } from "../rubric/types";
import type { CellValue, Entries, Issue, RuleEntry, SubjectMeta } from "../scoring/types";
import { isSubjectMetaKey, raterFromLabel, SUBJECT_ID_KEY, SUBJECT_META_KEYS } from "./meta-keys";
import { kindOf } from "../scoring/kinds";
import { mul } from "../numbers/decimal";
import { parseA1 } from "./addresses";
import { cellMapKey, cellText } from "./read-meta";
import type { Grid } from "./types";

export function cellValueAt(grid: Grid, address: string): CellValue {
  const position = parseA1(address);
  if (!position) return null;
  return grid.values[position.row]?.[position.column] ?? null;
}

export function formulaAt(grid: Grid, address: string): string | null {
  const position = parseA1(address);
  if (!position) return null;
  const formula = grid.formulas[position.row]?.[position.column];
  // a host that reports constants in its formulas array (as Office.js does) must not make them look like formulas
  return typeof formula === "string" && formula.startsWith("=") ? formula : null;
}

/**
 * A percentage quantity as the cell shows it: 96 in a plain cell, 0.96 in a percent-formatted one (what Excel stores
 * when "96%" is typed) are both 96 %. The sheet's formulas read the format with CELL("format") to the same effect.
 */
function percentQuantity(grid: Grid, address: string, value: CellValue): CellValue {
  return typeof value === "number" && grid.percentCells?.includes(address) ? mul(value, 100) : value;
}

/** The inputs as the cells hold them: text stays text (the engine counts it 0 and reports it, as the formulas do). */
export function readEntries(scheme: Scheme, grid: Grid, cells: Record<string, string>): Entries {
  const entries: Entries = { rules: {}, vetoes: {} };
  for (const section of scheme.sections) {
    for (const indicator of section.indicators) {
      for (const rule of indicator.rules) {
        const entry: RuleEntry = {};
        // only the fields the rule's kind takes: a count rule's computed 扣分 cell is an output, not an input
        for (const field of kindOf(rule).inputs) {
          const address = cells[cellMapKey(rule.code, field)];
          if (address === undefined) continue;
          const value = cellValueAt(grid, address);
          entry[field] = rule.kind === "count" && rule.unit === "%" && field === "quantity" ? percentQuantity(grid, address, value) : value;
        }
        entries.rules[rule.code] = entry;
      }
    }
  }
  for (const veto of scheme.vetoes) {
    const address = cells[cellMapKey(veto.code, "flag")];
    entries.vetoes[veto.code] = address === undefined ? null : cellValueAt(grid, address);
  }
  return entries;
}

/** Words a rater cell may hold besides 自评/测评/考评 and self/mass/org. */
const RATER_SYNONYMS: Record<string, RaterKind> = {
  自我评价: "self",
  党员群众测评: "mass",
  民主测评: "mass",
  群众测评: "mass",
  上级评定: "org",
  上级考评: "org",
  组织考评: "org",
};

function parseRater(text: string): RaterKind | null {
  const trimmed = text.trim();
  return raterFromLabel(trimmed) ?? raterFromLabel(trimmed.toLowerCase()) ?? RATER_SYNONYMS[trimmed] ?? null;
}

/** Excel's day 0 is 1899-12-30 (counting its fictitious 1900-02-29), in milliseconds since 1970. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Dates come back from the xlsx host as ISO strings and from Office.js as serial day numbers; either reads better
 * as 2024-12-31.
 */
function displayText(value: CellValue, key: string): string {
  if (key === "date" && typeof value === "number" && Number.isInteger(value) && value > 0 && value < 2958466) {
    return new Date(EXCEL_EPOCH_MS + value * DAY_MS).toISOString().slice(0, 10);
  }
  const text = cellText(value);
  const midnight = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z$/.exec(text);
  return midnight ? midnight[1] : text;
}

/** The scheme's own header fields (Scheme.headerFields): every `cell:meta:<key>` that is not a standard key. */
function readExtraMeta(grid: Grid, cells: Record<string, string>): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [mapKey, address] of Object.entries(cells)) {
    const key = /^meta:(.+)$/.exec(mapKey)?.[1];
    if (key === undefined || isSubjectMetaKey(key)) continue;
    extra[key] = displayText(cellValueAt(grid, address), key);
  }
  return extra;
}

/**
 * The subject's meta values: from the visible header cell when `_meta` gives its address (what the user sees and
 * edits), else from `_meta`'s own value.
 */
export function readSubjectMeta(
  grid: Grid,
  cells: Record<string, string>,
  metaValues: Record<string, string>,
): { meta: SubjectMeta; issues: Issue[] } {
  const text: Record<string, string> = {};
  for (const key of SUBJECT_META_KEYS) {
    const address = cells[cellMapKey("meta", key)];
    text[key] = address === undefined ? (metaValues[key] ?? "") : displayText(cellValueAt(grid, address), key);
  }
  const issues: Issue[] = [];
  const rater = text.rater === "" ? "" : parseRater(text.rater);
  if (rater === null) {
    const labels = Object.values(RATER_LABELS).join("/");
    issues.push({
      severity: "warning",
      kind: "meta-invalid",
      code: "meta:rater",
      cell: cells[cellMapKey("meta", "rater")] ?? null,
      message: `评价方「${text.rater}」无法识别，应为 ${labels} 之一；按未填写处理`,
    });
  }
  const meta: SubjectMeta = { subject: text.subject, org: text.org, period: text.period, rater: rater ?? "", evaluator: text.evaluator, date: text.date };
  const extra = readExtraMeta(grid, cells);
  if (Object.keys(extra).length > 0) meta.extra = extra;
  const subjectId = metaValues[SUBJECT_ID_KEY] ?? "";
  if (subjectId !== "") meta.subjectId = subjectId;
  return { meta, issues };
}
