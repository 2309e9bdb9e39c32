/**
 * Which roster branch a workbook is about: its `subjectId` (written by `template --roster`) first, then its
 * normalised 支部名称 + 所属党组织. Anything else matches nothing and gets the closest roster names as suggestions,
 * so a typo is reported, never merged on a guess.
 */
import { distance } from "fastest-levenshtein";
import { nameKey, subjectKey } from "../summary/subject-key";
import type { SubjectKind } from "../rubric/types";
import { rosterSubject, type Roster, type RosterEntry } from "./roster";

export interface RosterIndex {
  roster: Roster;
  /** what the compiled scheme scores: branches, or their secretaries (matched by 书记 + 所属党组织) */
  kind: SubjectKind;
  byId: Map<string, RosterEntry>;
  byKey: Map<string, RosterEntry>;
}

export function indexRoster(roster: Roster, kind: SubjectKind = "branch"): RosterIndex {
  return {
    roster,
    kind,
    byId: new Map(roster.entries.map((entry) => [entry.id, entry])),
    byKey: new Map(roster.entries.map((entry) => [subjectKey(rosterSubject(entry, kind), entry.org), entry])),
  };
}

export function findEntry(index: RosterIndex, subject: string, org: string, subjectId?: string): RosterEntry | null {
  const byId = subjectId ? index.byId.get(subjectId.trim()) : undefined;
  return byId ?? index.byKey.get(subjectKey(subject, org)) ?? null;
}

/**
 * How a suggestion is shown: the name with its organisation, since two organisations may have a branch of one name;
 * a secretary with the branch too.
 */
export function entryLabel(entry: RosterEntry, kind: SubjectKind = "branch"): string {
  const subject = rosterSubject(entry, kind);
  return subject === entry.subject ? `${subject}（${entry.org}）` : `${subject}（${entry.subject}，${entry.org}）`;
}

const MAX_SUGGESTIONS = 3;

/**
 * Up to three roster branches closest to the typed name and org (edit distance over both), closest first; only
 * those within half the typed text's length, so an unrelated name gets no suggestion rather than a wrong one.
 */
export function suggestEntries(index: RosterIndex, subject: string, org: string): RosterEntry[] {
  const [name, parent] = [nameKey(subject), nameKey(org)];
  const limit = Math.max(2, Math.floor((name.length + parent.length) / 2));
  return index.roster.entries
    .map((entry) => ({ entry, cost: distance(name, nameKey(rosterSubject(entry, index.kind))) + distance(parent, nameKey(entry.org)) }))
    .filter((candidate) => candidate.cost <= limit)
    .sort((a, b) => a.cost - b.cost || a.entry.row - b.entry.row)
    .slice(0, MAX_SUGGESTIONS)
    .map((candidate) => candidate.entry);
}
