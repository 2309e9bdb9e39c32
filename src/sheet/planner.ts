/**
 * rubric → WorkbookPlan: the visible scoring sheet (inputs, formulas mirroring the engine, validation, conditional
 * formats, protection, print setup) and the hidden `_meta` sheet that tells readers where every cell is.
 */
import { RATER_LABELS } from "../rubric/raters";
import { unreachable } from "../rubric/exhaustive";
import { DEFAULT_WHAT, bandsText } from "../rubric/defaults";
import type { Scheme } from "../rubric/types";
import type { SubjectMeta } from "../scoring/types";
import { VETOED_BAND } from "../scoring/types";
import { a1, parseA1, rowSpan } from "./addresses";
import { bandFormula, convertDeductionFormula, countDeductionFormula, indicatorScoreFormula, passFormula, roundedSumFormula, vetoedExpression } from "./formulas";
import { headerValue } from "./meta-keys";
import { planChecks } from "./plan-checks";
import type { IndicatorSlot, RuleSlot, SheetLayout } from "./plan-layout";
import { COLUMN, LAST_COLUMN, TITLE_ROW, VERDICT_COLUMN, layoutSheet, scoredAmountRows } from "./plan-layout";
import { metaRows, planMetaSheet, sheetNameCell } from "./plan-meta";
import { LAST_PARAM_COLUMN, PARAM, PARAM_COLUMNS, PARAM_WIDTH, amountValueCell, paramRef, placeIndicatorParams, placeParamHeaders, placeRuleParams, sheetCounts } from "./plan-params";
import { placeRuleChecks, placeVetoChecks } from "./row-checks";
import { STATUS_LABELS } from "../scoring/status";
import { COLUMN_WIDTHS, SCORING_STYLES, SMALL, STYLE } from "./plan-styles";
import { rowHeightFor, wrappedLines } from "./text-fit";
import { DEFAULT_MARK, STATUS_LABEL, printable, TABLE_HEADERS, VETO_EXPLANATION, VETO_HEADER, VETO_NOTICE, headerLabel, noticeText, ruleGuidance, titleText, vetoLabel } from "./plan-text";
import { SIGNATURE_BLANK_DATE, SIGNATURE_DATE_LABEL, signatureDateFormula, signatureLines } from "./plan-signature";
import { PAGE_NUMBER_FOOTER, headerSections } from "./print-header";
import { LANDSCAPE_MARGINS, PAGE_BASE_FONT, PAGE_UNIT_PIXELS, pageBreaks, type RowBlock } from "./print-pages";
import { text } from "./formulas";
import type { CellStyle, PlanCell, SheetPlan, WorkbookPlan } from "./types";

const SHEET_NAME_LIMIT = 31;
/** Every row of the scoring sheet gets a height of its own, so the page breaks are computed from what prints. */
const DEFAULT_ROW_HEIGHT = 15;
const PIXEL = 0.75;
/** Points around a wrapped text: enough for the cell's own margin in Excel and LibreOffice, no more (pages are full). */
const TEXT_PADDING = 3;
const BODY_SIZE = 10;
/**
 * Beyond this many indicators (no real rubric comes near: the built-in ones have 17–25) the template is laid out for one
 * Office.js request rather than for the page: no hint moved where it alone would need a merge, and no computed page
 * breaks (hundreds of them), so the programs break the pages themselves. A 1000-indicator rubric otherwise passes the
 * 5 MB Excel accepts in one request.
 */
const PAGE_LAID_OUT_UP_TO = 200;

/** "两化一创评分表": Excel forbids []:*?/\ in sheet names and allows 31 characters. */
export function scoringSheetName(scheme: Scheme): string {
  const cleaned = `${scheme.shortTitle}评分表`.replace(/[[\]:*?/\\]/g, "").trim();
  return Array.from(cleaned).slice(0, SHEET_NAME_LIMIT).join("") || "评分表";
}

