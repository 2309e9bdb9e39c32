import { checkScheme } from "../../src/rubric/check";
import { parseRubric } from "../../src/rubric/parse";
import type { Rule, Scheme } from "../../src/rubric/types";
import { smallRubric } from "./fixtures";

function validScheme(): Scheme {
  const { scheme, errors } = parseRubric(smallRubric());
  expect(errors).toEqual([]);
  return scheme!;
}

/** The scheme after `change`, and what checkScheme says about it. */
function problemsAfter(change: (scheme: Scheme) => void): string[] {
  const scheme = validScheme();
  change(scheme);
  return checkScheme(scheme);
}

const indicator = (scheme: Scheme, code: string) =>
  scheme.sections.flatMap((section) => section.indicators).find((candidate) => candidate.code === code)!;
const rule = (scheme: Scheme, code: string): Rule =>
  scheme.sections.flatMap((section) => section.indicators).flatMap((candidate) => candidate.rules).find((candidate) => candidate.code === code)!;

test("a consistent scheme has no problems", () => {
  expect(checkScheme(validScheme())).toEqual([]);
});

test("section points ≠ Σ indicator points names the section", () => {
  expect(problemsAfter((scheme) => (indicator(scheme, "1.2").points = 3))).toContain("一级指标 1「组织设置」：分值 10 ≠ 二级指标合计 9");
});

test("sums are exact decimals, not binary floating point", () => {
  const problems = problemsAfter((scheme) => {
    const section = scheme.sections[0]!;
    section.points = 0.3;
    section.indicators[0]!.points = 0.1;
    section.indicators[1]!.points = 0.2;
    scheme.max = 90.3;
  });
  expect(problems.filter((problem) => problem.includes("合计"))).toEqual([]);
});

test("scheme max ≠ Σ section points", () => {
  expect(problemsAfter((scheme) => (scheme.max = 95))).toContain("评分方案「测试细则」：满分 95 ≠ 一级指标合计 100");
});

test("duplicate section, indicator, rule and veto codes", () => {
  const problems = problemsAfter((scheme) => {
    scheme.sections[1]!.code = "1";
    indicator(scheme, "2.2").code = "2.1";
    rule(scheme, "1.1-2").code = "1.1-1";
    scheme.vetoes.push({ code: "V1", text: "另一项" });
  });
  expect(problems).toEqual(
    expect.arrayContaining([
      "一级指标编号重复：1（出现 2 次）",
      "二级指标编号重复：2.1（出现 2 次）",
      "规则编号重复：1.1-1（出现 2 次）",
      "否决项编号重复：V1（出现 2 次）",
    ]),
  );
});

test("a rule code must be <indicator>-<n>", () => {
  const problems = problemsAfter((scheme) => (rule(scheme, "1.1-2").code = "1.2-2"));
  expect(problems).toContain("二级指标 1.1「党支部设置」规则 1.2-2：规则编号 1.2-2 应为“1.1-序号”，如 1.1-1");
  expect(problemsAfter((scheme) => (rule(scheme, "1.1-2").code = "1.1-0"))).toHaveLength(1);
  expect(problemsAfter((scheme) => (rule(scheme, "1.1-2").code = "1x1-2"))).toHaveLength(1);
});

test("min > max, amounts ≤ 0, amounts above the indicator points", () => {
  const range = problemsAfter((scheme) => Object.assign(rule(scheme, "1.1-2"), { min: 2, max: 1 }));
  expect(range).toEqual(["二级指标 1.1「党支部设置」规则 1.1-2：扣分下限 2 大于扣分上限 1"]);
  const zero = problemsAfter((scheme) => Object.assign(rule(scheme, "1.1-1"), { amount: 0 }));
  expect(zero).toEqual(["二级指标 1.1「党支部设置」规则 1.1-1：扣分 0 应大于 0"]);
  const above = problemsAfter((scheme) => {
    Object.assign(rule(scheme, "1.1-1"), { amount: 7 });
    Object.assign(rule(scheme, "1.1-2"), { max: 6.5 });
    Object.assign(rule(scheme, "2.2-1"), { cap: 12 });
    Object.assign(rule(scheme, "2.1-1"), { points: 81 });
  });
  expect(above).toEqual([
    "二级指标 1.1「党支部设置」规则 1.1-1：扣分 7 超过二级指标分值 6",
    "二级指标 1.1「党支部设置」规则 1.1-2：扣分上限 6.5 超过二级指标分值 6",
    "二级指标 2.1「理论考试」规则 2.1-1：折算分值 81 超过二级指标分值 80",
    "二级指标 2.2「表彰」规则 2.2-1：累计上限 cap 12 超过二级指标分值 10",
  ]);
});

