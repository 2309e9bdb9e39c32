/**
 * 汇总: a title, one line of context, then a plain table — one header row, one row per subject, no merged or blank
 * cells inside it — so Excel's filter and sort work on it as it is.
 */
import { RATER_LABELS } from "../../rubric/raters";
import type { PlanCell, SheetPlan } from "../../sheet/types";
import { percentLabel } from "../exact";
import { REVIEW_LABELS } from "../labels";
import type { Summary, SummaryRow } from "../types";
import { columnLetter } from "../../sheet/addresses";
import { SUMMARY_STYLES, num, text, yesNo } from "./cells";
import { sheetPlan } from "../../sheet/sheet-plan";

export const SUMMARY_SHEET = "汇总";
/** 0-based row of the table header; rows above are the title, the context line and a blank separator. */
export const SUMMARY_HEADER_ROW = 3;

interface Column {
  header: string;
  width: number;
  cell: (row: SummaryRow) => PlanCell;
}

function recommendation(row: SummaryRow, hasQuota: boolean): PlanCell {
  if (!hasQuota) return text("", "textCenter");
  if (row.recommended === "pending") return text("待定", "pending");
  // an already-named subject is outside the quota, not turned down by it
  if (row.named && row.recommended === false) return text("—", "textCenter");
  return text(yesNo(row.recommended), "textCenter");
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function columns(summary: Summary): Column[] {
  const hasQuota = summary.quota !== null;
  const hasMass = summary.rows.some((row) => row.massTotal !== null);
  const hasReview = summary.rows.some((row) => row.review !== null);
  const hasPanel = summary.rows.some((row) => row.panelSize > 1);
  const hasSource = summary.rows.some((row) => (row.source ?? []).length > 0);
  const fields: Column[] = summary.fieldHeads.map((head) => ({ header: head.label, width: 14, cell: (row) => text(row.fields[head.key] ?? "") }));
  const sections: Column[] = summary.sectionHeads.map((head, i) => ({
    header: `${head.code} ${head.title}（${head.points}分）`,
    width: 11,
    cell: (row) => num(row.sections[i]?.score ?? null),
  }));
  return [
    { header: "排名", width: 6, cell: (row) => (row.rank === null ? text("—", "textCenter") : num(row.rank, "count")) },
    { header: summary.scheme.subject === "secretary" ? "支部书记" : "支部名称", width: 30, cell: (row) => text(row.subject) },
    { header: "所属党组织", width: 22, cell: (row) => text(row.org) },
    ...fields,
    ...sections,
    { header: "总分", width: 8, cell: (row) => num(row.total) },
    { header: "等次", width: 9, cell: (row) => text(row.band, row.vetoed ? "alert" : "textCenter") },
    { header: "达标", width: 6, cell: (row) => text(yesNo(row.pass), "textCenter") },
    { header: "否决原因", width: 30, cell: (row) => text(row.vetoReasons.join("；"), "textWrap") },
    { header: "推荐", width: 6, cell: (row) => recommendation(row, hasQuota) },
    // 复查 of already-named subjects: an outcome, never a rank
    ...(hasReview ? [{ header: "复查建议", width: 8, cell: (row: SummaryRow) => text(row.review === null ? "" : REVIEW_LABELS[row.review], "textCenter") }] : []),
    { header: RATER_LABELS.self, width: 8, cell: (row) => num(row.selfTotal) },
    ...(hasMass ? [{ header: RATER_LABELS.mass, width: 8, cell: (row: SummaryRow) => num(row.massTotal) }] : []),
    { header: RATER_LABELS.org, width: 8, cell: (row) => num(row.orgTotal) },
    ...(hasPanel
      ? [
          { header: "考评组人数", width: 7, cell: (row: SummaryRow) => num(row.panelSize, "count") },
          { header: "考评极差", width: 8, cell: (row: SummaryRow) => num(row.panelSpread) },
        ]
      : []),
    { header: "差值（考评−自评）", width: 10, cell: (row) => num(row.difference) },
    { header: "问题数", width: 7, cell: (row) => num(row.problems.length, "count") },
    // file names only, one line: the full paths are in 问题清单 and the JSON, and wrapped paths make rows unreadable in print
    { header: "来源文件", width: 36, cell: (row) => text(row.files.map(fileName).join("；")) },
    // roll-up: the summaries the final score came through, outermost first
    ...(hasSource ? [{ header: "来源", width: 30, cell: (row: SummaryRow) => text((row.source ?? []).map(fileName).join(" › ")) }] : []),
    { header: "备注", width: 40, cell: (row) => text(row.notes.join("；")) },
  ];
}

export const NOT_REPORTED = "未报";

/** A roster branch that sent nothing (compile --roster): its name, org and 未报 under 等次, never a rank. */
function missingRow(cols: readonly Column[], missing: { subject: string; org: string }, subjectHeader: string): PlanCell[] {
  const shown: Record<string, PlanCell> = {
    排名: text("—", "textCenter"),
    [subjectHeader]: text(missing.subject),
    所属党组织: text(missing.org),
    等次: text(NOT_REPORTED, "alert"),
    备注: text("未报送评分表"),
  };
  return cols.map((col) => shown[col.header] ?? text(""));
}

function titleLine(summary: Summary): string {
  return summary.period === "" ? `${summary.scheme.title} 考评汇总` : `${summary.scheme.title} 考评汇总（${summary.period}）`;
}

function contextLine(summary: Summary): string {
  const unit = summary.scheme.subject === "secretary" ? "名支部书记" : "个党支部";
  const style = summary.rankStyle === "dense" ? "中国式排名（并列不占名次）" : "竞赛式排名（并列占名次）";
  const quota = summary.quota ? `；推荐名额 ${summary.quota.places} 个（${quotaBaseText(summary.quota)}）` : "";
  return (
    `评分方案：${summary.scheme.shortTitle}（版本 ${summary.scheme.version}）；共 ${summary.rows.length} ${unit}，` +
    `汇总文件 ${summary.compiled} / ${summary.files} 个；${style}；不得参评和已命名的不参加排名${quota}` +
    `${pendingCount(summary) > 0 ? `；待核 ${pendingCount(summary)} 个（见表下，未计入排名、统计和名额）` : ""}。`
  );
}

/** Which base the places were taken of, said in full: 参评 (by default, as the source reads) or 达标 only. */
export function quotaBaseText(quota: NonNullable<Summary["quota"]>): string {
  const base = quota.base === "participants" ? `参评 ${quota.baseCount} 个` : `达标 ${quota.baseCount} 个`;
  return `${base} × ${percentLabel(quota.share)}，向下取整；名额基数为${quota.base === "participants" ? "参评党支部（原文“不超过10%”）" : "达标党支部"}`;
}

function pendingCount(summary: Summary): number {
  return summary.rows.filter((row) => !row.counted).length;
}

export const PENDING_TITLE = "待核（未计入排名、统计和名额）";

/**
 * Subjects whose final rater's sheet is blank, has errors (or, with --final-only, is not 已定稿): listed below the
 * table with the reason, never silently dropped. Their running total is shown for information only.
 */
function pendingBlock(summary: Summary): (PlanCell | null)[][] {
  const pending = summary.rows.filter((row) => !row.counted);
  if (pending.length === 0) return [];
  const subjectHeader = summary.scheme.subject === "secretary" ? "支部书记" : "支部名称";
  return [
    [],
    [text(PENDING_TITLE, "subtitle")],
    [subjectHeader, "所属党组织", "原因", "当前合计（未计入）", "来源文件", "备注"].map((header) => text(header, "header")),
    ...pending.map((row) => [
      text(row.subject),
      text(row.org),
      text(row.notCountedReason ?? "", "alert"),
      num(row.total),
      text(row.files.map(fileName).join("；")),
      text(row.notes.join("；")),
    ]),
  ];
}

export function summarySheet(summary: Summary): SheetPlan {
  const cols = columns(summary);
  const last = columnLetter(cols.length - 1);
  const headerRow = SUMMARY_HEADER_ROW + 1;
  const cells: (PlanCell | null)[][] = [
    [text(titleLine(summary), "title")],
    [text(contextLine(summary), "subtitle")],
    [],
    cols.map((col) => text(col.header, "header")),
    ...summary.rows.filter((row) => row.counted).map((row) => cols.map((col) => col.cell(row))),
    ...(summary.roster?.missing ?? []).map((missing) => missingRow(cols, missing, cols[1].header)),
    ...pendingBlock(summary),
  ];
  return sheetPlan({
    name: SUMMARY_SHEET,
    cells,
    styles: SUMMARY_STYLES,
    columnWidths: cols.map((col) => col.width),
    rowHeights: { 0: 24, [SUMMARY_HEADER_ROW]: 32 },
    merges: [`A1:${last}1`, `A2:${last}2`],
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: `$${headerRow}:$${headerRow}` },
    freeze: { rows: headerRow, columns: 2 },
  });
}
