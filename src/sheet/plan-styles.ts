/** Named cell styles of the scoring template and `_meta`; the plan refers to them by id. */
import type { CellStyle } from "./types";

const BODY = 10;
const INPUT_FILL = "#FFF9E1"; // light yellow: "fill me in"

export const STYLE = {
  title: "title",
  notice: "notice",
  label: "label",
  input: "input",
  tableHeader: "tableHeader",
  section: "section",
  sectionPoints: "sectionPoints",
  sectionScore: "sectionScore",
  indicator: "indicator",
  indicatorPoints: "indicatorPoints",
  score: "score",
  ruleText: "ruleText",
  ruleCell: "ruleCell",
  inputNumber: "inputNumber",
  inputText: "inputText",
  computed: "computed",
  totalLabel: "totalLabel",
  totalPoints: "totalPoints",
  totalScore: "totalScore",
  outcome: "outcome",
  vetoCode: "vetoCode",
  vetoText: "vetoText",
  signature: "signature",
  metaKey: "metaKey",
  metaValue: "metaValue",
} as const;

export const SCORING_STYLES: Record<string, CellStyle> = {
  [STYLE.title]: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" },
  [STYLE.notice]: { italic: true, fontSize: 9, fontColor: "#595959", wrap: true, vertical: "middle" },
  [STYLE.label]: { bold: true, fontSize: BODY, horizontal: "right", vertical: "middle" },
  [STYLE.input]: { fontSize: BODY, fill: INPUT_FILL, border: true, vertical: "middle" },
  [STYLE.tableHeader]: { bold: true, fontSize: BODY, fill: "#D9E1F2", border: true, horizontal: "center", vertical: "middle", wrap: true },
  [STYLE.section]: { bold: true, fontSize: BODY, fill: "#E7E6E6", border: true, vertical: "middle", wrap: true },
  [STYLE.sectionPoints]: { bold: true, fontSize: BODY, fill: "#E7E6E6", border: true, horizontal: "center", vertical: "middle" },
  [STYLE.sectionScore]: { bold: true, fontSize: BODY, fill: "#E7E6E6", border: true, horizontal: "center", vertical: "middle", numberFormat: "0.0#" },
  [STYLE.indicator]: { bold: true, fontSize: BODY, border: true, vertical: "top", wrap: true },
  [STYLE.indicatorPoints]: { fontSize: BODY, border: true, horizontal: "center", vertical: "top" },
  [STYLE.score]: { bold: true, fontSize: BODY, border: true, horizontal: "center", vertical: "top", numberFormat: "0.0#" },
  [STYLE.ruleText]: { fontSize: BODY, border: true, vertical: "top", wrap: true },
  [STYLE.ruleCell]: { fontSize: BODY, border: true, vertical: "top" },
  [STYLE.inputNumber]: { fontSize: BODY, fill: INPUT_FILL, border: true, horizontal: "center", vertical: "top" },
  [STYLE.inputText]: { fontSize: BODY, fill: INPUT_FILL, border: true, vertical: "top", wrap: true },
  [STYLE.computed]: { fontSize: BODY, fontColor: "#1F4E78", border: true, horizontal: "center", vertical: "top", numberFormat: "0.0#" },
  [STYLE.totalLabel]: { bold: true, fontSize: 11, fill: "#D9E1F2", border: true, vertical: "middle", wrap: true },
  [STYLE.totalPoints]: { bold: true, fontSize: 12, fill: "#D9E1F2", border: true, horizontal: "center", vertical: "middle" },
  [STYLE.totalScore]: { bold: true, fontSize: 12, fill: "#D9E1F2", border: true, horizontal: "center", vertical: "middle", numberFormat: "0.0#" },
  // wrapped: "有 12 处填写错误" or "较好（草稿）" fit the 得分 column on two lines
  [STYLE.outcome]: { bold: true, fontSize: 12, border: true, horizontal: "center", vertical: "middle", wrap: true },
  [STYLE.vetoCode]: { bold: true, fontSize: BODY, border: true, vertical: "top" },
  [STYLE.vetoText]: { fontSize: BODY, border: true, vertical: "top", wrap: true },
  [STYLE.signature]: { fontSize: 11, vertical: "bottom" },
};

export const META_STYLES: Record<string, CellStyle> = {
  [STYLE.metaKey]: { fontSize: BODY },
  [STYLE.metaValue]: { fontSize: BODY },
};

/** Character widths of 编号 … 得分. */
export const COLUMN_WIDTHS = [11, 34, 6, 40, 8, 10, 22, 22, 11];

// the row-height estimate lives in text-fit (one home for templates, 反馈单, ballots and summaries)
export { rowHeightFor, wrappedLines } from "./text-fit";
