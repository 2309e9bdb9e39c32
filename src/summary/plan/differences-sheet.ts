/**
 * 差异明细: per branch, every indicator whose 自评 and 考评 differ by at least the threshold, both scores, the difference
 * and the evaluators' deduction reasons; a branch whose sheet does not count gets one 待核 line with the reason and no
 * numbers.
 */
import { showNumber } from "../../scoring/messages";
import type { PlanCell } from "../../sheet/types";
import { flatMappedRows, joinedRows, rowsSheetPlan, type RowsSheetPlan } from "../../sheet/streamed-sheet";
import type { DifferenceReport, EvaluatorReason, SubjectDifferences } from "../differences";
import { SUMMARY_STYLES, num, text } from "./cells";

const DIFFERENCES_SHEET = "差异明细";
const HEADER_ROW = 3;
const HEADERS = ["党支部", "所属党组织", "指标", "指标名称", "分值", "自评", "考评", "考评 − 自评", "考评人数", "考评扣分（加分）及理由"];

function reasonText(reason: EvaluatorReason): string {
  const amount = reason.amount < 0 ? `扣 ${showNumber(-reason.amount)}` : `加 ${showNumber(reason.amount)}`;
  return `${reason.evaluator}：${reason.rule} ${amount}，${reason.reason || "（未填写理由）"}`;
}

/** A subject's lines: one 待核 line, or one per differing indicator. */
function subjectRowCount(subject: SubjectDifferences): number {
  return subject.pending !== null ? 1 : subject.differences.length;
}

/** The subject's k-th line (subjectRowCount). */
function subjectRow(subject: SubjectDifferences, k: number): (PlanCell | null)[] {
  const who = [text(subject.subject, "textWrap"), text(subject.org, "textWrap")];
  if (subject.pending !== null) {
    return [...who, text("待核", "pending"), text(`${subject.pending}，不作比较`, "textWrap"), null, null, null, null, num(subject.panelSize, "count"), null];
  }
  const item = subject.differences[k];
  return [
    ...who,
    text(item.code, "textCenter"),
    text(item.title, "textWrap"),
    num(item.points),
    num(item.self),
    num(item.org),
    num(item.difference),
    num(subject.panelSize, "count"),
    text(item.reasons.map(reasonText).join("\n"), "textWrap"),
  ];
}

export function differencesSheet(report: DifferenceReport): RowsSheetPlan {
  const listed = report.subjects.filter((subject) => subject.pending !== null || subject.differences.length > 0);
  const differing = report.subjects.filter((subject) => subject.differences.length > 0);
  const pending = report.subjects.length - report.subjects.filter((subject) => subject.pending === null).length;
  const indicators = differing.reduce((sum, subject) => sum + subject.differences.length, 0);
  const threshold = showNumber(report.threshold);
  const heading: (PlanCell | null)[][] = [
    [text(`差异明细（自评与考评相差 ${threshold} 分及以上的指标）`, "title")],
    [
      text(
        `自评与考评都有的 ${report.subjects.length} 个：${differing.length} 个共 ${indicators} 项指标相差 ${threshold} 分及以上，待核 ${pending} 个；` +
          "考评组的考评取各指标平均（精确小数，四舍五入到 2 位，与总分同一规则）",
        "subtitle",
      ),
    ],
    [],
    HEADERS.map((header) => text(header, "header")),
  ];
  const none = listed.length === 0 ? [[text(`没有相差 ${threshold} 分及以上的指标。`, "subtitle")]] : [];
  return rowsSheetPlan({
    name: DIFFERENCES_SHEET,
    rows: joinedRows(heading, flatMappedRows(listed, subjectRowCount, subjectRow), none),
    styles: SUMMARY_STYLES,
    // about 150 characters: fit to one A4 landscape page wide, text still prints above 8 pt
    columnWidths: [24, 18, 8, 20, 7, 8, 8, 10, 8, 40],
    rowHeights: { 0: 24 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}` },
    freeze: { rows: HEADER_ROW + 1, columns: 1 },
  });
}
