// decimal.js: an arithmetic independent of the engine's, so this check does not grade itself
import Decimal from "decimal.js";
import { builtInSchemeIds, builtInSchemes, getScheme } from "../../src/rubric/catalogue";
import { checkScheme } from "../../src/rubric/check";
import type { Scheme } from "../../src/rubric/types";
import { seedText, seedWithoutLineBreaks } from "./seed-text";

const total = (values: number[]) => values.reduce((sum, value) => sum.plus(value), new Decimal(0));
const indicatorsOf = (scheme: Scheme) => scheme.sections.flatMap((section) => section.indicators);

describe("built-in schemes", () => {
  const schemes = builtInSchemes();

  test("are the five agreed ids, in source order", () => {
    expect(schemes.map((scheme) => scheme.id)).toEqual(["sibi-sikan", "tisheng-nian", "lianghua-yichuang", "wuhao", "siqiang"]);
    expect(builtInSchemeIds()).toEqual(schemes.map((scheme) => scheme.id));
  });

  test.each(schemes.map((scheme) => [scheme.id, scheme] as const))("%s passes every self-check", (_id, scheme) => {
    expect(checkScheme(scheme)).toEqual([]);
  });

  test.each(schemes.map((scheme) => [scheme.id, scheme] as const))("%s totals 100 at every level", (_id, scheme) => {
    expect(scheme.max).toBe(100);
    expect(total(scheme.sections.map((section) => section.points)).toNumber()).toBe(100);
    for (const section of scheme.sections) {
      expect(total(section.indicators.map((indicator) => indicator.points)).toNumber()).toBe(section.points);
    }
  });

  test.each(schemes.map((scheme) => [scheme.id, scheme] as const))("%s numbers its rules <indicator>-<ordinal>", (_id, scheme) => {
    for (const indicator of indicatorsOf(scheme)) {
      expect(indicator.rules.map((rule) => rule.code)).toEqual(indicator.rules.map((_rule, index) => `${indicator.code}-${index + 1}`));
    }
  });

  test.each(["sibi-sikan", "tisheng-nian", "wuhao", "siqiang"])("%s quotes its content lines verbatim from the seed", (id) => {
    const seed = seedWithoutLineBreaks(id);
    const scheme = getScheme(id)!;
    for (const indicator of indicatorsOf(scheme)) {
      expect(indicator.content.length).toBeGreaterThan(0);
      for (const line of indicator.content) expect({ code: indicator.code, found: seed.includes(line) }).toEqual({ code: indicator.code, found: true });
    }
  });

  test("only 两化一创 has official points; the default allocations say so and explain their choices", () => {
    for (const scheme of schemes) {
      expect(scheme.defaultAllocation).toBe(scheme.id !== "lianghua-yichuang");
      if (scheme.defaultAllocation) expect(scheme.notes.some((note) => note.includes("默认分值"))).toBe(true);
      expect(scheme.version).toMatch(/^2026\./);
    }
  });

  test("四比四看 scores secretaries and converts the closed-book exam to 4 points", () => {
    const scheme = getScheme("sibi-sikan")!;
    expect(scheme.subject).toBe("secretary");
    expect(schemes.filter((other) => other.subject === "secretary").map((other) => other.id)).toEqual(["sibi-sikan"]);
    const convert = indicatorsOf(scheme).flatMap((indicator) => indicator.rules).find((rule) => rule.kind === "convert");
    expect(convert).toMatchObject({ rawMax: 100, points: 4 });
    const lecture = indicatorsOf(scheme).flatMap((indicator) => indicator.rules).find((rule) => rule.text.includes("永州大讲堂"));
    expect(lecture).toMatchObject({ kind: "fixed-each", amount: 0.5, cap: 2 });
  });

  test("quantity duties of the seeds are count rules", () => {
    const countRules = (id: string) =>
      indicatorsOf(getScheme(id)!).flatMap((indicator) => indicator.rules).filter((rule) => rule.kind === "count");
    const required = (id: string, unit: string) => countRules(id).filter((rule) => rule.unit === unit).map((rule) => rule.required);
    expect(required("sibi-sikan", "学时")).toEqual([32]);
    expect(required("sibi-sikan", "%")).toEqual([2]);
    expect(required("tisheng-nian", "学时")).toEqual([32]);
    expect(required("tisheng-nian", "次")).toEqual(expect.arrayContaining([8, 12]));
    expect(required("wuhao", "%")).toEqual([95]);
    expect(required("wuhao", "次")).toEqual([1, 4, 12, 12, 1, 2]);
  });

  test("提升年 names its lowest band 差; 五好 takes its bands from the source", () => {
    expect(getScheme("tisheng-nian")!.bands.map((band) => band.name)).toEqual(["好", "较好", "一般", "差"]);
    expect(getScheme("wuhao")!.bands).toEqual([
      { name: "好", min: 90 },
      { name: "较好", min: 80 },
      { name: "一般", min: 70 },
      { name: "较差", min: 0 },
    ]);
    expect(seedText("wuhao")).toContain("90分以上为“好”，80—89分为“较好”，70—79分为“一般”，70分以下为“较差”");
  });

  test("四强 has the six 不得参评 conditions verbatim, in source order, and the 10% quota", () => {
    const scheme = getScheme("siqiang")!;
    const seed = seedText("siqiang");
    expect(scheme.vetoes.map((veto) => veto.code)).toEqual(["V1", "V2", "V3", "V4", "V5", "V6"]);
    const markers = ["一", "二", "三", "四", "五", "六"];
    let previous = -1;
    scheme.vetoes.forEach((veto, index) => {
      const at = seed.indexOf(veto.text);
      expect(at).toBeGreaterThan(previous);
      // the text follows its own （一）…（六） marker, and ends where the source's item ends
      expect(seed.slice(Math.max(0, at - 5), at)).toMatch(new RegExp(`[（(]${markers[index]}[）)]\\s*$`));
      expect(seed.slice(at + veto.text.length, at + veto.text.length + 1)).toMatch(/^[；;。]$/);
      previous = at;
    });
    expect(seed.slice(seed.indexOf("不得参评"))).toContain("不超过 10% 比例");
    expect(scheme.quota).toEqual({ recommendShare: 0.1, rounding: "floor", excludeNamed: true, base: "participants" });
    expect(indicatorsOf(scheme)).toHaveLength(20);
  });

  test("getScheme returns an independent copy and undefined for an unknown id", () => {
    const first = getScheme("wuhao")!;
    first.sections[0]!.points = 0;
    expect(getScheme("wuhao")!.sections[0]!.points).toBe(20);
    expect(getScheme("no-such-scheme")).toBeUndefined();
  });
});

