/**
 * The demo's 民主测评: four 五好 branches of one 党委 hand in their 自评 (each claiming a 好 rate for 1.3), the
 * 党委 types 46 paper ballots into a 计票表 (a double mark, a stray word, a blank row, a wholly blank ballot among
 * them) and two members vote on the electronic 民主测评表. The compile then scores 1.3 from the tally.
 */
import { planBallot } from "../ballot/plan-ballot";
import { planCount } from "../ballot/plan-count";
import { ballotRulesOf } from "../ballot/rules";
import type { Scheme } from "../rubric/types";
import type { CellValue, Entries, SubjectMeta } from "../scoring/types";
import { fillSheetPlan, fillTemplatePlan, planMetaValues } from "../sheet/fill";
import { ballotCellKey, metaCellKey } from "../sheet/meta-keys";
import { planTemplate } from "../sheet/planner";
import type { WorkbookPlan } from "../sheet/types";
import { sampleEntries } from "./entries";
import type { Random } from "./prng";

export const VOTE_ORG = "经济管理学院党委";
/** name, the 好 share the members give it, and the 1.3 好 rate its 自评 claims */
const VOTE_BRANCHES: readonly { subject: string; goodShare: number; claimed: number }[] = [
  { subject: "经济管理学院教工党支部", goodShare: 1, claimed: 98 },
  { subject: "经济管理学院学生第一党支部", goodShare: 0.86, claimed: 96 },
  { subject: "经济管理学院学生第二党支部", goodShare: 0.97, claimed: 97.5 },
  { subject: "经济管理学院研究生党支部", goodShare: 0.9, claimed: 95 },
];
const EXPECTED_VOTERS = 52;
const PAPER_BALLOTS = 46;
const ONLINE_BALLOTS = 2;

export interface VoteFiles {
  /** file name (inside the 五好 folder) → plan */
  files: [string, WorkbookPlan][];
  /** the blank ballot and 计票表, for out/templates */
  templates: [string, WorkbookPlan][];
}

function mark(random: Random, goodShare: number): string {
  if (random.chance(goodShare)) return "好";
  return random.chance(0.7) ? "较好" : "一般";
}

/** The paper ballots as typed, with the mistakes a real count meets at fixed places. */
function paperMarks(random: Random): (string | null)[][] {
  const rows = Array.from({ length: PAPER_BALLOTS }, () => VOTE_BRANCHES.map((branch) => mark(random, branch.goodShare) as string | null));
  rows[6][1] = "好、较好"; // two ticks
  rows[11][2] = "优"; // not a level
  rows[19][3] = null; // left blank
  rows[29] = VOTE_BRANCHES.map(() => null); // nothing marked at all
  return rows;
}

function addressesOf(plan: WorkbookPlan): Map<string, CellValue> {
  return planMetaValues(plan);
}

export function voteFiles(scheme: Scheme, random: Random, metaFor: (subject: string, org: string) => SubjectMeta): VoteFiles {
  const { rules } = ballotRulesOf(scheme);
  const subjects = VOTE_BRANCHES.map((branch) => ({ subject: branch.subject, org: VOTE_ORG }));
  const files: [string, WorkbookPlan][] = [];
  const template = planTemplate(scheme);
  const rateRule = rules.rateRule ?? "";
  for (const branch of VOTE_BRANCHES) {
    const entries: Entries = sampleEntries(scheme, random, { findRate: 0.08, awardShare: 0 });
    entries.rules[rateRule] = { ...entries.rules[rateRule], quantity: branch.claimed };
    files.push([`${branch.subject}-自评.xlsx`, fillTemplatePlan(template, entries, metaFor(branch.subject, VOTE_ORG))]);
  }

  const count = planCount(scheme, rules, { subjects, period: "2025年度", expected: EXPECTED_VOTERS });
  const countMeta = addressesOf(count);
  const first = Number(/\d+$/.exec(String(countMeta.get(metaCellKey("ballot"))))![0]);
  const columns = subjects.map((_, index) => String(countMeta.get(ballotCellKey(index + 1, "choice"))).replace(/\d+$/, ""));
  const typed: Record<string, CellValue> = {};
  paperMarks(random).forEach((marks, row) => {
    typed[`A${first + row}`] = row + 1;
    marks.forEach((value, index) => {
      if (value !== null) typed[`${columns[index]}${first + row}`] = value;
    });
  });
  files.push(["民主测评计票表.xlsx", fillSheetPlan(count, count.sheets[0].name, typed)]);

  const ballot = planBallot(scheme, rules, { subjects, period: "2025年度", expected: EXPECTED_VOTERS });
  const ballotMeta = addressesOf(ballot);
  for (let voter = 1; voter <= ONLINE_BALLOTS; voter += 1) {
    const choices: Record<string, CellValue> = {};
    VOTE_BRANCHES.forEach((branch, index) => (choices[String(ballotMeta.get(ballotCellKey(index + 1, "choice")))] = mark(random, branch.goodShare)));
    files.push([`网上测评-${String(voter).padStart(2, "0")}.xlsx`, fillSheetPlan(ballot, ballot.sheets[0].name, choices)]);
  }
  const blankBallot = planBallot(scheme, rules, { subjects, period: "2025年度", expected: EXPECTED_VOTERS, copies: 2 });
  return { files, templates: [[`${scheme.id}-民主测评表.xlsx`, blankBallot], [`${scheme.id}-计票表.xlsx`, count]] };
}
