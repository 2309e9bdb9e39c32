/**
 * Data validation and conditional formats for the scoring sheet. Each input gets one custom formula saying everything
 * the engine checks for it (number, ≥ 0, ≤ bound, on the step, the allowed set), so a program that ignores one kind of
 * rule ignores none partially. Expressions start with IF(ISNUMBER(…)) so text never turns them into errors, which
 * conditional formats would silently treat as "no highlight".
 */
import type { Rule, Scheme } from "../rubric/types";
import type { EntryField } from "../scoring/types";
import { VETOED_BAND } from "../scoring/types";
import type { ConditionalFormatPlan, ValidationPlan } from "./types";
import { FAIL_TEXT, PASS_TEXT, num, text } from "./formulas";
import type { IndicatorSlot, RuleSlot, SheetLayout } from "./plan-layout";
import { isEnteredAmount, scoredAmountCells } from "./plan-layout";
import { MAX_TEXT_LENGTH, clip, headerLabel, inputError, inputPrompt } from "./plan-text";
import { RATER_LABELS } from "./meta-keys";

const ALARM = { fill: "#FFC7CE", fontColor: "#9C0006" };
const CAUTION = { fill: "#FFEB9C", fontColor: "#9C5700" };
const MISMATCH = { fill: "#F8CBAD", fontColor: "#833C0B" };
const BAND_FILLS = ["#C6EFCE", "#DDEBF7", "#FFF2CC", "#F8CBAD", "#EDEDED"];

/** x is a multiple of step, in integer arithmetic so 0.1-style steps do not trip on floats. */
function onStep(x: string, step: number): string {
  return `MOD(ROUND(${x}*10000,0),${num(Math.round(step * 10000))})=0`;
}

/** A non-blank amount (deduction or award) obeys its rule. */
export function amountValidity(rule: Rule, cap: number, x: string): string {
  const step = rule.step ?? 0.5;
  let checks: string;
  if (rule.kind === "fixed") checks = `OR(${x}=0,${x}=${num(rule.amount)}),${x}<=${num(cap)}`;
  else if (rule.kind === "range") checks = `OR(${x}=0,AND(${x}>=${num(rule.min)},${x}<=${num(rule.max)})),${x}<=${num(cap)},${onStep(x, step)}`;
  else checks = `${x}>=0,${x}<=${num(cap)},${onStep(x, step)}`;
  return `IF(ISNUMBER(${x}),AND(${checks}),FALSE)`;
}

/** A non-blank quantity or raw score obeys its rule. */
export function quantityValidity(rule: Rule, x: string): string {
  if (rule.kind === "convert") return `IF(ISNUMBER(${x}),AND(${x}>=0,${x}<=${num(rule.rawMax)}),FALSE)`;
  if (rule.kind === "count") return `IF(ISNUMBER(${x}),AND(${x}>=0${rule.unit === "%" ? `,${x}<=100` : ""}),FALSE)`;
  return `IF(ISNUMBER(${x}),AND(${x}>=0,${x}=INT(${x})),FALSE)`;
}

function textValidity(x: string): string {
  return `LEN(${x})<=${MAX_TEXT_LENGTH}`;
}

/** Occurrences and deduction disagree (fixed-each: = min(cap, q×amount); range-each: within the q×min…q×max band). */
export function mismatchExpression(slot: RuleSlot): string | null {
  const { rule, cap } = slot;
  const q = slot.inputs.quantity;
  const d = slot.inputs.deduction;
  if (!q || !d) return null;
  const entered = `N(${d})`;
  if (rule.kind === "fixed-each") {
    return `IF(ISNUMBER(${q}),ROUND(${entered}-MIN(${num(cap)},${q}*${num(rule.amount)}),4)<>0,${entered}<>0)`;
  }
  if (rule.kind === "range-each") {
    const low = `ROUND(${entered}-MIN(${num(cap)},${q}*${num(rule.min)}),4)<0`;
    const high = `ROUND(${entered}-MIN(${num(cap)},${q}*${num(rule.max)}),4)>0`;
    return `IF(ISNUMBER(${q}),OR(${low},${high}),${entered}<>0)`;
  }
  return null;
}

function absolute(address: string): string {
  return address.replace(/^([A-Z]+)([0-9]+)$/, "$$$1$$$2");
}

