/**
 * The reader: a workbook grid in, for every template found (one per `_meta` sheet) the scheme, the subject's meta, the
 * entries to score and where each cell is — or the reason the template cannot be scored. Pure: no I/O, no scoring.
 */
import { RATER_LABELS } from "../rubric/raters";
import type { Scheme } from "../rubric/types";
import { STATUS_LABELS } from "../scoring/status";
import { trimLikeSheet } from "../scoring/values";
import type { CellValue, Entries, Issue, SubjectMeta } from "../scoring/types";
import { CONTRACT_KEY, CONTRACT_VERSION, META_CODE, SCHEME_KEY, SCHEME_VERSION_KEY, SHEET_KEY, STATUS_KEY, STATUS_META_KEY, isFinalStatus } from "./meta-keys";
import { kindOf } from "../scoring/kinds";
import { cellValueAt, formulaAt, readEntries, readSubjectMeta } from "./read-entries";
import { relocateCells } from "./read-locate";
import { bestCarrier, codedItems, namedSheet, recordedSheetName } from "./read-match";
import type { MetaTable } from "./read-meta";
import { cellMapKey, isMetaSheetName, readMetaTable } from "./read-meta";
import type { Grid, WorkbookGrid } from "./types";

/** The subject's meta values plus the scheme id and version the template was made for (as `_meta` records them). */
export type TemplateMeta = SubjectMeta & { scheme: string; schemeVersion: string };

/** A score output cell as found: its cached (last calculated) value and its formula, if it still has one. */
export interface ScoreCell {
  /** indicator or section code, or "total" / "band" / "pass" */
  code: string;
  cell: string;
  cached: CellValue;
  formula: string | null;
}

export interface ReadTemplate {
  metaSheet: string;
  /** the scoring sheet's name */
  sheet: string;
  scheme: Scheme;
  meta: TemplateMeta;
  /** 定稿: the 状态 input reads 已定稿 (on a template without it, `_meta` records the template as final) */
  finalized: boolean;
  entries: Entries;
  /** whether the template has the 状态 input, and so 等次/达标 formulas that show 未填写, errors and 草稿 */
  hasStatusCell: boolean;
  /** "code:field" → A1 address on the scoring sheet, after re-finding moved rows */
  cells: Record<string, string>;
  outputs: ScoreCell[];
  /** what the reader noticed: row-moved, meta-invalid … */
  issues: Issue[];
}

export type ReadFailureReason = "no-meta" | "contract" | "unknown-scheme" | "scheme-version" | "meta-incomplete" | "no-sheet";

export interface ReadFailure {
  /** null when the workbook has no `_meta` sheet at all */
  metaSheet: string | null;
  reason: ReadFailureReason;
  /** Chinese, names the sheet and cell concerned */
  message: string;
}

export interface ReadOutcome {
  /** readable templates in tab order of their meta sheets */
  templates: ReadTemplate[];
  failures: ReadFailure[];
}

type Step<T> = { ok: true; value: T } | { ok: false; failure: ReadFailure };
export type ReadStep = Step<ReadTemplate>;

const NO_META_MESSAGE =
  "找不到 _meta 工作表：这不是由本工具生成的评分表（或 _meta 已被删除）。请用「插入评分表」或 branch-scoring template 重新生成评分表后再填写";

function resolveScheme(table: MetaTable, resolve: (id: string) => Scheme | undefined): Step<Scheme> {
  const contract = table.values[CONTRACT_KEY] ?? "";
  if (contract !== String(CONTRACT_VERSION)) {
    const found = contract === "" ? "没有 contract 行" : `contract 为「${contract}」`;
    return fail(table, "contract", `「${table.sheet}」工作表${found}，本工具只能读取格式版本 ${CONTRACT_VERSION} 的评分表`);
  }
  const id = table.values[SCHEME_KEY] ?? "";
  const scheme = id === "" ? undefined : resolve(id);
  if (!scheme) {
    const found = id === "" ? "没有 scheme 行" : `的考评方案「${id}」不认识`;
    return fail(table, "unknown-scheme", `「${table.sheet}」工作表${found}（可用 branch-scoring schemes 查看方案；自定义方案请用 --rubric 指定方案文件）`);
  }
  return { ok: true, value: scheme };
}

