/** Small hand-made schemes for the engine's tests: one builder per rule kind, defaults for the rest. */
import type {
  AwardRule,
  Band,
  ConvertRule,
  CountRule,
  DiscretionaryRule,
  FixedEachRule,
  FixedRule,
  Indicator,
  RangeEachRule,
  RangeRule,
  Rule,
  Scheme,
  Section,
  Veto,
} from "../../src/rubric/types";
import type { CellValue, Entries, RuleEntry } from "../../src/scoring/types";

type Extra = { step?: number; cap?: number };

export const fixed = (code: string, amount: number, text = `扣${amount}分`, extra: Extra = {}): FixedRule => ({
  kind: "fixed", code, text, amount, ...extra,
});
export const range = (code: string, min: number, max: number, text = `扣${min}-${max}分`, extra: Extra = {}): RangeRule => ({
  kind: "range", code, text, min, max, ...extra,
});
export const fixedEach = (code: string, amount: number, unit = "人次", extra: Extra = {}): FixedEachRule => ({
  kind: "fixed-each", code, text: `每${unit}扣${amount}分`, amount, unit, ...extra,
});
export const rangeEach = (code: string, min: number, max: number, unit = "项", extra: Extra = {}): RangeEachRule => ({
  kind: "range-each", code, text: `工作有疏漏的每${unit}扣${min}-${max}分`, min, max, unit, ...extra,
});
export const discretionary = (code: string, extra: Extra = {}): DiscretionaryRule => ({
  kind: "discretionary", code, text: "酌情扣分", ...extra,
});
export const award = (code: string, extra: Extra = {}): AwardRule => ({ kind: "award", code, text: "加分", ...extra });
export const count = (
  code: string,
  spec: Pick<CountRule, "required" | "mode" | "amount"> & Partial<Pick<CountRule, "unit" | "per" | "measure">> & Extra,
): CountRule => ({
  kind: "count", code, text: `不少于${spec.required}${spec.unit ?? "次"}`, measure: "全年次数", unit: "次", ...spec,
});
export const convert = (code: string, rawMax: number, points: number): ConvertRule => ({
  kind: "convert", code, text: "现场理论考试成绩折算", rawMax, points, measure: "考试成绩",
});

export const indicator = (code: string, points: number, rules: Rule[], title = `指标${code}`): Indicator => ({
  code, title, points, content: [], evidence: "", rules,
});
export const section = (code: string, indicators: Indicator[], points?: number): Section => ({
  code,
  title: `一级指标${code}`,
  // callers give points only when the indicators' points do not add up to a round figure
  points: points ?? indicators.reduce((total, item) => total + item.points, 0),
  indicators,
});

export const DEFAULT_BANDS: Band[] = [
  { name: "好", min: 90 },
  { name: "较好", min: 80 },
  { name: "一般", min: 70 },
  { name: "较差", min: 0 },
];

export function scheme(sections: Section[], options: { vetoes?: Veto[]; minTotal?: number; noVeto?: boolean } = {}): Scheme {
  return {
    id: "test-scheme",
    title: "测试方案",
    shortTitle: "测试",
    version: "t1",
    subject: "branch",
    source: "tests",
    defaultAllocation: true,
    notes: [],
    defaults: [],
    max: sections.reduce((total, item) => total + item.points, 0),
    sections,
    vetoes: options.vetoes ?? [],
    bands: DEFAULT_BANDS,
    passLine: { minTotal: options.minTotal ?? 80, noVeto: options.noVeto ?? true },
    raters: ["self", "org"],
    ranking: "dense",
  };
}

/** A scheme with one section holding one indicator: the shape most rule tests need. */
export const singleIndicatorScheme = (points: number, rules: Rule[]): Scheme =>
  scheme([section("1", [indicator("1.1", points, rules)])]);

export const entries = (rules: Record<string, RuleEntry>, vetoes: Record<string, CellValue> = {}): Entries => ({
  rules,
  vetoes,
});
