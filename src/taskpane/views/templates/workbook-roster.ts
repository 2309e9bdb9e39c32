/**
 * A 党支部名单 kept as a sheet of the open workbook: the 评分表 view offers its branches, and inserting a template for
 * one fills the header (支部名称 — or 书记 for a scheme about secretaries, with the branch as 所在党支部 —, 所属党组织)
 * and records the branch's id (`subjectId`) in `_meta`, as `template --roster` does. Parsing is src/roster's, on the
 * grid the host read.
 */
import type { SpreadsheetHost } from "../../../hosts/types";
import { hasRosterHeader, rosterExtra, parseRoster, rosterSubject, type RosterEntry } from "../../../roster/roster";
import type { HeaderField, SubjectKind } from "../../../rubric/types";
import { cellText, isMetaSheetName } from "../../../sheet/read-meta";
import type { Grid } from "../../../sheet/types";
import type { HeaderForm } from "./header-form";

export type WorkbookRoster =
  | { kind: "none" }
  | { kind: "roster"; sheet: string; entries: RosterEntry[] }
  /** a sheet with a roster's header whose rows are wrong: each error names the sheet and row */
  | { kind: "invalid"; sheet: string; errors: string[] };

/** The first sheet (tab order) whose first non-blank row is a roster header, parsed. */
function rosterInGrids(grids: readonly Grid[]): WorkbookRoster {
  for (const grid of grids) {
    const rows = grid.values.map((row) => row.map((value) => cellText(value)));
    if (!hasRosterHeader(rows)) continue;
    const parsed = parseRoster(rows, grid.name);
    return parsed.ok ? { kind: "roster", sheet: grid.name, entries: parsed.roster.entries } : { kind: "invalid", sheet: grid.name, errors: parsed.errors };
  }
  return { kind: "none" };
}

/** Our own hidden sheets (_meta, _summary …) are never a roster. */
const isOwnSheet = (name: string) => isMetaSheetName(name) || name.startsWith("_");

/** Two syncs: the sheet names, then every other sheet in one read. */
export async function readWorkbookRoster(host: SpreadsheetHost): Promise<WorkbookRoster> {
  const { names } = await host.listSheets();
  const candidates = names.filter((name) => !isOwnSheet(name));
  if (candidates.length === 0) return { kind: "none" };
  return rosterInGrids(await host.readSheets(candidates));
}

/** The header form with the entry's names and id; the branch goes to 所在党支部 when the scheme has that field. */
export function formForEntry(form: HeaderForm, entry: RosterEntry, kind: SubjectKind, fields: readonly HeaderField[]): HeaderForm {
  const extra = rosterExtra(entry, kind, fields, form.extra);
  return { ...form, subject: rosterSubject(entry, kind), org: entry.org, subjectId: entry.id, ...(extra ? { extra } : {}) };
}
