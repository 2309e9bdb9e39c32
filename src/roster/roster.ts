/**
 * The 党支部名单 (roster) a 组织部 works from, as plain data: one entry per branch with a stable id. Pure: the rows
 * come from whatever read the file (src/batch/roster-file.ts for .xlsx and .csv).
 */
import type { HeaderField, SubjectKind } from "../rubric/types";
import { nameKey, subjectKey, tidyName } from "../summary/subject-key";

export interface RosterEntry {
  /** 编号 as given, or derived from the normalised 所属党组织 + 支部名称 (see derivedId) */
  id: string;
  subject: string;
  org: string;
  secretary: string;
  contact: string;
  category: string;
  /** 1-based row in the roster file */
  row: number;
}

export interface Roster {
  /** the roster file as the user named it */
  file: string;
  entries: RosterEntry[];
}

/**
 * The header field of a scheme about secretaries naming the secretary's branch (四比四看 所在党支部, key `branch`):
 * filled from the roster's 支部名称 when templates are distributed from it.
 */
export const BRANCH_FIELD_KEY = "branch";

/**
 * Whom a scheme scores for a roster row: the branch, or for a scheme about secretaries (四比四看) its 书记 — the branch's
 * name when the row gives no 书记, so a row still has a name to be accounted under.
 */
export function rosterSubject(entry: RosterEntry, kind: SubjectKind): string {
  return kind === "secretary" && entry.secretary.trim() !== "" ? entry.secretary.trim() : entry.subject;
}

/**
 * A template's header extras for a roster row: the given ones, plus the row's 支部名称 in 所在党支部 when the scheme is
 * about secretaries and has that field. Shared by `template --roster` and the pane's roster picker.
 */
export function rosterExtra(
  entry: RosterEntry,
  kind: SubjectKind,
  fields: readonly HeaderField[],
  extra: Record<string, string> | undefined,
): Record<string, string> | undefined {
  return kind === "secretary" && fields.some((field) => field.key === BRANCH_FIELD_KEY) ? { ...extra, [BRANCH_FIELD_KEY]: entry.subject } : extra;
}

/** The first row without a 书记, for a scheme about secretaries (whose templates and ballots name the 书记); else null. */
export function rowWithoutSecretary(roster: Roster, kind: SubjectKind): RosterEntry | null {
  return kind === "secretary" ? (roster.entries.find((entry) => entry.secretary.trim() === "") ?? null) : null;
}

/** Why a roster cannot serve a scheme about secretaries: the row (file and line) whose 书记 is missing. */
export function withoutSecretaryMessage(file: string, entry: RosterEntry, scheme: { shortTitle: string }, what: "测评" | "评分"): string {
  return `名单“${file}”第 ${entry.row} 行（${entry.subject}）没有书记姓名；方案「${scheme.shortTitle}」${what}的是支部书记，请在“书记”列填写`;
}

type Column = "id" | "subject" | "org" | "secretary" | "contact" | "category";

/** Accepted headers per column (compared without spaces, full-width forms folded). */
const HEADER_ALIASES: Record<Column, readonly string[]> = {
  subject: ["支部名称", "党支部名称", "名称", "党支部"],
  org: ["所属党组织", "上级党组织", "党委/党总支", "党委", "党总支"],
  id: ["编号", "支部编号"],
  secretary: ["书记", "支部书记", "书记姓名"],
  contact: ["联系人"],
  category: ["类别", "支部类别"],
};
const REQUIRED: readonly Column[] = ["subject", "org"];

const headerKey = (text: string): string => nameKey(text).replace(/\s/g, "");

function columnOf(header: string): Column | null {
  const key = headerKey(header);
  for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [Column, readonly string[]][]) {
    if (aliases.some((alias) => headerKey(alias) === key)) return column;
  }
  return null;
}

/** FNV-1a, 64 bits: a stable, dependency-free digest; ids need to be deterministic, not secret. */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

/** The id of a branch without 编号: the same name and org (after normalising) give the same id on every run. */
function derivedId(subject: string, org: string): string {
  return `R${fnv1a64(subjectKey(subject, org)).toString(16).padStart(16, "0").slice(0, 12)}`;
}

export type RosterOutcome = { ok: true; roster: Roster } | { ok: false; errors: string[] };

const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === "");

/**
 * Rows of text (the first non-blank row is the header) → the roster, or every problem found, each naming the file
 * and the row: a missing column, an empty name or org, the same branch or 编号 twice.
 */
/** The header: the first non-blank row, and the column of each header it names (-1 and empty when all rows are blank). */
function headerOf(rows: readonly (readonly string[])[]): { headerIndex: number; columns: Map<Column, number> } {
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  const columns = new Map<Column, number>();
  (rows[headerIndex] ?? []).forEach((header, index) => {
    const column = columnOf(header);
    if (column !== null && !columns.has(column)) columns.set(column, index);
  });
  return { headerIndex, columns };
}

/** Whether the rows start with a roster's header (支部名称 and 所属党组织, by any accepted name): a sheet meant as one. */
export function hasRosterHeader(rows: readonly (readonly string[])[]): boolean {
  const { columns } = headerOf(rows);
  return REQUIRED.every((column) => columns.has(column));
}

export function parseRoster(rows: readonly (readonly string[])[], file: string): RosterOutcome {
  const { headerIndex, columns } = headerOf(rows);
  if (headerIndex < 0) return { ok: false, errors: [`名单“${file}”是空的：第一行应为表头（支部名称、所属党组织……）`] };
  const absent = REQUIRED.filter((column) => !columns.has(column));
  if (absent.length > 0) {
    const wanted = absent.map((column) => `「${HEADER_ALIASES[column][0]}」（也可写作 ${HEADER_ALIASES[column].slice(1).join("、")}）`);
    return { ok: false, errors: [`名单“${file}”第 ${headerIndex + 1} 行（表头）缺少${wanted.join("、")}列`] };
  }

  const errors: string[] = [];
  const entries: RosterEntry[] = [];
  const seenKeys = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const cell = (row: readonly string[], column: Column): string => {
    const index = columns.get(column);
    return index === undefined ? "" : tidyName(row[index] ?? "");
  };
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index];
    if (isBlankRow(row)) continue;
    const line = index + 1;
    const subject = cell(row, "subject");
    const org = cell(row, "org");
    if (subject === "") errors.push(`名单“${file}”第 ${line} 行：支部名称为空`);
    if (org === "") errors.push(`名单“${file}”第 ${line} 行：所属党组织为空`);
    if (subject === "" || org === "") continue;
    const key = subjectKey(subject, org);
    const earlier = seenKeys.get(key);
    if (earlier !== undefined) {
      errors.push(`名单“${file}”第 ${line} 行：“${subject}”（${org}）与第 ${earlier} 行重复`);
      continue;
    }
    seenKeys.set(key, line);
    const id = cell(row, "id") || derivedId(subject, org);
    const sameId = seenIds.get(id);
    if (sameId !== undefined) {
      errors.push(`名单“${file}”第 ${line} 行：编号“${id}”与第 ${sameId} 行重复`);
      continue;
    }
    seenIds.set(id, line);
    entries.push({ id, subject, org, secretary: cell(row, "secretary"), contact: cell(row, "contact"), category: cell(row, "category"), row: line });
  }
  if (errors.length === 0 && entries.length === 0) errors.push(`名单“${file}”只有表头，没有党支部`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, roster: { file, entries } };
}
