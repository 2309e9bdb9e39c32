/**
 * Reading ballot workbooks: a workbook grid in (from the same reader as every template), and — when one of its
 * `_meta` sheets says `kind` = `ballot` or `ballot-count` — the ballots it holds: one for a filled 民主测评表 (its
 * first copy), one per filled row of a 计票表. Pure, like the template reader; problems name the file and cell.
 */
import type { CellValue } from "../scoring/types";
import { a1, parseA1 } from "../sheet/addresses";
import { BALLOT_COUNT_KIND, BALLOT_KIND, CHOICES_KEY, EXPECTED_KEY, KIND_KEY, SCHEME_KEY, ballotCellKey } from "../sheet/meta-keys";
import { cellValueAt } from "../sheet/read-entries";
import { cellMapKey, cellText, isMetaSheetName, readMetaTable, type MetaTable } from "../sheet/read-meta";
import { namedSheet } from "../sheet/read-match";
import type { Grid, WorkbookGrid } from "../sheet/types";
import { parseChoices } from "./rules";
import type { BallotProblem, CastBallot } from "./tally";

export interface BallotFile {
  kind: "ballot" | "count";
  scheme: string;
  /** the levels the file offers (`_meta` `choices`) */
  choices: string[];
  period: string;
  ballots: CastBallot[];
  problems: BallotProblem[];
}

const isBallotKind = (kind: string) => kind === BALLOT_KIND || kind === BALLOT_COUNT_KIND;

/** The `_meta` tables of the workbook that describe ballots. */
function ballotMetaTables(book: WorkbookGrid): MetaTable[] {
  return book.sheets.filter((grid) => isMetaSheetName(grid.name)).map(readMetaTable).filter((table) => isBallotKind(table.values[KIND_KEY] ?? ""));
}

/** True when the workbook is a ballot or 计票 workbook (so it is tallied, not scored). */
export function isBallotWorkbook(book: WorkbookGrid): boolean {
  return ballotMetaTables(book).length > 0;
}

interface SubjectColumn {
  subject: string;
  org: string;
  choice: string;
}

function subjectsOf(table: MetaTable, grid: Grid): SubjectColumn[] {
  const subjects: SubjectColumn[] = [];
  for (let number = 1; table.values[ballotCellKey(number, "choice")] !== undefined; number += 1) {
    const address = (field: "subject" | "org" | "choice") => (table.values[ballotCellKey(number, field)] ?? "").replace(/\$/g, "").toUpperCase();
    subjects.push({ subject: cellText(cellValueAt(grid, address("subject"))), org: cellText(cellValueAt(grid, address("org"))), choice: address("choice") });
  }
  return subjects;
}

/** 应到 from the visible cell (计票表) or the `_meta` value; null when not a positive whole number. */
function expectedOf(table: MetaTable, grid: Grid, file: string, problems: BallotProblem[]): number | null {
  const address = table.cells[cellMapKey("meta", EXPECTED_KEY)];
  const raw: CellValue = address ? cellValueAt(grid, address) : (table.values[EXPECTED_KEY] ?? "");
  const text = cellText(raw).normalize("NFKC").replace(/人$/, "");
  if (text === "") return null;
  const value = Number(text);
  if (Number.isInteger(value) && value > 0) return value;
  problems.push({ file, cell: address ?? null, severity: "warning", message: `应到人数“${cellText(raw)}”不是正整数，未据此判断到会人数 (expected voters is not a whole number)` });
  return null;
}

function readFilledBallot(file: string, subjects: SubjectColumn[], grid: Grid, expected: number | null): CastBallot {
  return { file, expected, rows: subjects.map((subject) => ({ subject: subject.subject, org: subject.org, value: cellValueAt(grid, subject.choice), cell: subject.choice })) };
}

function readCountRows(file: string, table: MetaTable, subjects: SubjectColumn[], grid: Grid, expected: number | null, problems: BallotProblem[]): CastBallot[] {
  const first = parseA1(table.cells[cellMapKey("meta", "ballot")] ?? "");
  const columns = subjects.map((subject) => parseA1(subject.choice));
  if (!first || columns.some((column) => column === null)) {
    problems.push({ file, cell: null, severity: "error", message: `「${table.sheet}」中计票表的单元格地址不完整，无法计票 (count sheet addresses missing)` });
    return [];
  }
  const ballots: CastBallot[] = [];
  for (let row = first.row; row < grid.values.length; row += 1) {
    const number = cellText(grid.values[row]?.[first.column]);
    const values = columns.map((column) => grid.values[row]?.[column!.column] ?? null);
    if (number === "" && values.every((value) => cellText(value) === "")) continue;
    if (number === "") {
      problems.push({ file, cell: a1(row, first.column), severity: "warning", message: `计票表第 ${row + 1} 行有等次但没有票号，仍按一张选票计 (ballot row without a number)` });
    }
    ballots.push({
      file,
      label: `票号 ${number || "（空）"}（第 ${row + 1} 行）：`,
      expected,
      rows: subjects.map((subject, index) => ({ subject: subject.subject, org: subject.org, value: values[index], cell: a1(row, columns[index]!.column) })),
    });
  }
  return ballots;
}

/** The ballots of a ballot or 计票 workbook, or null when it is neither. */
export function readBallotWorkbook(book: WorkbookGrid, file: string): BallotFile | null {
  const tables = ballotMetaTables(book);
  if (tables.length === 0) return null;
  const table = tables[0];
  const problems: BallotProblem[] = [];
  const kind = table.values[KIND_KEY] === BALLOT_COUNT_KIND ? "count" : "ballot";
  const others = book.sheets.filter((grid) => !isMetaSheetName(grid.name));
  const name = namedSheet(table, others.map((grid) => grid.name));
  const grid = others.find((candidate) => candidate.name === name);
  const base = { kind, scheme: table.values[SCHEME_KEY] ?? "", choices: parseChoices(table.values[CHOICES_KEY] ?? ""), period: table.values.period ?? "" } as const;
  if (!grid) {
    problems.push({ file, cell: null, severity: "error", message: `找不到「${table.sheet}」记录的测评工作表“${table.values.sheet ?? ""}”（已改名或删除），未计票 (ballot sheet not found)` });
    return { ...base, ballots: [], problems };
  }
  const periodCell = table.cells[cellMapKey("meta", "period")];
  const period = periodCell ? cellText(cellValueAt(grid, periodCell)) : "";
  const subjects = subjectsOf(table, grid);
  const unnamed = subjects.findIndex((subject) => subject.subject === "");
  if (unnamed >= 0) {
    problems.push({ file, cell: table.values[ballotCellKey(unnamed + 1, "subject")] ?? null, severity: "error", message: `测评对象 ${unnamed + 1} 没有名称，未计票 (a subject has no name)` });
    return { ...base, period: period || base.period, ballots: [], problems };
  }
  const expected = expectedOf(table, grid, file, problems);
  const ballots = kind === "count" ? readCountRows(file, table, subjects, grid, expected, problems) : [readFilledBallot(file, subjects, grid, expected)];
  return { ...base, period: period || base.period, ballots, problems };
}
