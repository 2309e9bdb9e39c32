/**
 * The 计票表 for clerks typing in paper ballots, as a WorkbookPlan: 年度 and 应到人数 at the top, the counting rules,
 * then one column per subject (name and 所属党组织 in two header rows) and one row per ballot: its 票号, then each
 * subject's mark from a drop-down of the levels. The drop-down only warns, so what a ballot really says (two ticks:
 * “好、较好”; a stray word) can be typed as it is and counted as invalid by the rules. A row counts as a ballot once
 * its 票号 or any mark is filled; a ballot with nothing marked is a row with only its 票号.
 */
import { a1, columnLetter } from "../sheet/addresses";
import { BALLOT_COUNT_KIND, EXPECTED_KEY, ballotCellKey, metaCellKey } from "../sheet/meta-keys";
import { ballotWorkbook } from "./plan-meta";
import { rowHeightFor, wrappedLines } from "../sheet/text-fit";
import { sheetPlan } from "../sheet/sheet-plan";
import type { PlanCell, WorkbookPlan } from "../sheet/types";
import type { Scheme } from "../rubric/types";
import type { BallotSubject } from "./plan-ballot";
import { BALLOT_STYLE, BALLOT_STYLES } from "./plan-styles";
import { choicesText, type BallotRules } from "./rules";

export const COUNT_SHEET = "计票";
/** rows above the first ballot: title, 年度/应到, instruction, subject names, their orgs */
const HEAD_ROWS = 5;
const DEFAULT_ROWS = 200;
const SUBJECT_WIDTH = 14;

export interface CountOptions {
  subjects: BallotSubject[];
  period?: string;
  expected?: number;
  /** ballot rows prepared with validation (more may be typed below); default 200 */
  rows?: number;
}

export function countInstruction(rules: BallotRules): string {
  return (
    `录入说明：每张选票一行，先填票号，再逐项录入该票所选等次（${choicesText(rules.levels)}）。` +
    `未选的项留空；选了多项的照录所选等次，以顿号分隔（如“好、较好”）；填写其他内容的照录原文；整张空白的选票只填票号。` +
    `无效项和无效票由汇总按计票规则认定，见「测评统计」。`
  );
}

export function planCount(scheme: Scheme, rules: BallotRules, options: CountOptions): WorkbookPlan {
  const subjects = options.subjects;
  const columns = 1 + Math.max(subjects.length, 3);
  const rows = Math.max(1, Math.floor(options.rows ?? DEFAULT_ROWS));
  const widths = [8, ...new Array<number>(columns - 1).fill(SUBJECT_WIDTH)];
  const line = () => new Array<PlanCell | null>(columns).fill(null);
  const cells: (PlanCell | null)[][] = [];
  const title = line();
  title[0] = { value: `${scheme.shortTitle}民主测评计票表`, style: BALLOT_STYLE.title };
  cells.push(title);
  const head = line();
  head[0] = { value: "年度", style: BALLOT_STYLE.label };
  head[1] = { value: options.period ?? "", style: BALLOT_STYLE.input };
  head[2] = { value: "应到人数", style: BALLOT_STYLE.label };
  head[3] = { value: options.expected ?? "", style: BALLOT_STYLE.input };
  cells.push(head);
  const instruction = countInstruction(rules);
  const note = line();
  note[0] = { value: instruction, style: BALLOT_STYLE.instruction };
  cells.push(note);
  cells.push([{ value: "票号", style: BALLOT_STYLE.tableHeader }, ...subjects.map((subject) => ({ value: subject.subject, style: BALLOT_STYLE.tableHeader }))]);
  cells.push([{ value: "所属党组织", style: BALLOT_STYLE.tableHeader }, ...subjects.map((subject) => ({ value: subject.org, style: BALLOT_STYLE.cell }))]);
  for (let index = 0; index < rows; index += 1) {
    cells.push([{ style: BALLOT_STYLE.input }, ...subjects.map(() => ({ style: BALLOT_STYLE.choice }))]);
  }
  const firstRow = HEAD_ROWS;
  const lastRow = HEAD_ROWS + rows - 1;
  const lastColumn = columnLetter(Math.max(1, subjects.length));
  const marks = `B${firstRow + 1}:${lastColumn}${lastRow + 1}`;
  const widthTotal = widths.reduce((total, width) => total + width, 0);
  const sheet = sheetPlan({
    name: COUNT_SHEET,
    cells,
    styles: BALLOT_STYLES,
    columnWidths: widths,
    rowHeights: { 0: 28, 2: rowHeightFor(wrappedLines(instruction, widthTotal)), 3: rowHeightFor(Math.max(...subjects.map((subject) => wrappedLines(subject.subject, SUBJECT_WIDTH)), 1)) },
    merges: [`A1:${columnLetter(columns - 1)}1`, `A3:${columnLetter(columns - 1)}3`],
    validations:
      subjects.length === 0
        ? []
        : [
            {
              range: marks,
              rule: { type: "list", values: rules.levels },
              errorStyle: "warning",
              prompt: { title: "测评等次", message: `${choicesText(rules.levels)}；多选照录（如“好、较好”），未选留空` },
              error: { title: "不是等次之一", message: `该票所填不是 ${choicesText(rules.levels)} 之一。照录原票请选“是”，汇总时按无效计。` },
            },
            { range: `D2`, rule: { type: "whole", min: 1, max: 100000 }, error: { title: "应到人数", message: "应到人数为正整数" } },
          ],
    unlocked: [`A${firstRow + 1}:A${lastRow + 1}`, "B2", "D2", ...(subjects.length > 0 ? [marks] : [])],
    protect: true,
    print: { orientation: subjects.length > 6 ? "landscape" : "portrait", paper: "A4", fitToWidth: 1, titleRows: `$4:$5` },
    freeze: { rows: HEAD_ROWS, columns: 1 },
  });
  const cellRows: [string, string][] = [[metaCellKey("period"), "B2"], [metaCellKey(EXPECTED_KEY), "D2"], [metaCellKey("ballot"), a1(firstRow, 0)]];
  subjects.forEach((_, index) => {
    cellRows.push([ballotCellKey(index + 1, "subject"), a1(3, index + 1)], [ballotCellKey(index + 1, "org"), a1(4, index + 1)], [ballotCellKey(index + 1, "choice"), a1(firstRow, index + 1)]);
  });
  return ballotWorkbook(sheet, { scheme, rules, kind: BALLOT_COUNT_KIND, period: options.period, expected: options.expected }, cellRows);
}
