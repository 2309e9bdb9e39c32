/**
 * The rubric model (see docs/design/rubrics.md). Plain data: the built-in schemes and custom rubric files
 * (validated by ./schema.ts) both end up as a `Scheme`.
 */

export type SubjectKind = "branch" | "secretary"; // 党支部 | 党支部书记
export type RaterKind = "self" | "mass" | "org"; // 自评 | 测评 | 考评
export type RankStyle = "dense" | "competition"; // 中国式 1,1,2 | 竞赛式 1,1,3

interface RuleBase {
  /** indicator code + "-" + ordinal in source order, e.g. "1.2-3" */
  code: string;
  /** the rule as the source words it, e.g. "主要支委成员配备不齐扣1-2分" */
  text: string;
  /** granularity of entered amounts; default 0.5 */
  step?: number;
  /**
   * Largest total this rule may deduct (a sub-allocation inside an indicator, e.g. 大讲堂 2 of 理论大学习 10).
   * Default: the indicator's points.
   */
  cap?: number;
}

/** 扣N分, once: entry is 0 or N. */
export interface FixedRule extends RuleBase {
  kind: "fixed";
  amount: number;
}
/** 扣a-b分, once: entry is 0 or within [min, max]. */
export interface RangeRule extends RuleBase {
  kind: "range";
  min: number;
  max: number;
}
/** 每项/每人次扣N分: count entered, deduction = count × N. */
export interface FixedEachRule extends RuleBase {
  kind: "fixed-each";
  amount: number;
  /** 项, 人次, 人 … */
  unit: string;
}
/** 每项扣a-b分: count entered, deduction within [count × min, count × max]. */
export interface RangeEachRule extends RuleBase {
  kind: "range-each";
  min: number;
  max: number;
  unit: string;
}
/** 酌情扣分: 0 … cap (default indicator points), reason required. */
export interface DiscretionaryRule extends RuleBase {
  kind: "discretionary";
}
/**
 * A quantity requirement (≥ required 次/学时/%). The actual quantity is entered; the deduction is computed:
 * "per-unit": ceil(shortfall / per) × amount; "all-or-nothing": amount when quantity < required. Capped at cap.
 */
export interface CountRule extends RuleBase {
  kind: "count";
  /** what is counted, e.g. "全年召开党员大会次数" */
  measure: string;
  required: number;
  unit: string;
  mode: "per-unit" | "all-or-nothing";
  amount: number;
  /** per-unit only: units of shortfall per deduction step (每少4学时扣1分 → per 4); default 1 */
  per?: number;
}
/** 加分: points earned 0 … cap (default indicator points). Award indicators start from 0. */
export interface AwardRule extends RuleBase {
  kind: "award";
}
/**
 * A raw score (e.g. a closed-book exam 0–rawMax) converted proportionally to `points` of the indicator:
 * deduction = points − round2(raw / rawMax × points).
 */
export interface ConvertRule extends RuleBase {
  kind: "convert";
  rawMax: number;
  points: number;
  /** what the raw score is, e.g. "现场理论考试成绩（百分制）" */
  measure: string;
}

export type Rule =
  | FixedRule
  | RangeRule
  | FixedEachRule
  | RangeEachRule
  | DiscretionaryRule
  | CountRule
  | AwardRule
  | ConvertRule;
export type RuleKind = Rule["kind"];

export interface Indicator {
  /** 二级指标 code, e.g. "1.1" */
  code: string;
  title: string;
  points: number;
  /** 三级指标 lines, verbatim */
  content: string[];
  /** 考核要点 / 佐证材料 hint */
  evidence: string;
  rules: Rule[];
}

export interface Section {
  /** 一级指标 code, e.g. "1" */
  code: string;
  title: string;
  points: number;
  indicators: Indicator[];
}

export interface Veto {
  /** V1 … in source order */
  code: string;
  text: string;
}

export interface Band {
  name: string;
  /** inclusive lower bound on the exact total; bands are ordered descending by min */
  min: number;
}

