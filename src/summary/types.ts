/**
 * The committee summary as plain data: what the compiler feeds in (one input per scored template or per unusable
 * file) and what compileSummary gives back (rows merged per subject, ranks, quota, targets, stats, problems).
 */
import type { PanelMode } from "./panel";
import type { DifferenceReport } from "./differences";
import type { RankStyle, RaterKind, SubjectKind } from "../rubric/types";
import type { Roster } from "../roster/roster";
import type { SheetStatus } from "../scoring/status";
import type { Entries, ScoreResult, Severity, SubjectMeta } from "../scoring/types";
import type { BallotFile } from "../ballot/read";
import type { SubjectTally } from "../ballot/tally";

/**
 * A scored template. Structurally a subset of `WorkbookScore` from src/sheet/score-workbook.ts, so the compiler can
 * pass that object as it is. The scheme id is `result.scheme`.
 */
export interface ScoredTemplate {
  meta: SubjectMeta;
  result: ScoreResult;
  /**
   * Kept only for a scheme whose rule is scored from the 民主测评 tally (Scheme.ballot.rateRule): the inputs as read,
   * so the summary can score that rule again from the tallied rate, and where the branch's own claim sits.
   */
  rated?: { entries: Entries; cell: string | null };
  /** deduction reasons by rule code (only those filled in), for 差异明细 */
  reasons?: Record<string, string>;
  /** blank, draft (填写中) or final (已定稿) */
  status: SheetStatus;
  /** error issues on the sheet: while above 0 its verdict does not count */
  errors: number;
  /**
   * Why a lower level did not count this sheet beyond what status and errors say (its --final-only, or a tampered
   * summary data sheet): a roll-up keeps such a sheet under 待核 with this reason.
   */
  heldBack?: string;
}

/** A problem found while reading one file, before or besides scoring it. */
export interface FileProblem {
  cell: string | null;
  severity: Severity;
  message: string;
}

/**
 * One input of the summary: a scored template, or a file that could not be scored (then `problems` says why).
 * A file holding several templates gives one input per template, each with the same `file`.
 */
export interface SummaryInput {
  /** file name as shown to the user (a path relative to what was compiled) */
  file: string;
  scored?: ScoredTemplate;
  /** a ballot or 计票 workbook: its ballots, tallied rather than scored */
  ballot?: BallotFile;
  problems: FileProblem[];
  /** the summary workbooks this input came through (roll-up), outermost first; absent or empty for a file read directly */
  source?: string[];
  /** when the workbook was last saved (its document properties, ISO 8601), null when unknown: the newest 定稿 wins an overlap */
  savedAt?: string | null;
}

/** The 测评统计: the counting rules in words, the levels, and one tally per subject. */
export interface BallotReport {
  levels: string[];
  rules: string[];
  subjects: SubjectTally[];
  /** ballot and 计票 files counted */
  files: string[];
}

export interface SummaryOptions {
  /** default: the scheme's own ranking style */
  rank?: RankStyle;
  /** 已命名 subjects (四强): listed, but outside ranking and quota */
  named?: string[];
  /** 考核年度 shown, e.g. "2020年度"; default: the compiled year, else the period most workbooks give */
  period?: string;
  /**
   * compile only this 考核年度 (files of other years are listed as 其他年度（未汇总）); default: the year most files
   * give when they disagree
   */
  selectPeriod?: string;
  /** 考评组 score: mean (default) or trimmed (with 5 or more evaluators, without one highest and one lowest) */
  panel?: PanelMode;
  /** 党支部名单: files are matched to its branches, and who has not reported is accounted for */
  roster?: Roster;
  /** only 已定稿 sheets count: 填写中 ones go to 待核 as well */
  finalOnly?: boolean;
  /** 差异明细: indicators whose 自评 and 考评 differ by at least this many points (default 1) */
  diffThreshold?: number;
}

/** Every problem the committee should see, file by file. */
export interface SummaryProblem {
  file: string;
  cell: string | null;
  severity: Severity;
  message: string;
}

/** One rater's workbook for a subject. */
export interface RaterScore {
  rater: RaterKind;
  file: string;
  total: number;
  band: string;
  vetoed: boolean;
  vetoReasons: string[];
  sections: { code: string; score: number }[];
  status: SheetStatus;
  errors: number;
  /** a lower level's reason not to count this sheet (ScoredTemplate.heldBack) */
  heldBack?: string;
}

/** 复查建议 for an already-named subject (四强: 保留 or 撤销). */
export type ReviewOutcome = "keep" | "revoke";

/** true / false, or "pending" (待定) when a tie at the quota line leaves the decision to the committee. */
export type Recommendation = boolean | "pending";

/** How the final score was obtained: one rater's score, or the scheme's weights across raters. */
export type FinalBasis = RaterKind | "weighted";

