/**
 * Statistics of the final totals: count, exact mean, max, min, band distribution and pass rate — overall and per
 * 所属党组织. Every subject counts, vetoed and named ones included: their totals are real scores, and the band
 * distribution shows the vetoed ones under 不得参评.
 */
import { VETOED_BAND } from "../scoring/types";
import { extremes, mean2, rate4 } from "./exact";
import { nameKey } from "./subject-key";
import type { GroupStats, OrgStats, SummaryRow } from "./types";

/** `bandNames` from the highest band down; 不得参评 is added at the end. */
export function groupStats(rows: SummaryRow[], bandNames: string[]): GroupStats {
  const totals = rows.map((row) => row.total);
  const range = extremes(totals);
  const passed = rows.filter((row) => row.pass).length;
  return {
    count: rows.length,
    mean: mean2(totals),
    max: range?.max ?? null,
    min: range?.min ?? null,
    passed,
    passRate: rate4(passed, rows.length),
    bands: [...bandNames, VETOED_BAND].map((name) => ({ name, count: rows.filter((row) => row.band === name).length })),
  };
}

/** The same statistics per 所属党组织, orgs in Chinese collation order (a blank org shows as 未填写). */
export function statsByOrg(rows: SummaryRow[], bandNames: string[]): OrgStats[] {
  const byOrg = new Map<string, { org: string; rows: SummaryRow[] }>();
  for (const row of rows) {
    const key = nameKey(row.org);
    const entry = byOrg.get(key) ?? { org: row.org === "" ? "（未填写）" : row.org, rows: [] };
    entry.rows.push(row);
    byOrg.set(key, entry);
  }
  return [...byOrg.values()]
    .sort((a, b) => a.org.localeCompare(b.org, "zh-CN"))
    .map((entry) => ({ org: entry.org, ...groupStats(entry.rows, bandNames) }));
}