function fail<T>(table: MetaTable | null, reason: ReadFailureReason, message: string): Step<T> {
  return { ok: false, failure: { metaSheet: table?.sheet ?? null, reason, message } };
}

/**
 * Every rule's amount/count inputs and every veto flag must have an address: scoring a rule whose cell is unknown
 * as blank would silently raise the total. A version difference is acceptable only when nothing is missing.
 */
function checkCompleteness(table: MetaTable, scheme: Scheme): Step<Issue[]> {
  const missing: string[] = [];
  for (const section of scheme.sections) {
    for (const indicator of section.indicators) {
      for (const rule of indicator.rules) {
        const needed = kindOf(rule).inputs.filter((field) => field !== "reason" && field !== "evidence");
        if (needed.some((field) => table.cells[cellMapKey(rule.code, field)] === undefined)) missing.push(rule.code);
      }
    }
  }
  for (const veto of scheme.vetoes) if (table.cells[cellMapKey(veto.code, "flag")] === undefined) missing.push(veto.code);

  const recorded = table.values[SCHEME_VERSION_KEY] ?? "";
  const versionDiffers = recorded !== scheme.version;
  const versions = `评分表按「${scheme.title}」${recorded || "（未记录）"} 版制作，当前方案为 ${scheme.version} 版`;
  if (missing.length > 0) {
    const listed = missing.slice(0, 8).join("、") + (missing.length > 8 ? ` 等 ${missing.length} 项` : "");
    const bad = table.badAddresses.map((row) => `${table.sheet}!${row.at}「${row.value}」不是单元格地址`).join("；");
    const why = versionDiffers ? `${versions}，` : "";
    return fail(
      table,
      versionDiffers ? "scheme-version" : "meta-incomplete",
      `${why}「${table.sheet}」缺少 ${listed} 的单元格地址${bad ? `（${bad}）` : ""}，无法可靠计分；请用当前版本重新生成评分表并转抄`,
    );
  }
  if (!versionDiffers) return { ok: true, value: [] };
  return {
    ok: true,
    value: [
      {
        severity: "warning",
        kind: "meta-invalid",
        code: "meta:schemeVersion",
        cell: null,
        message: `${versions}；所有规则的单元格都已找到，已按当前版本计分，请核对评分标准是否有变化`,
      },
    ],
  };
}

/** The scoring sheet of a `_meta` in a whole workbook, by the one matching rule of ./read-match.ts. */
function findScoringSheet(sheets: readonly Grid[], table: MetaTable, codes: ReadonlySet<string>): Step<{ grid: Grid; issues: Issue[] }> {
  const candidates = sheets.filter((grid) => !isMetaSheetName(grid.name));
  const named = namedSheet(table, candidates.map((grid) => grid.name));
  const exact = named === null ? undefined : candidates.find((grid) => grid.name === named);
  if (exact) return { ok: true, value: { grid: exact, issues: [] } };

  const recorded = recordedSheetName(table);
  const best = bestCarrier(candidates, codes);
  if (recorded === "") {
    if (best) return { ok: true, value: { grid: best, issues: [] } };
    if (candidates.length === 0) return fail(table, "no-sheet", `「${table.sheet}」对应的评分表工作表不存在（工作簿中除 _meta 外没有其他工作表）`);
    return fail(table, "no-sheet", `「${table.sheet}」没有记录评分表工作表，也找不到带有本方案编号的工作表`);
  }
  if (!best) return fail(table, "no-sheet", `「${table.sheet}」记录的评分表工作表「${recorded}」不存在，也找不到带有本方案编号的工作表`);
  const renamed: Issue = {
    severity: "warning",
    kind: "meta-invalid",
    code: `meta:${SHEET_KEY}`,
    cell: null,
    message: `「${table.sheet}」记录的评分表工作表「${recorded}」不存在，已按 A 列编号改读「${best.name}」`,
  };
  return { ok: true, value: { grid: best, issues: [renamed] } };
}

