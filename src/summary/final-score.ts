/**
 * One summary row from the workbooks of one subject: each rater's total side by side, and the final score —
 * the 考评 where present, else 自评, else 测评; or, when the scheme sets weights, the weighted mean of the raters present.
 */
import { panelScore, panelSpread, panelVetoNote, type PanelMode } from "./panel";
import { RATER_LABELS } from "../rubric/raters";
import type { RaterKind, Scheme } from "../rubric/types";
import { bandOf, passScore, passes } from "../scoring/bands";
import { BLANK_VERDICT } from "../scoring/status";
import { percentText } from "../ballot/tally";
import { mulDiv } from "../numbers/decimal";
import { usableTally } from "./ballots";
import { DEFAULT_DIFF_THRESHOLD, subjectDifferences, type SubjectDifferences } from "./differences";
import { difference, weightedMean2 } from "./exact";
import { FINAL_PRECEDENCE, RATER_ORDER } from "./labels";
import type { MergedTemplate, SubjectGroup } from "./merge";
import type { FinalBasis, RaterScore, SummaryProblem, SummaryRow } from "./types";

function raterScore(rater: RaterKind, template: MergedTemplate): RaterScore {
  const { result } = template.scored;
  return {
    rater,
    file: template.file,
    total: result.total,
    band: result.band,
    vetoed: result.vetoed,
    vetoReasons: result.vetoReasons,
    sections: result.sections.map((section) => ({ code: section.code, score: section.score })),
    status: template.scored.status,
    errors: template.scored.errors,
    ...(template.scored.heldBack !== undefined && { heldBack: template.scored.heldBack }),
  };
}

/** What a 测评 from the tally names as its file: the sheet it is shown on, never counted among the row's files. */
const TALLY_FILE = "测评统计";

/**
 * The 测评 of a scheme that weights raters, from the 民主测评 tally rather than a 测评 workbook: the tally's score by the
 * scheme's level weights (out of 100) scaled to the scheme's maximum, each section in the same proportion.
 */
function tallyRaterScore(scheme: Scheme, group: SubjectGroup): RaterScore | null {
  if (!((scheme.weights?.mass ?? 0) > 0) || !usableTally(group.tally)) return null;
  const share = group.tally.score;
  const total = mulDiv(scheme.max, share, 100, 2);
  return {
    rater: "mass",
    file: TALLY_FILE,
    total,
    band: bandOf(total, false, scheme.bands),
    vetoed: false,
    vetoReasons: [],
    sections: scheme.sections.map((section) => ({ code: section.code, score: mulDiv(section.points, share, 100, 2) })),
    // a tally is counted votes, not a form: never blank, never with input errors
    status: "final",
    errors: 0,
  };
}

/** What the row says about its 民主测评: the tallied 好 rate a rule was scored from, and what the sheets claimed. */
function tallyNotes(scheme: Scheme, group: SubjectGroup): string[] {
  const code = scheme.ballot?.rateRule;
  if (!usableTally(group.tally)) return group.tally?.quorum === false ? ["民主测评未达到到会比例，结果无效"] : [];
  const notes: string[] = [];
  if (code !== undefined) {
    const claims = FINAL_PRECEDENCE.flatMap((rater) => {
      const rated = group.byRater[rater]?.scored.rated;
      if (!rated) return [];
      const claimed = rated.entries.rules[code]?.quantity;
      return [`${RATER_LABELS[rater]} ${claimed === null || claimed === undefined || claimed === "" ? "未填" : String(claimed)}`];
    });
    notes.push(`${code} 按民主测评“好”的比例 ${percentText(group.tally.goodRate)} 计分${claims.length > 0 ? `（本表所填：${claims.join("，")}）` : ""}`);
  }
  if (group.byRater.mass === undefined && (scheme.weights?.mass ?? 0) > 0) notes.push(`测评取民主测评得分 ${group.tally.score}（${group.tally.valid} 张有效票）`);
  return notes;
}

const DRAFT_NOTE = "草稿（填写中，未定稿）";
export const NOT_FINAL_REASON = "未定稿";

