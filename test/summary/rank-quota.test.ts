/** Ranking (中国式 dense and competition) and the recommendation quota with ties at the line. */
import { compileSummary } from "../../src/summary/summarize";
import { rankTotals } from "../../src/summary/rank";
import type { SummaryRow } from "../../src/summary/types";
import { SCHEME, branches, scored, withQuota } from "./fixtures";

const bySubject = (rows: SummaryRow[]) => Object.fromEntries(rows.map((row) => [row.subject, row]));

describe("ranking", () => {
  const totals = [88, 95, 90.5, 95, 70, 90.5, 60];

  it("ranks dense by default: ties share a rank and do not consume the next", () => {
    expect(rankTotals(totals, "dense")).toEqual([3, 1, 2, 1, 4, 2, 5]);
  });

  it("ranks competition style on request: ties consume the places they take", () => {
    expect(rankTotals(totals, "competition")).toEqual([5, 1, 3, 1, 6, 3, 7]);
  });

  it("compares exact totals: 0.1 + 0.2 style noise does not split a tie", () => {
    expect(rankTotals([0.1 + 0.2, 0.3, 0.2], "dense")).toEqual([1, 1, 2]);
  });

  it("lists vetoed and named subjects without a rank, after the ranked ones", () => {
    const summary = compileSummary(
      [
        scored("a.xlsx", { subject: "甲", total: 97, vetoReasons: ["发生严重违纪问题"] }),
        scored("b.xlsx", { subject: "乙", total: 96 }),
        scored("c.xlsx", { subject: "丙", total: 91 }),
        scored("d.xlsx", { subject: "丁", total: 91 }),
        scored("e.xlsx", { subject: "戊", total: 85 }),
      ],
      SCHEME,
      { named: ["乙 "], rank: "competition" },
    );
    const rows = bySubject(summary.rows);
    expect([rows["丙"].rank, rows["丁"].rank, rows["戊"].rank]).toEqual([1, 1, 3]);
    expect(rows["甲"].rank).toBeNull();
    expect(rows["乙"].rank).toBeNull();
    expect(rows["乙"].named).toBe(true);
    expect(rows["乙"].notes).toContain("已命名，不参加排名和推荐");
    expect(summary.rows.map((row) => row.subject)).toEqual(["丙", "丁", "戊", "乙", "甲"]);
    expect(summary.rankStyle).toBe("competition");
  });
});

describe("recommendation quota (四强 ≤10%, floor)", () => {
  const scheme = withQuota(0.1);
  /** n distinct passing totals: 99, 98.5, 98, … */
  const descending = (n: number) => Array.from({ length: n }, (_, i) => 99 - i * 0.5);
  const recommended = (rows: SummaryRow[]) => rows.filter((row) => row.recommended === true).map((row) => row.subject);

  it("gives 2 places for 20 eligible subjects", () => {
    const summary = compileSummary(branches(descending(20), scheme.id), scheme);
    expect(summary.quota?.places).toBe(2);
    expect(recommended(summary.rows)).toEqual(["支部1", "支部2"]);
    expect(summary.rows.filter((row) => row.recommended === false)).toHaveLength(18);
  });

  it("rounds down: 25 eligible give 2 places, 9 give none", () => {
    expect(compileSummary(branches(descending(25), scheme.id), scheme).quota?.places).toBe(2);
    const nine = compileSummary(branches(descending(9), scheme.id), scheme);
    expect(nine.quota?.places).toBe(0);
    expect(recommended(nine.rows)).toEqual([]);
  });

  it("counts places exactly: 29% of 100 is 29 places, not 28", () => {
    const summary = compileSummary(branches(Array.from({ length: 100 }, (_, i) => 99.9 - i * 0.1), "test-quota"), withQuota(0.29));
    expect(summary.quota?.places).toBe(29);
  });

  it("makes every subject tied exactly across the line 待定, never deciding silently", () => {
    const totals = descending(20);
    totals[1] = 98.5; // 2nd place …
    totals[2] = 98.5; // … and 3rd and 4th tie across the line of 2 places
    totals[3] = 98.5;
    const summary = compileSummary(branches(totals, scheme.id), scheme);
    const rows = bySubject(summary.rows);
    expect(rows["支部1"].recommended).toBe(true);
    expect([rows["支部2"].recommended, rows["支部3"].recommended, rows["支部4"].recommended]).toEqual([
      "pending",
      "pending",
      "pending",
    ]);
    expect(rows["支部5"].recommended).toBe(false);
    expect(rows["支部2"].notes.some((note) => note.includes("待党委确定"))).toBe(true);
    expect(summary.quota).toMatchObject({ places: 2, recommended: 1, pending: 3, tieTotal: 98.5 });
  });

  it("recommends both of a tie above the line", () => {
    const totals = descending(20);
    totals[0] = 99;
    totals[1] = 99;
    const summary = compileSummary(branches(totals, scheme.id), scheme);
    expect(recommended(summary.rows)).toEqual(["支部1", "支部2"]);
    expect(summary.rows.some((row) => row.recommended === "pending")).toBe(false);
  });

  it("leaves vetoed, named and failing subjects out of the eligible count", () => {
    const inputs = branches(descending(20), scheme.id);
    inputs.push(scored("v.xlsx", { subject: "否决支部", total: 100, scheme: scheme.id, vetoReasons: ["发生严重违纪问题"] }));
    inputs.push(scored("n.xlsx", { subject: "已命名支部", total: 100, scheme: scheme.id }));
    inputs.push(scored("f.xlsx", { subject: "未达标支部", total: 75, scheme: scheme.id }));
    const summary = compileSummary(inputs, scheme, { named: ["已命名支部"] });
    expect(summary.quota).toMatchObject({ eligible: 20, places: 2, named: 1 });
    expect(recommended(summary.rows)).toEqual(["支部1", "支部2"]);
    const rows = bySubject(summary.rows);
    expect([rows["否决支部"].recommended, rows["已命名支部"].recommended, rows["未达标支部"].recommended]).toEqual([
      false,
      false,
      false,
    ]);
    // a failing subject is still ranked (it is in the contest), just not eligible for recommendation
    expect(rows["未达标支部"].rank).toBe(21);
  });

  it("proposes no 复查 outcome for a named subject whose sheet is blank or has errors: it is 待核", () => {
    const inputs = [
      scored("blank.xlsx", { subject: "未填写支部", total: 80, status: "blank" }),
      scored("wrong.xlsx", { subject: "有错支部", total: 60, errors: 2 }),
      scored("kept.xlsx", { subject: "保留支部", total: 90 }),
    ];
    const summary = compileSummary(inputs, SCHEME, { named: ["未填写支部", "有错支部", "保留支部"] });
    const rows = bySubject(summary.rows);
    expect([rows["未填写支部"].review, rows["有错支部"].review, rows["保留支部"].review]).toEqual([null, null, "keep"]);
    expect(rows["未填写支部"].notes).toContain("复查建议：待核（未填写）");
    expect(rows["有错支部"].notes.some((note) => note.startsWith("复查建议：待核"))).toBe(true);
    expect(summary.rows.flatMap((row) => row.notes).some((note) => note.includes("撤销"))).toBe(false);
  });

  it("recommends nobody on a scheme without a quota", () => {
    const summary = compileSummary(branches(descending(20)), SCHEME);
    expect(summary.quota).toBeNull();
    expect(summary.rows.every((row) => row.recommended === false)).toBe(true);
  });
});