/** A growing row-major block with the bookkeeping a sheet needs (merges, row heights). */
class SheetCanvas {
  readonly cells: (PlanCell | null)[][] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(rows: number) {
    // the table and, right of it, the hidden rule parameters
    for (let row = 0; row < rows; row++) this.cells.push(new Array<PlanCell | null>(LAST_PARAM_COLUMN + 1).fill(null));
  }

  set(row: number, column: number, cell: PlanCell): void {
    this.cells[row][column] = cell;
  }

  /** Styles every empty cell of the row between the columns (borders of a table row). */
  fill(row: number, first: number, last: number, style: string): void {
    for (let column = first; column <= last; column++) this.cells[row][column] ??= { style };
  }

  merge(row: number, first: number, last: number): void {
    if (last > first) this.merges.push(rowSpan(row, first, last));
  }

  /** One column merged over rows first…last. */
  mergeDown(column: number, first: number, last: number): void {
    if (last > first) this.merges.push(`${a1(first, column)}:${a1(last, column)}`);
  }

  /**
   * Excel shows and prints row heights in whole pixels (0.75 pt at 96 dpi) and rounds others up; rounding here keeps
   * the page breaks computed from the heights every program prints.
   */
  roundHeightsToPixels(): void {
    for (const [row, height] of Object.entries(this.rowHeights)) this.rowHeights[Number(row)] = Math.ceil(height / PIXEL - 1e-9) * PIXEL;
  }

  heightOf(row: number): number {
    return this.rowHeights[row] ?? DEFAULT_ROW_HEIGHT;
  }

  /** Sets the row height from the wrapped texts given as [text, first column, last column (merged), font size]. */
  fitRow(row: number, texts: FittedText[]): void {
    const height = Math.max(DEFAULT_ROW_HEIGHT, ...texts.map((fitted) => textHeight(...fitted)));
    this.rowHeights[row] = height;
  }
}

function widthOf(first: number, last: number): number {
  return COLUMN_WIDTHS.slice(first, last + 1).reduce((sum, width) => sum + width, 0);
}

/** A text, the columns it spans (merged) and its font size. */
type FittedText = [value: string, first: number, last: number, fontSize: number];

/** The height a wrapped text needs across the columns first…last (the sheet's columns count Arial characters). */
function textHeight(value: string, first: number, last: number, fontSize: number): number {
  if (value === "") return 0;
  return rowHeightFor(wrappedLines(value, widthOf(first, last), fontSize, PAGE_UNIT_PIXELS), fontSize, TEXT_PADDING);
}

/** The counted amounts (hidden 计入扣分 cells) its score sums: one contiguous range when every rule row counts. */
function amountsArgument(slot: IndicatorSlot): string {
  const cells = scoredAmountRows(slot).map(amountValueCell);
  // all rule rows counted: one contiguous range reads better than a list
  if (cells.length > 1 && cells.length === slot.rules.length) return `${cells[0]}:${cells[cells.length - 1]}`;
  return cells.join(",");
}

/**
 * The formula of a computed 扣分 cell (the engine's computation mirrored), null where the amount is entered. It reads
 * the row's hidden 数量值 (row-checks.ts): the input as the engine reads it.
 */
function computedAmountFormula({ rule, inputs, cap, row }: RuleSlot): string | null {
  const value = paramRef(PARAM.value, row);
  switch (rule.kind) {
    case "count":
      return inputs.quantity ? countDeductionFormula(rule, cap, value) : null;
    case "convert":
      return inputs.raw ? convertDeductionFormula(rule, value) : null;
    case "fixed":
    case "range":
    case "fixed-each":
    case "range-each":
    case "discretionary":
    case "award":
      return null;
    default:
      return unreachable(rule);
  }
}

