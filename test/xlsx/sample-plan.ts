/**
 * A small hand-made plan exercising every feature the xlsx host replays: formulas, text that looks like a formula,
 * styles, merges, validations of each kind, a conditional format, protection with unlocked inputs, print setup,
 * frozen panes, a hidden _meta sheet and a name cell. Independent of the planner, so host tests do not wait on it.
 */
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../src/sheet/types";

export const SCORING_SHEET = "评分表";
export const META_SHEET = "_meta";

const text = (value: string, style?: string): PlanCell => ({ value, ...(style ? { style } : {}) });
const number = (value: number, style?: string): PlanCell => ({ value, ...(style ? { style } : {}) });
const formula = (value: string, style = "score"): PlanCell => ({ formula: value, style });
const input: PlanCell = { style: "input" };

export const TEXT_LOOKING_LIKE_FORMULAS = { B4: "=危险文本", B7: "@某人", C7: "-2", D7: "+1" };

const scoringSheet: SheetPlan = {
  name: SCORING_SHEET,
  visibility: "visible",
  cells: [
    [text("测试评分表", "title"), null, null, null, null, null],
    [text("编号", "header"), text("内容", "header"), text("分值", "header"), text("扣分", "header"), text("得分", "header"), text("次数", "header")],
    [text("1.1"), text("支部设置"), number(5), input, formula("=MAX(0,C3-D3)"), input],
    [text("1.2"), text(TEXT_LOOKING_LIKE_FORMULAS.B4), number(3), input, formula("=MAX(0,C4-D4)"), null],
    [text("V1"), text("一票否决事项"), null, input, formula('=IF(D5="是","不得参评","")'), null],
    [text("total"), text("合计"), formula("=SUM(C3:C4)"), null, formula("=SUM(E3:E4)"), null],
    [text("note"), text(TEXT_LOOKING_LIKE_FORMULAS.B7), text(TEXT_LOOKING_LIKE_FORMULAS.C7), text(TEXT_LOOKING_LIKE_FORMULAS.D7), null, null],
    [text("reason"), input, null, null, null, null],
  ],
  styles: {
    title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" },
    header: { bold: true, fill: "#D9E1F2", border: true, horizontal: "center", wrap: true },
    input: { fill: "#FFF2CC", border: true, numberFormat: "0.0#" },
    score: { bold: true, border: true, numberFormat: "0.0#", fontColor: "#1F4E79" },
  },
  columnWidths: [8, 30, 8, 10, 10, 8],
  rowHeights: { 0: 28 },
  merges: ["A1:F1"],
  validations: [
    {
      range: "D3:D4",
      rule: { type: "decimal", min: 0, max: 5 },
      prompt: { title: "扣分", message: "请输入 0 至 5 之间的扣分，步长 0.5" },
      error: { title: "扣分无效", message: "扣分应在 0 至 5 之间" },
    },
    { range: "D5", rule: { type: "list", values: ["是", "否"] }, error: { title: "否决事项", message: "请填写 是 或 否" } },
    { range: "F3", rule: { type: "whole", min: 0, max: 99 } },
    { range: "B8", rule: { type: "custom", formula: "=LEN(B8)<=20" } },
  ],
  conditionalFormats: [{ range: "E3:E4", formula: "=E3<C3", style: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true } }],
  unlocked: ["D3:D5", "F3", "B8"],
  protect: true,
  print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: "$1:$2" },
  freeze: { rows: 2, columns: 1 },
};

const metaSheet: SheetPlan = {
  name: META_SHEET,
  visibility: "hidden",
  cells: [
    [text("contract"), number(1)],
    [text("scheme"), text("test-scheme")],
    [text("sheet"), null],
    [text("cell:1.1:deduction"), text("D3")],
  ],
  styles: {},
  columnWidths: [24, 24],
  rowHeights: {},
  merges: [],
  validations: [],
  conditionalFormats: [],
  unlocked: [],
  protect: false,
};

export function samplePlan(): WorkbookPlan {
  return {
    sheets: [scoringSheet, metaSheet],
    activate: SCORING_SHEET,
    nameCells: [{ sheet: META_SHEET, address: "B3", refersTo: SCORING_SHEET }],
  };
}
