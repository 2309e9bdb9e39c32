/**
 * The compile pipeline, independent of where workbooks come from: each source's grid → scored templates → the
 * committee summary. One bad file always becomes a problem naming it, never an exception. Imports no host code that
 * needs Node (only the xlsx host's error class and option type), so a browser bundle can use it with its own reader.
 */
import { WorkbookFileError } from "../hosts/xlsx/errors";
import type { ReadWorkbookOptions } from "../hosts/xlsx/read-bytes";
import type { Roster } from "../roster/roster";
import { getScheme } from "../rubric/catalogue";
import type { RankStyle, Scheme } from "../rubric/types";
import type { ScoreResult, SubjectMeta } from "../scoring/types";
import { readBallotWorkbook } from "../ballot/read";
import { cellMapKey } from "../sheet/read-meta";
import { scoreWorkbook, type TemplateScore } from "../sheet/score-workbook";
import type { WorkbookGrid } from "../sheet/types";
import { filledReasons } from "../summary/differences";
import { periodsOf, type PeriodCount } from "../summary/periods";
import type { PanelMode } from "../summary/panel";
import { compileSummary } from "../summary/summarize";
import { readSummaryData } from "../summary/rollup/read-data-sheet";
import type { FileProblem, ScoredTemplate, Summary, SummaryInput, SummaryProblem } from "../summary/types";
import { mapBounded } from "./pool";

export interface CompileOptions {
  /** the scheme to compile; default: the one most of the readable workbooks use (the others become problems) */
  scheme?: string;
  /** scheme id → scheme; default the built-in catalogue (pass one that knows a custom rubric) */
  resolve?: (id: string) => Scheme | undefined;
  rank?: RankStyle;
  /** 已命名 subjects (四强) */
  named?: string[];
  /** 考核年度; default the one most workbooks give */
  period?: string;
  /** 考评组 score: mean (default) or trimmed */
  panel?: PanelMode;
  /** compile only this 考核年度 (compile --period) */
  selectPeriod?: string;
  /**
   * refuse (no summary, `periods` set) when the files hold several years and no selectPeriod says which; otherwise
   * the year most files give is compiled and the others are listed
   */
  refuseMixedPeriods?: boolean;
  /** 党支部名单: match files to its branches and account for who has not reported */
  roster?: Roster;
  /** size limits for each file (the xlsx host's defaults otherwise) */
  limits?: ReadWorkbookOptions;
  /**
   * files read at the same time, 1–4, default 3; sources that read themselves in workers (WorkbookSource.inputs) may
   * have more in flight (what their pool needs to keep every worker busy)
   */
  concurrency?: number;
  /** only 已定稿 sheets count (填写中 ones are listed under 待核) */
  finalOnly?: boolean;
  /** 差异明细 threshold in points (default 1) */
  diffThreshold?: number;
}

export interface CompileProgress {
  /** files finished so far, this one included */
  done: number;
  total: number;
  file: string;
}
export type ProgressCallback = (progress: CompileProgress) => void;

export interface CompileOutcome {
  /** null when there is nothing to compile: no scheme was given and no file could be scored */
  summary: Summary | null;
  scheme: Scheme | null;
  /** every problem, file by file (the summary's own list when there is a summary) */
  problems: SummaryProblem[];
  /** input files, in the (sorted) order they were compiled */
  files: string[];
  /** set when refused because the files hold several 考核年度 (refuseMixedPeriods) */
  periods?: PeriodCount[];
}

/** One file to compile: its name as the user knows it and how to get its grid (which may throw). */
export interface WorkbookSource {
  name: string;
  read: () => Promise<WorkbookGrid>;
  /** when present, the source reads and scores itself (in a worker, with a budget) and `read` is not used */
  inputs?: () => Promise<SummaryInput[]>;
}

/** A scheme was asked for by id and is neither built in nor the custom rubric: the caller's mistake, not a file's. */
export class UnknownSchemeError extends Error {
  override readonly name = "UnknownSchemeError";
  constructor(readonly schemeId: string) {
    super(`未知的评分方案「${schemeId}」(unknown scheme)`);
  }
}

const MAX_CONCURRENCY = 4;
const DEFAULT_CONCURRENCY = 3;

function failure(message: string): FileProblem {
  return { cell: null, severity: "error", message };
}

function readProblem(name: string, error: unknown): FileProblem {
  if (error instanceof WorkbookFileError) return failure(error.message);
  // an exception's own words (often English, often a stack's) never reach a user's problem list
  return failure(`“${name}”无法读取（读取文件失败或出现内部错误），已跳过。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试；仍不行请把该文件反馈给开发者。`);
}

/** Only what the summary needs is kept, so a thousand files do not keep a thousand grids alive. */
function slimMeta(meta: SubjectMeta): SubjectMeta {
  const slim: SubjectMeta = { subject: meta.subject, org: meta.org, period: meta.period, rater: meta.rater, evaluator: meta.evaluator, date: meta.date };
  if (meta.extra) slim.extra = { ...meta.extra };
  if (meta.subjectId) slim.subjectId = meta.subjectId;
  return slim;
}

/**
 * Of a result's per-rule lines the summary reads only those that took or gave points (差异明细 names them with their
 * reasons; the data sheet `_rows` keeps the same, contracts.md): the others are dropped, so a compile of twenty
 * thousand files does not keep them all.
 */
function slimResult(result: ScoreResult): ScoreResult {
  return { ...result, rules: result.rules.filter((rule) => rule.deduction !== 0 || rule.award !== 0) };
}

