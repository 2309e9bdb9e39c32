/**
 * The 民主测评 in the summary: ballot and 计票 inputs are tallied by the scheme's counting rules (src/ballot), and
 * the tally feeds the scores. A rule measuring the vote (Scheme.ballot.rateRule, 五好 1.3 "民主测评结果为“好”的比例")
 * is scored again from the tallied 好 rate by the engine itself, with the branch's own claim kept beside it and a
 * difference reported as a warning naming the claim's cell.
 */
import { ballotRulesOf } from "../ballot/rules";
import { countingRuleLines } from "../ballot/rules-text";
import { percentText, tallyBallots, type SubjectTally } from "../ballot/tally";
import { compare, mul } from "../numbers/decimal";
import type { Scheme } from "../rubric/types";
import { scoreEntries } from "../scoring/engine";
import type { CellValue } from "../scoring/types";
import { subjectKey } from "./subject-key";
import type { BallotReport, SummaryInput, SummaryProblem } from "./types";

export interface BallotOutcome {
  report: BallotReport | null;
  problems: SummaryProblem[];
  /** by subjectKey */
  bySubject: Map<string, SubjectTally>;
}

/** Tallies every ballot input of the scheme; ballots of another scheme or with other levels are problems. */
export function tallyInputs(inputs: readonly SummaryInput[], scheme: Scheme): BallotOutcome {
  const { rules, defaulted } = ballotRulesOf(scheme);
  const problems: SummaryProblem[] = [];
  const ballots = [];
  const files = new Set<string>();
  for (const input of inputs) {
    const file = input.ballot;
    if (!file) continue;
    problems.push(...input.problems.map((problem) => ({ file: input.file, ...problem })), ...file.problems);
    if (file.scheme !== scheme.id) {
      problems.push({ file: input.file, cell: null, severity: "error", message: `该测评表属于评分方案“${file.scheme}”，与本次汇总的“${scheme.shortTitle}”（${scheme.id}）不同，未计票。` });
      continue;
    }
    if (file.choices.join("、") !== rules.levels.join("、")) {
      problems.push({ file: input.file, cell: null, severity: "warning", message: `该测评表的等次为 ${file.choices.join("、") || "（无）"}，本方案为 ${rules.levels.join("、")}：按本方案的等次计票。` });
    }
    files.add(input.file);
    ballots.push(...file.ballots);
  }
  if (files.size === 0) return { report: null, problems, bySubject: new Map() };
  const tally = tallyBallots(ballots, rules);
  problems.push(...tally.problems);
  for (const subject of tally.subjects) {
    if (subject.quorum === false) {
      problems.push({ file: [...files][0], cell: null, severity: "warning", message: `“${subject.subject}”的民主测评实到 ${subject.cast} 人，不足应到 ${subject.expected} 人的 ${rules.quorum.numerator}/${rules.quorum.denominator}，测评结果无效，未用于计分。` });
    }
  }
  const bySubject = new Map(tally.subjects.map((subject) => [subjectKey(subject.subject, subject.org), subject]));
  return { report: { levels: rules.levels, rules: countingRuleLines(rules, defaulted), subjects: tally.subjects, files: [...files] }, problems, bySubject };
}

/** A tally the scores may use: a valid vote (quorum met or 应到 unknown) with at least one valid ballot. */
export function usableTally(tally: SubjectTally | undefined): tally is SubjectTally & { goodRate: number; score: number } {
  return tally !== undefined && tally.quorum !== false && tally.goodRate !== null && tally.score !== null;
}

function claimedNumber(value: CellValue | undefined): number | null {
  if (typeof value === "number") return value;
  const text = typeof value === "string" ? value.normalize("NFKC").replace(/%$/, "").trim() : "";
  return text !== "" && Number.isFinite(Number(text)) ? Number(text) : null;
}

/**
 * Scores the scheme's rate rule of every template whose subject has a usable tally from the tallied 好 rate (as a
 * percentage, two decimals), replacing the input's result; a claim that differs becomes a warning on its cell.
 */
export function feedRateRule(inputs: SummaryInput[], scheme: Scheme, bySubject: ReadonlyMap<string, SubjectTally>): void {
  const code = scheme.ballot?.rateRule;
  if (code === undefined) return;
  for (const input of inputs) {
    const scored = input.scored;
    if (!scored?.rated || scored.result.scheme !== scheme.id) continue;
    const tally = bySubject.get(subjectKey(scored.meta.subject, scored.meta.org));
    if (!usableTally(tally)) continue;
    const rate = mul(tally.goodRate, 100);
    const { entries, cell } = scored.rated;
    const claimed = entries.rules[code]?.quantity;
    const result = scoreEntries(scheme, { ...entries, rules: { ...entries.rules, [code]: { ...entries.rules[code], quantity: rate } } });
    // the engine's issues about the claim no longer apply: the tally replaced it
    const issues = [...scored.result.issues.filter((issue) => issue.code !== code), ...result.issues.filter((issue) => issue.code === code).map((issue) => ({ ...issue, cell }))];
    const claimedRate = claimedNumber(claimed);
    const shown = claimed === null || claimed === undefined || claimed === "" ? "未填写" : `${String(claimed)}`;
    if (claimedRate === null || compare(claimedRate, rate) !== 0) {
      // the claim stays beside the tallied rate on the row (notes) and in the problem list
      const message = `规则 ${code} 按测评统计计分：“好”的比例 ${percentText(tally.goodRate)}，与本表所填（${shown}）不同。`;
      issues.push({ severity: "warning", kind: "tally-differs", code, field: "quantity", cell, message });
    }
    scored.result = { ...result, issues };
  }
}