export interface PassLine {
  /** the minimum of the total, or of the listed sections' sum */
  minTotal: number;
  /** a veto fails the pass line */
  noVeto: boolean;
  /** when set, the pass line applies to the sum of these sections (e.g. the basic sections, without an award section) */
  sections?: string[];
}

/** A value this product chose where the source is silent: shown as 默认 wherever a user sees it. */
export interface SchemeDefault {
  /** what was chosen, e.g. 达标线, 等次, 分值, 推荐名额基数 */
  what: string;
  /** the value, as a user reads it */
  value: string;
  /** why, or what the source says instead */
  reason: string;
}

/** Weights for the final score across raters; absent = 考评 where present, else 自评. */
export type RaterWeights = Partial<Record<RaterKind, number>>;

export interface Quota {
  /** share of eligible subjects that may be recommended, e.g. 0.1 (四强 ≤10%) */
  recommendShare: number;
  rounding: "floor";
  /** already-named (已命名) subjects are listed but take no part in ranking or quota */
  excludeNamed: boolean;
  /**
   * what the share is taken of: "participants" (参评: counted, not vetoed, not named — as "不超过10%" of those taking
   * part reads) or "passing" (only those passing the pass line). Absent = participants.
   */
  base?: "participants" | "passing";
}

/** 两化一创 yearly targets: 达标率 and 样板 shares. */
export interface YearTarget {
  year: number;
  passRate?: number;
  /** e.g. { "校级样板党支部": 0.1, "省级样板党支部": 0.05 } or absolute counts in `modelCounts` */
  modelShares?: Record<string, number>;
  modelCounts?: Record<string, number>;
}

/**
 * A header input a scheme adds after the standard ones (支部名称 … 日期), e.g. 四比四看's 所在党支部 or 四强's 申请.
 * Its value is a `_meta` row under `key`, and `cell:meta:<key>` addresses the visible input.
 */
export interface HeaderField {
  /** lowercase letters, not one of the standard keys (subject, org, period, rater, evaluator, date) */
  key: string;
  label: string;
  /** a closed list offered by data validation, e.g. ["是", "否"]; absent = free text */
  choices?: string[];
  /** the input's prompt: who fills it in and what it means */
  prompt: string;
}

/**
 * A scheme's own 民主测评 counting rules; every setting left out takes the default of src/ballot/rules.ts
 * (好、较好、一般、差; 好 rate over the first level, 满意率 over the first two; quorum 2/3; blank ballot invalid; 100/80/60/40).
 */
export interface BallotSettings {
  levels?: string[];
  goodLevels?: string[];
  satisfiedLevels?: string[];
  quorum?: { numerator: number; denominator: number };
  blankBallotInvalid?: boolean;
  weights?: Record<string, number>;
  /** the count rule scored from the tally's 好 rate (a percentage), e.g. 五好 "1.3-2" */
  rateRule?: string;
}

export interface Scheme {
  /** stable id used on the command line and in _meta, e.g. "lianghua-yichuang" */
  id: string;
  title: string;
  /** short name shown on cards, e.g. "两化一创" */
  shortTitle: string;
  version: string;
  subject: SubjectKind;
  /** where the scheme comes from (document title) */
  source: string;
  /** true when the points are this product's defaults (默认分值，可按本单位实际调整) */
  defaultAllocation: boolean;
  /** choices made where the source is silent */
  notes: string[];
  /** the values among those choices that users see (pass line, bands, points, quota base), marked 默认 where shown */
  defaults: SchemeDefault[];
  /** total points, 100 for every built-in */
  max: number;
  sections: Section[];
  vetoes: Veto[];
  bands: Band[];
  passLine: PassLine;
  /**
   * The raters the scheme's procedure uses (自评 / 党员群众测评 / 上级考评). Templates for any other rater are refused,
   * and the sheet's 评价方 list offers only these.
   */
  raters: RaterKind[];
  /** header inputs beyond the standard ones, in order (default none) */
  headerFields?: HeaderField[];
  weights?: RaterWeights;
  quota?: Quota;
  targets?: YearTarget[];
  ranking: RankStyle;
  /** 民主测评 counting rules (absent = all defaults) */
  ballot?: BallotSettings;
}
