/** planSummary: the 汇总, 统计 and 问题清单 sheets as plain cells, print setup and the band chart. */
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../src/sheet/types";
import { compileSummary } from "../../src/summary/summarize";
import { planSummary } from "../../src/summary/plan/plan-summary";
import { SCHEME, issue, scored, withQuota } from "./fixtures";

function sheet(plan: WorkbookPlan, name: string): SheetPlan {
  const found = plan.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function at(plan: SheetPlan, a1: string): PlanCell | null {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) throw new Error(`bad address ${a1}`);
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return plan.cells[Number(match[2]) - 1]?.[column] ?? null;
}

const values = (row: (PlanCell | null)[] | undefined) => (row ?? []).map((cell) => cell?.value ?? null);

const FORMULA_LIKE = ['=HYPERLINK("http://example.com","点我")', "+1党支部", "-第二党支部", "@第三党支部"];

describe("planSummary", () => {
  const summary = compileSummary(
    [
      scored("a.xlsx", { subject: FORMULA_LIKE[0], org: "=1+1", total: 92 }),
      scored("b-self.xlsx", { subject: FORMULA_LIKE[1], rater: "self", total: 90 }),
      scored("收到的评分表/机关党委/b-org.xlsx", { subject: FORMULA_LIKE[1], rater: "org", total: 86.5, issues: [issue("F12", "扣分超出范围")] }),
      scored("c.xlsx", { subject: FORMULA_LIKE[2], total: 75 }),
      scored("d.xlsx", { subject: FORMULA_LIKE[3], total: 95, vetoReasons: ["发生严重违纪问题"] }),
      { file: "broken.xlsx", problems: [{ cell: null, severity: "error", message: "不是有效的 .xlsx 文件" }] },
    ],
    SCHEME,
  );
  const plan = planSummary(summary);
  const main = sheet(plan, "汇总");

  it("plans the visible sheets (差异明细: b has 自评 and 考评), then the hidden data sheet for a roll-up, and opens on 汇总", () => {
    expect(plan.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["汇总", "visible"],
      ["统计", "visible"],
      ["差异明细", "visible"],
      ["问题清单", "visible"],
      ["来源与备注", "visible"],
      ["_rows", "hidden"],
    ]);
    expect(plan.activate).toBe("汇总");
  });

  it("titles 汇总 with the scheme title and the year", () => {
    expect(at(main, "A1")?.value).toBe("测试党支部考评标准 考评汇总（2020年度）");
  });

  it("has one header row with every section and one row per subject below it", () => {
    expect(values(main.cells[3])).toEqual([
      "排名",
      "支部名称",
      "所属党组织",
      "1 组织建设（60分）",
      "2 作用发挥（40分）",
      "总分",
      "等次",
      "达标",
      // the scheme has vetoes and 测评 among its raters, and no quota: no 推荐
      "否决原因",
      "自评",
      "测评",
      "考评",
      "差值（考评−自评）",
      "问题数",
      "备注",
    ]);
    // the table, then a blank row and the 制表单位 and 制表人/审核人/日期 lines
    const body = main.cells.slice(4, -3);
    expect(body).toHaveLength(4);
    expect(main.cells.slice(-3).map(values)).toEqual([
      [],
      ["制表单位（盖章）：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿"],
      ["制表人：＿＿＿＿＿＿　　　　审核人：＿＿＿＿＿＿　　　　日期：　　　　年　　月　　日"],
    ]);
    expect(body.map((row) => row[1]?.value).sort()).toEqual([...FORMULA_LIKE].sort());
    // the merged 自评 + 考评 subject: ranked 2nd after 92, its own numbers side by side
    const merged = body.find((row) => row[1]?.value === FORMULA_LIKE[1]);
    expect(values(merged)).toEqual([
      2,
      FORMULA_LIKE[1],
      "机关党委",
      summary.rows.find((r) => r.subject === FORMULA_LIKE[1])?.sections[0].score,
      summary.rows.find((r) => r.subject === FORMULA_LIKE[1])?.sections[1].score,
      86.5,
      "较好",
      "是",
      "",
      90,
      null,
      86.5,
      -3.5,
      1,
      "",
    ]);
    // the files, with their folders, are on 来源与备注
    const sources = sheet(plan, "来源与备注");
    const sourceRow = sources.cells.find((row) => row[0]?.value === FORMULA_LIKE[1]);
    expect(String(sourceRow?.[2]?.value)).toContain("收到的评分表/机关党委/b-org.xlsx");
    expect(String(sourceRow?.[2]?.value)).toContain("b-self.xlsx");
    const vetoed = body.find((row) => row[1]?.value === FORMULA_LIKE[3]);
    expect([vetoed?.[0]?.value, vetoed?.[6]?.value, vetoed?.[8]?.value]).toEqual(["—", "不得参评", "发生严重违纪问题"]);
  });

  it("writes formula-looking text as plain text values, never as formulas", () => {
    for (const name of FORMULA_LIKE) {
      const cell = main.cells.flat().find((c) => c?.value === name);
      expect(cell).toBeDefined();
      expect(cell?.formula).toBeUndefined();
      expect(main.styles[cell?.style ?? ""]?.numberFormat).toBe("@");
    }
    expect(main.cells.flat().find((c) => c?.value === "=1+1")?.formula).toBeUndefined();
    for (const s of plan.sheets) expect(s.cells.flat().filter((c) => c?.formula !== undefined)).toEqual([]);
  });

  it("is print-ready with a frozen, repeated header", () => {
    expect(main.print).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      titleRows: "$4:$4",
      header: "&L测试党支部考评标准&C汇总&R2020年度",
      footer: "&C第&P页 共&N页",
    });
    expect(main.freeze).toEqual({ rows: 4, columns: 2 });
    expect(main.columnWidths).toHaveLength(15);
    // every visible sheet, whoever adds it: header with its own name, the same footer; the hidden data sheet prints not
    for (const s of plan.sheets.filter((s) => s.visibility === "visible")) {
      expect(s.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: 1, footer: "&C第&P页 共&N页" });
      expect(s.print?.header).toBe(`&L测试党支部考评标准&C${s.name}&R2020年度`);
    }
    for (const s of plan.sheets.filter((s) => s.visibility === "hidden")) expect(s.print?.header).toBeUndefined();
  });

  it("lists every problem on 问题清单", () => {
    const problems = sheet(plan, "问题清单");
    expect(values(problems.cells[2])).toEqual(["文件", "单元格", "严重程度", "说明"]);
    expect(problems.cells.slice(3).map(values)).toEqual([
      ["收到的评分表/机关党委/b-org.xlsx", "F12", "错误", "扣分超出范围"],
      ["broken.xlsx", "", "错误", "不是有效的 .xlsx 文件"],
    ]);
    expect(problems.freeze).toEqual({ rows: 3, columns: 0 });
  });

  it("puts the band distribution on 统计 with a column chart over it", () => {
    const stats = sheet(plan, "统计");
    const [chart] = stats.charts ?? [];
    expect(chart.type).toBe("column");
    const [from, to] = chart.source.split(":");
    const fromRow = Number(from.slice(1));
    const toRow = Number(to.slice(1));
    const categories = [];
    const counts = [];
    for (let row = fromRow; row <= toRow; row++) {
      categories.push(at(stats, `A${row}`)?.value);
      counts.push(at(stats, `B${row}`)?.value);
    }
    // 92 好, 86.5 较好, 75 一般, vetoed 95 不得参评
    expect(categories).toEqual(["好", "较好", "一般", "较差", "不得参评"]);
    expect(counts).toEqual([1, 1, 1, 0, 1]);
    // the chart sits to the right of every table
    const widest = Math.max(...stats.cells.map((row) => row.length));
    expect(chart.anchor.charCodeAt(0) - 65).toBeGreaterThan(widest - 1);
    const texts = stats.cells.flat().map((c) => c?.value);
    expect(texts).toEqual(expect.arrayContaining(["总体情况", "等次分布", "按所属党组织", "平均分", "达标率"]));
  });
});

