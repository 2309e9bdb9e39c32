/**
 * Where everything sits on the scoring sheet: one pass over the scheme assigns rows and input addresses, so the cells,
 * formulas, validations and `_meta` rows are all built from the same positions.
 */
import { ruleCap } from "../rubric/limits";
import type { Indicator, Rule, Scheme, Section, Veto } from "../rubric/types";
import { kindOf } from "../scoring/kinds";
import type { EntryField } from "../scoring/types";
import { a1 } from "./addresses";
import type { SubjectMetaKey } from "./meta-keys";

/** Column indexes of the table (编号 … 得分). */
export const COLUMN = {
  code: 0,
  content: 1,
  points: 2,
  standard: 3,
  quantity: 4,
  amount: 5,
  reason: 6,
  evidence: 7,
  score: 8,
} as const;
export const LAST_COLUMN = COLUMN.score;
/** The 等次 and 达标 cells: merged over 佐证材料 and 得分 on their rows. */
export const VERDICT_COLUMN = COLUMN.evidence;

export const TITLE_ROW = 0;
export const NOTICE_ROW = 1;
/** Header inputs sit two to a row from here; the table header follows them. */
const FIRST_HEADER_ROW = NOTICE_ROW + 1;

/** Convert raw scores go in the 数量 column, awards in the 扣分/加分 column. */
const FIELD_COLUMN: Record<EntryField, number> = {
  quantity: COLUMN.quantity,
  raw: COLUMN.quantity,
  deduction: COLUMN.amount,
  award: COLUMN.amount,
  reason: COLUMN.reason,
  evidence: COLUMN.evidence,
};

export interface RuleSlot {
  rule: Rule;
  indicator: Indicator;
  row: number;
  /** the rule's input cells by field */
  inputs: Partial<Record<EntryField, string>>;
  /** the 扣分/加分 cell: entered, or computed for count/convert */
  amount: string;
  /** the largest total the rule may deduct or award */
  cap: number;
}

/** An each-rule (每…扣): its occurrences and an entered amount, by the kind's inputs. */
export function takesOccurrences({ inputs }: Pick<RuleSlot, "inputs">): boolean {
  return inputs.quantity !== undefined && (inputs.deduction !== undefined || inputs.award !== undefined);
}

/** A rule whose 扣分 the sheet computes (count, convert): no amount input. */
export function amountIsComputed({ inputs }: Pick<RuleSlot, "inputs">): boolean {
  return inputs.deduction === undefined && inputs.award === undefined;
}

export interface IndicatorSlot {
  indicator: Indicator;
  row: number;
  score: string;
  rules: RuleSlot[];
  /** with award rules, the score is the (capped) sum of awards, as in the engine */
  isAward: boolean;
}

export interface SectionSlot {
  section: Section;
  row: number;
  score: string;
  indicators: IndicatorSlot[];
}

export interface VetoSlot {
  veto: Veto;
  row: number;
  flag: string;
  /** the 情况说明 input beside the flag */
  reason: string;
  /** 0-based position in the source's list: printed as （一）（二）… */
  index: number;
}

export interface HeaderSlot {
  /** a standard key, or the key of one of the scheme's header fields */
  key: SubjectMetaKey | string;
  row: number;
  labelColumn: number;
  /** the label spans labelColumn…labelLastColumn */
  labelLastColumn: number;
  input: string;
  inputColumn: number;
}

/** The 状态 input (填写中 / 已定稿) on the line under the title, the source beside it. */
export interface StatusSlot {
  row: number;
  labelColumn: number;
  inputColumn: number;
  input: string;
  /** the source line spans sourceColumn…LAST_COLUMN */
  sourceColumn: number;
}

export interface SheetLayout {
  header: HeaderSlot[];
  /**
   * The running line above the table header (支部名称, 所属党组织, 考核年度, 评价方 as filled in): with the table header it
   * is repeated at the top of every printed page, so a loose page names its branch even when the name was typed later.
   */
  runningRow: number;
  /** the 编号 … 得分 row, after the header inputs (and the vetoes) */
  tableHeaderRow: number;
  status: StatusSlot;
  sections: SectionSlot[];
  totalRow: number;
  total: string;
  bandRow: number;
  band: string;
  passRow: number;
  pass: string;
  /** null when the scheme has no vetoes; the vetoes come first (the source checks them before scoring) */
  vetoHeaderRow: number | null;
  vetoes: VetoSlot[];
  /** the signature lines of the rater (plan-signature.ts), from this row down */
  signatureRow: number;
  signatureRows: number;
  rowCount: number;
}

