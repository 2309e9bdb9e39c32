/** 四强 entries for the compile tests: complete, with a chosen total deduction. */
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import type { Entries } from "../../src/scoring/types";
import { scheme } from "./workbooks";

const SQ = scheme("siqiang");

/** Complete entries deducting `amount` in total from the range-each rules (至多 5 per 5-point item). */
export function siqiangDeducting(amount: number, vetoes: Entries["vetoes"] = {}, seed = 3): Entries {
  const entries = sampleEntries(SQ, seededRandom(seed), { findRate: 0, awardShare: 0 });
  let left = amount;
  for (const indicator of SQ.sections.flatMap((section) => section.indicators)) {
    const rule = indicator.rules.find((candidate) => candidate.kind === "range-each");
    if (!rule || left <= 0) continue;
    const here = Math.min(left, indicator.points);
    entries.rules[rule.code] = { quantity: Math.ceil(here), deduction: here, reason: "工作台账不全" };
    left -= here;
  }
  return { ...entries, vetoes };
}
