/**
 * The `compile --json` object of contracts.md. Fields beyond the contract are only ever added (schemeTitle, period,
 * files per row, massTotal, difference, notes, byOrg, quota, targets …), never renamed.
 */
import type { SubjectTally } from "../ballot/tally";
import type { IndicatorDifference } from "./differences";
import { StreamedArray } from "./streamed-json";
import type { FinalBasis, GroupStats, Recommendation, RosterAccount, Summary, SummaryProblem, SummaryRow } from "./types";

export interface CompileJsonRow {
  file: string;
  subject: string;
  org: string;
  /** the rater whose score is final: self | mass | org, or "weighted" when the scheme weights raters */
  rater: FinalBasis;
  total: number;
  band: string;
  rank: number | null;
  pass: boolean;
  vetoed: boolean;
  recommended: Recommendation;
  sections: { code: string; score: number }[];
  selfTotal: number | null;
  orgTotal: number | null;
  /** the problems of this subject's files, and summary problems about it */
  issues: SummaryProblem[];
  // additions
  files: string[];
  massTotal: number | null;
  difference: number | null;
  named: boolean;
  vetoReasons: string[];
  notes: string[];
  /** 复查 of an already-named subject: "keep" (保留) or "revoke" (撤销); null when not named */
  review: "keep" | "revoke" | null;
  /** the scheme's own header fields as the workbooks give them, e.g. { "apply": "是" } (四强 申请) */
  fields: Record<string, string>;
  status: SummaryRow["status"];
  /** ranked, in stats and quotas; false rows have rank null, recommended false and are listed under 待核 */
  counted: boolean;
  notCountedReason: string | null;
  /** each workbook's own total (every evaluator of a 考评组) */
  evaluators: SummaryRow["evaluators"];
  panelSize: number;
  panelSpread: number | null;
  /** the summary workbooks the final score came through (roll-up), outermost first; [] for a branch file */
  source: string[];
}

export interface CompileJsonStats {
  count: number;
  mean: number | null;
  max: number | null;
  min: number | null;
  passRate: number | null;
  bands: Record<string, number>;
  // addition
  passed: number;
}

export interface CompileJson {
  scheme: string;
  /** distinct input files */
  files: number;
  /** files compiled into rows */
  compiled: number;
  rows: CompileJsonRow[];
  problems: SummaryProblem[];
  stats: CompileJsonStats;
  // additions
  schemeTitle: string;
  schemeVersion: string;
  period: string;
  rankStyle: Summary["rankStyle"];
  byOrg: (CompileJsonStats & { org: string })[];
  quota: Summary["quota"];
  targets: Summary["targets"];
  /** 其他年度（未汇总）: files of another 考核年度 */
  otherPeriods: Summary["otherPeriods"];
  /** 报送情况 (compile --roster), else null */
  roster: { expected: number; received: number; missing: RosterAccount["missing"]; unmatched: RosterAccount["unmatched"] } | null;
  /** the 民主测评 tally, when ballots were compiled (rates are fractions with four decimals) */
  ballots?: CompileJsonBallot[];
  /** 差异明细: every branch with both 自评 and 考评; `indicators` those differing by at least `threshold` */
  differences: CompileJsonDifferences;
}

export interface CompileJsonDifferences {
  threshold: number;
  subjects: {
    subject: string;
    org: string;
    panelSize: number;
    /** why no comparison was made (a sheet not counted), else null */
    pending: string | null;
    indicators: IndicatorDifference[];
  }[];
}

/**
 * One subject's tally as `compile --json` gives it: the contract's fields (subject, org, expected, cast, valid, invalid,
 * counts, goodRate, satisfactionRate, quorum) and the additions invalidBy and score. SubjectTally is that shape, so a
 * field added there is added here; none may be renamed.
 */
export type CompileJsonBallot = SubjectTally;

function statsJson(stats: GroupStats): CompileJsonStats {
  return {
    count: stats.count,
    mean: stats.mean,
    max: stats.max,
    min: stats.min,
    passRate: stats.passRate,
    bands: Object.fromEntries(stats.bands.map((band) => [band.name, band.count])),
    passed: stats.passed,
  };
}

function rowJson(row: SummaryRow): CompileJsonRow {
  return {
    file: row.file,
    subject: row.subject,
    org: row.org,
    rater: row.basis,
    total: row.total,
    band: row.band,
    rank: row.rank,
    pass: row.pass,
    vetoed: row.vetoed,
    recommended: row.recommended,
    sections: row.sections.map((section) => ({ code: section.code, score: section.score })),
    selfTotal: row.selfTotal,
    orgTotal: row.orgTotal,
    issues: row.problems,
    files: row.files,
    massTotal: row.massTotal,
    difference: row.difference,
    named: row.named,
    vetoReasons: row.vetoReasons,
    notes: row.notes,
    review: row.review,
    fields: row.fields,
    status: row.status,
    counted: row.counted,
    notCountedReason: row.notCountedReason,
    evaluators: row.evaluators,
    panelSize: row.panelSize,
    panelSpread: row.panelSpread,
    source: row.source ?? [],
  };
}

function differenceJson(item: Summary["differences"]["subjects"][number]): CompileJsonDifferences["subjects"][number] {
  return { subject: item.subject, org: item.org, panelSize: item.panelSize, pending: item.pending, indicators: item.differences };
}

export function toCompileJson(summary: Summary): CompileJson {
  return {
    scheme: summary.scheme.id,
    files: summary.files,
    compiled: summary.compiled,
    rows: summary.rows.map(rowJson),
    problems: summary.problems,
    stats: statsJson(summary.stats),
    schemeTitle: summary.scheme.title,
    schemeVersion: summary.scheme.version,
    period: summary.period,
    rankStyle: summary.rankStyle,
    byOrg: summary.byOrg.map((org) => ({ org: org.org, ...statsJson(org) })),
    quota: summary.quota,
    targets: summary.targets,
    otherPeriods: summary.otherPeriods,
    differences: {
      threshold: summary.differences.threshold,
      subjects: summary.differences.subjects.map(differenceJson),
    },
    roster: summary.roster
      ? { expected: summary.roster.expected, received: summary.roster.received, missing: summary.roster.missing, unmatched: summary.roster.unmatched }
      : null,
    ...(summary.ballots
      ? {
          ballots: summary.ballots.subjects.map((tally) => ({ ...tally })),
        }
      : {}),
  };
}

/**
 * toCompileJson with its long lists (rows, problems, 差异明细, the 民主测评 tally) as StreamedArrays: jsonPieces of it
 * is JSON.stringify(toCompileJson(summary), null, 2) made a row at a time (compile --json of 20 000 branches).
 */
export function streamedCompileJson(summary: Summary): Record<string, unknown> {
  const outline = toCompileJson({
    ...summary,
    rows: [],
    problems: [],
    differences: { ...summary.differences, subjects: [] },
    ballots: summary.ballots && { ...summary.ballots, subjects: [] },
  });
  return {
    ...outline,
    rows: StreamedArray.of(summary.rows, rowJson),
    problems: StreamedArray.of(summary.problems, (problem) => problem),
    differences: { ...outline.differences, subjects: StreamedArray.of(summary.differences.subjects, differenceJson) },
    ...(summary.ballots && { ballots: StreamedArray.of(summary.ballots.subjects, (tally) => ({ ...tally })) }),
  };
}
