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
import { parseA1, rowSpan } from "./addresses";
import { bandFormula, convertDeductionFormula, countDeductionFormula, indicatorScoreFormula, passFormula, roundedSumFormula, vetoedExpression } from "./formulas";
import { headerValue } from "./meta-keys";
import { planChecks } from "./plan-checks";
import type { IndicatorSlot, RuleSlot, SheetLayout } from "./plan-layout";
import { COLUMN, LAST_COLUMN, TITLE_ROW, layoutSheet, scoredAmountRows } from "./plan-layout";
import { metaRows, planMetaSheet, sheetNameCell } from "./plan-meta";
import { LAST_PARAM_COLUMN, PARAM, PARAM_COLUMNS, PARAM_WIDTH, amountValueCell, paramRef, placeIndicatorParams, placeParamHeaders, placeRuleParams, sheetCounts } from "./plan-params";
import { placeRuleChecks, placeVetoChecks } from "./row-checks";
import { STATUS_LABELS } from "../scoring/status";
import { COLUMN_WIDTHS, SCORING_STYLES, STYLE, rowHeightFor, wrappedLines } from "./plan-styles";
import { DEFAULT_MARK, SIGNATURE_DATE, SIGNATURE_LABEL, STATUS_LABEL, TABLE_HEADERS, VETO_HEADER, VETO_NOTICE, headerLabel, noticeText, ruleGuidance, titleText } from "./plan-text";
import type { PlanCell, SheetPlan, WorkbookPlan } from "./types";

const SHEET_NAME_LIMIT = 31;

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
    this.merges.push(rowSpan(row, first, last));
  }

  /** Sets the row height from the wrapped texts given as [text, width in characters]. */
  fitRow(row: number, texts: [string, number][]): void {
    const lines = Math.max(1, ...texts.map(([value, width]) => wrappedLines(value, width)));
    if (lines > 1) this.rowHeights[row] = rowHeightFor(lines);
  }
}

function widthOf(first: number, last: number): number {
  return COLUMN_WIDTHS.slice(first, last + 1).reduce((sum, width) => sum + width, 0);
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
  const standard = `${rule.text}\n${ruleGuidance(rule, slot.cap)}`;
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
  canvas.fitRow(row, [[standard, COLUMN_WIDTHS[COLUMN.standard]]]);
}

function columnOf(address: string): number {
  const parsed = parseA1(address);
  if (!parsed) throw new Error(`planner: bad address ${address}`);
  return parsed.column;
}

function drawIndicator(canvas: SheetCanvas, slot: IndicatorSlot): void {
  const { indicator, row } = slot;
  const content = [indicator.title, ...indicator.content].join("\n");
  // the hint sits in the 佐证材料 column itself (the indicator row has no input there), not again under 评分标准
  const evidence = indicator.evidence ? `应备：${indicator.evidence}` : "";
  canvas.set(row, COLUMN.code, { value: indicator.code, style: STYLE.indicator });
  canvas.set(row, COLUMN.content, { value: content, style: STYLE.indicator });
  canvas.set(row, COLUMN.points, { value: indicator.points, style: STYLE.indicatorPoints });
  if (evidence) canvas.set(row, COLUMN.evidence, { value: evidence, style: STYLE.ruleText });
  const amounts = amountsArgument(slot);
  canvas.set(row, COLUMN.score, { formula: indicatorScoreFormula(indicator, amounts, slot.isAward), style: STYLE.score });
  canvas.fill(row, COLUMN.code, LAST_COLUMN, STYLE.ruleCell);
  placeIndicatorParams(canvas.cells[row], slot, amounts);
  canvas.fitRow(row, [
    [content, COLUMN_WIDTHS[COLUMN.content]],
    [evidence, COLUMN_WIDTHS[COLUMN.evidence]],
  ]);
  for (const rule of slot.rules) drawRule(canvas, rule);
}

function drawHeader(canvas: SheetCanvas, scheme: Scheme, layout: SheetLayout, meta: Partial<SubjectMeta>): void {
  const title = titleText(scheme);
  canvas.set(TITLE_ROW, 0, { value: title, style: STYLE.title });
  canvas.merge(TITLE_ROW, 0, LAST_COLUMN);
  canvas.rowHeights[TITLE_ROW] = 30;
  const { status } = layout;
  const notice = noticeText(scheme);
  canvas.set(status.row, status.labelColumn, { value: STATUS_LABEL, style: STYLE.label });
  canvas.set(status.row, status.inputColumn, { value: STATUS_LABELS.draft, style: STYLE.input });
  canvas.set(status.row, status.sourceColumn, { value: notice, style: STYLE.notice });
  canvas.merge(status.row, status.sourceColumn, LAST_COLUMN);
  canvas.rowHeights[status.row] = rowHeightFor(Math.max(1.4, wrappedLines(notice, widthOf(status.sourceColumn, LAST_COLUMN))));
  for (const slot of layout.header) {
    canvas.set(slot.row, slot.labelColumn, { value: headerLabel(slot.key, scheme), style: STYLE.label });
    if (slot.labelLastColumn > slot.labelColumn) canvas.merge(slot.row, slot.labelColumn, slot.labelLastColumn);
    const given = headerValue(meta, slot.key);
    const shown = slot.key === "rater" && given !== "" ? RATER_LABELS[given as keyof typeof RATER_LABELS] : given;
    canvas.set(slot.row, slot.inputColumn, { value: shown === "" ? null : shown, style: STYLE.input });
    canvas.rowHeights[slot.row] = 20;
  }
  const tableHeaderRow = layout.tableHeaderRow;
  TABLE_HEADERS.forEach((header, column) => canvas.set(tableHeaderRow, column, { value: header, style: STYLE.tableHeader }));
  placeParamHeaders(canvas.cells[tableHeaderRow - 1], canvas.cells[tableHeaderRow]);
  canvas.rowHeights[tableHeaderRow] = 22;
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
    canvas.set(row, COLUMN.score, result);
    canvas.fill(row, COLUMN.code, LAST_COLUMN, STYLE.totalLabel);
    // the verdict cells may need two lines (有 N 处填写错误, 较好（草稿）)
    canvas.rowHeights[row] = rowHeightFor(Math.max(wrappedLines(description, COLUMN_WIDTHS[COLUMN.content]), row === layout.totalRow ? 1.4 : 2));
  }
}

