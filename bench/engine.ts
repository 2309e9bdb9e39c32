/**
 * How long the engine takes to validate and score the full 002 “两化一创” rubric for one realistic sheet
 * (target: median under 50 µs — the task pane rescores on every edit). Prints figures; asserts nothing.
 * Run: npm run bench   (or: npm run build:cli && node dist-cli/bench/engine.js)
 */
import { getScheme } from "../src/rubric/catalogue";
import type { Rule, Scheme } from "../src/rubric/types";
import { scoreEntries } from "../src/scoring/engine";
import type { Entries, RuleEntry } from "../src/scoring/types";

const WARM_UP_RUNS = 2_000;
const MEASURED_RUNS = 5_000;

/** What an evaluator leaves in a rule's row: mostly nothing, a deduction on every third rule. */
function entryFor(rule: Rule, ordinal: number): RuleEntry {
  const deducts = ordinal % 3 === 0;
  const reason = deducts ? "检查发现问题，见佐证材料" : null;
  switch (rule.kind) {
    case "fixed":
      return { deduction: deducts ? rule.amount : 0, reason };
    case "range":
      return { deduction: deducts ? rule.min : 0, reason };
    case "fixed-each":
      return { quantity: deducts ? 1 : 0, deduction: deducts ? rule.amount : 0, reason };
    case "range-each":
      return { quantity: deducts ? 2 : 0, deduction: deducts ? 2 * rule.min : 0, reason };
    case "discretionary":
      return { deduction: deducts ? 1 : null, reason };
    case "award":
      return { award: 12, reason: "获校级先进党支部表彰" };
    case "count":
      return { quantity: rule.required - 1 };
    case "convert":
      return { raw: 85 };
  }
}

function realisticEntries(scheme: Scheme): Entries {
  const rules: Record<string, RuleEntry> = {};
  let ordinal = 0;
  for (const section of scheme.sections) {
    for (const indicator of section.indicators) {
      for (const rule of indicator.rules) rules[rule.code] = entryFor(rule, ordinal++);
    }
  }
  // two typical mistakes, so that building messages is part of the figure
  const [first, second] = Object.keys(rules);
  rules[first] = { deduction: 0.3, reason: null };
  rules[second] = { deduction: "一分" };
  return { rules, vetoes: Object.fromEntries(scheme.vetoes.map((veto) => [veto.code, "否"])) };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function main(): void {
  const scheme = getScheme("lianghua-yichuang");
  if (!scheme) throw new Error("built-in scheme lianghua-yichuang is missing");
  const entries = realisticEntries(scheme);
  const ruleCount = Object.keys(entries.rules).length;

  let sink = 0; // keeps the results alive so the work cannot be optimised away
  for (let run = 0; run < WARM_UP_RUNS; run++) sink += scoreEntries(scheme, entries).rules.length;

  const micros: number[] = [];
  for (let run = 0; run < MEASURED_RUNS; run++) {
    const start = process.hrtime.bigint();
    const result = scoreEntries(scheme, entries);
    micros.push(Number(process.hrtime.bigint() - start) / 1_000);
    sink += result.rules.length;
  }
  micros.sort((a, b) => a - b);

  const result = scoreEntries(scheme, entries);
  console.log(`scoreEntries — 002 两化一创: ${scheme.sections.length} sections, ${result.indicators.length} indicators, ${ruleCount} rules`);
  console.log(`sheet: total ${result.total}, band ${result.band}, ${result.issues.length} issues`);
  console.log(`runs: ${MEASURED_RUNS} measured after ${WARM_UP_RUNS} warm-up (checksum ${sink})`);
  console.log(`median ${quantile(micros, 0.5).toFixed(1)} µs, p90 ${quantile(micros, 0.9).toFixed(1)} µs, p99 ${quantile(micros, 0.99).toFixed(1)} µs (target: median < 50 µs)`);
}

main();
