/**
 * A small scheme with every rule kind, caps, steps, vetoes and default bands: the planner's tests use it alongside the
 * built-in schemes, so each kind is covered even if the catalogue changes.
 */
import type { Scheme } from "../../src/rubric/types";

export const everyKindScheme: Scheme = {
  id: "every-kind",
  title: "测试“全规则”考评",
  shortTitle: "全规则",
  version: "test.1",
  subject: "branch",
  source: "测试用评分细则",
  defaultAllocation: true,
  notes: [],
  defaults: [],
  max: 100,
  sections: [
    {
      code: "1",
      title: "组织设置",
      points: 30,
      indicators: [
        {
          code: "1.1",
          title: "党支部设置",
          points: 5,
          content: ["1.1.1 按规定设置党支部", "1.1.2 按规定划分党小组"],
          evidence: "支部设置的相关请示、批复等材料",
          rules: [
            { code: "1.1-1", kind: "range", min: 1, max: 2, text: "支部设置不符合规定扣1-2分" },
            { code: "1.1-2", kind: "fixed", amount: 1, text: "党员人数不符合规定扣1分" },
            { code: "1.1-3", kind: "range", min: 0.5, max: 1, text: "未按规定划分党小组扣0.5-1分" },
          ],
        },
        {
          code: "1.2",
          title: "党员管理",
          points: 10,
          content: ["党员受处分情况"],
          evidence: "处分决定",
          rules: [
            { code: "1.2-1", kind: "fixed-each", amount: 1, unit: "人次", text: "党员受党纪政纪处分的每人次扣1分", cap: 4 },
            { code: "1.2-2", kind: "range-each", min: 0.5, max: 1, unit: "项", text: "工作有疏漏的每项扣0.5-1分" },
          ],
        },
        {
          code: "1.3",
          title: "监督检查机制",
          points: 15,
          content: [],
          evidence: "",
          rules: [{ code: "1.3-1", kind: "discretionary", text: "监督检查机制不健全的酌情扣分" }],
        },
      ],
    },
    {
      code: "2",
      title: "组织生活",
      points: 40,
      indicators: [
        {
          code: "2.1",
          title: "集中学习培训",
          points: 10,
          content: ["每年集中学习培训不少于32学时"],
          evidence: "培训记录",
          rules: [
            {
              code: "2.1-1",
              kind: "count",
              measure: "全年集中学习培训学时",
              required: 32,
              unit: "学时",
              mode: "per-unit",
              per: 4,
              amount: 1,
              cap: 6,
              text: "每少4学时扣1分，最多扣6分",
            },
            {
              code: "2.1-2",
              kind: "count",
              measure: "全年召开党员大会次数",
              required: 4,
              unit: "次",
              mode: "per-unit",
              amount: 1.5,
              text: "党员大会每少1次扣1.5分",
            },
          ],
        },
        {
          code: "2.2",
          title: "民主测评",
          points: 10,
          content: ["民主测评“好”的比例达到95%"],
          evidence: "民主测评汇总表",
          rules: [
            {
              code: "2.2-1",
              kind: "count",
              measure: "民主测评“好”的比例",
              required: 95,
              unit: "%",
              mode: "all-or-nothing",
              amount: 3,
              text: "民主测评“好”的比例低于95%的扣3分",
            },
            { code: "2.2-2", kind: "fixed", amount: 0.25, step: 0.25, text: "未及时公示扣0.25分" },
          ],
        },
        {
          code: "2.3",
          title: "理论考试",
          points: 20,
          content: ["现场闭卷理论考试"],
          evidence: "试卷",
          rules: [
            { code: "2.3-1", kind: "convert", rawMax: 100, points: 20, measure: "现场理论考试成绩（百分制）", text: "按考试成绩折算" },
          ],
        },
      ],
    },
    {
      code: "3",
      title: "特色亮点",
      points: 30,
      indicators: [
        {
          code: "3.1",
          title: "党建特色",
          points: 20,
          content: ["3.1.1 被上级党组织表彰", "3.1.2 被省内外媒体宣传报道"],
          evidence: "表彰文件、报道",
          rules: [
            { code: "3.1-1", kind: "award", text: "被上级党组织表彰的加分", cap: 12 },
            { code: "3.1-2", kind: "award", text: "被省内外媒体宣传报道的加分" },
          ],
        },
        { code: "3.2", title: "无细则指标", points: 10, content: [], evidence: "", rules: [] },
      ],
    },
  ],
  vetoes: [
    { code: "V1", text: "（一）贯彻落实决策部署不实不力的；" },
    { code: "V2", text: "（二）年度内受到通报问责的；" },
  ],
  bands: [
    { name: "好", min: 90 },
    { name: "较好", min: 80 },
    { name: "一般", min: 70 },
    { name: "较差", min: 0 },
  ],
  passLine: { minTotal: 80, noVeto: true },
  raters: ["self", "mass", "org"],
  ranking: "dense",
};
