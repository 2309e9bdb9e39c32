/**
 * The line under each rule on the template (and in its input prompt) is generated from the rule by its kind
 * (scoring/kinds): one case per kind, worded from the rule's own numbers, plus every built-in rule.
 */
import type { Indicator, Rule, RuleKind } from "../../src/rubric/types";
import { builtInSchemes } from "../../src/rubric/catalogue";
import { ruleCap } from "../../src/rubric/limits";
import { ruleGuidance } from "../../src/sheet/plan-text";

const indicator = { code: "1.1", title: "组织生活", points: 5, rules: [] } as unknown as Indicator;

function hintOf(rule: Rule): string {
  return ruleGuidance(rule, ruleCap(rule, indicator));
}

const cases: Record<RuleKind, [Rule, string][]> = {
  fixed: [[{ kind: "fixed", code: "1.1-1", text: "未建立台账扣1分", amount: 1 }, "填写扣分：0 或 1"]],
  range: [[{ kind: "range", code: "1.1-1", text: "不规范扣0.5-1分", min: 0.5, max: 1 }, "填写扣分：0 或 0.5–1"]],
  "fixed-each": [
    [{ kind: "fixed-each", code: "1.1-1", text: "每人次扣1分", amount: 1, unit: "人次" }, "填写人次数与扣分：扣分 = 人次数 × 1分"],
    [{ kind: "fixed-each", code: "1.1-1", text: "每项扣1分，最多扣3分", amount: 1, unit: "项", cap: 3 }, "填写项数与扣分：扣分 = 项数 × 1分，最多扣3分"],
  ],
  "range-each": [[{ kind: "range-each", code: "1.1-1", text: "每项扣0.5-1分", min: 0.5, max: 1, unit: "项" }, "填写项数与扣分：每项扣0.5–1分"]],
  discretionary: [[{ kind: "discretionary", code: "1.1-1", text: "酌情扣分" }, "酌情扣分：0–5，须写明理由"]],
  count: [
    [
      { kind: "count", code: "1.1-1", text: "每少1次扣0.5分", measure: "全年召开党员大会次数", required: 4, unit: "次", mode: "per-unit", amount: 0.5 },
      "在“数量”栏填写全年召开党员大会次数（要求≥4次，每少1次扣0.5分），扣分自动计算",
    ],
    [
      { kind: "count", code: "1.1-1", text: "每少4学时扣1分，最多扣3分", measure: "学习学时", required: 32, unit: "学时", mode: "per-unit", per: 4, amount: 1, cap: 3 },
      "在“数量”栏填写学习学时（要求≥32学时，每少4学时扣1分，最多扣3分），扣分自动计算",
    ],
    [
      { kind: "count", code: "1.1-1", text: "未达到扣0.5分", measure: "参训率", required: 90, unit: "%", mode: "all-or-nothing", amount: 0.5 },
      "在“数量”栏填写参训率（要求≥90%，未达到扣0.5分），扣分自动计算",
    ],
  ],
  award: [[{ kind: "award", code: "1.1-1", text: "获表彰加分" }, "填写加分：0–5，须写明加分事由"]],
  convert: [
    [
      { kind: "convert", code: "1.1-1", text: "闭卷考试", measure: "闭卷考试成绩", rawMax: 100, points: 10 },
      "在“数量”栏填写闭卷考试成绩（0–100），按比例折算为10分（100分计满分），得分自动折算",
    ],
  ],
};

describe.each(Object.entries(cases))("hint of a %s rule", (_kind, examples) => {
  test.each(examples.map(([rule, expected]) => ({ rule, expected })))("$rule.text", ({ rule, expected }) => {
    expect(hintOf(rule)).toBe(expected);
  });
});

describe.each(builtInSchemes().map((scheme) => ({ id: scheme.id, scheme })))("every rule of $id", ({ scheme }) => {
  const rules = scheme.sections.flatMap((section) => section.indicators.flatMap((item) => item.rules.map((rule) => ({ rule, item }))));

  test("no hint shows the indicator's points as a rule's maximum, and every 每少 names its amount of units", () => {
    for (const { rule, item } of rules) {
      const hint = ruleGuidance(rule, ruleCap(rule, item));
      if (rule.cap === undefined) expect({ code: rule.code, hint }).not.toEqual({ code: rule.code, hint: expect.stringMatching(/最多/) });
      expect({ code: rule.code, hint }).not.toEqual({ code: rule.code, hint: expect.stringMatching(/每少\D/) });
      if (rule.kind === "convert") expect(hint).not.toMatch(/扣分自动计算/);
    }
  });
});
