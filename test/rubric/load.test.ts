import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRubricFile, parseRubric } from "../../src/rubric/load";
import { resolveScheme } from "../../src/rubric/resolve";
import { smallRubric } from "./fixtures";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rubric-load-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeRubric(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2), "utf8");
  return path;
}

describe("schema defaults", () => {
  const { scheme, errors } = parseRubric(smallRubric());

  test("optional fields get the defaults of rubrics.md", () => {
    expect(errors).toEqual([]);
    expect(scheme).toMatchObject({
      shortTitle: "测试细则",
      subject: "branch",
      source: "",
      defaultAllocation: false,
      notes: [],
      max: 100,
      bands: [
        { name: "好", min: 90 },
        { name: "较好", min: 80 },
        { name: "一般", min: 70 },
        { name: "较差", min: 0 },
      ],
      passLine: { minTotal: 80, noVeto: true },
      raters: ["self", "mass", "org"],
      ranking: "dense",
    });
    expect(scheme!.weights).toBeUndefined();
    expect(scheme!.quota).toBeUndefined();
    const indicator = scheme!.sections[0]!.indicators[0]!;
    expect(indicator.content).toEqual([]);
    expect(indicator.evidence).toBe("");
  });

  test("omitted rule and veto codes are generated in order", () => {
    expect(scheme!.sections[0]!.indicators[0]!.rules.map((rule) => rule.code)).toEqual(["1.1-1", "1.1-2"]);
    expect(scheme!.vetoes).toEqual([{ code: "V1", text: "受到通报问责的" }]);
  });

  test("a partial pass line keeps the default of the other field; given values win", () => {
    const file = { ...smallRubric(), passLine: { minTotal: 60 }, ranking: "competition", raters: ["self", "org"] };
    const parsed = parseRubric(file).scheme!;
    expect(parsed.passLine).toEqual({ minTotal: 60, noVeto: true });
    expect(parsed.ranking).toBe("competition");
    expect(parsed.raters).toEqual(["self", "org"]);
  });

  test("the defaults are not shared between parses", () => {
    const first = parseRubric(smallRubric()).scheme!;
    first.bands[0]!.min = 95;
    first.passLine.minTotal = 1;
    const second = parseRubric(smallRubric()).scheme!;
    expect(second.bands[0]!.min).toBe(90);
    expect(second.passLine.minTotal).toBe(80);
  });
});

describe("loadRubricFile", () => {
  test("the example rubric a 组织部 would copy is valid", () => {
    const { scheme, errors } = loadRubricFile(join(__dirname, "..", "..", "examples", "custom-rubric.json"));
    expect(errors).toEqual([]);
    const kinds = new Set(scheme!.sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules.map((rule) => rule.kind))));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    expect(scheme!.sections).toHaveLength(2);
  });

  test("a broken file gets every structural problem with its JSON path, then the sums of its well-formed sections", () => {
    const broken = smallRubric() as Record<string, unknown> & ReturnType<typeof smallRubric>;
    const file = {
      ...broken,
      title: 42,
      colour: "red",
      sections: [
        // well-formed, but its indicators add up to 9
        { ...broken.sections[0]!, indicators: [{ ...broken.sections[0]!.indicators[0]!, points: 5 }, broken.sections[0]!.indicators[1]!] },
        {
          ...broken.sections[1]!,
          indicators: [
            { code: "2.1", title: "理论考试", points: "80", rules: [{ kind: "fixed", text: "扣分" }] },
            { code: "2.2", title: "表彰", points: 10, rules: [{ kind: "bonus", text: "加分" }] },
          ],
        },
      ],
    };
    const path = writeRubric("broken.json", file);
    const { scheme, errors } = loadRubricFile(path);
    expect(scheme).toBeNull();
    expect(errors.every((error) => error.startsWith(`${path}：`))).toBe(true);
    const messages = errors.map((error) => error.slice(path.length + 1));
    expect(messages).toEqual([
      "title：应为文本，实际为数字",
      "sections[1].indicators[0].points：应为数字，实际为文本",
      "sections[1].indicators[0].rules[0].amount：缺少必填项",
      expect.stringMatching(/^sections\[1\]\.indicators\[1\]\.rules\[0\]\.kind：规则类型 kind 应为以下之一：fixed、range/),
      expect.stringMatching(/^（顶层）：.*colour/),
      "一级指标 1「组织设置」：分值 10 ≠ 二级指标合计 9",
    ]);
  });

  test("a structurally valid file gets all of its self-check problems", () => {
    const file = smallRubric();
    file.max = 90;
    file.sections[0]!.indicators[1]!.points = 3;
    const path = writeRubric("sums.json", file);
    expect(loadRubricFile(path).errors).toEqual([
      `${path}：评分方案「测试细则」：满分 90 ≠ 一级指标合计 100`,
      `${path}：一级指标 1「组织设置」：分值 10 ≠ 二级指标合计 9`,
    ]);
  });

  test("file problems are reported with the file name, never thrown", () => {
    const missing = join(dir, "missing.json");
    expect(loadRubricFile(missing)).toEqual({ scheme: null, errors: [`${missing}：文件不存在`] });
    const notJson = writeRubric("bad.json", "{ \"id\": ");
    expect(loadRubricFile(notJson).errors).toEqual([expect.stringMatching(new RegExp(`^${notJson.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}：不是有效的 JSON`))]);
    const text = writeRubric("rubric.txt", smallRubric());
    expect(loadRubricFile(text).errors).toEqual([`${text}：评分细则文件应为 .json 文件`]);
    expect(loadRubricFile(dir + "/sub.json").errors).toEqual([`${dir}/sub.json：文件不存在`]);
  });

  test("a UTF-8 BOM (Windows Notepad) is accepted and the file is left untouched", () => {
    const path = writeRubric("bom.json", `\uFEFF${JSON.stringify(smallRubric())}`);
    const before = { text: readFileSync(path), mtime: statSync(path).mtimeMs };
    expect(loadRubricFile(path).errors).toEqual([]);
    expect(readFileSync(path).equals(before.text)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(before.mtime);
  });
});

describe("resolveScheme", () => {
  test("a built-in id, a .json path, or a clear message", () => {
    expect(resolveScheme("wuhao").scheme?.id).toBe("wuhao");
    const path = writeRubric("resolve.json", smallRubric());
    expect(resolveScheme(path).scheme?.id).toBe("test-rubric");
    const unknown = resolveScheme("wuhoa");
    expect(unknown.scheme).toBeNull();
    expect(unknown.errors[0]).toContain("未知的评分方案「wuhoa」");
    expect(unknown.errors[0]).toContain("lianghua-yichuang");
  });
});