function ruleChecks(slot: RuleSlot, validations: ValidationPlan[], formats: ConditionalFormatPlan[]): void {
  const { rule, cap } = slot;
  for (const [field, address] of Object.entries(slot.inputs) as [EntryField, string][]) {
    let validity: string;
    if (field === "deduction" || field === "award") validity = amountValidity(rule, cap, address);
    else if (field === "quantity" || field === "raw") validity = quantityValidity(rule, address);
    else validity = textValidity(address);
    validations.push({
      range: address,
      rule: { type: "custom", formula: `=${validity}` },
      prompt: inputPrompt(rule, field, cap),
      error: inputError(rule, field, cap),
    });
    if (field !== "reason" && field !== "evidence") {
      formats.push({ range: address, formula: `=AND(${address}<>"",NOT(${validity}))`, style: ALARM });
    }
  }
  const amount = slot.inputs.deduction ?? slot.inputs.award;
  const reason = slot.inputs.reason;
  if (amount && reason && isEnteredAmount(rule)) {
    formats.push({ range: reason, formula: `=AND(ISNUMBER(${amount}),${amount}<>0,LEN(TRIM(${reason}))=0)`, style: CAUTION });
  }
  const mismatch = mismatchExpression(slot);
  if (mismatch && slot.inputs.quantity && slot.inputs.deduction) {
    const range = `${slot.inputs.quantity}:${slot.inputs.deduction}`;
    const fixed = mismatch.replace(/\b([A-Z]+[0-9]+)\b/g, (cell) => absolute(cell));
    formats.push({ range, formula: `=${fixed}`, style: MISMATCH });
  }
}

function indicatorChecks(slot: IndicatorSlot, formats: ConditionalFormatPlan[]): void {
  const amounts = scoredAmountCells(slot);
  if (slot.isAward || amounts.length === 0) return;
  // 扣分超过分值，按0分计: the engine's over-points warning
  formats.push({ range: slot.score, formula: `=SUM(${amounts.join(",")})>${num(slot.indicator.points)}`, style: CAUTION });
}

export function planChecks(scheme: Scheme, layout: SheetLayout): { validations: ValidationPlan[]; conditionalFormats: ConditionalFormatPlan[] } {
  const validations: ValidationPlan[] = [];
  const formats: ConditionalFormatPlan[] = [];
  for (const header of layout.header) {
    const label = headerLabel(header.key, scheme);
    if (header.key === "rater") {
      validations.push({
        range: header.input,
        rule: { type: "list", values: Object.values(RATER_LABELS) },
        prompt: { title: label, message: "自评、测评（党员群众测评）或考评（上级评定）" },
        error: { title: `${label}不符合规则`, message: "请选择：自评、测评或考评" },
      });
    } else {
      validations.push({
        range: header.input,
        rule: { type: "custom", formula: `=LEN(${header.input})<=100` },
        prompt: { title: label, message: clip(`填写${label}`, 255) },
        error: { title: `${label}过长`, message: `${label}不超过100字` },
      });
    }
  }
  for (const section of layout.sections) {
    for (const indicator of section.indicators) {
      indicatorChecks(indicator, formats);
      for (const rule of indicator.rules) ruleChecks(rule, validations, formats);
    }
  }
  for (const veto of layout.vetoes) {
    validations.push({
      range: veto.flag,
      rule: { type: "list", values: ["是", "否"] },
      prompt: { title: clip(`否决项 ${veto.veto.code}`, 32), message: clip(`${veto.veto.code}「${veto.veto.text}」\n是 / 否（空白视为否）`, 255) },
      error: { title: "请填写是或否", message: clip(`${veto.veto.code}：只能填写“是”或“否”`, 225) },
    });
    formats.push({ range: veto.flag, formula: `=TRIM(${veto.flag})="是"`, style: { ...ALARM, bold: true } });
  }
  const band = absolute(layout.band);
  formats.push({ range: layout.band, formula: `=${band}=${text(VETOED_BAND)}`, style: { fill: "#FF0000", fontColor: "#FFFFFF", bold: true } });
  [...scheme.bands]
    .sort((a, b) => b.min - a.min)
    .forEach((entry, index) => {
      formats.push({ range: layout.band, formula: `=${band}=${text(entry.name)}`, style: { fill: BAND_FILLS[Math.min(index, BAND_FILLS.length - 1)], bold: true } });
    });
  const pass = absolute(layout.pass);
  formats.push({ range: layout.pass, formula: `=${pass}=${text(PASS_TEXT)}`, style: { fill: "#C6EFCE", fontColor: "#006100", bold: true } });
  formats.push({ range: layout.pass, formula: `=${pass}=${text(FAIL_TEXT)}`, style: { ...ALARM, bold: true } });
  return { validations, conditionalFormats: formats };
}
