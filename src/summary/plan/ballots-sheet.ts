/**
 * 测评统计: the 民主测评 tally per subject (应到, 实到, 有效, 无效 and why, counts per level, 好 rate, 满意率, quorum,
 * 测评得分), then the counting rules it applied, in words. Rates are stored as fractions with a percent format, so
 * they stay numbers a clerk can sort and check.
 */
import type { PlanCell, SheetPlan } from "../../sheet/types";
import { sheetPlan } from "../../sheet/sheet-plan";
import type { BallotReport } from "../types";
import { SUMMARY_STYLES, num, text } from "./cells";

export const BALLOTS_SHEET = "测评统计";
const HEADER_ROW = 2;

function invalidWhy(invalidBy: BallotReport["subjects"][number]["invalidBy"]): string {
  const parts = [
    invalidBy.blank > 0 ? `未选 ${invalidBy.blank}` : "",
    invalidBy.multiple > 0 ? `多选 ${invalidBy.multiple}` : "",
    invalidBy.unknown > 0 ? `非等次 ${invalidBy.unknown}` : "",
    invalidBy.blankBallot > 0 ? `整张空白 ${invalidBy.blankBallot}` : "",
  ].filter((part) => part !== "");
  return parts.join("，");
}

export function ballotsSheet(report: BallotReport): SheetPlan {
  const headers = ["测评对象", "所属党组织", "应到", "实到", "有效", "无效", "无效原因", ...report.levels, "“好”的比例", "满意率", "到会达到规定比例", "测评得分"];
  const rows: (PlanCell | null)[][] = report.subjects.map((subject) => [
    text(subject.subject, "textWrap"),
    text(subject.org, "textWrap"),
    num(subject.expected, "count"),
    num(subject.cast, "count"),
    num(subject.valid, "count"),
    num(subject.invalid, "count"),
    text(invalidWhy(subject.invalidBy), "textWrap"),
    ...report.levels.map((level) => num(subject.counts[level] ?? 0, "count")),
    num(subject.goodRate, "percent"),
    num(subject.satisfactionRate, "percent"),
    text(subject.quorum === null ? "应到未知" : subject.quorum ? "是" : "否（测评无效）", subject.quorum === false ? "alert" : "textCenter"),
    num(subject.score, "score"),
  ]);
  const cells: (PlanCell | null)[][] = [
    [text(`测评统计（${report.files.length} 个测评表/计票表，${report.subjects.length} 个测评对象）`, "title")],
    [],
    headers.map((header) => text(header, "header")),
    ...rows,
    [],
    [text("计票规则", "heading")],
    ...report.rules.map((line) => [text(line, "subtitle")]),
    [text("无效票的文件和单元格见「问题清单」。", "subtitle")],
  ];
  return sheetPlan({
    name: BALLOTS_SHEET,
    cells,
    styles: SUMMARY_STYLES,
    columnWidths: [20, 14, 5, 5, 5, 5, 14, ...report.levels.map(() => 5), 8, 7, 9, 7],
    rowHeights: { 0: 24 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}` },
    freeze: { rows: HEADER_ROW + 1, columns: 1 },
  });
}
