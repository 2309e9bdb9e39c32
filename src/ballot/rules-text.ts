/** The counting rules in words, for the ballot's instruction line and the 测评统计 sheet (zh-CN: they are sheet text). */
import { choicesText, type BallotRules } from "./rules";
import type { BallotSettings } from "../rubric/types";

const DEFAULT_MARK = "（默认，可在评分细则 ballot 中调整）";

/** One line per rule; settings this product chose where the source is silent are marked 默认. */
export function countingRuleLines(rules: BallotRules, defaulted: readonly (keyof BallotSettings)[]): string[] {
  const mark = (key: keyof BallotSettings) => (defaulted.includes(key) ? DEFAULT_MARK : "");
  const weights = rules.levels.map((level) => `${level}=${rules.weights[level]}`).join("，");
  return [
    `等次：${choicesText(rules.levels)}，每个测评对象只选一项${mark("levels")}。`,
    `无效：未选、选择多项或所填不是上述等次的，该项无效${rules.blankBallotInvalid ? "；整张选票未作任何选择的，整张无效" : ""}${mark("blankBallotInvalid")}。`,
    `到会：实到人数不少于应到人数的 ${rules.quorum.numerator}/${rules.quorum.denominator}，测评方为有效${mark("quorum")}。`,
    `“好”的比例 = ${choicesText(rules.goodLevels)} 票数 ÷ 有效票数${mark("goodLevels")}；满意率 = ${rules.satisfiedLevels.join(" + ")} 票数 ÷ 有效票数${mark("satisfiedLevels")}；精确计算，以百分比保留两位小数。`,
    `测评得分 = 各等次票数 × 分值之和 ÷ 有效票数（${weights}）${mark("weights")}。`,
  ];
}

/** The short instruction printed on a ballot: how to mark, what is invalid. */
export function ballotInstruction(rules: BallotRules): string {
  return `填写说明：请在每个测评对象的“测评等次”栏选择（或填写）${choicesText(rules.levels)}中的一项；未选、多选或填写其他内容的该项无效${rules.blankBallotInvalid ? "，全部未选的整张选票无效" : ""}。实到人数不少于应到人数的 ${rules.quorum.numerator}/${rules.quorum.denominator} 测评方为有效。`;
}
