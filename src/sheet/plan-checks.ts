/**
 * Data validation and conditional formats for the scoring sheet. Every rule row keeps its parameters in the hidden
 * 规则参数 columns (plan-params.ts), so each check is one relative formula for the whole table: a column range takes
 * one validation or one highlight whatever the rubric size. Only the cells whose input prompt quotes their own rule
 * keep a validation each (entered amounts; the 数量 of count and convert rules, their only input), with the same
 * short formula. Locked non-input cells inside a range are harmless: nobody can type there, and the highlights are
 * gated on the row's parameters.
 * Each formula says everything the engine checks for its input (number, ≥ 0, ≤ bound, on the step, the allowed set).
 * Expressions start with IF(ISNUMBER(…)) so text never turns them into errors, which conditional formats would
 * silently treat as "no highlight".
 */
import { RATER_LABELS } from "../rubric/raters";
import type { RaterKind, Scheme } from "../rubric/types";
import { BLANK_VERDICT, DRAFT_MARK, STATUS_LABELS } from "../scoring/status";
import { VETOED_BAND } from "../scoring/types";
import { a1 } from "./addresses";
import { FAIL_TEXT, PASS_TEXT, text, trimmed } from "./formulas";
import type { RuleSlot, SheetLayout } from "./plan-layout";
import { COLUMN, amountIsComputed, takesOccurrences } from "./plan-layout";
import { PARAM, QUANTITY_OCCURRENCES, paramRef, sheetCounts } from "./plan-params";
import { EVIDENCE_PROMPT, MAX_TEXT_LENGTH, QUANTITY_ERROR, QUANTITY_PROMPT, REASON_PROMPT, STATUS_ERROR, STATUS_PROMPT, VETO_ERROR, VETO_EXPLANATION_PROMPT, VETO_PROMPT, clip, headerLabel, inputError, inputPrompt } from "./plan-text";
import type { ConditionalFormatPlan, ValidationPlan } from "./types";

const ALARM = { fill: "#FFC7CE", fontColor: "#9C0006" };
const CAUTION = { fill: "#FFEB9C", fontColor: "#9C5700" };
const MISMATCH = { fill: "#F8CBAD", fontColor: "#833C0B" };
const BAND_FILLS = ["#C6EFCE", "#DDEBF7", "#FFF2CC", "#F8CBAD", "#EDEDED"];

/** A non-blank amount (deduction or award) in the given row obeys its rule: ≥ 0, ≤ cap, on the step, 0 or low…high. */
function amountValidity(row: number): string {
  const x = a1(row, COLUMN.amount);
  const [low, high, cap, step, quantity] = [PARAM.low, PARAM.high, PARAM.cap, PARAM.step, PARAM.quantity].map((column) => paramRef(column, row));
  // integer arithmetic for the step, so 0.1-style steps do not trip on floats; each-rules are checked against q by the mismatch highlight
  const onStep = `MOD(ROUND(${x}*10000,0),ROUND(${step}*10000,0))=0`;
  return `IF(ISNUMBER(${x}),AND(${x}>=0,${x}<=${cap},${onStep},OR(${x}=0,${quantity}=${QUANTITY_OCCURRENCES},AND(${x}>=${low},${x}<=${high}))),FALSE)`;
}

/** A non-blank 数量 (occurrences, count or raw score) in the given row obeys its rule: ≥ 0, ≤ its maximum, whole for occurrences. */
function quantityValidity(row: number): string {
  const x = a1(row, COLUMN.quantity);
  const max = paramRef(PARAM.quantityMax, row);
  const quantity = paramRef(PARAM.quantity, row);
  return `IF(ISNUMBER(${x}),AND(${x}>=0,OR(${max}="",${x}<=${max}),OR(${quantity}<>${QUANTITY_OCCURRENCES},${x}=INT(${x}))),FALSE)`;
}

function columnRange(column: number, first: number, last: number): string {
  return first === last ? a1(first, column) : `${a1(first, column)}:${a1(last, column)}`;
}

function absolute(address: string): string {
  return address.replace(/^([A-Z]+)([0-9]+)$/, "$$$1$$$2");
}

function textValidity(address: string): string {
  return `=LEN(${address})<=${MAX_TEXT_LENGTH}`;
}

/** The rows holding rules, first to last (0-based), or null for a rubric without rules. */
function ruleRows(layout: SheetLayout): { first: number; last: number } | null {
  const rows = layout.sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules.map((rule) => rule.row)));
  return rows.length === 0 ? null : { first: Math.min(...rows), last: Math.max(...rows) };
}

function allRules(layout: SheetLayout): RuleSlot[] {
  return layout.sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules));
}

