/** compileSummary: scored workbooks (and unusable files) → the committee summary. Pure. */
import type { Scheme } from "../rubric/types";
import { bandNames } from "../scoring/bands";
import { compareExact } from "./exact";
import { buildRow } from "./final-score";
import { DEFAULT_DIFF_THRESHOLD, type SubjectDifferences } from "./differences";
import { mergeInputs } from "./merge";
import { decideQuota } from "./quota";
import { rankTotals } from "./rank";
import { groupStats, statsByOrg } from "./stats";
import { REVIEW_LABELS } from "./labels";
import { nameKey, subjectKey } from "./subject-key";
import { indexRoster } from "../roster/match";
import { keepPeriod, periodsOf } from "./periods";
import { accountRoster, markRosterRows, matchInputsToRoster } from "./roster-account";
import { feedRateRule, tallyInputs } from "./ballots";
import { targetReport } from "./targets";
import { resolveOverlaps } from "./rollup/overlaps";
import type { QuotaReport, Summary, SummaryInput, SummaryOptions, SummaryProblem, SummaryRow } from "./types";

/** The period most templates give (first seen wins a tie); "" when none gives one. */
function commonPeriod(periods: string[]): string {
  const counts = new Map<string, number>();
  for (const period of periods) if (period !== "") counts.set(period, (counts.get(period) ?? 0) + 1);
  let best = "";
  for (const [period, count] of counts) if (count > (counts.get(best) ?? 0)) best = period;
  return best;
}

/**
 * Rows matching no roster branch (compile --roster) are not ranked either: an unknown or mistyped branch must not take
 * a place before the committee knows which branch it is.
 * Vetoed subjects (不得参评) are barred from the evaluation by the rubric itself, and already-named ones (已命名) do
 * not take part again (四强): ranking either would hand out places in a contest they are not in and push the
 * competing subjects down. Both stay listed with rank null and a note.
 */
function takesPart(row: SummaryRow, namedOutside: boolean): boolean {
  return row.counted && !row.vetoed && !row.offRoster && !(row.named && namedOutside);
}

function applyRanks(rows: SummaryRow[], style: Summary["rankStyle"], namedOutside: boolean): void {
  const ranked = rows.filter((row) => takesPart(row, namedOutside));
  const ranks = rankTotals(
    ranked.map((row) => row.total),
    style,
  );
  ranked.forEach((row, i) => (row.rank = ranks[i]));
}

function applyQuota(rows: SummaryRow[], scheme: Scheme, namedOutside: boolean): QuotaReport | null {
  if (!scheme.quota) return null;
  // the quota is shared among the same subjects the ranking places
  const participants = rows.filter((row) => takesPart(row, namedOutside));
  // only those passing may be recommended; the places are a share of all participants unless the scheme says passing
  const eligible = participants.filter((row) => row.pass);
  const base = scheme.quota.base ?? "participants";
  const decision = decideQuota(
    eligible.map((row) => row.total),
    scheme.quota.recommendShare,
    base === "participants" ? participants.length : eligible.length,
  );
  eligible.forEach((row, i) => {
    row.recommended = decision.recommended[i];
    if (row.recommended === "pending") {
      row.notes.push(`与他人同分 ${decision.tieTotal} 并列于推荐名额线（名额 ${decision.places} 个），待党委确定`);
    }
  });
  return {
    share: scheme.quota.recommendShare,
    base,
    baseCount: base === "participants" ? participants.length : eligible.length,
    eligible: eligible.length,
    places: decision.places,
    recommended: eligible.filter((row) => row.recommended === true).length,
    pending: eligible.filter((row) => row.recommended === "pending").length,
    named: rows.filter((row) => row.named).length,
    tieTotal: decision.tieTotal,
  };
}

/** Ranked rows by rank (ties by name), then the named ones, then the vetoed ones, then those not counted, each by total. */
function displayOrder(a: SummaryRow, b: SummaryRow): number {
  const group = (row: SummaryRow) => (!row.counted ? 3 : row.rank !== null ? 0 : row.vetoed ? 2 : 1);
  return (
    group(a) - group(b) ||
    (a.rank ?? 0) - (b.rank ?? 0) ||
    compareExact(b.total, a.total) ||
    a.subject.localeCompare(b.subject, "zh-CN")
  );
}