describe("planSummary with a quota and 测评", () => {
  it("shows 推荐 as 是/否/待定 and a 测评 column", () => {
    const scheme = withQuota(0.1);
    const totals = [99, 98.5, 98.5, ...Array.from({ length: 17 }, (_, i) => 90 - i * 0.5)];
    const inputs = totals.map((total, i) => scored(`b${i + 1}.xlsx`, { subject: `支部${i + 1}`, total, scheme: scheme.id }));
    inputs.push(scored("m.xlsx", { subject: "支部1", rater: "mass", total: 97, scheme: scheme.id }));
    inputs.push(scored("n.xlsx", { subject: "已命名支部", total: 100, scheme: scheme.id }));
    const plan = planSummary(compileSummary(inputs, scheme, { named: ["已命名支部"] }));
    const main = sheet(plan, "汇总");
    const header = values(main.cells[3]);
    // a named subject is among them, so 复查建议 follows 推荐
    expect(header.slice(9, 14)).toEqual(["推荐", "复查建议", "自评", "测评", "考评"]);
    const recommend = header.indexOf("推荐");
    const bySubject = Object.fromEntries(main.cells.slice(4).map((row) => [row[1]?.value, row[recommend]?.value]));
    expect([bySubject["支部1"], bySubject["支部2"], bySubject["支部3"], bySubject["支部4"]]).toEqual(["是", "待定", "待定", "否"]);
    expect(bySubject["已命名支部"]).toBe("—");
    const stats = sheet(plan, "统计");
    expect(stats.cells.flat().map((c) => c?.value)).toEqual(expect.arrayContaining(["推荐名额", "推荐名额（向下取整）"]));
  });
});

