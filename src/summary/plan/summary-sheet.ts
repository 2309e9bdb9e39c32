/**
 * 汇总: a title, the context, then a plain table — one header row, one row per subject, no merged or blank cells
 * inside it — so Excel's filter and sort work on it as it is; below it the subjects 待核 and the 制表单位 and
 * 制表人/审核人/日期 lines.
 */
import { RATER_LABELS } from "../../rubric/raters";
import type { LazyRows, PlanCell } from "../../sheet/types";
import { percentLabel } from "../exact";
import { REVIEW_LABELS } from "../labels";
import type { Summary, SummaryRow } from "../types";
import { columnLetter } from "../../sheet/addresses";
import { SUMMARY_STYLES, num, text, yesNo } from "./cells";
import { DEFAULT_FONT_SIZE, printedFontSize } from "../../sheet/page-fit";
import { shortenToLines } from "../../sheet/text-fit";
import { joinedRows, mappedRows, rowsSheetPlan, type RowsSheetPlan } from "../../sheet/streamed-sheet";

export const SUMMARY_SHEET = "汇总";
/** 0-based row of the table header; rows above are the title, the context line and a blank separator. */
export const SUMMARY_HEADER_ROW = 3;

interface Column {
  header: string;
  width: number;
  /** a wrapping column that may be narrowed (down to this width) so the sheet prints at a readable size */
  minWidth?: number;
  cell: (row: SummaryRow) => PlanCell;
}

/** Body text is printed at least this size (points) on A4 landscape; a little over 8 so rounding never drops below. */
const MIN_PRINTED_FONT = 8.3;
/** 备注 shows at most this many lines on 汇总; the full text is on 来源与备注. */
const NOTE_LINES = 2;
const NOTE_WIDTH = 16;

