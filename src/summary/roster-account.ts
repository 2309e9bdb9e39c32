/**
 * compile --roster: workbooks matched to the roster's branches (src/roster/match) before merging, so a matched
 * workbook is shown under the roster's name; rows matching no branch are marked and never ranked; and the account
 * of who has and has not reported (报送情况). Pure.
 */
import { entryLabel, findEntry, suggestEntries, type RosterIndex } from "../roster/match";
import { rosterSubject } from "../roster/roster";
import type { RosterAccount, RosterAccountOrg, SummaryInput, SummaryRow } from "./types";

/** Matched inputs carry the roster's own name, org and id; the others are left as typed. */
export function matchInputsToRoster(inputs: readonly SummaryInput[], index: RosterIndex): SummaryInput[] {
  return inputs.map((input) => {
    const meta = input.scored?.meta;
    if (!input.scored || !meta) return input;
    const entry = findEntry(index, meta.subject, meta.org, meta.subjectId);
    if (!entry) return input;
    return { ...input, scored: { ...input.scored, meta: { ...meta, subject: rosterSubject(entry, index.kind), org: entry.org, subjectId: entry.id } } };
  });
}

export const OFF_ROSTER_NOTE = "不在党支部名单中，未排名（见「报送情况」）";

/** Sets rosterId, or marks the row off the roster (then it takes no rank). */
export function markRosterRows(rows: SummaryRow[], index: RosterIndex): void {
  for (const row of rows) {
    row.rosterId = findEntry(index, row.subject, row.org)?.id ?? null;
    row.offRoster = row.rosterId === null;
    if (row.offRoster) row.notes.push(OFF_ROSTER_NOTE);
  }
}

export function accountRoster(index: RosterIndex, rows: readonly SummaryRow[]): RosterAccount {
  const received = new Set(rows.flatMap((row) => (row.rosterId === null ? [] : [row.rosterId])));
  const byOrg = new Map<string, RosterAccountOrg>();
  const missing: RosterAccount["missing"] = [];
  for (const entry of index.roster.entries) {
    let org = byOrg.get(entry.org);
    if (!org) byOrg.set(entry.org, (org = { org: entry.org, expected: 0, received: 0, missing: [] }));
    org.expected++;
    if (received.has(entry.id)) {
      org.received++;
    } else {
      const subject = rosterSubject(entry, index.kind);
      org.missing.push(subject);
      missing.push({ id: entry.id, subject, org: entry.org });
    }
  }
  const unmatched = rows
    .filter((row) => row.offRoster)
    .flatMap((row) => {
      const suggestions = suggestEntries(index, row.subject, row.org).map((entry) => entryLabel(entry, index.kind));
      return row.files.map((file) => ({ file, subject: row.subject, org: row.org, suggestions }));
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { file: index.roster.file, expected: index.roster.entries.length, received: received.size, missing, unmatched, byOrg: [...byOrg.values()] };
}
