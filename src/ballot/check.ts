/** Self-checks of a scheme's 民主测评 settings (Scheme.ballot), in the rubric checks' Chinese wording. */
import type { Scheme } from "../rubric/types";

/** A separator inside a level would make a single mark look like several (see ./marks.ts). */
const SEPARATOR = /[、,，;；/／\s]/;

export function checkBallotSettings(scheme: Scheme): string[] {
  const ballot = scheme.ballot;
  if (!ballot) return [];
  const problems: string[] = [];
  const levels = ballot.levels ?? ["好", "较好", "一般", "差"];
  const seen = new Set<string>();
  for (const level of levels) {
    if (seen.has(level)) problems.push(`民主测评等次重复：${level}`);
    seen.add(level);
    if (SEPARATOR.test(level)) problems.push(`民主测评等次「${level}」不能含有顿号、逗号、斜杠或空格`);
  }
  const unknown = (what: string, names: readonly string[] | undefined) => {
    for (const name of names ?? []) if (!seen.has(name)) problems.push(`民主测评${what}「${name}」不在等次 ${levels.join("、")} 之中`);
  };
  unknown("“好”等次", ballot.goodLevels);
  unknown("满意等次", ballot.satisfiedLevels);
  unknown("权重的等次", Object.keys(ballot.weights ?? {}));
  if (ballot.weights) {
    for (const level of levels) if (ballot.weights[level] === undefined) problems.push(`民主测评权重缺少等次「${level}」`);
  }
  if (ballot.quorum && ballot.quorum.numerator > ballot.quorum.denominator) {
    problems.push(`民主测评到会比例 ${ballot.quorum.numerator}/${ballot.quorum.denominator} 不能大于 1`);
  }
  if (ballot.rateRule !== undefined) {
    const rule = scheme.sections.flatMap((section) => section.indicators).flatMap((indicator) => indicator.rules).find((candidate) => candidate.code === ballot.rateRule);
    if (!rule) problems.push(`民主测评计分规则 ${ballot.rateRule} 不存在`);
    else if (rule.kind !== "count" || rule.unit !== "%") problems.push(`民主测评计分规则 ${ballot.rateRule} 应为以 % 计的数量要求（count）`);
  }
  return problems;
}
