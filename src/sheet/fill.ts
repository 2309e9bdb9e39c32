/**
 * Puts entries into a planned template (pure): the input cells are found through the plan's own `_meta` rows, exactly
 * as a reader would find them. Used by the demo and by tests that need a filled-in workbook.
 */
import { RATER_LABELS } from "../rubric/raters";
import type { CellValue, Entries, SubjectMeta } from "../scoring/types";
import { parseA1 } from "./addresses";
import type { SubjectMetaKey } from "./meta-keys";
import { META_SHEET_NAME, SHEET_KEY, STATUS_META_KEY, SUBJECT_META_KEYS, cellKey, metaCellKey } from "./meta-keys";
import { STATUS_LABELS } from "../scoring/status";
import type { SheetPlan, WorkbookPlan } from "./types";

function metaSheet(plan: WorkbookPlan): SheetPlan {
  const sheet = plan.sheets.find((candidate) => candidate.name === META_SHEET_NAME);
  if (!sheet) throw new Error(`模板缺少 ${META_SHEET_NAME} 工作表 (the plan has no ${META_SHEET_NAME} sheet)`);
  return sheet;
}

/** The `_meta` key → value rows of a plan. */
export function planMetaValues(plan: WorkbookPlan): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  for (const row of metaSheet(plan).cells) {
    const key = row[0]?.value;
    if (typeof key === "string") values.set(key, row[1]?.value ?? null);
  }
  return values;
}

export function scoringSheetOf(plan: WorkbookPlan): SheetPlan {
  const name = planMetaValues(plan).get(SHEET_KEY);
  const sheet = plan.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`模板的 ${META_SHEET_NAME} 指向不存在的评分表“${String(name)}”`);
  return sheet;
}

function shownMeta(key: SubjectMetaKey, value: string): string {
  return key === "rater" && value in RATER_LABELS ? RATER_LABELS[value as keyof typeof RATER_LABELS] : value;
}

/**
 * Address → value of every scoring-sheet input the entries (and meta) set. Entries for codes or fields the template
 * has no cell for are an error: silently dropping them would make a test or demo score something else.
 */
/** The subject's meta, and the 状态 to set (the template says 填写中). */
export type FillMeta = Partial<SubjectMeta> & { status?: "draft" | "final" };

export function entryCells(plan: WorkbookPlan, entries: Entries, meta: FillMeta = {}): Record<string, CellValue> {
  const addresses = planMetaValues(plan);
  const cells: Record<string, CellValue> = {};
  const place = (key: string, value: CellValue | undefined): void => {
    if (value === undefined) return;
    const address = addresses.get(key);
    if (typeof address !== "string") throw new Error(`模板中没有 ${key} 对应的单元格`);
    cells[address] = value;
  };
  for (const [code, entry] of Object.entries(entries.rules)) {
    for (const [field, value] of Object.entries(entry) as [keyof typeof entry, CellValue | undefined][]) place(cellKey(code, field), value);
  }
  for (const [code, value] of Object.entries(entries.vetoes)) place(cellKey(code, "flag"), value);
  for (const key of SUBJECT_META_KEYS) {
    const value = meta[key];
    if (value !== undefined) place(metaCellKey(key), shownMeta(key, value));
  }
  for (const [key, value] of Object.entries(meta.extra ?? {})) place(metaCellKey(key), value);
  if (meta.status !== undefined) place(metaCellKey(STATUS_META_KEY), STATUS_LABELS[meta.status]);
  return cells;
}

function withValues(sheet: SheetPlan, values: Record<string, CellValue>): SheetPlan {
  const cells = sheet.cells.map((row) => [...row]);
  for (const [address, value] of Object.entries(values)) {
    const position = parseA1(address);
    if (!position) throw new Error(`无效的单元格地址 ${address}`);
    while (cells.length <= position.row) cells.push([]);
    const row = cells[position.row];
    while (row.length <= position.column) row.push(null);
    const style = row[position.column]?.style;
    row[position.column] = style === undefined ? { value } : { value, style };
  }
  return { ...sheet, cells };
}

/** The plan with values put into cells of one of its sheets (keeping each cell's style): a filled ballot, a typed 计票表. */
export function fillSheetPlan(plan: WorkbookPlan, sheetName: string, values: Record<string, CellValue>): WorkbookPlan {
  if (!plan.sheets.some((sheet) => sheet.name === sheetName)) throw new Error(`计划中没有工作表“${sheetName}”`);
  return { ...plan, sheets: plan.sheets.map((sheet) => (sheet.name === sheetName ? withValues(sheet, values) : sheet)) };
}

export function fillTemplatePlan(plan: WorkbookPlan, entries: Entries, meta: FillMeta = {}): WorkbookPlan {
  const scoring = scoringSheetOf(plan);
  const filled = withValues(scoring, entryCells(plan, entries, meta));
  const metaPlan = metaSheet(plan);
  const metaUpdates: Record<string, CellValue> = {};
  metaPlan.cells.forEach((row, index) => {
    const key = row[0]?.value;
    if (typeof key === "string" && (SUBJECT_META_KEYS as readonly string[]).includes(key)) {
      const value = meta[key as SubjectMetaKey];
      if (value !== undefined) metaUpdates[`B${index + 1}`] = value;
    }
  });
  const filledMeta = withValues(metaPlan, metaUpdates);
  return { ...plan, sheets: plan.sheets.map((sheet) => (sheet === scoring ? filled : sheet === metaPlan ? filledMeta : sheet)) };
}
