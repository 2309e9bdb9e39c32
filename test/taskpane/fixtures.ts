/** A small scheme with one rule of each kind that matters to the pane, written by hand for these tests. */
import type { Scheme } from "../../src/rubric/types";
import type { Issue, ScoreResult } from "../../src/scoring/types";

export const sampleScheme: Scheme = {
  id: "sample",
  title: "示例党支部考评方案",
  shortTitle: "示例",
  version: "1",
  subject: "branch",
  source: "test",
  defaultAllocation: true,
  notes: [],
  defaults: [],
  max: 100,
  sections: [
    {
      code: "1",
      title: "组织设置",
      points: 40,
      indicators: [
        {
          code: "1.1",
          title: "党支部设置",
          points: 20,
          content: [],
          evidence: "",
          rules: [
            { code: "1.1-1", kind: "fixed", text: "党员人数不符合规定扣1分", amount: 1 },
            { code: "1.1-2", kind: "range-each", text: "每项扣0.5-1分", min: 0.5, max: 1, unit: "项" },
          ],
        },
        {
          code: "1.2",
          title: "组织生活",
          points: 20,
          content: [],
          evidence: "",
          rules: [
            {
              code: "1.2-1",
              kind: "count",
              text: "党员大会每年不少于4次",
              measure: "全年召开党员大会次数",
              required: 4,
              unit: "次",
              mode: "per-unit",
              amount: 1,
            },
            { code: "1.2-2", kind: "discretionary", text: "酌情扣分" },
          ],
        },
      ],
    },
    {
      code: "2",
      title: "学习考试",
      points: 60,
      indicators: [
        {
          code: "2.1",
          title: "理论考试",
          points: 40,
          content: [],
          evidence: "",
          rules: [
            { code: "2.1-1", kind: "convert", text: "现场理论考试", rawMax: 100, points: 40, measure: "考试成绩" },
          ],
        },
        {
          code: "2.2",
          title: "特色亮点",
          points: 20,
          content: [],
          evidence: "",
          rules: [{ code: "2.2-1", kind: "award", text: "被上级表彰加分" }],
        },
      ],
    },
  ],
  vetoes: [{ code: "V1", text: "发生严重违纪违法问题" }],
  bands: [
    { name: "好", min: 90 },
    { name: "较好", min: 80 },
    { name: "一般", min: 70 },
    { name: "较差", min: 0 },
  ],
  passLine: { minTotal: 80, noVeto: true },
  raters: ["self", "org"],
  ranking: "dense",
};

export function issue(severity: Issue["severity"], code: string, cell: string | null): Issue {
  return { severity, kind: "reason-missing", code, cell, message: `${code} 缺少扣分理由` };
}

export function sampleResult(issues: Issue[] = []): ScoreResult {
  return {
    scheme: "sample",
    schemeVersion: "1",
    total: 87.5,
    max: 100,
    band: "较好",
    pass: true,
    vetoed: false,
    vetoReasons: [],
    sections: [
      { code: "1", title: "组织设置", points: 40, score: 37.5 },
      { code: "2", title: "学习考试", points: 60, score: 50 },
    ],
    indicators: [],
    rules: [],
    issues,
  };
}