/** How each rater is explained in the 评价方 cell's prompt. */
const RATER_PROMPTS: Record<RaterKind, string> = { self: "自评", mass: "测评（党员群众测评）", org: "考评（上级评定）" };

function headerValidations(scheme: Scheme, layout: SheetLayout): ValidationPlan[] {
  const status: ValidationPlan = {
    range: layout.status.input,
    rule: { type: "list", values: [STATUS_LABELS.draft, STATUS_LABELS.final] },
    prompt: STATUS_PROMPT,
    error: STATUS_ERROR,
  };
  return [status, ...layout.header.map((header): ValidationPlan => {
    const label = headerLabel(header.key, scheme);
    if (header.key === "rater") {
      return {
        range: header.input,
        rule: { type: "list", values: scheme.raters.map((kind) => RATER_LABELS[kind]) },
        prompt: { title: label, message: scheme.raters.map((kind) => RATER_PROMPTS[kind]).join("、") },
        error: { title: `${label}不符合规则`, message: `请选择：${scheme.raters.map((kind) => RATER_LABELS[kind]).join("、")}` },
      };
    }
    const field = (scheme.headerFields ?? []).find((candidate) => candidate.key === header.key);
    if (field?.choices) {
      return {
        range: header.input,
        rule: { type: "list", values: field.choices },
        prompt: { title: label, message: clip(field.prompt, 255) },
        error: { title: `${label}不符合规则`, message: `请选择：${field.choices.join("、")}` },
      };
    }
    return {
      range: header.input,
      rule: { type: "custom", formula: `=LEN(${header.input})<=100` },
      prompt: { title: label, message: clip(`填写${label}`, 255) },
      error: { title: `${label}过长`, message: `${label}不超过100字` },
    };
  })];
}

/** One validation per rule whose prompt quotes the rule: its entered amount, or the 数量 of a count/convert rule. */
function ruleValidations(rules: RuleSlot[]): ValidationPlan[] {
  const validations: ValidationPlan[] = [];
  for (const slot of rules) {
    const field = slot.inputs.deduction ? "deduction" : slot.inputs.award ? "award" : slot.inputs.quantity ? "quantity" : "raw";
    const address = slot.inputs[field];
    if (!address) continue;
    const formula = field === "deduction" || field === "award" ? amountValidity(slot.row) : quantityValidity(slot.row);
    validations.push({ range: address, rule: { type: "custom", formula: `=${formula}` }, prompt: inputPrompt(slot.rule, field, slot.cap), error: inputError(slot.rule, field, slot.cap) });
  }
  return validations;
}

/**
 * The 数量 of each-rules (occurrences), and the 理由 and 佐证 columns: one validation per column range. The 数量 range
 * skips count/convert rows, which have their own; each run between them gets its own formula, written at its first row.
 */
function columnValidations(rules: RuleSlot[], rows: { first: number; last: number }): ValidationPlan[] {
  const validations: ValidationPlan[] = [];
  const ownPrompt = rules.filter(amountIsComputed).map((slot) => slot.row);
  const occurrences = rules.filter(takesOccurrences).map((slot) => slot.row);
  const groups: number[][] = [];
  for (const row of occurrences) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (previous !== undefined && !ownPrompt.some((own) => own > previous && own < row)) group.push(row);
    else groups.push([row]);
  }
  for (const group of groups) {
    const top = group[0];
    const range = columnRange(COLUMN.quantity, top, group[group.length - 1]);
    validations.push({ range, rule: { type: "custom", formula: `=${quantityValidity(top)}` }, prompt: QUANTITY_PROMPT, error: QUANTITY_ERROR });
  }
  for (const [column, prompt] of [
    [COLUMN.reason, REASON_PROMPT],
    [COLUMN.evidence, EVIDENCE_PROMPT],
  ] as const) {
    validations.push({
      range: columnRange(column, rows.first, rows.last),
      rule: { type: "custom", formula: textValidity(a1(rows.first, column)) },
      prompt,
      error: { title: `${prompt.title}过长`, message: `${prompt.title}不超过${MAX_TEXT_LENGTH}字` },
    });
  }
  return validations;
}

/**
 * The table's highlights: each input cell lights up exactly when its row's check (row-checks.ts) counts an error on it,
 * so what is highlighted is what the 等次 cell counts. A required 数量 left blank is an error too, but an untouched
 * sheet is not painted red: those highlights wait until something is filled in.
 */
