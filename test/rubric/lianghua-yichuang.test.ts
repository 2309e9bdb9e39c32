/**
 * 两化一创 is the one official point table: its data is cross-checked against the seed text itself, not against a
 * second hand-typed copy. The seed is a PDF extraction; the two places where the PDF broke a header are repaired
 * here, each only after asserting that the broken form really is in the seed.
 */
import { getScheme } from "../../src/rubric/catalogue";
import type { Indicator } from "../../src/rubric/types";
import { seedText } from "./seed-text";

const scheme = getScheme("lianghua-yichuang")!;
const indicators: Indicator[] = scheme.sections.flatMap((section) => section.indicators);

/** The standard table (附件) only, not the action plan before it, with the PDF header breaks repaired. */
function standardTable(): string {
  const seed = seedText("lianghua-yichuang");
  const table = seed.slice(seed.indexOf("一级指标及分值"));
  // “4.1“三会一课”” and its points landed on two lines
  expect(table).toContain("4.1“三会一课”\n(3分)");
  // the 2.4 header was split: “党建带” stayed in the header cell, “群建(2分)” landed in the rule cell
  expect(table).toContain("2.4党建带\n");
  expect(table).toContain("工作有疏漏的群建(2分)");
  return table
    .replace("4.1“三会一课”\n(3分)", "4.1“三会一课”(3分)")
    .replace("2.4党建带\n", "2.4党建带群建(2分)\n")
    .replace("工作有疏漏的群建(2分)\n点任务。\n", "工作有疏漏的\n");
}

const table = standardTable();
const lines = table.split("\n").map((line) => line.trim());

test("一级指标: codes, titles and points as in the seed", () => {
  const sections = lines.flatMap((line) => {
    const match = /^(\d)\.(\D+?)\((\d+)分\)$/.exec(line);
    return match ? [{ code: match[1], title: match[2], points: Number(match[3]) }] : [];
  });
  expect(sections).toHaveLength(6);
  expect(scheme.sections.map(({ code, title, points }) => ({ code, title, points }))).toEqual(sections);
});

test("二级指标: codes (with the gap 5.1, 5.4, 5.5), titles and points as in the seed", () => {
  const headers = lines.flatMap((line) => {
    const match = /^(\d\.\d)(?![.\d-])(.+?)(?:\((\d+)分\))?$/.exec(line);
    return match ? [{ code: match[1]!, title: match[2]!, points: match[3] === undefined ? undefined : Number(match[3]) }] : [];
  });
  expect(indicators.map((indicator) => indicator.code)).toEqual(headers.map((header) => header.code));
  expect(indicators.map((indicator) => indicator.title)).toEqual(headers.map((header) => header.title));
  for (const header of headers) {
    const indicator = indicators.find((candidate) => candidate.code === header.code)!;
    if (header.points !== undefined) expect({ code: header.code, points: indicator.points }).toEqual({ code: header.code, points: header.points });
  }
  // 6.1 has no points in its header: it is the only indicator of 特色亮点 and takes the section's points
  expect(headers.filter((header) => header.points === undefined).map((header) => header.code)).toEqual(["6.1"]);
  const special = scheme.sections.find((section) => section.code === "6")!;
  expect(special.indicators).toHaveLength(1);
  expect(special.indicators[0]!.points).toBe(special.points);
});

test("三级指标: every line of the seed is a content line, verbatim once the line breaks are repaired", () => {
  const flat = table.replace(/\n/g, "");
  const seedCodes = [...table.matchAll(/(\d\.\d\.\d)/g)].map((match) => match[1]);
  const contentCodes = indicators.flatMap((indicator) => indicator.content.map((line) => /^\d\.\d\.\d/.exec(line)![0]));
  expect(contentCodes).toEqual(seedCodes);
  for (const indicator of indicators) {
    for (const line of indicator.content) {
      // 2.4.1 is the one line whose tail (“点任务。”) the PDF moved two cells down
      const expected = line.startsWith("2.4.1") ? line.replace("重点任务。", "重") : line;
      expect({ line: line.slice(0, 5), found: flat.includes(expected) }).toEqual({ line: line.slice(0, 5), found: true });
    }
  }
  expect(table).toContain("积极推进中心工作和重\n");
});

