/**
 * The 反馈单 of one branch as a WorkbookPlan (pure): one sheet, A4 landscape, printed with the branch on every page's
 * header and 第X页 共Y页 in the footer, every row tall enough for its wrapped text.
 */
import { RATER_LABELS } from "../rubric/raters";
import type { RaterKind } from "../rubric/types";
import { rowSpan } from "../sheet/addresses";
import { rowHeightFor, wrappedLines } from "../sheet/text-fit";
import { PAGE_NUMBER_FOOTER, headerSections } from "../sheet/print-header";
import { sheetPlan } from "../sheet/sheet-plan";
import type { CellStyle, PlanCell, WorkbookPlan } from "../sheet/types";
import { showNumber } from "../scoring/messages";
import { SEVERITY_LABELS } from "../summary/labels";
import type { BranchFeedback, FeedbackIndicator } from "./feedback";

export const FEEDBACK_SHEET = "反馈单";

const BODY = 10;
const STYLES: Record<string, CellStyle> = {
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" },
  subtitle: { fontSize: 11, horizontal: "center", vertical: "middle", numberFormat: "@" },
  heading: { bold: true, fontSize: 12, vertical: "bottom", numberFormat: "@" },
  label: { bold: true, fontSize: BODY, fill: "#DDEBF7", border: true, horizontal: "center", vertical: "middle", wrap: true, numberFormat: "@" },
  text: { fontSize: BODY, border: true, vertical: "top", wrap: true, numberFormat: "@" },
  center: { fontSize: BODY, border: true, horizontal: "center", vertical: "top", wrap: true, numberFormat: "@" },
  number: { fontSize: BODY, border: true, horizontal: "center", vertical: "top", numberFormat: "0.0#" },
  alert: { fontSize: BODY, border: true, horizontal: "center", vertical: "top", fontColor: "#C00000", bold: true, numberFormat: "@" },
  plain: { fontSize: 11, vertical: "bottom", wrap: true, numberFormat: "@" },
};

/** Column widths in characters: A4 landscape holds about 140 at 100 %. */
const WIDTHS = [8, 22, 32, 8, 8, 8, 30, 22];
const LAST = WIDTHS.length - 1;

type Span = [first: number, last: number];

/** Builds the sheet row by row; each row's height follows its tallest wrapped cell. */
class FeedbackCanvas {
  readonly cells: (PlanCell | null)[][] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  /** cells: [text or number, style, span]; a span wider than one column is merged */
  row(cells: [string | number | null, string, Span][], minHeight?: number): void {
    const index = this.cells.length;
    const line = new Array<PlanCell | null>(WIDTHS.length).fill(null);
    let lines = 1;
    for (const [value, style, [first, last]] of cells) {
      line[first] = value === null ? { style } : { value, style };
      for (let column = first + 1; column <= last; column++) line[column] = { style };
      if (last > first) this.merges.push(rowSpan(index, first, last));
      const width = WIDTHS.slice(first, last + 1).reduce((sum, w) => sum + w, 0);
      if (typeof value === "string") lines = Math.max(lines, wrappedLines(value, width));
    }
    this.cells.push(line);
    const height = Math.max(rowHeightFor(lines), minHeight ?? 0);
    if (lines > 1 || minHeight !== undefined) this.rowHeights[index] = height;
  }

  blank(): void {
    this.cells.push([]);
  }
}

const WHOLE: Span = [0, LAST];
const WIDE_SPACE = "\u3000";

function signed(amount: number): string {
  return amount < 0 ? `扣 ${showNumber(-amount)}` : `加 ${showNumber(amount)}`;
}

function rankText(feedback: BranchFeedback): string {
  const { row } = feedback;
  if (row.rank !== null) return `第 ${row.rank} 名（共 ${feedback.ranked} 个参加排名）`;
  if (row.named) return "已命名，不参加排名";
  return row.vetoed ? "不得参评，不参加排名" : "不参加排名";
}

function drawOutcome(canvas: FeedbackCanvas, feedback: BranchFeedback): void {
  const { row } = feedback;
  canvas.row(
    [
      ["最终得分", "label", [0, 0]],
      // a sheet not counted has no final score yet: its running total stays in 得分来源, for information
      [row.counted ? showNumber(row.total) : "待核", row.counted ? "center" : "alert", [1, 1]],
      ["等次", "label", [2, 2]],
      [row.band, row.vetoed ? "alert" : "center", [3, 5]],
      ["名次", "label", [6, 6]],
      [rankText(feedback), "center", [7, 7]],
    ],
    22,
  );
  const basis = row.basis === "weighted" ? "按方案权重加权" : `取${RATER_LABELS[row.basis]}`;
  const scores = feedback.raters.map((rater) => `${RATER_LABELS[rater]} ${showNumber(scoreOf(feedback, rater))}`).join("，");
  canvas.row(
    [
      ["达标", "label", [0, 0]],
      // a sheet not counted (blank, with errors) gets no verdict: its reason is in 备注
      [row.counted ? (row.pass ? "是" : "否") : "待核", row.pass ? "center" : "alert", [1, 1]],
      ["得分来源", "label", [2, 2]],
      [`${basis}（${scores}）`, "text", [3, LAST]],
    ],
    22,
  );
  const notes = [...row.vetoReasons.map((reason) => `不得参评：${reason}`), ...row.notes];
  if (notes.length > 0) canvas.row([["备注", "label", [0, 0]], [notes.join("；"), "text", [1, LAST]]]);
}

function scoreOf(feedback: BranchFeedback, rater: RaterKind): number {
  const raterScore = feedback.row.raters.find((item) => item.rater === rater);
  return raterScore?.total ?? 0;
}

