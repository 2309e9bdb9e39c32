/**
 * The 民主测评表 as a WorkbookPlan (applied by a host like any template): a title, header (测评对象, 年度, 测评日期), the
 * counting rules in one instruction line, then one row per subject with a single choice (a drop-down of the levels)
 * and an optional 意见建议. `copies` repeats the ballot down the sheet, one per A4 page, for paper voting; `_meta`
 * addresses the first copy, which is the one a filled electronic ballot is read from.
 */
import { a1 } from "../sheet/addresses";
import { BALLOT_KIND, ballotCellKey, metaCellKey } from "../sheet/meta-keys";
import { ballotWorkbook } from "./plan-meta";
import { rowHeightFor, wrappedLines } from "../sheet/text-fit";
import { sheetPlan } from "../sheet/sheet-plan";
import type { PlanCell, SheetPlan, ValidationPlan, WorkbookPlan } from "../sheet/types";
import type { Scheme } from "../rubric/types";
import { BALLOT_STYLE, BALLOT_STYLES } from "./plan-styles";
import { ballotInstruction } from "./rules-text";
import { choicesText, type BallotRules } from "./rules";

export interface BallotSubject {
  subject: string;
  org: string;
}

export interface BallotOptions {
  subjects: BallotSubject[];
  period?: string;
  /** 应到 (the number of voters), kept in `_meta` for the tally */
  expected?: number;
  copies?: number;
}

export const BALLOT_SHEET = "民主测评表";
const WIDTHS = [6, 30, 24, 14, 32];
const COLUMNS = WIDTHS.length;
/** rows before the first subject: title, 测评对象, 年度/测评日期, instruction, table header */
const HEAD_ROWS = 5;

export function ballotTitle(scheme: Scheme): string {
  return `${scheme.shortTitle}民主测评表`;
}

/** What the header's 测评对象 says: the one subject, or the kind of subject and how many. */
function subjectsLine(scheme: Scheme, subjects: readonly BallotSubject[]): string {
  if (subjects.length === 1) return [subjects[0].subject, subjects[0].org].filter((part) => part !== "").join("（") + (subjects[0].org ? "）" : "");
  const orgs = [...new Set(subjects.map((subject) => subject.org).filter((org) => org !== ""))];
  const kind = scheme.subject === "secretary" ? "党支部书记" : "党支部";
  return `${orgs.length === 1 ? `${orgs[0]}所属` : ""}${kind}（共 ${subjects.length} 个，见下表）`;
}

interface Block {
  cells: (PlanCell | null)[][];
  heights: Record<number, number>;
  merges: string[];
  /** addresses of the first copy's cells, by subject */
  subjectCells: { subject: string; org: string; choice: string }[];
  dateCell: string;
  periodCell: string;
}

function blank(): (PlanCell | null)[] {
  return new Array<PlanCell | null>(COLUMNS).fill(null);
}

