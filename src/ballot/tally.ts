/**
 * Counting a 民主测评 by its rules (./rules.ts): ballots in, one tally per subject out. Pure: the readers turn filled
 * ballots and 计票 rows into `CastBallot`s, and this decides what is valid, counts, rates and the quorum. Every
 * number is exact (integer counts; rates rounded half away from zero to four decimals of a fraction).
 */
import { add, divide, mul } from "../numbers/decimal";
import type { CellValue } from "../scoring/types";
import { subjectKey, tidyName } from "../summary/subject-key";
import { readMark } from "./marks";
import type { BallotRules } from "./rules";

/** One returned ballot: where it came from and its rows, one per subject. */
export interface CastBallot {
  file: string;
  /** e.g. "第 12 张（第 14 行）" for a 计票 row; absent for a ballot file of its own */
  label?: string;
  rows: { subject: string; org: string; value: CellValue | undefined; cell: string | null }[];
  /** 应到 the ballot's file states (its `_meta` `expected` or the 计票 sheet's 应到人数), if any */
  expected?: number | null;
}

export interface BallotProblem {
  file: string;
  cell: string | null;
  severity: "error" | "warning";
  message: string;
}

export type InvalidReason = "blank" | "multiple" | "unknown" | "blankBallot";

export interface SubjectTally {
  subject: string;
  org: string;
  /** 应到; null when no input states it */
  expected: number | null;
  /** 实到: ballots returned that list this subject */
  cast: number;
  valid: number;
  invalid: number;
  /** why rows were invalid, by reason */
  invalidBy: Record<InvalidReason, number>;
  /** per level, in the rules' order */
  counts: Record<string, number>;
  /** fractions with four decimals; null when no valid ballot */
  goodRate: number | null;
  satisfactionRate: number | null;
  /** 实到 ≥ quorum × 应到; null when 应到 is unknown */
  quorum: boolean | null;
  /** Σ weight(level) × count ÷ valid, two decimals: the 测评 score; null when no valid ballot */
  score: number | null;
}

export interface BallotTally {
  subjects: SubjectTally[];
  problems: BallotProblem[];
}

const where = (ballot: CastBallot) => (ballot.label ? `${ballot.label}` : "");

/** 实到 ≥ numerator / denominator × 应到, on integers. */
export function quorumMet(cast: number, expected: number, quorum: BallotRules["quorum"]): boolean {
  return cast * quorum.denominator >= expected * quorum.numerator;
}

/** A fraction with four decimals as a percentage with two: 0.9667 → "96.67%". */
export function percentText(rate: number | null): string {
  return rate === null ? "—" : `${mul(rate, 100).toFixed(2)}%`;
}

function emptyTally(subject: string, org: string, rules: BallotRules): SubjectTally {
  return {
    subject,
    org,
    expected: null,
    cast: 0,
    valid: 0,
    invalid: 0,
    invalidBy: { blank: 0, multiple: 0, unknown: 0, blankBallot: 0 },
    counts: Object.fromEntries(rules.levels.map((level) => [level, 0])),
    goodRate: null,
    satisfactionRate: null,
    quorum: null,
    score: null,
  };
}

function finish(tally: SubjectTally, rules: BallotRules): void {
  const countOf = (levels: readonly string[]) => levels.reduce((total, level) => total + (tally.counts[level] ?? 0), 0);
  if (tally.valid > 0) {
    tally.goodRate = divide(countOf(rules.goodLevels), tally.valid, 4);
    tally.satisfactionRate = divide(countOf(rules.satisfiedLevels), tally.valid, 4);
    let weighted = 0;
    for (const level of rules.levels) weighted = add(weighted, mul(rules.weights[level] ?? 0, tally.counts[level]));
    tally.score = divide(weighted, tally.valid, 2);
  }
  if (tally.expected !== null) tally.quorum = quorumMet(tally.cast, tally.expected, rules.quorum);
}

/** Counts every ballot by the rules; subjects in the order first met. Invalid rows and ballots become warnings. */
export function tallyBallots(ballots: readonly CastBallot[], rules: BallotRules): BallotTally {
  const tallies = new Map<string, SubjectTally>();
  const problems: BallotProblem[] = [];
  const warn = (ballot: CastBallot, cell: string | null, message: string) =>
    problems.push({ file: ballot.file, cell, severity: "warning", message: `${where(ballot)}${message}` });
  for (const ballot of ballots) {
    const marks = ballot.rows.map((row) => readMark(row.value, rules.levels));
    const wholeBlank = rules.blankBallotInvalid && marks.every((mark) => mark.kind === "blank");
    if (wholeBlank) warn(ballot, ballot.rows[0]?.cell ?? null, "整张选票未作任何选择，按无效票计 (blank ballot, invalid)");
    ballot.rows.forEach((row, index) => {
      const key = subjectKey(row.subject, row.org);
      let tally = tallies.get(key);
      if (!tally) {
        tally = emptyTally(tidyName(row.subject), tidyName(row.org), rules);
        tallies.set(key, tally);
      }
      if (ballot.expected !== undefined && ballot.expected !== null && tally.expected === null) tally.expected = ballot.expected;
      tally.cast += 1;
      const mark = marks[index];
      const who = `「${tidyName(row.subject)}」`;
      if (wholeBlank) {
        tally.invalid += 1;
        tally.invalidBy.blankBallot += 1;
      } else if (mark.kind === "level") {
        tally.valid += 1;
        tally.counts[mark.level] += 1;
      } else {
        tally.invalid += 1;
        tally.invalidBy[mark.kind] += 1;
        if (mark.kind === "blank") warn(ballot, row.cell, `${who}未作选择，该项按无效计 (no mark: invalid)`);
        if (mark.kind === "multiple") warn(ballot, row.cell, `${who}选择了多个等次（${mark.levels.join("、")}），该项按无效计 (more than one mark: invalid)`);
        if (mark.kind === "unknown") warn(ballot, row.cell, `${who}的选择“${mark.text}”不是 ${rules.levels.join("、")} 之一，该项按无效计 (unknown mark: invalid)`);
      }
    });
  }
  const subjects = [...tallies.values()];
  for (const tally of subjects) finish(tally, rules);
  return { subjects, problems };
}