/** Why a rater's sheet (the lead's, or a side of 差异明细) does not count, or null when it does. */
export function notCountedReason(lead: Pick<RaterScore, "status" | "errors" | "heldBack">, finalOnly: boolean): string | null {
  if (lead.status === "blank") return BLANK_VERDICT;
  if (lead.errors > 0) return `${lead.errors} 处错误`;
  if (lead.heldBack !== undefined) return lead.heldBack;
  if (finalOnly && lead.status === "draft") return NOT_FINAL_REASON;
  return null;
}

function sectionScore(score: RaterScore, code: string): number {
  return score.sections.find((section) => section.code === code)?.score ?? 0;
}

interface FinalScore {
  basis: FinalBasis;
  total: number;
  sectionScores: number[];
  notes: string[];
}

function weightedFinal(scheme: Scheme, scores: RaterScore[]): FinalScore | null {
  const weights = scheme.weights;
  if (!weights) return null;
  const parts = scores.filter((score) => (weights[score.rater] ?? 0) > 0);
  if (parts.length === 0) return null;
  const missing = RATER_ORDER.filter((rater) => (weights[rater] ?? 0) > 0 && !parts.some((p) => p.rater === rater));
  const notes =
    missing.length > 0 ? [`缺少${missing.map((r) => RATER_LABELS[r]).join("、")}，权重按已有评价方折算`] : [];
  // Sections are weighted one by one, each rounded to 2 decimals, so they may differ from the total by 0.01.
  return {
    basis: "weighted",
    total: weightedMean2(parts.map((p) => ({ value: p.total, weight: weights[p.rater] ?? 0 }))),
    sectionScores: scheme.sections.map((section) =>
      weightedMean2(parts.map((p) => ({ value: sectionScore(p, section.code), weight: weights[p.rater] ?? 0 }))),
    ),
    notes,
  };
}

function precedenceFinal(scheme: Scheme, lead: RaterScore): FinalScore {
  return {
    basis: lead.rater,
    total: lead.total,
    sectionScores: scheme.sections.map((section) => sectionScore(lead, section.code)),
    notes: lead.rater === "org" ? [] : [`无考评，最终得分取${RATER_LABELS[lead.rater]}`],
  };
}

/**
 * The scheme's own header fields, each from the first workbook that fills it in, 考评 first: a field that only one
 * rater fills (四强 申请 on the 自评 sheet) comes from that sheet.
 */
function headerFields(scheme: Scheme, group: SubjectGroup): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of scheme.headerFields ?? []) {
    const value = FINAL_PRECEDENCE.map((rater) => group.byRater[rater]?.scored.meta.extra?.[field.key] ?? "").find((text) => text !== "");
    if (value !== undefined) fields[field.key] = value;
  }
  return fields;
}

/** Each workbook's own total, rater by rater (every evaluator of a panel). */
function evaluatorsOf(group: SubjectGroup): SummaryRow["evaluators"] {
  return RATER_ORDER.flatMap((rater) => (rater === "org" ? group.orgPanel : group.byRater[rater] ? [group.byRater[rater]] : [])).map((template) => ({
    rater: template.scored.meta.rater === "" ? ("self" as const) : template.scored.meta.rater,
    evaluator: template.scored.meta.evaluator,
    total: template.scored.result.total,
    file: template.file,
  }));
}

/** The workbook the lead score comes from (a panel's first), none for a 测评 from the tally. */
function leadTemplate(group: SubjectGroup, lead: RaterScore): MergedTemplate | undefined {
  return lead.rater === "org" ? group.orgPanel[0] : group.byRater[lead.rater];
}

/**
 * The row before ranking, quota and the named list are applied, and the problems the row itself raises (already
 * included in row.problems; the caller adds them to the summary's list).
 */
