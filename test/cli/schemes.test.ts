import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/run-cli";
import { builtInSchemes } from "../../src/rubric/catalogue";

const run = (args: string[]) => runCli(...args);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "schemes-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("branch-scoring schemes --json", () => {
  test("prints the contract's shape, with only the documented additions, for the five built-ins", async () => {
    const { status, stdout } = await run(["schemes", "--json"]);
    expect(status).toBe(0);
    const listed = JSON.parse(stdout) as Record<string, unknown>[];
    expect(listed.map((scheme) => scheme.id)).toEqual(["sibi-sikan", "tisheng-nian", "lianghua-yichuang", "wuhao", "siqiang"]);
    for (const scheme of listed) {
      // the contract's keys, then the additions (raters, headerFields, ballot)

      expect(scheme.ballot).toMatchObject({ levels: ["好", "较好", "一般", "差"], quorum: { numerator: 2, denominator: 3 } });
      expect((scheme.ballot as { rateRule?: string }).rateRule).toBe(scheme.id === "wuhao" ? "1.3-2" : undefined);
      const contract = ["id", "title", "version", "subject", "max", "sections", "vetoes", "bands", "passLine"];
      const additions = ["shortTitle", "source", "defaultAllocation", "notes", "defaults", "passLineSections", "passLineNoVeto", "raters", "headerFields", "ballot", "weights", "quota", "targets", "ranking"];
      expect(Object.keys(scheme).sort()).toEqual([...contract, ...additions].sort());
      for (const entry of scheme.defaults as Record<string, unknown>[]) expect(Object.keys(entry).sort()).toEqual(["reason", "value", "what"]);
      expect(["branch", "secretary"]).toContain(scheme.subject);
      expect(typeof scheme.passLine).toBe("number");
      const sections = scheme.sections as Record<string, unknown>[];
      for (const section of sections) {
        expect(Object.keys(section).sort()).toEqual(["code", "indicators", "points", "title"]);
        for (const indicator of section.indicators as Record<string, unknown>[]) {
          expect(Object.keys(indicator).sort()).toEqual(["code", "content", "evidence", "points", "rules", "title"]);
          for (const rule of indicator.rules as Record<string, unknown>[]) expect(Object.keys(rule)).toEqual(expect.arrayContaining(["code", "kind", "text", "cap", "step"]));
        }
      }
      for (const veto of scheme.vetoes as Record<string, unknown>[]) expect(Object.keys(veto).sort()).toEqual(["code", "text"]);
      for (const band of scheme.bands as Record<string, unknown>[]) expect(Object.keys(band).sort()).toEqual(["min", "name"]);
    }
  });

  test("carries the catalogue's content", async () => {
    const listed = JSON.parse((await run(["schemes", "--json"])).stdout) as {
      id: string;
      passLine: number;
      vetoes: unknown[];
      sections: { indicators: { rules: Record<string, unknown>[]; content: string[]; evidence: string }[] }[];
      notes: string[];
      defaults: unknown[];
      source: string;
      quota: unknown;
    }[];
    const catalogue = builtInSchemes();
    listed.forEach((scheme, index) => {
      const source = catalogue[index]!;
      expect(scheme.passLine).toBe(source.passLine.minTotal);
      expect(scheme.vetoes).toEqual(source.vetoes);
      const rules = scheme.sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules));
      // every parameter of each rule, with cap and step as the engine applies them
      const sourceRules = source.sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules.map((rule) => ({ ...rule, cap: rule.cap ?? indicator.points, step: rule.step ?? 0.5 }))));
      expect(rules).toEqual(sourceRules);
      const indicators = scheme.sections.flatMap((section) => section.indicators);
      const sourceIndicators = source.sections.flatMap((section) => section.indicators);
      expect(indicators.map(({ content, evidence }) => ({ content, evidence }))).toEqual(sourceIndicators.map(({ content, evidence }) => ({ content, evidence })));
      expect([scheme.notes, scheme.defaults, scheme.source, scheme.quota]).toEqual([source.notes, source.defaults, source.source, source.quota ?? null]);
    });
  });

  test("lists each scheme's raters and own header fields", async () => {
    const listed = JSON.parse((await run(["schemes", "--json"])).stdout) as { id: string; raters: string[]; headerFields: { key: string }[] }[];
    const byId = Object.fromEntries(listed.map((scheme) => [scheme.id, scheme]));
    expect(byId.siqiang).toMatchObject({ raters: ["self", "org"], headerFields: [{ key: "apply", label: "申请评定", choices: ["是", "否"] }] });
    expect(byId["sibi-sikan"]).toMatchObject({ headerFields: [{ key: "branch", label: "所在党支部" }] });
    expect(byId.wuhao).toMatchObject({ raters: ["self", "mass", "org"], headerFields: [] });
  });
});

describe("branch-scoring schemes (table)", () => {
  test("one aligned row per scheme with 考核对象, counts and 分值来源", async () => {
    const { status, stdout } = await run(["schemes"]);
    expect(status).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^编号 id\s+名称\s+考核对象\s+满分\s+一级\/二级指标\s+否决项\s+分值来源$/);
    const rows = Object.fromEntries(lines.slice(1, 6).map((line) => [line.split(/\s+/)[0], line.split(/\s+/)]));
    expect(rows["lianghua-yichuang"]).toEqual(["lianghua-yichuang", "两化一创", "党支部", "100", "6/20", "0", "官方"]);
    expect(rows["sibi-sikan"]!.slice(2)).toEqual(["党支部书记", "100", "4/17", "0", "默认"]);
    expect(rows["siqiang"]!.slice(4, 7)).toEqual(["4/20", "6", "默认"]);
    // aligned: every column starts at the same display column (CJK characters are two columns wide)
    const columnStarts = (line: string) => {
      const starts: number[] = [];
      let width = 0;
      let previous = " ";
      for (const char of line) {
        if (previous === " " && char !== " ") starts.push(width);
        width += /[\u3000-\u9fff\uff00-\uff60]/.test(char) ? 2 : 1;
        previous = char;
      }
      return starts;
    };
    const headerStarts = columnStarts(lines[0]!.replace("编号 id", "编号_id"));
    for (const line of lines.slice(1, 6)) expect(columnStarts(line)).toEqual(headerStarts);
  });
});

describe("branch-scoring schemes --rubric", () => {
  test("lists a valid custom rubric", async () => {
    const { status, stdout } = await run(["schemes", "--rubric", join(__dirname, "..", "..", "examples", "custom-rubric.json"), "--json"]);
    expect(status).toBe(0);
    const [scheme] = JSON.parse(stdout) as { id: string; sections: unknown[] }[];
    expect(scheme!.id).toBe("jiguan-niandu-kaoping");
    expect(scheme!.sections).toHaveLength(2);
  });

  test("prints every problem with the file name and exits 1", async () => {
    const path = join(dir, "bad-rubric.json");
    writeFileSync(path, JSON.stringify({ id: "x", title: "坏细则", version: "1", max: 50, sections: [{ code: "1", title: "甲", points: 100, indicators: [] }] }));
    const { status, stdout, stderr } = await run(["schemes", "--rubric", path]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    const problems = stderr.split("\n").filter((line) => line.startsWith("  - "));
    expect(problems).toEqual([`  - ${path}：sections[0].indicators：至少需要 1 项`]);
    expect(stderr).toContain(path);
  });

  test("a missing file is a clear message, not a crash", async () => {
    const path = join(dir, "nope.json");
    const { status, stderr } = await run(["schemes", "--rubric", path]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${path}：文件不存在`);
  });
});