describe("planSummary columns and foot, by the scheme's definition", () => {
  const inputs = (schemeId: string) => [
    scored("a.xlsx", { subject: "第一党支部", total: 92, scheme: schemeId }),
    scored("b.xlsx", { subject: "第二党支部", total: 81, scheme: schemeId }),
  ];

  it("leaves out 否决原因, 推荐 and 测评 for a scheme without vetoes, quota or 测评", () => {
    const plain = { ...SCHEME, id: "plain", vetoes: [], raters: ["self" as const, "org" as const] };
    const header = values(sheet(planSummary(compileSummary(inputs(plain.id), plain)), "汇总").cells[3]);
    expect(header).not.toEqual(expect.arrayContaining(["否决原因"]));
    expect(header).not.toContain("推荐");
    expect(header).not.toContain("测评");
    expect(header).toEqual(expect.arrayContaining(["自评", "考评", "差值（考评−自评）", "备注"]));
  });

  it("prints the issuing unit given, at the foot of 汇总", () => {
    const main = sheet(planSummary(compileSummary(inputs(SCHEME.id), SCHEME), { issuer: " 中共某某委员会组织部 " }), "汇总");
    expect(main.cells.slice(-2)[0][0]?.value).toBe("制表单位（盖章）：中共某某委员会组织部");
    // merged across the table, so the line never spills or is cut by a neighbour
    const last = main.columnWidths.length;
    expect(main.merges).toContain(`A${main.cells.length - 1}:${String.fromCharCode(64 + last)}${main.cells.length - 1}`);
  });

  it("cuts a long 备注 to two lines on 汇总, ending in …, and keeps it whole on 来源与备注", () => {
    const summary = compileSummary(inputs(SCHEME.id), SCHEME);
    const long = "与他人同分，名额线上并列待定，由党委研究确定；".repeat(4);
    summary.rows[0].notes = [long];
    const plan = planSummary(summary);
    const main = sheet(plan, "汇总");
    const noteColumn = values(main.cells[3]).indexOf("备注");
    const shown = String(main.cells.find((row) => row[1]?.value === summary.rows[0].subject)?.[noteColumn]?.value);
    expect(shown.endsWith("…")).toBe(true);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
    expect(sheet(plan, "来源与备注").cells.flat().map((cell) => cell?.value)).toContain(long);
  });
});
