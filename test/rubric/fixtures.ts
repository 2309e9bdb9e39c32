/** A small, valid rubric file for the tests to break one thing at a time. */
import type { RubricFile } from "../../src/rubric/schema";

export function smallRubric(): RubricFile {
  return {
    id: "test-rubric",
    title: "测试细则",
    version: "1",
    sections: [
      {
        code: "1",
        title: "组织设置",
        points: 10,
        indicators: [
          {
            code: "1.1",
            title: "党支部设置",
            points: 6,
            rules: [
              { kind: "fixed", amount: 1, text: "党员人数不符合规定扣1分" },
              { kind: "range", min: 1, max: 2, text: "支部设置不符合规定扣1-2分" },
            ],
          },
          {
            code: "1.2",
            title: "支委会配置",
            points: 4,
            rules: [
              {
                kind: "count",
                measure: "全年召开支委会次数",
                required: 12,
                unit: "次",
                mode: "per-unit",
                amount: 0.5,
                text: "每少1次扣0.5分",
              },
            ],
          },
        ],
      },
      {
        code: "2",
        title: "特色亮点",
        points: 90,
        indicators: [
          {
            code: "2.1",
            title: "理论考试",
            points: 80,
            rules: [{ kind: "convert", rawMax: 100, points: 80, measure: "考试成绩", text: "考试成绩折算" }],
          },
          { code: "2.2", title: "表彰", points: 10, rules: [{ kind: "award", cap: 10, text: "获表彰加分" }] },
        ],
      },
    ],
    vetoes: [{ text: "受到通报问责的" }],
  };
}
