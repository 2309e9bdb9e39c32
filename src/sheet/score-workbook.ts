/**
 * Scoring a workbook: read every template, score its entries with the engine, and put the cell address on every
 * issue. The CLI `score` and the compile score whole workbooks here; the task pane scores the one template it reads
 * (reader.readTemplateOn) with scoreTemplate. Scores come from the inputs, never
 * from cached formula results.
 */
import type { Scheme } from "../rubric/types";
import { scoreEntries } from "../scoring/engine";
import type { SheetStatus } from "../scoring/status";
import { errorCount, sheetStatus, verdictText } from "../scoring/status";
import type { Entries, Issue, ScoreResult } from "../scoring/types";
import { parseA1 } from "./addresses";
import { cachedScoreIssues } from "./read-cached";
import { cellMapKey } from "./read-meta";
import type { ReadFailure, ReadTemplate, TemplateMeta } from "./reader";
import { readScoringWorkbook } from "./reader";
import type { WorkbookGrid } from "./types";

export interface TemplateScore {
  metaSheet: string;
  /** the scoring sheet's name */
  sheet: string;
  scheme: Scheme;
  meta: TemplateMeta;
  /** the engine's result; every issue carries its cell where it has one, reader issues included, in sheet order */
  result: ScoreResult;
  /** "code:field" → A1 address on the scoring sheet */
  cells: Record<string, string>;
  /** the inputs as read, which the engine scored */
  entries: Entries;
  /** blank (all inputs blank), draft (填写中) or final (已定稿) */
  status: SheetStatus;
  /** the number of error issues: while above 0 the sheet shows no verdict */
  errors: number;
}

/**
 * A scored workbook: its first template's score at the top level (what a one-template file, e.g. every file the
 * `template` command writes, is about), every template in `templates`, and templates that could not be read.
 */
export type ScoredWorkbook = { ok: true } & TemplateScore & { templates: TemplateScore[]; failures: ReadFailure[] };

/** Nothing in the workbook could be scored; `message` says why (several reasons joined). */
export interface UnusableWorkbook {
  ok: false;
  failures: ReadFailure[];
  message: string;
}

export type WorkbookScore = ScoredWorkbook | UnusableWorkbook;

/** Where a field's cell is missing (an indicator's over-points has no input of its own), the row's main cell. */
const FALLBACK_FIELDS = ["score", "deduction", "quantity", "award", "raw", "flag"];

function issueCell(issue: Issue, cells: Record<string, string>): string | null {
  if (issue.cell !== null) return issue.cell;
  for (const field of [issue.field, ...FALLBACK_FIELDS]) {
    const cell = field === undefined ? undefined : cells[cellMapKey(issue.code, field)];
    if (cell !== undefined) return cell;
  }
  return null;
}

/** Top to bottom, left to right; issues about the whole sheet (no cell) first; errors before warnings on a cell. */
function bySheetPosition(a: Issue, b: Issue): number {
  const pa = a.cell === null ? null : parseA1(a.cell);
  const pb = b.cell === null ? null : parseA1(b.cell);
  if (pa === null || pb === null) return (pa === null ? 0 : 1) - (pb === null ? 0 : 1);
  const order = pa.row - pb.row || pa.column - pb.column;
  if (order !== 0) return order;
  return (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1);
}

export function scoreTemplate(template: ReadTemplate): TemplateScore {
  const engine = scoreEntries(template.scheme, template.entries);
  const issues = [...template.issues, ...engine.issues.map((issue) => ({ ...issue, cell: issueCell(issue, template.cells) }))];
  const status = sheetStatus(template.entries, template.finalized);
  const errors = errorCount(issues);
  // what the sheet's 等次/达标 cells show; templates without the 状态 input show the bare verdict
  const shown = (verdict: string) => (template.hasStatusCell ? verdictText(status, errors, verdict) : verdict);
  issues.push(...cachedScoreIssues(template.outputs, engine, { errors, shown }));
  issues.sort(bySheetPosition);
  return {
    metaSheet: template.metaSheet,
    sheet: template.sheet,
    scheme: template.scheme,
    meta: template.meta,
    result: { ...engine, issues },
    cells: template.cells,
    entries: template.entries,
    status,
    errors,
  };
}

export function scoreWorkbook(book: WorkbookGrid, resolve: (id: string) => Scheme | undefined): WorkbookScore {
  const read = readScoringWorkbook(book, resolve);
  if (read.templates.length === 0) {
    return { ok: false, failures: read.failures, message: read.failures.map((failure) => failure.message).join("；") };
  }
  const templates = read.templates.map(scoreTemplate);
  return { ok: true, ...templates[0], templates, failures: read.failures };
}