/**
 * `resolve` asked once per scheme id: the catalogue hands out a fresh deep copy on every call (its callers may change
 * it), and scoring, which never changes a scheme, would otherwise copy one per file.
 */
export function resolveOncePerId(resolve: (id: string) => Scheme | undefined): (id: string) => Scheme | undefined {
  const resolved = new Map<string, Scheme | undefined>();
  return (id) => {
    if (!resolved.has(id)) resolved.set(id, resolve(id));
    return resolved.get(id);
  };
}

/** For a scheme with a rule scored from the 民主测评 tally, the inputs the summary scores again (small: one template's). */
function ratedInputs(template: TemplateScore): Pick<ScoredTemplate, "rated"> {
  const code = template.scheme.ballot?.rateRule;
  if (code === undefined) return {};
  return { rated: { entries: template.entries, cell: template.cells[cellMapKey(code, "quantity")] ?? null } };
}

/** A file's summary inputs: one per template it holds, or one carrying the reasons it could not be scored. */
export async function scoreSource(source: WorkbookSource, resolve: (id: string) => Scheme | undefined): Promise<SummaryInput[]> {
  const file = source.name;
  let book: WorkbookGrid;
  try {
    book = await source.read();
  } catch (error) {
    return [{ file, problems: [readProblem(file, error)] }];
  }
  try {
    // a summary we wrote (roll-up): the inputs its data sheet carries
    const rolledUp = readSummaryData(book, file);
    if (rolledUp) return rolledUp;
    const ballot = readBallotWorkbook(book, file);
    if (ballot) return [{ file, ballot, problems: [] }];
    const score = scoreWorkbook(book, resolve);
    const unread = score.failures.map((item) => failure(item.message));
    if (!score.ok) return [{ file, problems: unread }];
    return score.templates.map((template, index) => ({
      file,
      scored: {
        meta: slimMeta(template.meta),
        result: slimResult(template.result),
        reasons: filledReasons(template.entries),
        status: template.status,
        errors: template.errors,
        ...ratedInputs(template),
      },
      problems: index === 0 ? unread : [],
      ...(book.modified !== undefined && { savedAt: book.modified }),
    }));
  } catch {
    // a defect of ours on one odd workbook must not lose the other files' work
    return [{ file, problems: [failure(`“${file}”计分时出现内部错误，未汇总；请把该文件反馈给开发者`)] }];
  }
}

/**
 * The scheme most scored templates use (ballot workbooks count only when no template was scored); the first seen
 * wins a tie, so the choice follows the file order.
 */
function mostCommonScheme(inputs: readonly SummaryInput[]): string | null {
  const counts = new Map<string, number>();
  const anyScored = inputs.some((input) => input.scored !== undefined);
  for (const input of inputs) {
    const id = anyScored ? input.scored?.result.scheme : input.ballot?.scheme;
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = id;
  return best;
}

/** The problems of inputs that never reached a summary (no scheme could be chosen). */
function bareProblems(inputs: readonly SummaryInput[]): SummaryProblem[] {
  return inputs.flatMap((input) => input.problems.map((problem) => ({ file: input.file, ...problem })));
}

/**
 * Code-point order of the names without their extension (so "x.xlsx" comes before its copy "x (1).xlsx"): the same
 * on every machine, so which of two duplicates is kept never depends on the locale.
 */
function byName(a: WorkbookSource, b: WorkbookSource): number {
  const [x, y] = [a.name.replace(/\.xlsx$/i, ""), b.name.replace(/\.xlsx$/i, "")];
  return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Reads and scores every source (a few at a time) in name order, then compiles the summary of the chosen scheme.
 * Throws only UnknownSchemeError (a bad `scheme` option); every file's trouble becomes a problem.
 */
export async function compileSources(
  unordered: readonly WorkbookSource[],
  options: CompileOptions = {},
  onProgress?: ProgressCallback,
): Promise<CompileOutcome> {
  const sources = [...unordered].sort(byName);
  const resolve = resolveOncePerId(options.resolve ?? getScheme);
  const asked = options.scheme === undefined ? undefined : resolve(options.scheme);
  if (options.scheme !== undefined && !asked) throw new UnknownSchemeError(options.scheme);

  const requested = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  // files read in this thread are held whole at once; a worker pool bounds its own
  const concurrency = sources.every((source) => source.inputs) ? requested : Math.min(MAX_CONCURRENCY, requested);
  let done = 0;
  const perSource = await mapBounded(
    sources,
    concurrency,
    (source) => (source.inputs ? source.inputs() : scoreSource(source, resolve)),
    (index) => onProgress?.({ done: ++done, total: sources.length, file: sources[index].name }),
  );
  const inputs = perSource.flat();
  const files = sources.map((source) => source.name);

  const chosenId = asked?.id ?? mostCommonScheme(inputs);
  const scheme = asked ?? (chosenId === null ? undefined : resolve(chosenId));
  if (!scheme) return { summary: null, scheme: null, problems: bareProblems(inputs), files };
  const periods = periodsOf(inputs, scheme.id);
  if (options.refuseMixedPeriods && !options.selectPeriod?.trim() && periods.length > 1) {
    return { summary: null, scheme, problems: bareProblems(inputs), files, periods };
  }
  const summary = compileSummary(inputs, scheme, {
    rank: options.rank,
    named: options.named,
    period: options.period,
    selectPeriod: options.selectPeriod,
    panel: options.panel,
    roster: options.roster,
    finalOnly: options.finalOnly,
    diffThreshold: options.diffThreshold,
  });
  return { summary, scheme, problems: summary.problems, files };
}