function recommendation(row: SummaryRow): PlanCell {
  if (row.recommended === "pending") return text("待定", "pending");
  // an already-named subject is outside the quota, not turned down by it
  if (row.named && row.recommended === false) return text("—", "textCenter");
  return text(yesNo(row.recommended), "textCenter");
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The columns the scheme can fill: 否决原因 only for a scheme with vetoes, 推荐 only with a quota, 测评 and 差值 only
 * for the raters the scheme uses; 复查建议 and the 考评组 columns only when the inputs have them (the scheme does not
 * say). File paths are not on 汇总 (来源与备注 lists them), so nothing long spills over a neighbour.
 */
function columns(summary: Summary): Column[] {
  const raters = new Set(summary.scheme.raters);
  const hasReview = summary.rows.some((row) => row.review !== null);
  const hasPanel = summary.rows.some((row) => row.panelSize > 1);
  const hasSource = summary.rows.some((row) => (row.source ?? []).length > 0);
  const fields: Column[] = summary.fieldHeads.map((head) => ({ header: head.label, width: 8, minWidth: 6, cell: (row) => text(row.fields[head.key] ?? "", "textWrap") }));
  const sections: Column[] = summary.sectionHeads.map((head, i) => ({
    header: `${head.code} ${head.title}（${head.points}分）`,
    width: 7,
    cell: (row) => num(row.sections[i]?.score ?? null),
  }));
  const rater = (kind: "self" | "mass" | "org", total: (row: SummaryRow) => number | null): Column[] =>
    raters.has(kind) ? [{ header: RATER_LABELS[kind], width: 7, cell: (row) => num(total(row)) }] : [];
  return [
    { header: "排名", width: 5, cell: (row) => (row.rank === null ? text("—", "textCenter") : num(row.rank, "count")) },
    { header: summary.scheme.subject === "secretary" ? "支部书记" : "支部名称", width: 20, minWidth: 12, cell: (row) => text(row.subject, "textWrap") },
    { header: "所属党组织", width: 14, minWidth: 10, cell: (row) => text(row.org, "textWrap") },
    ...fields,
    ...sections,
    { header: "总分", width: 7, cell: (row) => num(row.total) },
    { header: "等次", width: 8, cell: (row) => text(row.band, row.vetoed ? "alert" : "textCenter") },
    { header: "达标", width: 5, cell: (row) => text(yesNo(row.pass), "textCenter") },
    ...(summary.scheme.vetoCount > 0 ? [{ header: "否决原因", width: 14, minWidth: 10, cell: (row: SummaryRow) => text(row.vetoReasons.join("；"), "textWrap") }] : []),
    ...(summary.quota !== null ? [{ header: "推荐", width: 5, cell: recommendation }] : []),
    // 复查 of already-named subjects: an outcome, never a rank
    ...(hasReview ? [{ header: "复查建议", width: 6, cell: (row: SummaryRow) => text(row.review === null ? "" : REVIEW_LABELS[row.review], "textCenter") }] : []),
    ...rater("self", (row) => row.selfTotal),
    ...rater("mass", (row) => row.massTotal),
    ...rater("org", (row) => row.orgTotal),
    ...(hasPanel
      ? [
          { header: "考评组人数", width: 6, cell: (row: SummaryRow) => num(row.panelSize, "count") },
          { header: "考评极差", width: 7, cell: (row: SummaryRow) => num(row.panelSpread) },
        ]
      : []),
    ...(raters.has("self") && raters.has("org") ? [{ header: "差值（考评−自评）", width: 7, cell: (row: SummaryRow) => num(row.difference) }] : []),
    { header: "问题数", width: 5, cell: (row) => num(row.problems.length, "count") },
    // roll-up: the summaries the final score came through, outermost first (file names, wrapped)
    ...(hasSource ? [{ header: "来源", width: 14, minWidth: 10, cell: (row: SummaryRow) => text((row.source ?? []).map(fileName).join(" › "), "textWrap") }] : []),
    { header: "备注", width: NOTE_WIDTH, minWidth: 10, cell: (row) => text(row.notes.join("；"), "textWrap") },
  ];
}

/**
 * Narrows the wrapping columns, one character at a time, until the sheet prints one page wide at MIN_PRINTED_FONT
 * (or they are all at their narrowest).
 */
function fitColumns(cols: Column[]): Column[] {
  const fitted = cols.map((col) => ({ ...col }));
  const widths = () => fitted.map((col) => col.width);
  while (printedFontSize(widths(), "landscape") < MIN_PRINTED_FONT) {
    const narrowable = fitted.filter((col) => col.minWidth !== undefined && col.width > col.minWidth);
    if (narrowable.length === 0) break;
    for (const col of narrowable) col.width -= 1;
  }
  return fitted;
}

/**
 * 备注 cut to NOTE_LINES lines of the column's planned width (the full text is on 来源与备注): the same text whatever
 * other columns the sheet has (a roll-up's 来源); rows grow where fitting narrowed the column.
 */
function shortenNotes(cells: PlanCell[], cols: readonly Column[]): PlanCell[] {
  const index = cols.findIndex((col) => col.header === "备注");
  const note = cells[index];
  if (index < 0 || typeof note?.value !== "string") return cells;
  const copy = [...cells];
  copy[index] = { ...note, value: shortenToLines(note.value, NOTE_WIDTH, NOTE_LINES, DEFAULT_FONT_SIZE) };
  return copy;
}

const NOT_REPORTED = "未报";

/** A row of the table with only the named columns filled: roster branches that sent nothing, subjects 待核. */
function partialRow(cols: readonly Column[], shown: Record<string, PlanCell>): PlanCell[] {
  return cols.map((col) => shown[col.header] ?? text(""));
}

/** A roster branch that sent nothing (compile --roster): its name, org and 未报 under 等次, never a rank. */
function missingRow(cols: readonly Column[], missing: { subject: string; org: string }): PlanCell[] {
  return partialRow(cols, {
    排名: text("—", "textCenter"),
    [cols[1].header]: text(missing.subject, "textWrap"),
    所属党组织: text(missing.org, "textWrap"),
    等次: text(NOT_REPORTED, "alert"),
    备注: text("未报送评分表", "textWrap"),
  });
}

function titleLine(summary: Summary): string {
  return summary.period === "" ? `${summary.scheme.title} 考评汇总` : `${summary.scheme.title} 考评汇总（${summary.period}）`;
}

function contextLine(summary: Summary): string {
  const unit = summary.scheme.subject === "secretary" ? "名支部书记" : "个党支部";
  const style = summary.rankStyle === "dense" ? "中国式排名（并列不占名次）" : "竞赛式排名（并列占名次）";
  const quota = summary.quota ? `；推荐名额 ${summary.quota.places} 个（${quotaBaseText(summary.quota)}）` : "";
  const pending = pendingCount(summary);
  return (
    `评分方案：${summary.scheme.shortTitle}（版本 ${summary.scheme.version}）；共 ${summary.rows.length} ${unit}，` +
    `汇总文件 ${summary.compiled} / ${summary.files} 个；${style}；不得参评和已命名的不参加排名${quota}` +
    `${pending > 0 ? `；待核 ${pending} 个（见表下，未计入排名、统计和名额）` : ""}。`
  );
}

/** Which base the places were taken of, said in full: 参评 (by default, as the source reads) or 达标 only. */
function quotaBaseText(quota: NonNullable<Summary["quota"]>): string {
  const base = quota.base === "participants" ? `参评 ${quota.baseCount} 个` : `达标 ${quota.baseCount} 个`;
  return `${base} × ${percentLabel(quota.share)}，向下取整；名额基数为${quota.base === "participants" ? "参评党支部（原文“不超过10%”）" : "达标党支部"}`;
}

function pendingCount(summary: Summary): number {
  return summary.rows.filter((row) => !row.counted).length;
}

const PENDING_TITLE = "待核（未计入排名、统计和名额）";
const PENDING_BAND = "待核";

/**
 * Subjects whose final rater's sheet is blank, has errors (or, with --final-only, is not 已定稿): listed below the
 * table, in its columns (so the repeated header row labels them on every page), with the reason in 备注 and the
 * running total (under the 待核 title: for information only); never silently dropped.
 */
function pendingBlock(summary: Summary, cols: readonly Column[]): LazyRows {
  const pending = summary.rows.filter((row) => !row.counted);
  if (pending.length === 0) return joinedRows();
  return joinedRows(
    [[], [text(PENDING_TITLE, "subtitle")]],
    mappedRows(pending, (row) =>
      shortenNotes(
        partialRow(cols, {
        排名: text("—", "textCenter"),
        [cols[1].header]: text(row.subject, "textWrap"),
        所属党组织: text(row.org, "textWrap"),
        等次: text(PENDING_BAND, "pending"),
        总分: num(row.total),
        问题数: num(row.problems.length, "count"),
        备注: text([`原因：${row.notCountedReason ?? ""}`, ...row.notes].join("；"), "textWrap"),
        }),
        cols,
      ),
    ),
  );
}

/** Blank lines to fill by hand. */
const BLANK = "＿＿＿＿＿＿";
/** the full-width space (U+3000) that spaces out a Chinese form line */
const IDEOGRAPHIC_SPACE = "\u3000";

/** The foot of 汇总: the issuing unit (given or left to fill in) and the 制表人 / 审核人 / 日期 line. */
function signatureBlock(issuer: string | undefined): (PlanCell | null)[][] {
  const unit = issuer !== undefined && issuer.trim() !== "" ? issuer.trim() : BLANK.repeat(3);
  const gap = (width: number) => IDEOGRAPHIC_SPACE.repeat(width);
  return [
    [],
    [text(`制表单位（盖章）：${unit}`, "signature")],
    [text(`制表人：${BLANK}${gap(4)}审核人：${BLANK}${gap(4)}日期：${gap(4)}年${gap(2)}月${gap(2)}日`, "signature")],
  ];
}

export interface SummarySheetOptions {
  /** 制表单位 printed at the foot (compile --issuer); absent: a blank line to fill in by hand */
  issuer?: string;
}

export function summarySheet(summary: Summary, options: SummarySheetOptions = {}): RowsSheetPlan {
  const cols = fitColumns(columns(summary));
  const last = columnLetter(cols.length - 1);
  const headerRow = SUMMARY_HEADER_ROW + 1;
  const table = joinedRows(
    [[text(titleLine(summary), "title")], [text(contextLine(summary), "subtitleWrap")], [], cols.map((col) => text(col.header, "header"))],
    mappedRows(
      summary.rows.filter((row) => row.counted),
      (row) => shortenNotes(cols.map((col) => col.cell(row)), cols),
    ),
    mappedRows(summary.roster?.missing ?? [], (missing) => missingRow(cols, missing)),
    pendingBlock(summary, cols),
  );
  const signatureRow = table.length + 1;
  return rowsSheetPlan({
    name: SUMMARY_SHEET,
    rows: joinedRows(table, signatureBlock(options.issuer)),
    styles: SUMMARY_STYLES,
    columnWidths: cols.map((col) => col.width),
    rowHeights: { 0: 24, [signatureRow]: 24, [signatureRow + 1]: 24 },
    merges: [`A1:${last}1`, `A2:${last}2`, `A${signatureRow + 1}:${last}${signatureRow + 1}`, `A${signatureRow + 2}:${last}${signatureRow + 2}`],
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: `$${headerRow}:$${headerRow}` },
    freeze: { rows: headerRow, columns: 2 },
  });
}