function drawRule(canvas: SheetCanvas, slot: RuleSlot): void {
  const { rule, row } = slot;
  const standard = `${printable(rule.text)}\n${ruleGuidance(rule, slot.cap)}`;
  canvas.set(row, COLUMN.code, { value: rule.code, style: STYLE.ruleCell });
  canvas.set(row, COLUMN.standard, { value: standard, style: STYLE.ruleText });
  const computed = computedAmountFormula(slot);
  if (computed !== null) canvas.set(row, COLUMN.amount, { formula: computed, style: STYLE.computed });
  for (const field of ["quantity", "raw", "deduction", "award"] as const) {
    const address = slot.inputs[field];
    if (address) canvas.cells[row][columnOf(address)] = { value: null, style: STYLE.inputNumber };
  }
  for (const field of ["reason", "evidence"] as const) {
    const address = slot.inputs[field];
    if (address) canvas.cells[row][columnOf(address)] = { value: null, style: STYLE.inputText };
  }
  canvas.fill(row, COLUMN.code, LAST_COLUMN, STYLE.ruleCell);
  placeRuleParams(canvas.cells[row], slot);
  placeRuleChecks(canvas.cells[row], slot);
  canvas.fitRow(row, [[standard, COLUMN.standard, COLUMN.standard, SMALL]]);
}

function columnOf(address: string): number {
  const parsed = parseA1(address);
  if (!parsed) throw new Error(`planner: bad address ${address}`);
  return parsed.column;
}

/**
 * An indicator and its rules as one block: the 考核内容 (title and content) is merged down beside the rules, so long
 * content uses the height the rules take anyway; the rows grow only when the content needs more. At a page end the
 * block may continue on the next page after one of its rules, its content split between its items (splitIndicator).
 */
function drawIndicator(canvas: SheetCanvas, slot: IndicatorSlot, pageLaidOut: boolean): RowBlock {
  const { indicator, row } = slot;
  const evidence = indicator.evidence ? `应备：${printable(indicator.evidence)}` : "";
  const content = [indicator.title, ...indicator.content].map(printable);
  canvas.set(row, COLUMN.code, { value: indicator.code, style: STYLE.indicator });
  canvas.set(row, COLUMN.points, { value: indicator.points, style: STYLE.indicatorPoints });
  const amounts = amountsArgument(slot);
  canvas.set(row, COLUMN.score, { formula: indicatorScoreFormula(indicator, amounts, slot.isAward), style: STYLE.score });
  canvas.fill(row, COLUMN.code, LAST_COLUMN, STYLE.ruleCell);
  placeIndicatorParams(canvas.cells[row], slot, amounts);
  for (const rule of slot.rules) drawRule(canvas, rule);
  const last = slot.rules.length > 0 ? slot.rules[slot.rules.length - 1].row : row;
  const rules = slot.rules.reduce((sum, rule) => sum + canvas.heightOf(rule.row), 0);
  // the hint goes where it costs no height: in the 佐证材料 column of the indicator row, or (where the rules leave
  // room beside the content) after the content; never under 评分标准, never merged across the input columns (a
  // script inserting rows without moving merges, as openpyxl does, would shift inputs under the merge); in a very
  // large rubric moved only where the content is merged down anyway (PAGE_LAID_OUT_UP_TO)
  const contentHeight = textHeight(content.join("\n"), COLUMN.content, COLUMN.content, SMALL);
  const hintRow = Math.max(DEFAULT_ROW_HEIGHT, textHeight(evidence, COLUMN.evidence, COLUMN.evidence, SMALL));
  const inEvidenceColumn = Math.max(contentHeight, hintRow + rules);
  const inContent = Math.max(textHeight([...content, evidence].join("\n"), COLUMN.content, COLUMN.content, SMALL), DEFAULT_ROW_HEIGHT + rules);
  const merged = contentHeight > hintRow || pageLaidOut;
  const items = evidence !== "" && merged && inContent < inEvidenceColumn ? [...content, evidence] : content;
  if (evidence !== "" && items === content) canvas.set(row, COLUMN.evidence, { value: evidence, style: STYLE.ruleText });
  canvas.fitRow(row, [[items === content ? evidence : "", COLUMN.evidence, COLUMN.evidence, SMALL]]);
  const own = Array.from({ length: last - row + 1 }, (_, index) => canvas.heightOf(row + index));
  placeContent(canvas, row, last, items, own);
  return indicatorBlock(canvas, row, last, items, own, true);
}

