/**
 * One file's part of a compile: its grid read, each template in it scored, and only what the summary needs kept (or
 * the reasons it could not be). What the compile's workers run, file after file (./file-worker, and the task pane's
 * score worker): it imports neither the summary nor the rubric catalogue, so a worker starts without loading them.
 */
import { WorkbookFileError } from "../hosts/xlsx/errors";
import type { Scheme } from "../rubric/types";
import type { ScoreResult, SubjectMeta } from "../scoring/types";
import { readBallotWorkbook } from "../ballot/read";
import { cellMapKey } from "../sheet/read-meta";
import { scoreWorkbook, type TemplateScore } from "../sheet/score-workbook";
import type { WorkbookGrid } from "../sheet/types";
import { filledReasons } from "../summary/differences";
import { readSummaryData } from "../summary/rollup/read-data-sheet";
import { pointRules } from "../summary/rollup/record";
import type { FileProblem, ScoredTemplate, SummaryInput } from "../summary/types";

/** One file to compile: its name as the user knows it and how to get its grid (which may throw). */
export interface WorkbookSource {
  name: string;
  read: () => Promise<WorkbookGrid>;
  /** when present, the source reads and scores itself (in a worker, with a budget) and `read` is not used */
  inputs?: () => Promise<SummaryInput[]>;
}

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

/** Only the per-rule lines the summary reads (pointRules) are kept: a compile of twenty thousand files keeps no more. */
function slimResult(result: ScoreResult): ScoreResult {
  return { ...result, rules: pointRules(result.rules) };
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