function drawDeductions(canvas: FeedbackCanvas, feedback: BranchFeedback): void {
  canvas.blank();
  canvas.row([[`一、扣分（加分）明细（共 ${feedback.deductions.length} 项）`, "heading", WHOLE]], 24);
  canvas.row(
    [
      ["评价方", "label", [0, 0]],
      ["指标", "label", [1, 1]],
      ["评分规则", "label", [2, 2]],
      ["数量", "label", [3, 3]],
      ["扣分/加分", "label", [4, 5]],
      ["扣分理由", "label", [6, 6]],
      ["佐证材料", "label", [7, 7]],
    ],
    22,
  );
  if (feedback.deductions.length === 0) canvas.row([["无扣分项", "center", WHOLE]]);
  for (const item of feedback.deductions) {
    canvas.row([
      [RATER_LABELS[item.rater], "center", [0, 0]],
      [item.indicator, "text", [1, 1]],
      [item.rule, "text", [2, 2]],
      [item.quantity, "center", [3, 3]],
      [signed(item.amount), item.amount < 0 ? "alert" : "center", [4, 5]],
      [item.reason || "（未填写）", "text", [6, 6]],
      [item.evidence, "text", [7, 7]],
    ]);
  }
}

function gapText(indicator: FeedbackIndicator, feedback: BranchFeedback): string {
  const parts: string[] = [];
  const other = feedback.compared;
  if (other !== null && feedback.comparisonPending !== null) parts.push(`待核（${feedback.comparisonPending}），不作比较`);
  if (other !== null && indicator.difference !== null && indicator.difference !== 0) {
    parts.push(`${RATER_LABELS[other]}比自评${indicator.difference < 0 ? "少" : "多"} ${showNumber(Math.abs(indicator.difference))} 分`);
  }
  // 五好: 测评 beside 考评, shown in words
  const mass = indicator.scores.mass;
  if (other === "org" && feedback.raters.includes("mass") && mass !== undefined) parts.push(`测评 ${showNumber(mass)}`);
  return parts.join("；");
}

function drawIndicators(canvas: FeedbackCanvas, feedback: BranchFeedback): void {
  const other = feedback.compared;
  const headingRaters = [feedback.raters.includes("self") ? "自评" : "", other ? RATER_LABELS[other] : ""].filter(Boolean);
  canvas.blank();
  canvas.row([[`二、各指标${headingRaters.join("与")}对照`, "heading", WHOLE]], 24);
  canvas.row(
    [
      ["编号", "label", [0, 0]],
      ["指标", "label", [1, 2]],
      ["分值", "label", [3, 3]],
      [RATER_LABELS.self, "label", [4, 4]],
      [other ? RATER_LABELS[other] : "", "label", [5, 5]],
      ["差异", "label", [6, LAST]],
    ],
    22,
  );
  for (const indicator of feedback.indicators) {
    const gap = gapText(indicator, feedback);
    canvas.row([
      [indicator.code, "center", [0, 0]],
      [indicator.title, "text", [1, 2]],
      [indicator.points, "number", [3, 3]],
      [indicator.scores.self ?? null, "number", [4, 4]],
      [other === null ? null : (indicator.scores[other] ?? null), "number", [5, 5]],
      [gap, gap ? "alert" : "text", [6, LAST]],
    ]);
  }
}

function drawProblems(canvas: FeedbackCanvas, feedback: BranchFeedback): void {
  canvas.blank();
  canvas.row([[`三、评分表中发现的问题（共 ${feedback.problems.length} 条）`, "heading", WHOLE]], 24);
  canvas.row([["严重程度", "label", [0, 0]], ["文件", "label", [1, 2]], ["单元格", "label", [3, 3]], ["说明", "label", [4, LAST]]], 22);
  if (feedback.problems.length === 0) canvas.row([["未发现问题", "center", WHOLE]]);
  for (const problem of feedback.problems) {
    canvas.row([
      [SEVERITY_LABELS[problem.severity], problem.severity === "error" ? "alert" : "center", [0, 0]],
      [problem.file, "text", [1, 2]],
      [problem.cell ?? "", "center", [3, 3]],
      [problem.message, "text", [4, LAST]],
    ]);
  }
}

export function planFeedback(feedback: BranchFeedback): WorkbookPlan {
  const canvas = new FeedbackCanvas();
  const { row } = feedback;
  canvas.row([[`${feedback.schemeTitle}考评反馈单`, "title", WHOLE]], 30);
  canvas.row([[[`${feedback.subjectLabel}：${row.subject}`, `所属党组织：${row.org || "（未填写）"}`, `考核年度：${feedback.period || "（未填写）"}`].join(WIDE_SPACE), "subtitle", WHOLE]], 22);
  canvas.blank();
  drawOutcome(canvas, feedback);
  drawDeductions(canvas, feedback);
  drawIndicators(canvas, feedback);
  drawProblems(canvas, feedback);
  canvas.blank();
  canvas.row([["请对照以上扣分项和问题逐项整改，整改情况按要求报上级党组织。", "plain", WHOLE]], 22);
  canvas.row([["反馈单位（盖章）：", "plain", [0, 2]], [`日期：${WIDE_SPACE.repeat(4)}年${WIDE_SPACE.repeat(2)}月${WIDE_SPACE.repeat(2)}日`, "plain", [6, LAST]]], 36);
  const sheet = sheetPlan({
    name: FEEDBACK_SHEET,
    cells: canvas.cells,
    styles: STYLES,
    columnWidths: WIDTHS,
    rowHeights: canvas.rowHeights,
    merges: canvas.merges,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      header: headerSections(`${feedback.schemeTitle} 反馈单`, row.subject, feedback.period),
      footer: PAGE_NUMBER_FOOTER,
    },
  });
  return { sheets: [sheet], activate: FEEDBACK_SHEET };
}