function drawVetoes(canvas: SheetCanvas, layout: SheetLayout): void {
  if (layout.vetoHeaderRow === null) return;
  const header = layout.vetoHeaderRow;
  canvas.set(header, COLUMN.code, { value: VETO_HEADER, style: STYLE.tableHeader });
  canvas.set(header, COLUMN.content, { value: VETO_NOTICE, style: STYLE.tableHeader });
  canvas.merge(header, COLUMN.content, COLUMN.quantity);
  canvas.set(header, COLUMN.amount, { value: "是/否", style: STYLE.tableHeader });
  canvas.fill(header, COLUMN.points, COLUMN.quantity, STYLE.tableHeader);
  for (const slot of layout.vetoes) {
    canvas.set(slot.row, COLUMN.code, { value: slot.veto.code, style: STYLE.vetoCode });
    canvas.set(slot.row, COLUMN.content, { value: slot.veto.text, style: STYLE.vetoText });
    canvas.fill(slot.row, COLUMN.points, COLUMN.quantity, STYLE.vetoText);
    canvas.merge(slot.row, COLUMN.content, COLUMN.quantity);
    canvas.set(slot.row, COLUMN.amount, { value: null, style: STYLE.inputNumber });
    placeVetoChecks(canvas.cells[slot.row], slot.row);
    canvas.fitRow(slot.row, [[slot.veto.text, widthOf(COLUMN.content, COLUMN.quantity)]]);
  }
}

function drawSignature(canvas: SheetCanvas, layout: SheetLayout): void {
  canvas.set(layout.signatureRow, COLUMN.content, { value: SIGNATURE_LABEL, style: STYLE.signature });
  canvas.set(layout.signatureRow, COLUMN.reason, { value: SIGNATURE_DATE, style: STYLE.signature });
  canvas.rowHeights[layout.signatureRow] = 36;
}

function inputAddresses(layout: SheetLayout): string[] {
  const addresses = [layout.status.input, ...layout.header.map((slot) => slot.input)];
  for (const section of layout.sections) {
    for (const indicator of section.indicators) {
      for (const rule of indicator.rules) addresses.push(...Object.values(rule.inputs));
    }
  }
  addresses.push(...layout.vetoes.map((veto) => veto.flag));
  return addresses;
}

function planScoringSheet(scheme: Scheme, layout: SheetLayout, meta: Partial<SubjectMeta>, name: string): SheetPlan {
  const canvas = new SheetCanvas(layout.rowCount);
  drawHeader(canvas, scheme, layout, meta);
  for (const section of layout.sections) {
    const { row } = section;
    canvas.set(row, COLUMN.code, { value: section.section.code, style: STYLE.section });
    canvas.set(row, COLUMN.content, { value: section.section.title, style: STYLE.section });
    canvas.set(row, COLUMN.points, { value: section.section.points, style: STYLE.sectionPoints });
    canvas.set(row, COLUMN.standard, { value: "一级指标小计", style: STYLE.section });
    canvas.set(row, COLUMN.score, { formula: roundedSumFormula(section.indicators.map((indicator) => indicator.score)), style: STYLE.sectionScore });
    canvas.fill(row, COLUMN.code, LAST_COLUMN, STYLE.section);
    canvas.fitRow(row, [[section.section.title, COLUMN_WIDTHS[COLUMN.content]]]);
    for (const indicator of section.indicators) drawIndicator(canvas, indicator);
  }
  drawOutcomes(canvas, scheme, layout);
  drawVetoes(canvas, layout);
  drawSignature(canvas, layout);
  const { validations, conditionalFormats } = planChecks(scheme, layout);
  return {
    name,
    visibility: "visible",
    cells: canvas.cells,
    styles: SCORING_STYLES,
    columnWidths: [...COLUMN_WIDTHS, ...PARAM_COLUMNS.map(() => PARAM_WIDTH)],
    hiddenColumns: PARAM_COLUMNS,
    rowHeights: canvas.rowHeights,
    merges: canvas.merges,
    validations,
    conditionalFormats,
    unlocked: inputAddresses(layout),
    protect: true,
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: `$${layout.tableHeaderRow + 1}:$${layout.tableHeaderRow + 1}` },
    freeze: { rows: layout.tableHeaderRow + 1, columns: 0 },
  };
}

export function planTemplate(scheme: Scheme, meta: Partial<SubjectMeta> = {}): WorkbookPlan {
  const layout = layoutSheet(scheme);
  const name = scoringSheetName(scheme);
  const rows = metaRows(scheme, layout, meta, name);
  return {
    sheets: [planScoringSheet(scheme, layout, meta, name), planMetaSheet(rows)],
    activate: name,
    nameCells: [sheetNameCell(rows, name)],
  };
}
