/**
 * Seeded random entries for the parity tests: mostly plausible values, plus the awkward ones a secretary produces
 * (off-step, out of range, negative, text in a number cell, blanks, a veto answered with something other than 是/否).
 * Deterministic: the same seed always gives the same entries, so a failure can be replayed.
 */
import type { Rule, Scheme } from "../../src/rubric/types";
import type { CellValue, Entries, RuleEntry } from "../../src/scoring/types";

/** mulberry32: tiny, fast and good enough to pick test values. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mood {
  /** chance that a rule gets a (plausible) deduction or award */
  activity: number;
  /** chance that a value is an awkward one */
  awkwardness: number;
  /** chance that each veto is answered 是 */
  vetoChance: number;
}

const TEXTS = ["无", "缺考", "待定", "abc"];
const REASONS = ["会议记录不全", "未按期换届", "材料缺失", "被省级媒体报道"];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

/** A multiple of 0.5 in [low, high]. */
function halfSteps(random: () => number, low: number, high: number): number {
  const steps = Math.floor((high - low) * 2);
  return low + Math.floor(random() * (steps + 1)) / 2;
}

function awkwardAmount(random: () => number, cap: number): CellValue {
  return pick(random, [0.3, 0.7, 1.2, -1, cap + 1, cap + 0.5, pick(random, TEXTS), 2.25]);
}

function ruleEntry(rule: Rule, cap: number, random: () => number, mood: Mood): RuleEntry | null {
  const awkward = random() < mood.awkwardness;
  const active = random() < mood.activity;
  if (!active && !awkward) {
    if (random() < 0.5 || rule.kind === "count" || rule.kind === "convert") return null;
    return rule.kind === "award" ? { award: 0 } : { deduction: 0 };
  }
  const reason = random() < 0.8 ? pick(random, REASONS) : null;
  switch (rule.kind) {
    case "fixed":
      return { deduction: awkward ? awkwardAmount(random, cap) : rule.amount, reason };
    case "range":
      return { deduction: awkward ? awkwardAmount(random, cap) : halfSteps(random, rule.min, rule.max), reason };
    case "discretionary":
      return { deduction: awkward ? awkwardAmount(random, cap) : halfSteps(random, 0.5, Math.min(cap, 3)), reason };
    case "award":
      return { award: awkward ? awkwardAmount(random, cap) : halfSteps(random, 0.5, Math.min(cap, 8)), reason };
    case "fixed-each":
    case "range-each": {
      const count = Math.floor(random() * 4);
      const unit = rule.kind === "fixed-each" ? rule.amount : halfSteps(random, rule.min, rule.max);
      const plausible = Math.min(cap, count * unit);
      if (!awkward) return { quantity: count, deduction: plausible, reason };
      return pick(random, [
        { quantity: count, deduction: awkwardAmount(random, cap), reason },
        { quantity: pick(random, [1.5, -1, pick(random, TEXTS)]), deduction: plausible, reason },
        { deduction: plausible + 0.5, reason: null },
      ]);
    }
    case "count": {
      const required = rule.required;
      if (awkward) return { quantity: pick(random, [-2, pick(random, TEXTS), required + 0.5, 0]) };
      const shortfall = random() * Math.max(2, required);
      // whole counts mostly; decimals (学时, %) exercise ROUNDUP on float shortfalls
      const quantity = random() < 0.5 ? Math.round(required - shortfall) : Math.round((required - shortfall) * 100) / 100;
      return { quantity: Math.max(0, quantity) };
    }
    case "convert":
      if (awkward) return { raw: pick(random, [-5, rule.rawMax + 20, pick(random, TEXTS)]) };
      // two decimals make raw × points ÷ rawMax need its ROUND(…,2)
      return { raw: Math.round((rule.rawMax * (0.5 + random() / 2)) * 100) / 100 };
  }
}

export function randomEntries(scheme: Scheme, seed: number, mood: Mood): Entries {
  const random = seededRandom(seed);
  const entries: Entries = { rules: {}, vetoes: {} };
  for (const section of scheme.sections) {
    for (const indicator of section.indicators) {
      for (const rule of indicator.rules) {
        const entry = ruleEntry(rule, rule.cap ?? indicator.points, random, mood);
        if (entry) entries.rules[rule.code] = entry;
      }
    }
  }
  for (const veto of scheme.vetoes) {
    const roll = random();
    entries.vetoes[veto.code] = roll < mood.vetoChance ? pick(random, ["是", " 是 "]) : roll < mood.vetoChance + mood.awkwardness ? "不确定" : pick(random, ["否", null]);
  }
  return entries;
}

/**
 * Entries for 两化一创 whose total lands exactly on a band threshold: a blank form keeps every deduction section
 * whole (80) and 特色亮点 starts at 0, so the awards decide — 10 gives 90 (好), 9.5 gives 89.5 (较好).
 */
export function awardsOnly(scheme: Scheme, awards: number): Entries {
  const rule = scheme.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules)).find((candidate) => candidate.kind === "award");
  if (!rule) throw new Error(`${scheme.id} has no award rule`);
  return { rules: { [rule.code]: { award: awards, reason: "被上级党组织表彰" } }, vetoes: {} };
}
