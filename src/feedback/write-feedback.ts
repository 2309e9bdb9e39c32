/**
 * Node only: `compile --feedback <folder>` — one 反馈单 workbook per branch in a folder per 所属党组织. The branch's
 * files are read again (the summary keeps totals, not reasons and evidence); a file that cannot be read again gives
 * a 反馈单 without its deductions rather than none.
 */
import { mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { FoundWorkbook } from "../batch/find-files";
import { isPreviousOutput } from "../batch/output-target";
import { safeFileName } from "../cli/safe-file-name";
import { readWorkbookFile } from "../hosts/xlsx/read";
import { writePlanToFile } from "../hosts/xlsx/write";
import type { Scheme } from "../rubric/types";
import { scoreWorkbook } from "../sheet/score-workbook";
import { subjectKey } from "../summary/subject-key";
import type { Summary, SummaryRow } from "../summary/types";
import type { RaterTemplate } from "./feedback";
import { branchFeedback } from "./feedback";
import { FEEDBACK_SHEET, planFeedback } from "./plan-feedback";

export interface FeedbackOutcome {
  written: string[];
  /** files left alone because something not ours is there */
  refused: string[];
  /**
   * subjects whose final score came through a lower level's summary (roll-up): their workbooks, with the deductions a
   * 反馈单 lists, are at that level, so none is written here rather than one that shows no deductions
   */
  rolledUp: string[];
}

async function raterTemplates(row: SummaryRow, paths: Map<string, string>, resolve: (id: string) => Scheme | undefined): Promise<RaterTemplate[]> {
  const key = subjectKey(row.subject, row.org);
  const templates: RaterTemplate[] = [];
  // a workbook holding the branch's 自评 and 考评 both is read once for the row (not kept past it: memory stays flat)
  const read = new Map<string, Promise<ReturnType<typeof scoreWorkbook> | null>>();
  for (const raterScore of row.raters) {
    const path = paths.get(raterScore.file);
    if (path === undefined) continue;
    if (!read.has(path)) {
      read.set(path, readWorkbookFile(path, { sheets: "scoring" }).then((grid) => scoreWorkbook(grid, resolve)).catch(() => null));
    }
    const scored = await read.get(path)!;
    if (!scored?.ok) continue;
    const template = scored.templates.find((t) => t.meta.rater === raterScore.rater && subjectKey(t.meta.subject, t.meta.org) === key);
    if (template) templates.push({ rater: raterScore.rater, scheme: template.scheme, result: template.result, entries: template.entries });
  }
  return templates;
}

async function mayWrite(path: string): Promise<boolean> {
  const exists = await stat(path).then(() => true, () => false);
  return !exists || isPreviousOutput(path, FEEDBACK_SHEET);
}

/** The 反馈单 file of each row: <folder>/<所属党组织>/<支部名称>.xlsx, names made safe and kept distinct. */
function targets(summary: Summary, folder: string): string[] {
  const used = new Set<string>();
  return summary.rows.map((row) => {
    const base = join(folder, safeFileName(row.org || "未填写所属党组织"), safeFileName(row.subject || "未填写名称"));
    let path = `${base}.xlsx`;
    for (let n = 2; used.has(path.toLowerCase()); n++) path = `${base} (${n}).xlsx`;
    used.add(path.toLowerCase());
    return path;
  });
}

export async function writeFeedback(
  summary: Summary,
  workbooks: readonly FoundWorkbook[],
  resolve: (id: string) => Scheme | undefined,
  folder: string,
): Promise<FeedbackOutcome> {
  const paths = new Map(workbooks.map((workbook) => [workbook.name, workbook.path]));
  const outcome: FeedbackOutcome = { written: [], refused: [], rolledUp: [] };
  const files = targets(summary, folder);
  for (const [index, row] of summary.rows.entries()) {
    if ((row.source ?? []).length > 0) {
      outcome.rolledUp.push(row.subject);
      continue;
    }
    const target = files[index];
    if (!(await mayWrite(target))) {
      outcome.refused.push(target);
      continue;
    }
    const feedback = branchFeedback(summary, row, await raterTemplates(row, paths, resolve));
    await mkdir(dirname(target), { recursive: true });
    await writePlanToFile(planFeedback(feedback), target);
    outcome.written.push(target);
  }
  return outcome;
}
