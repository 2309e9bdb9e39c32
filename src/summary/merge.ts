/**
 * Groups the inputs per subject (name + 所属党组织) and rater, collecting every problem on the way: file problems,
 * workbook issues, and the summary's own (another scheme, the same subject and rater twice, a blank name or rater).
 */
import { RATER_LABELS } from "../rubric/raters";
import type { RaterKind, Scheme } from "../rubric/types";
import type { SubjectTally } from "../ballot/tally";
import { nameKey, subjectKey, tidyName } from "./subject-key";
import type { ScoredTemplate, SummaryInput, SummaryProblem } from "./types";

export interface MergedTemplate {
  file: string;
  scored: ScoredTemplate;
  /** the summary workbooks it came through (roll-up), outermost first */
  source?: string[];
}

export interface SubjectGroup {
  subject: string;
  org: string;
  byRater: Partial<Record<RaterKind, MergedTemplate>>;
  /** every 考评 template (考评组, one per evaluator), byRater.org first; empty without 考评 */
  orgPanel: MergedTemplate[];
  /** the subject's 民主测评 tally, when the inputs held ballots for it */
  tally?: SubjectTally;
  /** problems of the templates merged here, and summary problems about this subject */
  problems: SummaryProblem[];
}

export interface MergeOutcome {
  /** in order of first appearance */
  groups: SubjectGroup[];
  /** every problem, in input order */
  problems: SummaryProblem[];
  files: number;
  compiled: number;
  /** periods of the merged templates, in input order (for the default 考核年度) */
  periods: string[];
}

const UNNAMED_SUBJECT = "（未填写名称）";

export function mergeInputs(inputs: SummaryInput[], scheme: Scheme): MergeOutcome {
  const groups = new Map<string, SubjectGroup>();
  const problems: SummaryProblem[] = [];
  const allFiles = new Set<string>();
  const compiledFiles = new Set<string>();
  const periods: string[] = [];

  for (const input of inputs) {
    const { file, scored } = input;
    allFiles.add(file);
    // ballots are tallied, not merged (./ballots.ts); their problems are the tally's
    if (input.ballot) continue;
    const own: SummaryProblem[] = input.problems.map((p) => ({ file, cell: p.cell, severity: p.severity, message: p.message }));
    const report = (severity: SummaryProblem["severity"], message: string): SummaryProblem => {
      const problem = { file, cell: null, severity, message };
      own.push(problem);
      return problem;
    };
    /** Why the file went into no row comes first, before the sheet's own issues, so it is what a reader sees first. */
    const reportFirst = (message: string): SummaryProblem => {
      const problem: SummaryProblem = { file, cell: null, severity: "error", message };
      own.unshift(problem);
      return problem;
    };

    if (!scored) {
      if (own.length === 0) report("error", "文件无法评分，未汇总。");
      problems.push(...own);
      continue;
    }
    own.push(...scored.result.issues.map((issue) => ({ file, cell: issue.cell, severity: issue.severity, message: issue.message })));

    if (scored.result.scheme !== scheme.id) {
      reportFirst(
        `该评分表属于评分方案“${scored.result.scheme}”，与本次汇总的“${scheme.shortTitle}”（${scheme.id}）不同，已列出但未汇总。`,
      );
      problems.push(...own);
      continue;
    }

    let subject = tidyName(scored.meta.subject);
    const org = tidyName(scored.meta.org);
    // A blank name must not merge unrelated workbooks together: such a workbook stands alone, keyed by its file.
    let key = subjectKey(subject, org);
    if (subject === "") {
      report("warning", "未填写支部名称，单独列为一行（以文件区分）。");
      subject = UNNAMED_SUBJECT;
      key = `file\u0000${file}`;
    }
    let rater = scored.meta.rater;
    if (rater === "") {
      report("warning", "未填写评价方（自评/测评/考评），按自评汇总。");
      rater = "self";
    }

    let group = groups.get(key);
    if (!group) {
      group = { subject, org, byRater: {}, orgPanel: [], problems: [] };
      groups.set(key, group);
    }
    // 考评 by different evaluators is a panel (考评组); the same evaluator twice is a duplicate, as is any other rater twice
    const evaluator = nameKey(scored.meta.evaluator);
    const earlier = rater === "org" ? group.orgPanel.find((t) => nameKey(t.scored.meta.evaluator) === evaluator) : group.byRater[rater];
    if (earlier) {
      // The first file stays: input order is the compiler's (sorted) file order, so the choice is reproducible.
      group.problems.push(
        reportFirst(`“${subject}”的${RATER_LABELS[rater]}重复：${earlier.file} 与 ${file}。采用 ${earlier.file}，${file} 未汇总。`),
      );
      problems.push(...own);
      continue;
    }
    const merged: MergedTemplate = input.source && input.source.length > 0 ? { file, scored, source: input.source } : { file, scored };
    if (rater === "org") group.orgPanel.push(merged);
    group.byRater[rater] ??= merged;
    group.problems.push(...own);
    problems.push(...own);
    compiledFiles.add(file);
    periods.push(tidyName(scored.meta.period));
  }

  return { groups: [...groups.values()], problems, files: allFiles.size, compiled: compiledFiles.size, periods };
}