function tableFormats(layout: SheetLayout, rows: { first: number; last: number }): ConditionalFormatPlan[] {
  const { first, last } = rows;
  const indicatorRows = layout.sections.flatMap((section) => section.indicators.map((indicator) => indicator.row));
  const top = Math.min(first, ...indicatorRows);
  const deducted = paramRef(PARAM.deducted, top);
  const counts = sheetCounts(layout);
  const started = counts ? `${absolute(counts.filled)}>0` : "TRUE";
  const flag = (column: number) => `${paramRef(column, first)}=1`;
  return [
    // 扣分超过分值，按0分计: the engine's over-points warning, on indicator rows that deduct
    { range: columnRange(COLUMN.score, top, last), formula: `=AND(ISNUMBER(${deducted}),${deducted}>$${a1(top, COLUMN.points)})`, style: CAUTION },
    { range: columnRange(COLUMN.quantity, first, last), formula: `=AND(${flag(PARAM.quantityError)},${started})`, style: ALARM },
    { range: columnRange(COLUMN.amount, first, last), formula: `=${flag(PARAM.amountError)}`, style: ALARM },
    { range: columnRange(COLUMN.reason, first, last), formula: `=${flag(PARAM.reasonError)}`, style: CAUTION },
  ];
}

function vetoChecks(layout: SheetLayout): { validations: ValidationPlan[]; formats: ConditionalFormatPlan[] } {
  if (layout.vetoes.length === 0) return { validations: [], formats: [] };
  const rows = layout.vetoes.map((veto) => veto.row);
  const first = Math.min(...rows);
  const range = columnRange(COLUMN.amount, first, Math.max(...rows));
  const explanation = columnRange(COLUMN.reason, first, Math.max(...rows));
  return {
    validations: [
      { range, rule: { type: "list", values: ["是", "否"] }, prompt: VETO_PROMPT, error: VETO_ERROR },
      {
        range: explanation,
        rule: { type: "custom", formula: textValidity(a1(first, COLUMN.reason)) },
        prompt: VETO_EXPLANATION_PROMPT,
        error: { title: `${VETO_EXPLANATION_PROMPT.title}过长`, message: `${VETO_EXPLANATION_PROMPT.title}不超过${MAX_TEXT_LENGTH}字` },
      },
    ],
    formats: [
      { range, formula: `=IFERROR(${trimmed(a1(first, COLUMN.amount))}="是",FALSE)`, style: { ...ALARM, bold: true } },
      { range, formula: `=${paramRef(PARAM.amountError, first)}=1`, style: MISMATCH },
    ],
  };
}

/** A verdict cell showing `verdict`, final or marked 草稿. */
function shows(cell: string, verdict: string): string {
  return `=OR(${cell}=${text(verdict)},${cell}=${text(verdict + DRAFT_MARK)})`;
}

function outcomeFormats(scheme: Scheme, layout: SheetLayout): ConditionalFormatPlan[] {
  const formats: ConditionalFormatPlan[] = [];
  const band = absolute(layout.band);
  const pass = absolute(layout.pass);
  // no verdict yet: 未填写 in grey, 有 N 处填写错误 in red, on both cells
  for (const [range, cell] of [[layout.band, band], [layout.pass, pass]]) {
    formats.push({ range, formula: `=${cell}=${text(BLANK_VERDICT)}`, style: { fill: "#EDEDED", fontColor: "#595959" } });
    formats.push({ range, formula: `=LEFT(${cell},2)="有 "`, style: { ...ALARM, bold: true } });
  }
  formats.push({ range: layout.band, formula: shows(band, VETOED_BAND), style: { fill: "#FF0000", fontColor: "#FFFFFF", bold: true } });
  [...scheme.bands]
    .sort((a, b) => b.min - a.min)
    .forEach((entry, index) => {
      formats.push({ range: layout.band, formula: shows(band, entry.name), style: { fill: BAND_FILLS[Math.min(index, BAND_FILLS.length - 1)], bold: true } });
    });
  formats.push({ range: layout.pass, formula: shows(pass, PASS_TEXT), style: { fill: "#C6EFCE", fontColor: "#006100", bold: true } });
  formats.push({ range: layout.pass, formula: shows(pass, FAIL_TEXT), style: { ...ALARM, bold: true } });
  return formats;
}

export function planChecks(scheme: Scheme, layout: SheetLayout): { validations: ValidationPlan[]; conditionalFormats: ConditionalFormatPlan[] } {
  const rules = allRules(layout);
  const rows = ruleRows(layout);
  const vetoes = vetoChecks(layout);
  const validations = [...headerValidations(scheme, layout), ...ruleValidations(rules), ...(rows ? columnValidations(rules, rows) : []), ...vetoes.validations];
  const conditionalFormats = [...(rows ? tableFormats(layout, rows) : []), ...vetoes.formats, ...outcomeFormats(scheme, layout)];
  return { validations, conditionalFormats };
}