/** Rows first…last beside content `items`, split at a page end by splitIndicator; `headed`: first is the indicator row. */
function indicatorBlock(canvas: SheetCanvas, first: number, last: number, items: readonly string[], own: readonly number[], headed: boolean): RowBlock {
  return { first, last, split: (room) => splitIndicator(canvas, first, last, items, own, room, headed) };
}

/** The content merged over rows first…last, which take their own heights and grow evenly if the text needs more. */
function placeContent(canvas: SheetCanvas, first: number, last: number, items: readonly string[], own: readonly number[]): void {
  const text = items.join("\n");
  const needed = textHeight(text, COLUMN.content, COLUMN.content, SMALL);
  canvas.cells[first][COLUMN.content] = { value: text === "" ? null : text, style: STYLE.indicatorContent };
  own.forEach((height, index) => {
    canvas.rowHeights[first + index] = height;
    // one style down the column (fewer rectangles for a host to format)
    if (index > 0) canvas.cells[first + index][COLUMN.content] = { style: STYLE.indicatorContent };
  });
  // merged only where the content needs the rows below (a merge is one more action for Office.js)
  const through = needed <= own[0] ? first : last;
  canvas.mergeDown(COLUMN.content, first, through);
  growToFit(canvas, first, through, needed);
  canvas.roundHeightsToPixels();
}

/**
 * The block split after the last rule that still fits in `room`, with as many of the content's items beside the rows
 * on this page as fit there; the rest continue beside the remaining rules. Null when not even the indicator row, its
 * first rule and its title fit.
 */
function splitIndicator(canvas: SheetCanvas, first: number, last: number, items: readonly string[], own: readonly number[], room: number, headed: boolean): { after: number; rest: RowBlock } | null {
  const ownBefore = (row: number) => own.slice(0, row - first + 1).reduce((sum, height) => sum + height, 0);
  // how many content items fit in the room does not depend on where the block splits: measured once
  const itemsHeight = (count: number) => textHeight(items.slice(0, count).join("\n"), COLUMN.content, COLUMN.content, SMALL);
  let count = items.length;
  while (count > 1 && itemsHeight(count) > room) count--;
  if (itemsHeight(count) > room) return null;
  for (let after = last - 1; after >= first; after--) {
    if (ownBefore(after) > room) continue;
    // the indicator row alone at the page end only with some of its content beside it, never with the title alone
    if (headed && after === first && count < 2) continue;
    const merge = canvas.merges.findIndex((area) => area.startsWith(`${a1(first, COLUMN.content)}:`));
    if (merge >= 0) canvas.merges.splice(merge, 1);
    const rest = { items: items.slice(count), own: own.slice(after - first + 1) };
    placeContent(canvas, first, after, items.slice(0, count), own.slice(0, after - first + 1));
    placeContent(canvas, after + 1, last, rest.items, rest.own);
    return { after, rest: indicatorBlock(canvas, after + 1, last, rest.items, rest.own, false) };
  }
  return null;
}

/** Rows first…last grow evenly (in half points) until together they are `needed` tall. */
function growToFit(canvas: SheetCanvas, first: number, last: number, needed: number): void {
  let has = 0;
  for (let row = first; row <= last; row++) has += canvas.heightOf(row);
  if (needed <= has) return;
  const rows = last - first + 1;
  const extra = Math.ceil(((needed - has) / rows) * 2) / 2;
  for (let row = first; row <= last; row++) canvas.rowHeights[row] = canvas.heightOf(row) + extra;
}

