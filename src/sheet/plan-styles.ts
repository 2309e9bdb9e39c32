/** Named cell styles of the scoring template and `_meta`; the plan refers to them by id. */
import type { CellStyle } from "./types";

const BODY = 10;
/** The printed form's long texts (考核内容, 评分标准, 佐证材料 hints, vetoes): the smallest size allowed on paper. */
export const SMALL = 9;
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
  indicatorContent: "indicatorContent",
  running: "running",
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
  signatureDate: "signatureDate",
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
  // the 考核内容 beside the indicator's rules (merged down over them), plain: long bold text printed too heavy
  [STYLE.indicatorContent]: { fontSize: SMALL, border: true, vertical: "top", wrap: true },
  [STYLE.running]: { fontSize: 9, vertical: "middle" },
  [STYLE.score]: { bold: true, fontSize: BODY, border: true, horizontal: "center", vertical: "top", numberFormat: "0.0#" },
  [STYLE.ruleText]: { fontSize: SMALL, border: true, vertical: "top", wrap: true },
  [STYLE.ruleCell]: { fontSize: BODY, border: true, vertical: "top" },
  [STYLE.inputNumber]: { fontSize: BODY, fill: INPUT_FILL, border: true, horizontal: "center", vertical: "top" },
  [STYLE.inputText]: { fontSize: BODY, fill: INPUT_FILL, border: true, vertical: "top", wrap: true },
  [STYLE.computed]: { fontSize: BODY, fontColor: "#1F4E78", border: true, horizontal: "center", vertical: "top", numberFormat: "0.0#" },
  [STYLE.totalLabel]: { bold: true, fontSize: BODY, fill: "#D9E1F2", border: true, vertical: "middle", wrap: true },
  [STYLE.totalPoints]: { bold: true, fontSize: 12, fill: "#D9E1F2", border: true, horizontal: "center", vertical: "middle" },
  [STYLE.totalScore]: { bold: true, fontSize: 12, fill: "#D9E1F2", border: true, horizontal: "center", vertical: "middle", numberFormat: "0.0#" },
  // wrapped: "有 12 处填写错误" or "较好（草稿）" fit the 得分 column on two lines
  [STYLE.outcome]: { bold: true, fontSize: BODY, border: true, horizontal: "center", vertical: "middle", wrap: true },
  [STYLE.vetoCode]: { bold: true, fontSize: BODY, border: true, vertical: "top" },
  [STYLE.vetoText]: { fontSize: SMALL, border: true, vertical: "top", wrap: true },
  [STYLE.signature]: { fontSize: 11, vertical: "bottom" },
  [STYLE.signatureDate]: { fontSize: 11, vertical: "bottom", horizontal: "left" },
};

export const META_STYLES: Record<string, CellStyle> = {
  [STYLE.metaKey]: { fontSize: BODY },
  [STYLE.metaValue]: { fontSize: BODY },
};

/**
 * Character widths of 编号 … 得分: together one A4 landscape page wide at 100 % (print-pages.ts), so the body prints at
 * its own 10 pt; the 考核内容 column is the widest, as the indicators' text is the longest.
 */
export const COLUMN_WIDTHS = [9, 40, 5, 23, 6, 9, 8, 16, 7];
