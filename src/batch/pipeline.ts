/**
 * The compile pipeline, independent of where workbooks come from: each source's grid → scored templates → the
 * committee summary. One bad file always becomes a problem naming it, never an exception. Imports no host code that
 * needs Node (only the xlsx host's error class and option type), so a browser bundle can use it with its own reader.
 */
import type { ReadWorkbookOptions } from "../hosts/xlsx/read-bytes";
import type { Roster } from "../roster/roster";
import { getScheme } from "../rubric/catalogue";
import type { RankStyle, Scheme } from "../rubric/types";
import { periodsOf, type PeriodCount } from "../summary/periods";
import type { PanelMode } from "../summary/panel";
import { compileSummary } from "../summary/summarize";
import type { Summary, SummaryInput, SummaryProblem } from "../summary/types";
import { mapBounded } from "./pool";
import { resolveOncePerId, scoreSource, type WorkbookSource } from "./score-source";
import { SharedValues } from "./shared-values";

export type { WorkbookSource } from "./score-source";

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

/** A scheme was asked for by id and is neither built in nor the custom rubric: the caller's mistake, not a file's. */
export class UnknownSchemeError extends Error {
  override readonly name = "UnknownSchemeError";
  constructor(readonly schemeId: string) {
    super(`未知的评分方案「${schemeId}」(unknown scheme)`);
  }
}

const MAX_CONCURRENCY = 4;
const DEFAULT_CONCURRENCY = 3;

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
  // one copy of what the files repeat, so twenty thousand files keep little more than their own values
  const shared = new SharedValues();
  const perSource = await mapBounded(
    sources,
    concurrency,
    async (source) => (await (source.inputs ? source.inputs() : scoreSource(source, resolve))).map((input) => shared.input(input)),
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
