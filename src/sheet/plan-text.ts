/** The Chinese wording on the scoring template: labels, guidance under each rule, prompts and error messages. */
import { ruleStep } from "../rubric/limits";
import type { Rule, Scheme } from "../rubric/types";
import { kindOf } from "../scoring/kinds";
import { allowed } from "../scoring/messages";
import type { EntryField } from "../scoring/types";
import type { SubjectMetaKey } from "./meta-keys";

export const TABLE_HEADERS = ["编号", "考核内容", "分值", "评分标准", "数量", "扣分/加分", "扣分理由", "佐证材料", "得分"];

export function headerLabel(key: SubjectMetaKey | string, scheme: Scheme): string {
  switch (key) {
    case "subject":
      return scheme.subject === "secretary" ? "书记姓名" : "支部名称";
    case "org":
      return "所属党组织";
    case "period":
      return "考核年度";
    case "rater":
      return "评价方";
    case "evaluator":
      return "评分人";
    case "date":
      return "日期";
    default:
      return (scheme.headerFields ?? []).find((field) => field.key === key)?.label ?? key;
  }
}

export function titleText(scheme: Scheme): string {
  return `${scheme.title}评分表`;
}

/** Text as printed: without the source copy's anonymisation asterisks ("**职业学院" → "职业学院"). */
export function printable(text: string): string {
  return text.replace(/[*＊]+/g, "");
}

const DEFAULT_ALLOCATION_NOTICE = "默认分值，可按本单位实际调整";
export const DEFAULT_MARK = "（默认，原文未规定）";

/** The line beside 状态: the source, and whether the points are the source's or this tool's defaults. */
export function noticeText(scheme: Scheme): string {
  const allocation = scheme.defaultAllocation ? `；${DEFAULT_ALLOCATION_NOTICE}（原文未规定分值）` : "";
  return `依据：${printable(scheme.source)}${allocation}`;
}

/** One line under the rule text saying what to enter: the rule's kind words it (scoring/kinds). */
export function ruleGuidance(rule: Rule, cap: number): string {
  return kindOf(rule).hint(rule, cap);
}

const FIELD_NAMES: Record<EntryField, string> = {
  quantity: "数量",
  raw: "原始分",
  deduction: "扣分",
  award: "加分",
  reason: "扣分理由",
  evidence: "佐证材料",
};

/** What a valid entry is, for the error message of one input: the rule's main input as its kind words it. */
function expectationText(rule: Rule, field: EntryField, cap: number): string {
  const kind = kindOf(rule);
  if (field === kind.main) return kind.expects(rule, cap, ruleStep(rule));
  switch (field) {
    case "quantity":
      return "应为不小于0的整数";
    case "raw":
      return "应为数字";
    case "deduction":
    case "award":
      return `应为 ${allowed.onStep(allowed.upTo(cap), ruleStep(rule))}`;
    case "reason":
    case "evidence":
      return `不超过${MAX_TEXT_LENGTH}字`;
  }
}

export const MAX_TEXT_LENGTH = 500;

/** Excel's limits: titles ≤ 32 characters, prompt ≤ 255, error ≤ 225. */
export function clip(textValue: string, limit: number): string {
  const chars = Array.from(textValue);
  return chars.length <= limit ? textValue : chars.slice(0, limit - 1).join("") + "…";
}

export function inputPrompt(rule: Rule, field: EntryField, cap: number): { title: string; message: string } {
  const what = field === "reason" || field === "evidence" ? FIELD_NAMES[field] : ruleGuidance(rule, cap);
  return { title: clip(`${rule.code} ${FIELD_NAMES[field]}`, 32), message: clip(`${rule.code}「${rule.text}」\n${what}`, 255) };
}

/** The prompt already quotes the rule; the error says what is expected (short: one per input cell goes to Excel). */
export function inputError(rule: Rule, field: EntryField, cap: number): { title: string; message: string } {
  return {
    title: clip(`${FIELD_NAMES[field]}不符合规则`, 32),
    message: clip(`${rule.code}：${FIELD_NAMES[field]}${expectationText(rule, field, cap)}`, 225),
  };
}

export const STATUS_LABEL = "状态";
export const STATUS_PROMPT = { title: STATUS_LABEL, message: "填写中：仍在填写，等次显示为草稿；已定稿：填写完毕、核对无误后选择。" };
export const STATUS_ERROR = { title: "请选择状态", message: "请选择：填写中 或 已定稿" };

export const VETO_HEADER = "不得参评情形";
const VETO_RULE = "任一项填“是”，等次为“不得参评”";
/** The source's own lead-in (四强: “有下列情形之一的，不得参评……”), checked before anything is scored. */
export const VETO_NOTICE = `有下列情形之一的，不得参评（${VETO_RULE}）`;
export const VETO_EXPLANATION = "情况说明";

const CHINESE_DIGITS = "〇一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三: how the sources number their lists, as in （一）. */
export function chineseNumeral(value: number): string {
  if (value < 10) return CHINESE_DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? "" : CHINESE_DIGITS[tens]}十${ones === 0 ? "" : CHINESE_DIGITS[ones]}`;
}

/** （一）（二）… for the veto at this 0-based position, in the source's numbering. */
export function vetoLabel(index: number): string {
  return `（${chineseNumeral(index + 1)}）`;
}

/** Prompts of inputs validated a whole column at a time: they point at the row's own 评分标准 rather than quote it. */
export const QUANTITY_PROMPT = { title: "数量", message: "按本行“评分标准”填写发生的次数（项数），为不小于0的整数；扣分须与次数相符。" };
export const QUANTITY_ERROR = { title: "数量不符合规则", message: "数量应为不小于0的整数（次数、项数），见本行评分标准" };
export const REASON_PROMPT = { title: "扣分理由", message: `写明扣分（加分）的具体事实；非零扣分、加分必须填写，不超过${MAX_TEXT_LENGTH}字。` };
export const EVIDENCE_PROMPT = { title: "佐证材料", message: `列出会议记录、台账等佐证材料的名称或存放位置，不超过${MAX_TEXT_LENGTH}字。` };
export const VETO_PROMPT = { title: VETO_HEADER, message: `是 / 否（空白视为否）。${VETO_RULE}；填“是”时请在“${VETO_EXPLANATION}”中写明情况。` };
export const VETO_ERROR = { title: "请填写是或否", message: "不得参评情形只能填写“是”或“否”" };
export const VETO_EXPLANATION_PROMPT = { title: VETO_EXPLANATION, message: `写明该情形的具体情况（有无、事实、文件依据），不超过${MAX_TEXT_LENGTH}字。` };