export function buildRow(
  scheme: Scheme,
  group: SubjectGroup,
  finalOnly = false,
  panelMode: PanelMode = "mean",
  diffThreshold = DEFAULT_DIFF_THRESHOLD,
): { row: SummaryRow; raised: SummaryProblem[]; differences: SubjectDifferences | null } {
  const scores = RATER_ORDER.flatMap((rater) => {
    if (rater === "org" && group.orgPanel.length > 1) return [panelScore(scheme, group.orgPanel, panelMode)];
    const template = group.byRater[rater];
    if (template) return [raterScore(rater, template)];
    const fromTally = rater === "mass" ? tallyRaterScore(scheme, group) : null;
    return fromTally ? [fromTally] : [];
  });
  // The rater whose workbook decides veto and names the row's file: 考评 first, then 自评, then 测评.
  const lead = FINAL_PRECEDENCE.map((rater) => scores.find((s) => s.rater === rater)).find((s) => s !== undefined);
  if (!lead) throw new Error(`buildRow: subject “${group.subject}” has no workbook`);

  const final = weightedFinal(scheme, scores) ?? precedenceFinal(scheme, lead);
  const totalOf = (rater: RaterKind) => scores.find((s) => s.rater === rater)?.total ?? null;
  const selfTotal = totalOf("self");
  const orgTotal = totalOf("org");
  const selfScore = scores.find((s) => s.rater === "self");
  const orgScore = scores.find((s) => s.rater === "org");
  // 差值 compares two sheets that both count, as 差异明细 does: none beside a blank or erroneous 自评 or 考评
  const compared = [selfScore, orgScore].every((score) => score !== undefined && notCountedReason(score, finalOnly) === null);
  const reason = notCountedReason(lead, finalOnly);
  const counted = reason === null;
  const notes = [...final.notes, ...tallyNotes(scheme, group)];
  if (counted && lead.status === "draft") notes.push(DRAFT_NOTE);
  if (!counted) notes.push(`待核：${reason}，不计入排名、统计和名额`);
  if (lead.vetoed) notes.push(lead.vetoReasons.length > 0 ? `不得参评：${lead.vetoReasons.join("；")}` : "不得参评");
  // Only a weighted score with a rater missing deserves a problem line; "无考评" is normal for 自评-only rounds.
  const raised: SummaryProblem[] =
    final.basis === "weighted"
      ? final.notes.map((note) => ({ file: lead.file, cell: null, severity: "warning", message: `“${group.subject}”${note}。` }))
      : [];
  const vetoPending = panelVetoNote(group.orgPanel);
  if (vetoPending) {
    notes.push(vetoPending);
    raised.push({ file: lead.file, cell: null, severity: "warning", message: `“${group.subject}”${vetoPending}。` });
  }

  const sections = scheme.sections.map((section, i) => ({ code: section.code, title: section.title, score: final.sectionScores[i] ?? 0 }));
  const row: SummaryRow = {
    subject: group.subject,
    org: group.org,
    raters: scores,
    basis: final.basis,
    total: final.total,
    sections,
    band: counted ? bandOf(final.total, lead.vetoed, scheme.bands) : "",
    pass: counted && passes(passScore(final.total, sections, scheme.passLine), lead.vetoed, scheme.passLine),
    vetoed: lead.vetoed,
    vetoReasons: lead.vetoReasons,
    selfTotal,
    massTotal: totalOf("mass"),
    orgTotal,
    difference: compared && selfTotal !== null && orgTotal !== null ? difference(orgTotal, selfTotal) : null,
    named: false,
    review: null,
    rosterId: null,
    offRoster: false,
    fields: headerFields(scheme, group),
    rank: null,
    recommended: false,
    file: lead.file,
    files: [...new Set([...scores.filter((s) => s.file !== TALLY_FILE).map((s) => s.file), ...group.orgPanel.map((t) => t.file)])],
    evaluators: evaluatorsOf(group),
    panelSize: group.orgPanel.length,
    panelSpread: panelSpread(group.orgPanel),
    problems: [...group.problems, ...raised],
    notes,
    status: lead.status,
    counted,
    notCountedReason: reason,
    source: leadTemplate(group, lead)?.source ?? [],
  };
  const differences = subjectDifferences(
    scheme,
    group,
    { self: selfScore, org: orgScore },
    (score) => notCountedReason(score, finalOnly),
    { threshold: diffThreshold, panel: panelMode },
  );
  return { row, raised, differences };
}