function drawHeader(canvas: SheetCanvas, scheme: Scheme, layout: SheetLayout, meta: Partial<SubjectMeta>): void {
  const title = titleText(scheme);
  canvas.set(TITLE_ROW, 0, { value: title, style: STYLE.title });
  canvas.merge(TITLE_ROW, 0, LAST_COLUMN);
  canvas.rowHeights[TITLE_ROW] = 22;
  const { status } = layout;
  const notice = noticeText(scheme);
  canvas.set(status.row, status.labelColumn, { value: STATUS_LABEL, style: STYLE.label });
  canvas.set(status.row, status.inputColumn, { value: STATUS_LABELS.draft, style: STYLE.input });
  canvas.set(status.row, status.sourceColumn, { value: notice, style: STYLE.notice });
  canvas.merge(status.row, status.sourceColumn, LAST_COLUMN);
  canvas.rowHeights[status.row] = Math.max(rowHeightFor(1, BODY_SIZE, TEXT_PADDING), textHeight(notice, status.sourceColumn, LAST_COLUMN, SMALL));
  for (const slot of layout.header) {
    canvas.set(slot.row, slot.labelColumn, { value: headerLabel(slot.key, scheme), style: STYLE.label });
    if (slot.labelLastColumn > slot.labelColumn) canvas.merge(slot.row, slot.labelColumn, slot.labelLastColumn);
    const given = headerValue(meta, slot.key);
    const shown = slot.key === "rater" && given !== "" ? RATER_LABELS[given as keyof typeof RATER_LABELS] : given;
    canvas.set(slot.row, slot.inputColumn, { value: shown === "" ? null : shown, style: STYLE.input });
    // the right-hand inputs (评价方, 评分人, 日期) sit in a narrow table column: they take the columns to its right too
    if (slot.inputColumn > COLUMN.content) {
      canvas.fill(slot.row, slot.inputColumn + 1, LAST_COLUMN, STYLE.input);
      canvas.merge(slot.row, slot.inputColumn, LAST_COLUMN);
    }
    canvas.rowHeights[slot.row] = 17;
  }
  drawRunningLine(canvas, scheme, layout);
  const tableHeaderRow = layout.tableHeaderRow;
  TABLE_HEADERS.forEach((header, column) => canvas.set(tableHeaderRow, column, { value: header, style: STYLE.tableHeader }));
  placeParamHeaders(canvas.cells[tableHeaderRow - 1], canvas.cells[tableHeaderRow]);
  canvas.rowHeights[tableHeaderRow] = 18;
}

/** The keys the running line repeats on every printed page, in this order. */
const RUNNING_KEYS = ["subject", "org", "period", "rater"];

/**
 * "支部名称：… 所属党组织：… 考核年度：… 评价方：…" from the header cells themselves (a formula), so a page printed after
 * the branch typed its name carries it; printed at the top of every page with the table header (print titles).
 */
function drawRunningLine(canvas: SheetCanvas, scheme: Scheme, layout: SheetLayout): void {
  const parts = RUNNING_KEYS.flatMap((key) => {
    const slot = layout.header.find((candidate) => candidate.key === key);
    return slot ? [`${text(`${headerLabel(key, scheme)}：`)}&${slot.input}`] : [];
  });
  canvas.set(layout.runningRow, COLUMN.code, { formula: `=${parts.join(`&${text("　　")}&`)}`, style: STYLE.running });
  canvas.merge(layout.runningRow, COLUMN.code, LAST_COLUMN);
  canvas.rowHeights[layout.runningRow] = 14.25;
}

/** "（默认，原文未规定）" after a value this product chose, so the printed form never passes it off as the source's. */
function defaultMark(scheme: Scheme, what: string): string {
  return scheme.defaults.some((entry) => entry.what === what) ? DEFAULT_MARK : "";
}

function bandDescription(scheme: Scheme): string {
  const veto = scheme.vetoes.length > 0 ? `；有否决项为${VETOED_BAND}` : "";
  return `等次：${bandsText(scheme.bands)}${veto}${defaultMark(scheme, DEFAULT_WHAT.bands)}`;
}

function passDescription(scheme: Scheme): string {
  const veto = scheme.passLine.noVeto && scheme.vetoes.length > 0 ? "且无否决项" : "";
  const named = scheme.passLine.sections;
  const what = named ? `一级指标 ${named.join("、")} 合计` : "总分";
  return `达标线：${what}≥${scheme.passLine.minTotal}分${veto}${defaultMark(scheme, DEFAULT_WHAT.passLine)}`;
}