export function compileSummary(given: SummaryInput[], scheme: Scheme, options: SummaryOptions = {}): Summary {
  // a sheet reaching us through two summaries (or a summary and its own file) counts once
  const inputs = resolveOverlaps(given);
  const index = options.roster ? indexRoster(options.roster, scheme.subject) : null;
  // one year per compile: the one asked for, or the one most files give when they disagree
  const periods = periodsOf(inputs, scheme.id);
  const year = options.selectPeriod?.trim() || (periods.length > 1 ? periods[0].period : "");
  const byYear = year !== "" ? keepPeriod(inputs, year, scheme.id) : { inputs, others: [] };
  const matched = index ? matchInputsToRoster(byYear.inputs, index) : byYear.inputs;
  const ballots = tallyInputs(matched, scheme);
  feedRateRule(matched, scheme, ballots.bySubject);
  const merged = mergeInputs(matched, scheme);
  for (const group of merged.groups) group.tally = ballots.bySubject.get(subjectKey(group.subject, group.org));
  const problems: SummaryProblem[] = [...merged.problems, ...ballots.problems];
  const threshold = options.diffThreshold ?? DEFAULT_DIFF_THRESHOLD;
  const compared = new Map<SummaryRow, SubjectDifferences>();
  const rows = merged.groups.map((group) => {
    const { row, raised, differences } = buildRow(scheme, group, options.finalOnly === true, options.panel, threshold);
    problems.push(...raised);
    if (differences) compared.set(row, differences);
    return row;
  });

  if (index) markRosterRows(rows, index);
  // Named subjects stay out of ranking unless the scheme's quota says they take part (quota.excludeNamed false).
  const namedOutside = scheme.quota?.excludeNamed ?? true;
  const named = new Set((options.named ?? []).map(nameKey).filter((name) => name !== ""));
  for (const row of rows) {
    row.named = named.has(nameKey(row.subject));
    if (!row.named) continue;
    row.notes.push(namedOutside ? "已命名，不参加排名和推荐" : "已命名");
    // 复查: a named subject is scored against the same standard; the outcome is a proposal, never a rank, and none at
    // all from a blank or erroneous sheet (its 待核 reason stands instead)
    if (!row.counted) {
      row.notes.push(`复查建议：待核（${row.notCountedReason}）`);
      continue;
    }
    row.review = row.pass ? "keep" : "revoke";
    row.notes.push(`复查建议：${REVIEW_LABELS[row.review]}（${row.pass ? "仍达到标准" : row.vetoed ? "有不得参评情形" : "未达到标准"}）`);
  }
  const rankStyle = options.rank ?? scheme.ranking;
  applyRanks(rows, rankStyle, namedOutside);
  const quota = applyQuota(rows, scheme, namedOutside);
  rows.sort(displayOrder);

  const bands = bandNames(scheme.bands);
  const counted = rows.filter((row) => row.counted);
  const stats = groupStats(counted, bands);
  const period = options.period?.trim() || year || commonPeriod(merged.periods);
  return {
    scheme: {
      id: scheme.id,
      title: scheme.title,
      shortTitle: scheme.shortTitle,
      version: scheme.version,
      max: scheme.max,
      subject: scheme.subject,
      vetoCount: scheme.vetoes.length,
      raters: [...scheme.raters],
    },
    sectionHeads: scheme.sections.map((s) => ({ code: s.code, title: s.title, points: s.points })),
    fieldHeads: (scheme.headerFields ?? []).map(({ key, label }) => ({ key, label })),
    bandNames: bands,
    rankStyle,
    period,
    files: merged.files,
    compiled: merged.compiled,
    rows,
    problems,
    stats,
    byOrg: statsByOrg(counted, bands),
    quota,
    targets: targetReport(scheme, period, stats),
    roster: index ? accountRoster(index, rows) : null,
    ballots: ballots.report,
    otherPeriods: byYear.others,
    rollup: { inputs, finalOnly: options.finalOnly === true },
    // named after the row, which shows the roster's name where the file matched a roster branch
    differences: { threshold, subjects: rows.flatMap((row) => { const item = compared.get(row); return item ? [{ ...item, subject: row.subject, org: row.org }] : []; }) },
  };
}