test("evidence hints are the seed's own hint lines, in order", () => {
  for (const indicator of indicators) {
    const hints = indicator.evidence.split("；");
    let previous = -1;
    const start = table.indexOf(`\n${indicator.code}`);
    for (const hint of hints) {
      const at = table.indexOf(`\n${hint}\n`, start);
      expect({ code: indicator.code, hint, found: at > previous }).toEqual({ code: indicator.code, hint, found: true });
      previous = at;
    }
  }
});

test("every rule text is in the seed, in source order within its indicator; amounts match the text", () => {
  const flat = table.replace(/\n/g, "");
  const ours = new Set(["5.5-1", "6.1-1"]); // the source has no rule for 5.5 and 6.1
  for (const indicator of indicators) {
    let previous = flat.indexOf(`${indicator.code}${indicator.title}`);
    expect(previous).toBeGreaterThanOrEqual(0);
    for (const rule of indicator.rules) {
      if (ours.has(rule.code)) continue;
      const at = flat.indexOf(rule.text, previous);
      expect({ rule: rule.code, inSourceOrder: at > previous }).toEqual({ rule: rule.code, inSourceOrder: true });
      previous = at;
      const amounts = /扣([\d.]+)(?:-([\d.]+))?分$/.exec(rule.text)!;
      const low = Number(amounts[1]);
      const high = amounts[2] === undefined ? undefined : Number(amounts[2]);
      if (rule.kind === "fixed" || rule.kind === "fixed-each") expect([rule.amount, high]).toEqual([low, undefined]);
      else if (rule.kind === "range" || rule.kind === "range-each") expect([rule.min, rule.max]).toEqual([low, high]);
      else throw new Error(`unexpected kind ${rule.kind} for ${rule.code}`);
      expect(rule.kind.endsWith("-each")).toBe(/每(项|人次)/.test(rule.text));
    }
  }
  // and no rule of the seed is left out: one rule per “扣…分” in the table
  const seedRuleCount = [...flat.matchAll(/扣[\d.]+(?:-[\d.]+)?分/g)].length;
  expect(indicators.flatMap((indicator) => indicator.rules).filter((rule) => !ours.has(rule.code))).toHaveLength(seedRuleCount);
});

test("the rules the source does not give: 5.5 discretionary, 6.1 award capped at 20", () => {
  const byCode = (code: string) => indicators.find((indicator) => indicator.code === code)!.rules;
  expect(byCode("5.5")).toEqual([{ code: "5.5-1", kind: "discretionary", text: "酌情扣分（原文未列扣分细则）" }]);
  expect(byCode("6.1")).toEqual([expect.objectContaining({ code: "6.1-1", kind: "award", cap: 20 })]);
  expect(byCode("3.3")).toEqual([expect.objectContaining({ kind: "fixed-each", amount: 1, unit: "人次" })]);
  expect(indicators.flatMap((indicator) => indicator.rules).filter((rule) => rule.kind === "range-each").every((rule) => rule.unit === "项")).toBe(true);
});

test("yearly targets as in the three stages of the action plan", () => {
  const seed = seedText("lianghua-yichuang");
  expect(seed).toContain("实现全校党支部达标率80%;创建校级样板党支部2个");
  expect(seed).toContain("全校党支部达标为100%;创建校级样板党支部4个,占总数的10%;省级样板党支部2个,占总数的5%");
  expect(seed).toContain("校级样板党支部12个,占总数的20%;省级样板党支部6个,占总数的10%");
  expect(scheme.targets).toEqual([
    { year: 2019, passRate: 0.8, modelCounts: { 校级样板党支部: 2 } },
    { year: 2020, passRate: 1, modelShares: { 校级样板党支部: 0.1, 省级样板党支部: 0.05 } },
    { year: 2021, modelShares: { 校级样板党支部: 0.2, 省级样板党支部: 0.1 } },
  ]);
  expect(scheme.defaultAllocation).toBe(false);
});
