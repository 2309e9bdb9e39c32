/** The hidden `_meta` sheet: the subject's meta values, then the address of every cell that matters (contracts.md). */
import type { Scheme } from "../rubric/types";
import type { SubjectMeta } from "../scoring/types";
import type { EntryField } from "../scoring/types";
import { a1 } from "./addresses";
import { BAND_CODE, CONTRACT_KEY, CONTRACT_VERSION, ERRORS_CODE, META_SHEET_NAME, SCHEME_KEY, SCHEME_VERSION_KEY, PASS_CODE, SHEET_KEY, STATUS_META_KEY, SUBJECT_ID_KEY, SUBJECT_META_KEYS, TOTAL_CODE, cellKey, metaCellKey } from "./meta-keys";
import { sheetCounts } from "./plan-params";
import type { SheetLayout } from "./plan-layout";
import { META_STYLES, STYLE } from "./plan-styles";
import type { PlanCell, SheetPlan, WorkbookPlan } from "./types";
import { sheetPlan } from "./sheet-plan";

/** [key, value] rows in contract order. */
export function metaRows(scheme: Scheme, layout: SheetLayout, meta: Partial<SubjectMeta>, sheetName: string): [string, string | number][] {
  const rows: [string, string | number][] = [
    [CONTRACT_KEY, CONTRACT_VERSION],
    [SCHEME_KEY, scheme.id],
    [SCHEME_VERSION_KEY, scheme.version],
  ];
  // a scheme's own header fields have only their `cell:meta:<key>` row: the visible cell holds the value
  for (const key of SUBJECT_META_KEYS) rows.push([key, meta[key] ?? ""]);
  if (meta.subjectId) rows.push([SUBJECT_ID_KEY, meta.subjectId]);
  rows.push([SHEET_KEY, sheetName]);
  for (const header of layout.header) rows.push([metaCellKey(header.key), header.input]);
  rows.push([metaCellKey(STATUS_META_KEY), layout.status.input]);
  for (const section of layout.sections) {
    rows.push([cellKey(section.section.code, "score"), section.score]);
    for (const indicator of section.indicators) {
      rows.push([cellKey(indicator.indicator.code, "score"), indicator.score]);
      for (const rule of indicator.rules) {
        for (const [field, address] of Object.entries(rule.inputs) as [EntryField, string][]) rows.push([cellKey(rule.rule.code, field), address]);
      }
    }
  }
  for (const veto of layout.vetoes) {
    rows.push([cellKey(veto.veto.code, "flag"), veto.flag]);
    rows.push([cellKey(veto.veto.code, "reason"), veto.reason]);
  }
  rows.push([cellKey(TOTAL_CODE, "score"), layout.total]);
  rows.push([cellKey(BAND_CODE, "score"), layout.band]);
  rows.push([cellKey(PASS_CODE, "score"), layout.pass]);
  const counts = sheetCounts(layout);
  if (counts) rows.push([cellKey(ERRORS_CODE, "score"), counts.errors]);
  return rows;
}

export function planMetaSheet(rows: [string, string | number][]): SheetPlan {
  const cells: PlanCell[][] = rows.map(([key, value]) => [
    { value: key, style: STYLE.metaKey },
    { value, style: STYLE.metaValue },
  ]);
  return sheetPlan({
    name: META_SHEET_NAME,
    visibility: "hidden",
    cells,
    styles: META_STYLES,
    columnWidths: [28, 40],
  });
}

/** The `_meta` cell holding the scoring sheet's name, declared so a host that renames the sheet writes the real name. */
export function sheetNameCell(rows: [string, string | number][], scoringSheet: string): NonNullable<WorkbookPlan["nameCells"]>[number] {
  const index = rows.findIndex(([key]) => key === SHEET_KEY);
  return { sheet: META_SHEET_NAME, address: a1(index, 1), refersTo: scoringSheet };
}