/** The total, or the rounded sum of the sections the pass line names (engine: passScore). */
function passScoreExpression(scheme: Scheme, layout: SheetLayout): string {
  const named = scheme.passLine.sections;
  if (!named) return layout.total;
  const cells = layout.sections.filter((slot) => named.includes(slot.section.code)).map((slot) => slot.score);
  return cells.length === 0 ? "0" : `ROUND(SUM(${cells.join(",")}),2)`;
}

function drawOutcomes(canvas: SheetCanvas, scheme: Scheme, layout: SheetLayout): void {
  const vetoed = vetoedExpression(layout.vetoes.map((veto) => veto.flag));
  const counts = sheetCounts(layout);
  if (counts) {
    canvas.set(layout.totalRow, PARAM.kind, { formula: counts.errorsFormula });
    canvas.set(layout.bandRow, PARAM.kind, { formula: counts.filledFormula });
  }
  // a rubric without inputs is never filled in
  const verdict = { status: layout.status.input, errors: counts?.errors ?? "0", filled: counts?.filled ?? "0" };
  const outcomes: [number, string, string, PlanCell | null, PlanCell][] = [
    [layout.totalRow, "合计", `总分（满分${scheme.max}）`, { value: scheme.max, style: STYLE.totalPoints }, { formula: roundedSumFormula(layout.sections.map((s) => s.score)), style: STYLE.totalScore }],
    [layout.bandRow, "等次", bandDescription(scheme), null, { formula: bandFormula(scheme.bands, layout.total, vetoed, VETOED_BAND, verdict), style: STYLE.outcome }],
    [layout.passRow, "达标", passDescription(scheme), null, { formula: passFormula(scheme.passLine, passScoreExpression(scheme, layout), vetoed, verdict), style: STYLE.outcome }],
  ];
  for (const [row, label, description, points, result] of outcomes) {
    canvas.set(row, COLUMN.code, { value: label, style: STYLE.totalLabel });
    canvas.set(row, COLUMN.content, { value: description, style: STYLE.totalLabel });
    if (points) canvas.set(row, COLUMN.points, points);
    const verdict = row !== layout.totalRow;
    canvas.set(row, verdict ? VERDICT_COLUMN : COLUMN.score, result);
    canvas.fill(row, COLUMN.code, LAST_COLUMN, STYLE.totalLabel);
    // the description takes the columns without inputs where no points stand beside it (a script inserting rows
    // without moving merges, as openpyxl does, must not shift an input under a merge)
    const last = points ? COLUMN.content : COLUMN.standard;
    canvas.merge(row, COLUMN.content, last);
    if (verdict) canvas.merge(row, VERDICT_COLUMN, LAST_COLUMN);
    canvas.rowHeights[row] = Math.max(rowHeightFor(1.2, 10, TEXT_PADDING), textHeight(description, COLUMN.content, last, 10));
  }
}

/**
 * The vetoes first, as the source checks them before anything is scored: its lead-in, then each case in its own
 * numbering （一）（二）… and words, with 是/否 and a 情况说明. Column A keeps the code (V1 …) the reader finds rows by;
 * a number format shows it as the source's numbering.
 */
