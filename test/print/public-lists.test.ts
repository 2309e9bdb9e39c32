/** Which lists 公示名单 prints, as the scheme defines them: 推荐 (and 待定) with a quota, 达标 always, 复查保留 for named. */
import { publicLists } from "../../src/documents/public-list";
import type { Summary, SummaryRow } from "../../src/summary/types";

function row(subject: string, part: Partial<SummaryRow>): SummaryRow {
  return { subject, org: "机关党委", counted: true, pass: true, named: false, review: null, recommended: false, ...part } as SummaryRow;
}

const rows = [
  row("一支部", { recommended: true }),
  row("二支部", { recommended: "pending" }),
  row("三支部", { recommended: "pending" }),
  row("四支部", {}),
  row("五支部", { pass: false }),
  row("六支部", { named: true, review: "keep" }),
  row("七支部", { named: true, review: "revoke", pass: false }),
  row("八支部", { counted: false, pass: true }),
];

function names(summary: Pick<Summary, "rows" | "quota">): Record<string, string[]> {
  return Object.fromEntries(publicLists(summary as Summary).map((list) => [list.name, list.rows.map((r) => r.subject)]));
}

test("a scheme with a quota (四强): 推荐, 待定 at a tie on the line, 达标, 复查保留", () => {
  expect(names({ rows, quota: { share: 0.1 } as Summary["quota"] })).toEqual({
    推荐名单: ["一支部"],
    待定名单: ["二支部", "三支部"],
    达标名单: ["一支部", "二支部", "三支部", "四支部"],
    复查保留名单: ["六支部"],
  });
});

test("a scheme without a quota (两化一创): only 达标", () => {
  expect(names({ rows: rows.filter((r) => !r.named), quota: null })).toEqual({ 达标名单: ["一支部", "二支部", "三支部", "四支部"] });
});
