/**
 * The 考核年度 is part of a branch's identity: a 2024 and a 2025 workbook of one branch are two years, not duplicates.
 * A compile covers one year; files of other years are listed as 其他年度（未汇总）. Pure.
 */
import { nameKey } from "./subject-key";
import type { SummaryInput } from "./types";

/** Comparison form of a period: "2025", "2025年", "2025年度", "２０２５年度" are one year; other texts compare tidied. */
export function periodKey(period: string): string {
  const tidy = nameKey(period);
  const year = /^(\d{4})\s*(?:年度?)?$/.exec(tidy);
  return year ? year[1] : tidy;
}

export interface PeriodCount {
  /** as first written in a workbook */
  period: string;
  files: number;
}

/** The 考核年度 of an input of the scheme: a scored template's or a ballot (民主测评表, 计票表) workbook's; null otherwise. */
function periodOf(input: SummaryInput, schemeId: string): string | null {
  if (input.scored?.result.scheme === schemeId) return input.scored.meta.period;
  if (input.ballot?.scheme === schemeId) return input.ballot.period;
  return null;
}

/** The distinct non-blank periods of the scheme's scored and ballot inputs, most files first (then first seen). */
export function periodsOf(inputs: readonly SummaryInput[], schemeId: string): PeriodCount[] {
  const counts = new Map<string, { period: string; files: Set<string> }>();
  for (const input of inputs) {
    const period = periodOf(input, schemeId);
    if (period === null) continue;
    const key = periodKey(period);
    if (key === "") continue;
    const entry = counts.get(key) ?? { period: period.trim(), files: new Set<string>() };
    entry.files.add(input.file);
    counts.set(key, entry);
  }
  return [...counts.values()].map(({ period, files }) => ({ period, files: files.size })).sort((a, b) => b.files - a.files);
}

export const OTHER_PERIOD_LABEL = "其他年度（未汇总）";

/**
 * Inputs of another year (templates and ballots alike) become unscored inputs carrying one warning (listed in 问题清单,
 * never compiled or tallied); a blank period is compiled with the year asked for, with a warning.
 */
export function keepPeriod(inputs: readonly SummaryInput[], period: string, schemeId: string): { inputs: SummaryInput[]; others: { period: string; file: string }[] } {
  const wanted = periodKey(period);
  const others: { period: string; file: string }[] = [];
  const kept = inputs.map((input): SummaryInput => {
    const own = periodOf(input, schemeId);
    if (own === null) return input;
    const key = periodKey(own);
    if (key === "") {
      const warning = { cell: null, severity: "warning" as const, message: `未填写考核年度，按 ${period} 汇总。` };
      return { ...input, problems: [...input.problems, warning] };
    }
    if (key === wanted) return input;
    others.push({ period: own.trim(), file: input.file });
    return { file: input.file, problems: [...input.problems, { cell: null, severity: "warning", message: `${OTHER_PERIOD_LABEL}：考核年度为 ${own.trim()}，本次汇总 ${period}。` }] };
  });
  return { inputs: kept, others };
}