function drawVetoes(canvas: SheetCanvas, layout: SheetLayout, styles: Record<string, CellStyle>): void {
  if (layout.vetoHeaderRow === null) return;
  const header = layout.vetoHeaderRow;
  canvas.set(header, COLUMN.code, { value: VETO_HEADER, style: STYLE.tableHeader });
  canvas.set(header, COLUMN.content, { value: VETO_NOTICE, style: STYLE.tableHeader });
  canvas.merge(header, COLUMN.content, COLUMN.quantity);
  canvas.set(header, COLUMN.amount, { value: "是/否", style: STYLE.tableHeader });
  canvas.set(header, COLUMN.reason, { value: VETO_EXPLANATION, style: STYLE.tableHeader });
  canvas.merge(header, COLUMN.reason, LAST_COLUMN);
  canvas.fill(header, COLUMN.code, LAST_COLUMN, STYLE.tableHeader);
  canvas.fitRow(header, [[VETO_HEADER, COLUMN.code, COLUMN.code, 10], [VETO_NOTICE, COLUMN.content, COLUMN.quantity, 10]]);
  for (const slot of layout.vetoes) {
    const style = `${STYLE.vetoCode}${slot.index + 1}`;
    styles[style] = { ...SCORING_STYLES[STYLE.vetoCode], numberFormat: `;;;"${vetoLabel(slot.index)}"` };
    canvas.set(slot.row, COLUMN.code, { value: slot.veto.code, style });
    canvas.set(slot.row, COLUMN.content, { value: printable(slot.veto.text), style: STYLE.vetoText });
    canvas.merge(slot.row, COLUMN.content, COLUMN.quantity);
    canvas.set(slot.row, COLUMN.amount, { value: null, style: STYLE.inputNumber });
    canvas.set(slot.row, COLUMN.reason, { value: null, style: STYLE.inputText });
    canvas.merge(slot.row, COLUMN.reason, LAST_COLUMN);
    canvas.fill(slot.row, COLUMN.code, LAST_COLUMN, STYLE.vetoText);
    placeVetoChecks(canvas.cells[slot.row], slot.row);
    canvas.fitRow(slot.row, [[slot.veto.text, COLUMN.content, COLUMN.quantity, SMALL]]);
  }
}

/** The rater's signature lines (plan-signature.ts): the text across 编号…扣分, the date under 扣分理由…得分. */
function drawSignature(canvas: SheetCanvas, layout: SheetLayout, rater: SubjectMeta["rater"], headerDate: string): void {
  signatureLines(rater).forEach((line, index) => {
    const row = layout.signatureRow + index;
    canvas.set(row, COLUMN.code, { value: line.text, style: STYLE.signature });
    canvas.merge(row, COLUMN.code, COLUMN.quantity);
    if (line.date) canvas.set(row, COLUMN.amount, { value: SIGNATURE_DATE_LABEL, style: STYLE.signature });
    if (line.date === "header") canvas.set(row, COLUMN.reason, { formula: signatureDateFormula(headerDate), style: STYLE.signatureDate });
    if (line.date === "blank") canvas.set(row, COLUMN.reason, { value: SIGNATURE_BLANK_DATE, style: STYLE.signatureDate });
    if (line.date) canvas.merge(row, COLUMN.reason, LAST_COLUMN);
    canvas.rowHeights[row] = 19.5;
  });
  canvas.rowHeights[layout.signatureRow - 1] = 6;
}

function inputAddresses(layout: SheetLayout): string[] {
  const addresses = [layout.status.input, ...layout.header.map((slot) => slot.input)];
  for (const section of layout.sections) {
    for (const indicator of section.indicators) {
      for (const rule of indicator.rules) addresses.push(...Object.values(rule.inputs));
    }
  }
  addresses.push(...layout.vetoes.flatMap((veto) => [veto.flag, veto.reason]));
  return addresses;
}

/** The page header: the scheme, and the subject, year and rater known when the template is made. */
function pageHeader(scheme: Scheme, meta: Partial<SubjectMeta>): string {
  const rater = meta.rater ? RATER_LABELS[meta.rater] : "";
  const known = [meta.subject ?? "", meta.period ?? "", rater].filter((value) => value !== "").join("　");
  return headerSections(titleText(scheme), "", known);
}