export interface SummaryRow {
  subject: string;
  org: string;
  /** one entry per rater present, in the order 自评, 测评, 考评 */
  raters: RaterScore[];
  basis: FinalBasis;
  /** the final total (exact, 2 decimals) */
  total: number;
  sections: { code: string; title: string; score: number }[];
  band: string;
  pass: boolean;
  vetoed: boolean;
  vetoReasons: string[];
  selfTotal: number | null;
  massTotal: number | null;
  orgTotal: number | null;
  /** 考评 − 自评, when both exist */
  difference: number | null;
  named: boolean;
  /**
   * 复查 of an already-named subject, scored against the same standard: keep (保留) when it passes, revoke (撤销)
   * otherwise; null for subjects not named.
   */
  review: ReviewOutcome | null;
  /** the scheme's own header fields (Scheme.headerFields) as the subject's workbooks give them, e.g. { apply: "是" } */
  fields: Record<string, string>;
  /** every workbook's own total: 自评, 测评, then each evaluator of the 考评组 */
  evaluators: { rater: RaterKind; evaluator: string; total: number; file: string }[];
  /** 考评 workbooks (考评组 size; 0 without 考评) */
  panelSize: number;
  /** highest − lowest 考评 total of a panel of 2 or more, else null */
  panelSpread: number | null;
  /** the roster branch this row is (compile --roster), else null */
  rosterId: string | null;
  /** compiled with a roster but matching none of its branches: listed, not ranked, reported in 报送情况 */
  offRoster: boolean;
  /** null: not ranked (vetoed or already named) */
  rank: number | null;
  recommended: Recommendation;
  /** the file of the final score's rater (for weighted: the 考评 file where present) */
  file: string;
  files: string[];
  /** problems in this subject's files, and summary problems about it */
  problems: SummaryProblem[];
  /** short Chinese notes shown as 备注 (已命名…, 不得参评…, 并列待定…, 草稿) */
  notes: string[];
  /** the status of the final rater's sheet */
  status: SheetStatus;
  /**
   * Whether the row is ranked, counted in stats and quotas and shown with a band: its final rater's sheet is not blank,
   * has no errors (and, with finalOnly, is 已定稿). Rows not counted are listed under 待核 with the reason.
   */
  counted: boolean;
  /** 未填写, "3 处错误" or 未定稿; null when counted */
  notCountedReason: string | null;
  /** the summary workbooks the final score came through (roll-up), outermost first; empty for a branch file read directly */
  source?: string[];
}

export interface Distribution {
  /** every band of the scheme (0 included) then 不得参评, in the scheme's order */
  bands: { name: string; count: number }[];
}

export interface GroupStats extends Distribution {
  count: number;
  /** null when count is 0 */
  mean: number | null;
  max: number | null;
  min: number | null;
  passed: number;
  /** passed / count as a fraction with 4 decimals (0.8333 = 83.33%); null when count is 0 */
  passRate: number | null;
}

export interface OrgStats extends GroupStats {
  org: string;
}

export interface QuotaReport {
  share: number;
  /** what the share is taken of: 参评 subjects (counted, not vetoed, not named) or only those passing */
  base: "participants" | "passing";
  /** the number the share is taken of */
  baseCount: number;
  /** not vetoed, not named, passing: those who may be recommended */
  eligible: number;
  /** floor(share × baseCount) */
  places: number;
  recommended: number;
  pending: number;
  named: number;
  /** the final total at the line, when a tie across it makes some subjects 待定 */
  tieTotal: number | null;
}

export interface ModelTarget {
  /** e.g. 校级样板党支部 */
  name: string;
  /** share of all subjects, when the target is a share */
  share: number | null;
  /** how many may be named: floor(share × subjects), or the absolute count the scheme gives */
  allowed: number;
}

export interface TargetReport {
  year: number;
  subjects: number;
  passRate: { target: number; actual: number | null; passed: number; met: boolean } | null;
  models: ModelTarget[];
}

export interface Summary {
  scheme: {
    id: string;
    title: string;
    shortTitle: string;
    version: string;
    max: number;
    subject: SubjectKind;
    /** how many 否决项 / 不得参评情形 the scheme has (0: no 否决原因 column) */
    vetoCount: number;
    /** the raters the scheme's procedure uses (a 测评 column only where 测评 is one) */
    raters: RaterKind[];
  };
  sectionHeads: { code: string; title: string; points: number }[];
  /** the scheme's own header fields (四比四看 所在党支部, 四强 申请评定), shown as columns */
  fieldHeads: { key: string; label: string }[];
  bandNames: string[];
  rankStyle: RankStyle;
  period: string;
  /** distinct input files */
  files: number;
  /** files whose templates went into the rows */
  compiled: number;
  /** ranked rows first (by rank), then named, then vetoed, then those not counted (待核) */
  rows: SummaryRow[];
  problems: SummaryProblem[];
  stats: GroupStats;
  byOrg: OrgStats[];
  quota: QuotaReport | null;
  /** 两化一创 yearly targets, when the scheme has them and the year is known */
  targets: TargetReport | null;
  /** 报送情况, when compiled with a roster */
  roster: RosterAccount | null;
  /** the 民主测评 tally, when ballot or 计票 workbooks were among the inputs */
  ballots: BallotReport | null;
  /** 其他年度（未汇总）: files of the scheme whose 考核年度 is not the one compiled */
  otherPeriods: { period: string; file: string }[];
  /** 差异明细: 自评 vs 考评 by indicator for every branch with both */
  differences: DifferenceReport;
  /** what the summary workbook's hidden data sheet carries for a higher level's roll-up (absent: no data sheet) */
  rollup?: RollupData;
}

/** Every input as compiled (before the year and roster were applied), and whether only 已定稿 sheets counted. */
export interface RollupData {
  inputs: SummaryInput[];
  finalOnly: boolean;
}

export interface RosterAccountOrg {
  org: string;
  expected: number;
  received: number;
  /** names of the branches that sent nothing */
  missing: string[];
}

/** 报送情况: who was expected, who sent a workbook, who did not, and files that match no branch of the roster. */
export interface RosterAccount {
  file: string;
  expected: number;
  received: number;
  missing: { id: string; subject: string; org: string }[];
  unmatched: { file: string; subject: string; org: string; suggestions: string[] }[];
  /** per 所属党组织, in roster order */
  byOrg: RosterAccountOrg[];
}