/**
 * Label/input pairs, two to a row: 支部名称 | 评价方, 所属党组织 | 评分人, 考核年度 | 日期, then the scheme's own header
 * fields (四比四看 所在党支部, 四强 申请 …) on further rows, so a scheme without them keeps the original addresses.
 */
function headerSlots(scheme: Scheme): HeaderSlot[] {
  const left: string[] = ["subject", "org", "period"];
  const right: string[] = ["rater", "evaluator", "date"];
  (scheme.headerFields ?? []).forEach((field, index) => (index % 2 === 0 ? left : right).push(field.key));
  const slots: HeaderSlot[] = [];
  left.forEach((key, index) => {
    const row = FIRST_HEADER_ROW + index;
    slots.push({ key, row, labelColumn: COLUMN.code, labelLastColumn: COLUMN.code, inputColumn: COLUMN.content, input: a1(row, COLUMN.content) });
    const rightKey = right[index];
    if (rightKey === undefined) return;
    slots.push({
      key: rightKey,
      row,
      labelColumn: COLUMN.standard,
      labelLastColumn: COLUMN.amount,
      inputColumn: COLUMN.reason,
      input: a1(row, COLUMN.reason),
    });
  });
  return slots;
}

export function layoutSheet(scheme: Scheme, signatureRows = 1): SheetLayout {
  const header = headerSlots(scheme);
  let row = Math.max(...header.map((slot) => slot.row)) + 1;
  let vetoHeaderRow: number | null = null;
  const vetoes: VetoSlot[] = [];
  if (scheme.vetoes.length > 0) {
    vetoHeaderRow = row++;
    scheme.vetoes.forEach((veto, index) => {
      const vetoRow = row++;
      vetoes.push({ veto, row: vetoRow, flag: a1(vetoRow, COLUMN.amount), reason: a1(vetoRow, COLUMN.reason), index });
    });
  }
  const runningRow = row++;
  const tableHeaderRow = row++;
  const sections: SectionSlot[] = scheme.sections.map((section) => {
    const sectionRow = row++;
    const indicators = section.indicators.map((indicator) => {
      const indicatorRow = row++;
      const rules = indicator.rules.map((rule): RuleSlot => {
        const ruleRow = row++;
        const inputs: Partial<Record<EntryField, string>> = {};
        for (const field of kindOf(rule).inputs) inputs[field] = a1(ruleRow, FIELD_COLUMN[field]);
        return { rule, indicator, row: ruleRow, inputs, amount: a1(ruleRow, COLUMN.amount), cap: ruleCap(rule, indicator) };
      });
      const isAward = indicator.rules.some((rule) => rule.kind === "award");
      return { indicator, row: indicatorRow, score: a1(indicatorRow, COLUMN.score), rules, isAward };
    });
    return { section, row: sectionRow, score: a1(sectionRow, COLUMN.score), indicators };
  });
  const totalRow = row++;
  const bandRow = row++;
  const passRow = row++;
  row++; // a blank row before the signatures
  const signatureRow = row;
  row += signatureRows;
  return {
    header,
    runningRow,
    tableHeaderRow,
    status: { row: NOTICE_ROW, labelColumn: COLUMN.code, inputColumn: COLUMN.content, input: a1(NOTICE_ROW, COLUMN.content), sourceColumn: COLUMN.points },
    sections,
    totalRow,
    total: a1(totalRow, COLUMN.score),
    bandRow,
    // the verdicts (较好（草稿）, 有 12 处填写错误) span 佐证材料 and 得分, so they print on one line
    band: a1(bandRow, VERDICT_COLUMN),
    passRow,
    pass: a1(passRow, VERDICT_COLUMN),
    vetoHeaderRow,
    vetoes,
    signatureRow,
    signatureRows,
    rowCount: row,
  };
}

/** The rule rows whose amounts an indicator's score sums: awards only when it has award rules (engine semantics). */
export function scoredAmountRows(slot: IndicatorSlot): number[] {
  const counted = slot.isAward ? slot.rules.filter((rule) => rule.rule.kind === "award") : slot.rules.filter((rule) => rule.rule.kind !== "award");
  return counted.map((rule) => rule.row);
}