function planScoringSheet(scheme: Scheme, layout: SheetLayout, meta: Partial<SubjectMeta>, name: string): SheetPlan {
  const canvas = new SheetCanvas(layout.rowCount);
  const styles: Record<string, CellStyle> = { ...SCORING_STYLES };
  drawHeader(canvas, scheme, layout, meta);
  drawVetoes(canvas, layout, styles);
  const pageLaidOut = layout.sections.reduce((count, section) => count + section.indicators.length, 0) <= PAGE_LAID_OUT_UP_TO;
  // page 1 holds the header, the vetoes and at least the start of the table
  const blocks: RowBlock[] = [{ first: 0, last: layout.tableHeaderRow }];
  for (const section of layout.sections) {
    const { row } = section;
    canvas.set(row, COLUMN.code, { value: section.section.code, style: STYLE.section });
    canvas.set(row, COLUMN.content, { value: section.section.title, style: STYLE.section });
    canvas.set(row, COLUMN.points, { value: section.section.points, style: STYLE.sectionPoints });
    canvas.set(row, COLUMN.standard, { value: "一级指标小计", style: STYLE.section });
    canvas.set(row, COLUMN.score, { formula: roundedSumFormula(section.indicators.map((indicator) => indicator.score)), style: STYLE.sectionScore });
    canvas.fill(row, COLUMN.code, LAST_COLUMN, STYLE.section);
    canvas.fitRow(row, [[section.section.title, COLUMN.content, COLUMN.content, 10]]);
    if (wrappedLines(section.section.title, COLUMN_WIDTHS[COLUMN.content], 10, PAGE_UNIT_PIXELS) === 1) canvas.rowHeights[row] = DEFAULT_ROW_HEIGHT;
    const indicatorBlocks = section.indicators.map((indicator) => drawIndicator(canvas, indicator, pageLaidOut));
    // a section heading never ends a page alone: it goes with its first indicator
    if (indicatorBlocks.length === 0) blocks.push({ first: row, last: row });
    else {
      const [head, ...rest] = indicatorBlocks;
      const sectionHeight = canvas.heightOf(row);
      blocks.push({ first: row, last: head.last, split: (room) => head.split?.(room - sectionHeight) ?? null }, ...rest);
    }
  }
  drawOutcomes(canvas, scheme, layout);
  const headerDate = layout.header.find((slot) => slot.key === "date")?.input ?? "";
  drawSignature(canvas, layout, meta.rater ?? "", headerDate);
  // the verdict and the signatures on one page
  blocks.push({ first: layout.totalRow, last: layout.rowCount - 1 });
  canvas.roundHeightsToPixels();
  const { validations, conditionalFormats } = planChecks(scheme, layout);
  const repeated = canvas.heightOf(layout.runningRow) + canvas.heightOf(layout.tableHeaderRow);
  return {
    name,
    visibility: "visible",
    cells: canvas.cells,
    styles,
    columnWidths: [...COLUMN_WIDTHS, ...PARAM_COLUMNS.map(() => PARAM_WIDTH)],
    hiddenColumns: PARAM_COLUMNS,
    rowHeights: canvas.rowHeights,
    merges: canvas.merges,
    validations,
    conditionalFormats,
    unlocked: inputAddresses(layout),
    protect: true,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      zoom: 100,
      margins: LANDSCAPE_MARGINS,
      titleRows: `$${layout.runningRow + 1}:$${layout.tableHeaderRow + 1}`,
      header: pageHeader(scheme, meta),
      footer: PAGE_NUMBER_FOOTER,
    },
    ...(pageLaidOut ? { rowBreaks: pageBreaks(blocks, (row) => canvas.heightOf(row), repeated) } : {}),
    freeze: { rows: layout.tableHeaderRow + 1, columns: 0 },
  };
}

export function planTemplate(scheme: Scheme, meta: Partial<SubjectMeta> = {}): WorkbookPlan {
  const layout = layoutSheet(scheme, signatureLines(meta.rater ?? "").length);
  const name = scoringSheetName(scheme);
  const rows = metaRows(scheme, layout, meta, name);
  return {
    sheets: [planScoringSheet(scheme, layout, meta, name), planMetaSheet(rows)],
    activate: name,
    baseFont: PAGE_BASE_FONT,
    nameCells: [sheetNameCell(rows, name)],
  };
}