function planBlock(scheme: Scheme, rules: BallotRules, options: BallotOptions, top: number): Block {
  const cells: (PlanCell | null)[][] = [];
  const heights: Record<number, number> = {};
  const merges: string[] = [];
  const instruction = ballotInstruction(rules);
  const line = (row: (PlanCell | null)[]) => cells.push(row);
  const title = blank();
  title[0] = { value: ballotTitle(scheme), style: BALLOT_STYLE.title };
  line(title);
  merges.push(`${a1(top, 0)}:${a1(top, COLUMNS - 1)}`);
  heights[top] = 30;
  const who = blank();
  who[0] = { value: "测评对象", style: BALLOT_STYLE.label };
  who[1] = { value: subjectsLine(scheme, options.subjects), style: BALLOT_STYLE.cell };
  line(who);
  merges.push(`${a1(top + 1, 1)}:${a1(top + 1, COLUMNS - 1)}`);
  const when = blank();
  when[0] = { value: "年度", style: BALLOT_STYLE.label };
  when[1] = { value: options.period ?? "", style: BALLOT_STYLE.input };
  when[2] = { value: "测评日期", style: BALLOT_STYLE.label };
  when[3] = { style: BALLOT_STYLE.input };
  line(when);
  merges.push(`${a1(top + 2, 3)}:${a1(top + 2, 4)}`);
  const note = blank();
  note[0] = { value: instruction, style: BALLOT_STYLE.instruction };
  line(note);
  merges.push(`${a1(top + 3, 0)}:${a1(top + 3, COLUMNS - 1)}`);
  heights[top + 3] = rowHeightFor(wrappedLines(instruction, WIDTHS.reduce((total, width) => total + width, 0)));
  line(["序号", "测评对象", "所属党组织", `测评等次\n（${choicesText(rules.levels)}）`, "意见建议（可不填）"].map((value) => ({ value, style: BALLOT_STYLE.tableHeader })));
  heights[top + 4] = rowHeightFor(3);
  const subjectCells: Block["subjectCells"] = [];
  options.subjects.forEach((subject, index) => {
    const row = top + HEAD_ROWS + index;
    line([
      { value: index + 1, style: BALLOT_STYLE.cell },
      { value: subject.subject, style: BALLOT_STYLE.cell },
      { value: subject.org, style: BALLOT_STYLE.cell },
      { style: BALLOT_STYLE.choice },
      { style: BALLOT_STYLE.inputText },
    ]);
    heights[row] = rowHeightFor(Math.max(2, wrappedLines(subject.subject, WIDTHS[1])));
    subjectCells.push({ subject: a1(row, 1), org: a1(row, 2), choice: a1(row, 3) });
  });
  return { cells, heights, merges, subjectCells, dateCell: a1(top + 2, 3), periodCell: a1(top + 2, 1) };
}

function choiceValidation(rules: BallotRules, range: string): ValidationPlan {
  return {
    range,
    rule: { type: "list", values: rules.levels },
    prompt: { title: "测评等次", message: `只选一项：${choicesText(rules.levels)}` },
    error: { title: "测评等次", message: `请从 ${choicesText(rules.levels)} 中选择一项` },
  };
}

/** The ballot sheet (all copies) and its `_meta`. */
export function planBallot(scheme: Scheme, rules: BallotRules, options: BallotOptions): WorkbookPlan {
  const copies = Math.max(1, Math.floor(options.copies ?? 1));
  const cells: (PlanCell | null)[][] = [];
  const rowHeights: Record<number, number> = {};
  const merges: string[] = [];
  const validations: ValidationPlan[] = [];
  const unlocked: string[] = [];
  const rowBreaks: number[] = [];
  let first: Block | undefined;
  for (let copy = 0; copy < copies; copy += 1) {
    if (copy > 0) {
      rowBreaks.push(cells.length - 1);
    }
    const block = planBlock(scheme, rules, options, cells.length);
    first ??= block;
    cells.push(...block.cells);
    Object.assign(rowHeights, block.heights);
    merges.push(...block.merges);
    unlocked.push(block.periodCell, block.dateCell);
    if (block.subjectCells.length > 0) {
      const choices = `${block.subjectCells[0].choice}:${block.subjectCells.at(-1)!.choice}`;
      const opinions = choices.replace(/D(\d+)/g, "E$1");
      validations.push(choiceValidation(rules, choices));
      unlocked.push(choices, opinions);
    }
  }
  const ballot: SheetPlan = sheetPlan({
    name: BALLOT_SHEET,
    cells,
    styles: BALLOT_STYLES,
    columnWidths: WIDTHS,
    rowHeights,
    merges,
    validations,
    unlocked,
    protect: true,
    print: { orientation: "portrait", paper: "A4", fitToWidth: 1 },
    rowBreaks,
  });
  const cellRows: [string, string][] = [
    [metaCellKey("period"), first!.periodCell],
    [metaCellKey("date"), first!.dateCell],
  ];
  first!.subjectCells.forEach((cell, index) => {
    cellRows.push([ballotCellKey(index + 1, "subject"), cell.subject], [ballotCellKey(index + 1, "org"), cell.org], [ballotCellKey(index + 1, "choice"), cell.choice]);
  });
  return ballotWorkbook(ballot, { scheme, rules, kind: BALLOT_KIND, period: options.period, expected: options.expected }, cellRows);
}
