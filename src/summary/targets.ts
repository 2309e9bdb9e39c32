/** 两化一创 yearly targets (达标率, 样板党支部 shares) set against the compiled subjects. */
import type { Scheme } from "../rubric/types";
import { floorShare, meetsShare, rate4 } from "./exact";
import type { GroupStats, ModelTarget, TargetReport } from "./types";

/** The year a period names: "2020年度", "２０２０", "2020-2021学年" → 2020; null when none. */
export function yearOf(period: string): number | null {
  const match = /(\d{4})/.exec(period.normalize("NFKC"));
  return match ? Number(match[1]) : null;
}

export function targetReport(scheme: Scheme, period: string, stats: GroupStats): TargetReport | null {
  const year = yearOf(period);
  const target = year === null ? undefined : scheme.targets?.find((t) => t.year === year);
  if (!target || year === null) return null;

  const subjects = stats.count;
  const shares: ModelTarget[] = Object.entries(target.modelShares ?? {}).map(([name, share]) => ({
    name,
    share,
    allowed: floorShare(share, subjects),
  }));
  const counts: ModelTarget[] = Object.entries(target.modelCounts ?? {})
    .filter(([name]) => !shares.some((s) => s.name === name))
    .map(([name, count]) => ({ name, share: null, allowed: count }));

  return {
    year,
    subjects,
    passRate:
      target.passRate === undefined
        ? null
        : {
            target: target.passRate,
            actual: rate4(stats.passed, subjects),
            passed: stats.passed,
            met: subjects > 0 && meetsShare(stats.passed, subjects, target.passRate),
          },
    models: [...shares, ...counts],
  };
}
