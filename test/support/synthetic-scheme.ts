/**
 * Rubrics of any size for the Office host's scaling tests and benches: `indicatorCount` indicators of 2 points, ten to
 * a section, each with a fixed rule and a range-each rule (the two shapes the official 两化一创 table uses most).
 */
import type { Indicator, Scheme, Section } from "../../src/rubric/types";

const PER_SECTION = 10;

function indicator(code: string, ordinal: number): Indicator {
  return {
    code,
    title: `合成指标${ordinal}`,
    points: 2,
    content: [`${code}.1 按规定开展第${ordinal}项工作`],
    evidence: "相关会议记录、工作台账等佐证材料",
    rules: [
      { code: `${code}-1`, kind: "fixed", text: "未开展扣1分", amount: 1 },
      { code: `${code}-2`, kind: "range-each", text: "工作有疏漏，每项扣0.5-1分", min: 0.5, max: 1, unit: "项" },
    ],
  };
}

export function syntheticScheme(indicatorCount: number): Scheme {
  const sections: Section[] = [];
  for (let made = 0; made < indicatorCount; made += PER_SECTION) {
    const sectionCode = String(sections.length + 1);
    const count = Math.min(PER_SECTION, indicatorCount - made);
    const indicators = Array.from({ length: count }, (_, i) => indicator(`${sectionCode}.${i + 1}`, made + i + 1));
    sections.push({ code: sectionCode, title: `合成一级指标${sectionCode}`, points: count * 2, indicators });
  }
  const max = indicatorCount * 2;
  return {
    id: `synthetic-${indicatorCount}`,
    title: `合成考评方案（${indicatorCount}项指标）`,
    shortTitle: `合成${indicatorCount}`,
    version: "1",
    subject: "branch",
    source: "测试用合成方案",
    defaultAllocation: true,
    notes: ["仅用于测试"],
    defaults: [],
    max,
    sections,
    vetoes: [
      { code: "V1", text: "发生严重违纪违法问题" },
      { code: "V2", text: "发生重大安全责任事故" },
    ],
    bands: [
      { name: "好", min: max * 0.9 },
      { name: "较好", min: max * 0.8 },
      { name: "一般", min: max * 0.7 },
      { name: "较差", min: 0 },
    ],
    passLine: { minTotal: max * 0.8, noVeto: true },
    raters: ["self", "org"],
    ranking: "dense",
  };
}