describe("rule texts", () => {
  test.each(builtInSchemeIds())("%s states every cap in the rule's own text", (id) => {
    const rules = indicatorsOf(getScheme(id)!).flatMap((indicator) => indicator.rules);
    for (const rule of rules.filter((candidate) => candidate.cap !== undefined)) {
      const stated = rule.kind === "award" ? `最高${rule.cap}分` : `最多扣${rule.cap}分`;
      expect({ code: rule.code, text: rule.text }).toEqual({ code: rule.code, text: expect.stringContaining(stated) });
    }
  });

  test("四强 item 8 says in each rule that its meeting counts come from 《支部工作条例》, not from the source", () => {
    const rules = getScheme("siqiang")!.sections[1].indicators.find((indicator) => indicator.code === "2.3")!.rules;
    expect(rules.filter((rule) => rule.kind === "count").map((rule) => rule.text.includes("《支部工作条例》"))).toEqual([true, true, true, true]);
  });

  test("the raters are those of each source's procedure: 测评 only where the source has it (五好)", () => {
    expect(Object.fromEntries(builtInSchemes().map((scheme) => [scheme.id, scheme.raters]))).toEqual({
      "sibi-sikan": ["self", "org"],
      "tisheng-nian": ["self", "org"],
      "lianghua-yichuang": ["self", "org"],
      wuhao: ["self", "mass", "org"],
      siqiang: ["self", "org"],
    });
  });

  test("提升年 no longer scores the committee's duties against a branch", () => {
    const texts = indicatorsOf(getScheme("tisheng-nian")!).flatMap((indicator) => [indicator.title, ...indicator.rules.map((rule) => rule.text)]);
    expect(texts.filter((text) => /专职党务工作者|交流轮岗/.test(text))).toEqual([]);
  });
});