test("amounts must be on the rule's step (0.5 unless the rule says otherwise), and the step must be positive", () => {
  expect(problemsAfter((scheme) => Object.assign(rule(scheme, "1.2-1"), { amount: 0.3 }))).toEqual([
    "二级指标 1.2「支委会配置」规则 1.2-1：扣分 0.3 不是步长 0.5 的整数倍",
  ]);
  expect(problemsAfter((scheme) => Object.assign(rule(scheme, "1.2-1"), { amount: 0.3, step: 0.1 }))).toEqual([]);
  expect(problemsAfter((scheme) => Object.assign(rule(scheme, "1.2-1"), { step: 0 }))).toEqual([
    "二级指标 1.2「支委会配置」规则 1.2-1：步长 step 0 应大于 0",
  ]);
});

test("count rules: required ≥ 0, per > 0", () => {
  const problems = problemsAfter((scheme) => Object.assign(rule(scheme, "1.2-1"), { required: -1, per: 0 }));
  expect(problems).toEqual([
    "二级指标 1.2「支委会配置」规则 1.2-1：要求数量 required -1 不能小于 0",
    "二级指标 1.2「支委会配置」规则 1.2-1：每档短缺数量 per 0 应大于 0",
  ]);
});

test("award and deduction rules may not share an indicator", () => {
  const problems = problemsAfter((scheme) => indicator(scheme, "2.2").rules.push({ code: "2.2-2", kind: "fixed", amount: 1, text: "扣1分" }));
  expect(problems).toEqual(["二级指标 2.2「表彰」：加分规则（award）与扣分规则不能放在同一个二级指标中，请拆分为两个指标"]);
});

test("bands: strictly descending, unique names, lowest at 0", () => {
  const problems = problemsAfter((scheme) => {
    scheme.bands = [
      { name: "好", min: 90 },
      { name: "好", min: 90 },
      { name: "一般", min: 60 },
    ];
  });
  expect(problems).toEqual([
    "等次名称重复：好（出现 2 次）",
    "等次「好」下限 90 应低于上一等次「好」的下限 90（等次须按下限从高到低排列）",
    "最低等次「一般」下限 60 应为 0，否则低于该分数的得分没有等次",
  ]);
});

test("a pass line over named sections names sections that exist, and no more than they can give", () => {
  const sectionPoints = (scheme: Scheme, code: string) => scheme.sections.find((section) => section.code === code)!.points;
  expect(problemsAfter((scheme) => (scheme.passLine = { minTotal: sectionPoints(scheme, "1"), noVeto: true, sections: ["1"] }))).toEqual([]);
  expect(problemsAfter((scheme) => (scheme.passLine = { minTotal: 1, noVeto: true, sections: ["1", "9"] }))).toEqual(["达标线所计的一级指标 9 不存在"]);
  expect(problemsAfter((scheme) => (scheme.passLine = { minTotal: 1, noVeto: true, sections: ["1", "1"] }))).toContain("达标线所计的一级指标有重复：1、1");
  const tooHigh = problemsAfter((scheme) => (scheme.passLine = { minTotal: sectionPoints(scheme, "1") + 0.5, noVeto: true, sections: ["1"] }));
  expect(tooHigh).toHaveLength(1);
  expect(tooHigh[0]).toMatch(/^达标线 [\d.]+ 应在 0 至一级指标 1 的合计 [\d.]+ 之间$/);
});

test("pass line within 0…max; quota share within (0, 1]", () => {
  expect(problemsAfter((scheme) => (scheme.passLine.minTotal = 101))).toEqual(["达标线 101 应在 0 至满分 100 之间"]);
  expect(problemsAfter((scheme) => (scheme.passLine.minTotal = 100))).toEqual([]);
  for (const share of [0, 1.5]) {
    expect(problemsAfter((scheme) => (scheme.quota = { recommendShare: share, rounding: "floor", excludeNamed: true }))).toHaveLength(1);
  }
  expect(problemsAfter((scheme) => (scheme.quota = { recommendShare: 1, rounding: "floor", excludeNamed: true }))).toEqual([]);
});

test("rater weights must sum to exactly 1", () => {
  expect(problemsAfter((scheme) => (scheme.weights = { self: 0.1, mass: 0.2, org: 0.7 }))).toEqual([]);
  expect(problemsAfter((scheme) => (scheme.weights = { self: 0.3, org: 0.6 }))).toEqual(["评价方权重合计 0.9 ≠ 1"]);
});

test("yearly targets: shares within (0, 1], counts positive integers", () => {
  const problems = problemsAfter((scheme) => {
    scheme.targets = [{ year: 2020, passRate: 80, modelCounts: { 校级样板党支部: 2.5 } }];
  });
  expect(problems).toEqual(["2020 年目标：达标率 80 应在 0（不含）至 1 之间", "2020 年目标：校级样板党支部数量 2.5 应为正整数"]);
});

test("every problem is reported, not only the first", () => {
  const problems = problemsAfter((scheme) => {
    scheme.max = 99;
    indicator(scheme, "1.2").points = 3;
    Object.assign(rule(scheme, "1.1-2"), { min: 2, max: 1 });
    scheme.passLine.minTotal = -1;
  });
  expect(problems).toHaveLength(4);
});
