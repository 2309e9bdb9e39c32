/**
 * Self-checks of a rubric: the arithmetic and consistency a spreadsheet would silently get wrong. Every message is
 * Chinese and names its place (一级指标 1「组织设置」, 二级指标 1.1「…」规则 1.1-2, 等次「好」…), so an 组织部 editing
 * a rubric file can fix it without reading code. Arithmetic is exact (the engine's fixed-point decimals), never binary floating point.
 */
import { compare, isMultipleOf, sum } from "../numbers/decimal";
import { unreachable } from "./exhaustive";
import { ruleStep } from "./limits";
import type { Indicator, Rule, Scheme, Section } from "./types";
import { checkBallotSettings } from "../ballot/check";

/** Codes the `_meta` sheet uses for outputs (`cell:total:score` …); a section may not take them. */
const RESERVED_CODES = new Set(["total", "band", "meta"]);

const sectionPlace = (section: Section) => `一级指标 ${section.code}「${section.title}」`;
const indicatorPlace = (indicator: Indicator) => `二级指标 ${indicator.code}「${indicator.title}」`;
const rulePlace = (indicator: Indicator, rule: Rule) => `${indicatorPlace(indicator)}规则 ${rule.code}`;


function duplicates(codes: string[]): string[] {
  const seen = new Map<string, number>();
  for (const code of codes) seen.set(code, (seen.get(code) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([code, count]) => `${code}（出现 ${count} 次）`);
}

interface RuleAmount {
  /** Chinese label shown in messages */
  label: string;
  value: number;
  /** false for a range's lower bound: its upper bound is the one that must fit inside the indicator */
  boundedByPoints: boolean;
}

/** The amounts of a rule that are entered, deducted or capped. */
function ruleAmounts(rule: Rule): RuleAmount[] {
  const amount = (label: string, value: number, boundedByPoints = true): RuleAmount => ({ label, value, boundedByPoints });
  const amounts: RuleAmount[] = [];
  switch (rule.kind) {
    case "fixed":
    case "fixed-each":
    case "count":
      amounts.push(amount("扣分", rule.amount));
      break;
    case "range":
    case "range-each":
      amounts.push(amount("扣分下限", rule.min, false), amount("扣分上限", rule.max));
      break;
    case "convert":
      amounts.push(amount("折算分值", rule.points));
      break;
    case "discretionary":
    case "award":
      break;
    default:
      unreachable(rule);
  }
  if (rule.cap !== undefined) amounts.push(amount("累计上限 cap", rule.cap));
  return amounts;
}

function checkRule(indicator: Indicator, rule: Rule): string[] {
  const place = rulePlace(indicator, rule);
  const problems: string[] = [];
  const codePattern = new RegExp(`^${escapeRegExp(indicator.code)}-[1-9][0-9]*$`);
  if (!codePattern.test(rule.code)) problems.push(`${place}：规则编号 ${rule.code} 应为“${indicator.code}-序号”，如 ${indicator.code}-1`);

  const step = ruleStep(rule);
  const stepValid = step > 0;
  if (!stepValid) problems.push(`${place}：步长 step ${step} 应大于 0`);

  for (const { label, value } of ruleAmounts(rule)) {
    if (value <= 0) problems.push(`${place}：${label} ${value} 应大于 0`);
    else if (stepValid && !isMultipleOf(value, step)) problems.push(`${place}：${label} ${value} 不是步长 ${step} 的整数倍`);
  }
  for (const { label, value } of ruleAmounts(rule).filter((amount) => amount.boundedByPoints)) {
    if (value > indicator.points) problems.push(`${place}：${label} ${value} 超过二级指标分值 ${indicator.points}`);
  }

  if ((rule.kind === "range" || rule.kind === "range-each") && rule.min > rule.max) {
    problems.push(`${place}：扣分下限 ${rule.min} 大于扣分上限 ${rule.max}`);
  }
  if (rule.kind === "count") {
    if (rule.required < 0) problems.push(`${place}：要求数量 required ${rule.required} 不能小于 0`);
    if (rule.per !== undefined && rule.per <= 0) problems.push(`${place}：每档短缺数量 per ${rule.per} 应大于 0`);
    if (rule.per !== undefined && rule.mode === "all-or-nothing") {
      problems.push(`${place}：“未达要求即扣分”（all-or-nothing）的规则不使用 per，请删除 per 或改用 per-unit`);
    }
  }
  if (rule.kind === "convert" && rule.rawMax <= 0) problems.push(`${place}：原始满分 rawMax ${rule.rawMax} 应大于 0`);
  return problems;
}

function checkIndicator(section: Section, indicator: Indicator): string[] {
  const place = indicatorPlace(indicator);
  const problems: string[] = [];
  if (!indicator.code.startsWith(`${section.code}.`)) {
    problems.push(`${place}：编号应以所属一级指标编号“${section.code}.”开头`);
  }
  if (indicator.points <= 0) problems.push(`${place}：分值 ${indicator.points} 应大于 0`);
  const awards = indicator.rules.filter((rule) => rule.kind === "award").length;
  if (awards > 0 && awards < indicator.rules.length) {
    problems.push(`${place}：加分规则（award）与扣分规则不能放在同一个二级指标中，请拆分为两个指标`);
  }
  for (const rule of indicator.rules) problems.push(...checkRule(indicator, rule));
  return problems;
}

/** Checks one section on its own (also used on the well-formed sections of a file that has structural errors). */
export function checkSection(section: Section): string[] {
  const place = sectionPlace(section);
  const problems: string[] = [];
  if (RESERVED_CODES.has(section.code)) problems.push(`${place}：编号 ${section.code} 为保留字，请改用其他编号`);
  if (section.points <= 0) problems.push(`${place}：分值 ${section.points} 应大于 0`);
  const indicatorTotal = sum(section.indicators.map((indicator) => indicator.points));
  if (compare(indicatorTotal, section.points) !== 0) {
    problems.push(`${place}：分值 ${section.points} ≠ 二级指标合计 ${indicatorTotal}`);
  }
  for (const indicator of section.indicators) problems.push(...checkIndicator(section, indicator));
  return problems;
}

function checkCodes(scheme: Scheme): string[] {
  const indicators = scheme.sections.flatMap((section) => section.indicators);
  const groups: [string, string[]][] = [
    ["一级指标编号", scheme.sections.map((section) => section.code)],
    ["二级指标编号", indicators.map((indicator) => indicator.code)],
    ["规则编号", indicators.flatMap((indicator) => indicator.rules.map((rule) => rule.code))],
    ["否决项编号", scheme.vetoes.map((veto) => veto.code)],
  ];
  return groups.flatMap(([label, codes]) => duplicates(codes).map((duplicate) => `${label}重复：${duplicate}`));
}

function checkBands(scheme: Scheme): string[] {
  const problems: string[] = [];
  const names = duplicates(scheme.bands.map((band) => band.name));
  for (const name of names) problems.push(`等次名称重复：${name}`);
  scheme.bands.forEach((band, index) => {
    const previous = scheme.bands[index - 1];
    if (previous && !(band.min < previous.min)) {
      problems.push(`等次「${band.name}」下限 ${band.min} 应低于上一等次「${previous.name}」的下限 ${previous.min}（等次须按下限从高到低排列）`);
    }
    if (band.min > scheme.max) problems.push(`等次「${band.name}」下限 ${band.min} 超过满分 ${scheme.max}`);
  });
  const lowest = scheme.bands[scheme.bands.length - 1];
  if (lowest && lowest.min > 0) problems.push(`最低等次「${lowest.name}」下限 ${lowest.min} 应为 0，否则低于该分数的得分没有等次`);
  return problems;
}

function checkRaters(scheme: Scheme): string[] {
  const problems = duplicates(scheme.raters).map((duplicate) => `评价方重复：${duplicate}`);
  if (!scheme.weights) return problems;
  const entries = Object.entries(scheme.weights) as [string, number][];
  for (const [rater, weight] of entries) {
    if (weight < 0) problems.push(`评价方权重 ${rater} ${weight} 不能小于 0`);
    if (!scheme.raters.includes(rater as Scheme["raters"][number])) problems.push(`评价方权重 ${rater} 不在评价方 raters 之列`);
  }
  const total = sum(entries.map(([, weight]) => weight));
  if (compare(total, 1) !== 0) problems.push(`评价方权重合计 ${total} ≠ 1`);
  return problems;
}

/** `_meta` keys of the contract (and its announced additions) that a scheme's own header field may not take. */
const CONTRACT_META_KEYS = new Set(["contract", "scheme", "sheet", "subject", "org", "period", "rater", "evaluator", "date", "status", "kind", "choices"]);

function checkHeaderFields(scheme: Scheme): string[] {
  const problems = duplicates((scheme.headerFields ?? []).map((field) => field.key)).map((duplicate) => `表头字段重复：${duplicate}`);
  for (const field of (scheme.headerFields ?? [])) {
    if (CONTRACT_META_KEYS.has(field.key)) problems.push(`表头字段「${field.label}」：键 ${field.key} 已是 _meta 的标准键，请换一个`);
  }
  return problems;
}

function checkQuotaAndTargets(scheme: Scheme): string[] {
  const problems: string[] = [];
  const isShare = (value: number) => value > 0 && value <= 1;
  if (scheme.quota && !isShare(scheme.quota.recommendShare)) {
    problems.push(`推荐比例 recommendShare ${scheme.quota.recommendShare} 应在 0（不含）至 1 之间，如 0.1 表示 10%`);
  }
  for (const duplicate of duplicates((scheme.targets ?? []).map((target) => String(target.year)))) {
    problems.push(`年度目标年份重复：${duplicate}`);
  }
  for (const target of scheme.targets ?? []) {
    if (target.passRate !== undefined && !isShare(target.passRate)) {
      problems.push(`${target.year} 年目标：达标率 ${target.passRate} 应在 0（不含）至 1 之间`);
    }
    for (const [name, share] of Object.entries(target.modelShares ?? {})) {
      if (!isShare(share)) problems.push(`${target.year} 年目标：${name}比例 ${share} 应在 0（不含）至 1 之间`);
    }
    for (const [name, count] of Object.entries(target.modelCounts ?? {})) {
      if (!(Number.isInteger(count) && count > 0)) problems.push(`${target.year} 年目标：${name}数量 ${count} 应为正整数`);
    }
  }
  return problems;
}

/** The pass line is reachable: its sections exist, and its minimum is within what they (or the whole scheme) can give. */
function checkPassLine(scheme: Scheme): string[] {
  const { minTotal, sections: named } = scheme.passLine;
  if (!named) return minTotal < 0 || minTotal > scheme.max ? [`达标线 ${minTotal} 应在 0 至满分 ${scheme.max} 之间`] : [];
  const problems: string[] = [];
  const codes = new Set(scheme.sections.map((section) => section.code));
  for (const code of named) if (!codes.has(code)) problems.push(`达标线所计的一级指标 ${code} 不存在`);
  if (new Set(named).size !== named.length) problems.push(`达标线所计的一级指标有重复：${named.join("、")}`);
  const reachable = sum(scheme.sections.filter((section) => named.includes(section.code)).map((section) => section.points));
  if (minTotal < 0 || compare(minTotal, reachable) > 0) {
    problems.push(`达标线 ${minTotal} 应在 0 至一级指标 ${named.join("、")} 的合计 ${reachable} 之间`);
  }
  return problems;
}

/** Every self-check problem of a scheme, in reading order; empty when the scheme is consistent. */
export function checkScheme(scheme: Scheme): string[] {
  const place = `评分方案「${scheme.title}」`;
  const problems: string[] = [];
  if (scheme.max <= 0) problems.push(`${place}：满分 ${scheme.max} 应大于 0`);
  const sectionTotal = sum(scheme.sections.map((section) => section.points));
  if (compare(sectionTotal, scheme.max) !== 0) problems.push(`${place}：满分 ${scheme.max} ≠ 一级指标合计 ${sectionTotal}`);
  problems.push(...checkCodes(scheme));
  for (const section of scheme.sections) problems.push(...checkSection(section));
  problems.push(...checkBands(scheme));
  problems.push(...checkPassLine(scheme));
  problems.push(...checkRaters(scheme), ...checkHeaderFields(scheme), ...checkQuotaAndTargets(scheme), ...checkBallotSettings(scheme));
  return problems;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
