/**
 * The counting rules of a 民主测评 (democratic appraisal vote), as plain data. The sources say only that 五好 needs
 * "民主测评结果等次为“好”的达到95%以上"; the levels, what makes a ballot invalid, the quorum and the rater weights are this
 * product's defaults (marked as such), and a scheme may set its own (`Scheme.ballot`).
 */
import type { BallotSettings, Scheme } from "../rubric/types";

export interface BallotRules {
  /** the choices, best first (default 好、较好、一般、差) */
  levels: string[];
  /** levels counted in the 好 rate (default the first) */
  goodLevels: string[];
  /** levels counted in the 满意率 (default the first two) */
  satisfiedLevels: string[];
  /** 实到 ≥ numerator / denominator × 应到 (default 2/3) */
  quorum: { numerator: number; denominator: number };
  /** a ballot with every row blank is invalid as a whole (default true); its rows are not counted as blank rows */
  blankBallotInvalid: boolean;
  /** the score each level stands for in the 测评 column (default 好 100, 较好 80, 一般 60, 差 40) */
  weights: Record<string, number>;
  /** the count rule (unit %) scored from the 好 rate, e.g. 五好 "1.3-2"; absent = none */
  rateRule?: string;
}

export const DEFAULT_LEVELS: readonly string[] = ["好", "较好", "一般", "差"];
const DEFAULT_WEIGHTS: readonly number[] = [100, 80, 60, 40];

export interface ResolvedBallotRules {
  rules: BallotRules;
  /** which settings are this product's defaults rather than the scheme's (keys of BallotSettings) */
  defaulted: (keyof BallotSettings)[];
}

/** Default weight of level i of n: 100, 80, 60, 40 for four; spread evenly from 100 to 40 for other counts. */
function defaultWeights(levels: readonly string[]): Record<string, number> {
  const sameAsDefault = levels.length === DEFAULT_LEVELS.length && levels.every((level, index) => level === DEFAULT_LEVELS[index]);
  const weights: Record<string, number> = {};
  levels.forEach((level, index) => {
    weights[level] = sameAsDefault ? DEFAULT_WEIGHTS[index] : levels.length === 1 ? 100 : Math.round(100 - (60 * index) / (levels.length - 1));
  });
  return weights;
}

/** The scheme's ballot settings with the defaults filled in, and which were filled. */
export function ballotRulesOf(scheme: Pick<Scheme, "ballot">): ResolvedBallotRules {
  const settings: BallotSettings = scheme.ballot ?? {};
  const defaulted: (keyof BallotSettings)[] = [];
  const pick = <K extends keyof BallotSettings>(key: K, fallback: NonNullable<BallotSettings[K]>): NonNullable<BallotSettings[K]> => {
    const value = settings[key];
    if (value === undefined) {
      defaulted.push(key);
      return fallback;
    }
    return value as NonNullable<BallotSettings[K]>;
  };
  const levels = pick("levels", [...DEFAULT_LEVELS]);
  const rules: BallotRules = {
    levels,
    goodLevels: pick("goodLevels", levels.slice(0, 1)),
    satisfiedLevels: pick("satisfiedLevels", levels.slice(0, 2)),
    quorum: pick("quorum", { numerator: 2, denominator: 3 }),
    blankBallotInvalid: pick("blankBallotInvalid", true),
    weights: pick("weights", defaultWeights(levels)),
  };
  if (settings.rateRule !== undefined) rules.rateRule = settings.rateRule;
  return { rules, defaulted };
}

/** The levels as the `_meta` `choices` value and the instruction line show them: 好、较好、一般、差. */
export function choicesText(levels: readonly string[]): string {
  return levels.join("、");
}

/** Splits a `choices` value back into levels. */
export function parseChoices(text: string): string[] {
  return text
    .split("、")
    .map((level) => level.trim())
    .filter((level) => level !== "");
}