function readScoreCells(grid: Grid, cells: Record<string, string>): ScoreCell[] {
  const outputs: ScoreCell[] = [];
  for (const [key, cell] of Object.entries(cells)) {
    if (!key.endsWith(":score")) continue;
    outputs.push({ code: key.slice(0, -":score".length), cell, cached: cellValueAt(grid, cell), formula: formulaAt(grid, cell) });
  }
  return outputs;
}

/** Reads the template a `_meta` describes, its scoring sheet found among `sheets` by the matching rule. */
function readTemplate(sheets: readonly Grid[], metaGrid: Grid, resolve: (id: string) => Scheme | undefined): ReadStep {
  const table = readMetaTable(metaGrid);
  const scheme = resolveScheme(table, resolve);
  if (!scheme.ok) return scheme;
  const complete = checkCompleteness(table, scheme.value);
  if (!complete.ok) return complete;
  const codes = codedItems(scheme.value);
  const found = findScoringSheet(sheets, table, codes);
  if (!found.ok) return found;

  const { grid } = found.value;
  const located = relocateCells(table.cells, grid, codes);
  const entries = readEntries(scheme.value, grid, located.cells);
  const subject = readSubjectMeta(grid, located.cells, table.values);
  const rater = subject.meta.rater;
  if (rater !== "" && !scheme.value.raters.includes(rater)) {
    const allowed = scheme.value.raters.map((kind) => RATER_LABELS[kind]).join("、");
    subject.issues.push({
      severity: "warning",
      kind: "meta-invalid",
      code: "meta:rater",
      cell: located.cells[cellMapKey("meta", "rater")] ?? null,
      message: `评价方「${RATER_LABELS[rater]}」不在方案「${scheme.value.shortTitle}」的评定程序中（${allowed}），请核对`,
    });
  }
  const statusCell = located.cells[cellMapKey(META_CODE, STATUS_META_KEY)];
  return {
    ok: true,
    value: {
      metaSheet: table.sheet,
      sheet: grid.name,
      scheme: scheme.value,
      meta: { ...subject.meta, scheme: table.values[SCHEME_KEY] ?? "", schemeVersion: table.values[SCHEME_VERSION_KEY] ?? "" },
      // the visible 状态 input, as the sheet's formulas read it (a secretary may set it by hand, without the add-in);
      // templates made before it existed keep 定稿 in `_meta` only
      finalized: statusCell === undefined ? isFinalStatus(table.values[STATUS_KEY]) : trimLikeSheet(String(cellValueAt(grid, statusCell) ?? "")) === STATUS_LABELS.final,
      entries,
      hasStatusCell: statusCell !== undefined,
      cells: located.cells,
      outputs: readScoreCells(grid, located.cells),
      issues: [...complete.value, ...found.value.issues, ...located.issues, ...subject.issues],
    },
  };
}

/**
 * The template of one `_meta` read from exactly that grid and the sheet's: what the task pane reads while the user
 * works on a sheet, without reading the rest of the workbook. The sheet must be the one the `_meta` describes.
 */
export function readTemplateOn(metaGrid: Grid, sheetGrid: Grid, resolve: (id: string) => Scheme | undefined): ReadStep {
  return readTemplate([sheetGrid], metaGrid, resolve);
}

/**
 * Every template of a workbook. `resolve` maps a scheme id to its scheme (the catalogue, or a custom rubric file).
 * A workbook without any `_meta` sheet gives a single failure with metaSheet null.
 */
export function readScoringWorkbook(book: WorkbookGrid, resolve: (id: string) => Scheme | undefined): ReadOutcome {
  const metaGrids = book.sheets.filter((grid) => isMetaSheetName(grid.name));
  if (metaGrids.length === 0) return { templates: [], failures: [{ metaSheet: null, reason: "no-meta", message: NO_META_MESSAGE }] };
  const outcome: ReadOutcome = { templates: [], failures: [] };
  for (const metaGrid of metaGrids) {
    const step = readTemplate(book.sheets, metaGrid, resolve);
    if (step.ok) outcome.templates.push(step.value);
    else outcome.failures.push(step.failure);
  }
  return outcome;
}
