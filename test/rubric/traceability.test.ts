/** The traceability tables of docs/sources against the seeds and the built-in schemes (see docs/sources/README.md). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { builtInSchemeIds, getScheme } from "../../src/rubric/catalogue";
import { seedText } from "./seed-text";
import { sourceSentences } from "./source-sentences";
import { parseTraceTable, traceProblems } from "./traceability";

const tablePath = (id: string) => join(__dirname, "..", "..", "docs", "sources", `${id}.md`);
const table = (id: string) => readFileSync(tablePath(id), "utf8");

describe("traceability tables", () => {
  test.each(builtInSchemeIds())("%s: every sentence of the source has a row, every place exists", (id) => {
    expect(traceProblems(getScheme(id)!, seedText(id), table(id))).toEqual([]);
  });

  test("a sentence left out of a table is caught and quoted", () => {
    const id = "wuhao";
    const rows = table(id).split("\n");
    const target = rows.findIndex((line) => line.includes("批评与自我批评直面问题"));
    const without = [...rows.slice(0, target), ...rows.slice(target + 1)].join("\n");
    const problems = traceProblems(getScheme(id)!, seedText(id), without);
    expect(problems[0]).toMatch(/^第 \d+ 行应为原文“党支部（党小组）每季度或半年召开1次组织生活会/);
  });

  test("a sentence added to the source without a row is caught", () => {
    const id = "siqiang";
    const problems = traceProblems(getScheme(id)!, `${seedText(id)}\n各支部每年报送一次工作总结。`, table(id));
    expect(problems).toEqual(["原文第 87 句没有对应行：各支部每年报送一次工作总结。"]);
  });

  test("a place that names no code of the scheme, header field, rater or summary part is reported", () => {
    const id = "sibi-sikan";
    const changed = table(id)
      .replace("| 3.5-1 | “六有”，最多扣3分 |", "| 3.7-1 | “六有”，最多扣3分 |")
      .replace("| 评价方:self, 评价方:org, 表头:subject, 表头:branch |", "| 评价方:mass, 表头:unit |");
    const problems = traceProblems(getScheme(id)!, seedText(id), changed);
    expect(problems).toEqual([
      expect.stringMatching(/评价方 mass 不是方案的评价方/),
      expect.stringMatching(/表头字段 unit 不在方案中/),
      expect.stringMatching(/编号 3\.7-1 在方案中不存在/),
    ]);
  });

  test("an indicator no sentence answers to is reported", () => {
    const scheme = getScheme("tisheng-nian")!;
    scheme.sections[0].indicators.push({ code: "1.9", title: "原文没有的指标", points: 0, content: [], evidence: "", rules: [] });
    expect(traceProblems(scheme, seedText("tisheng-nian"), table("tisheng-nian"))).toEqual(["二级指标 1.9「原文没有的指标」没有出现在任何一行"]);
  });

  test("the splitting rule: sentences end at 。！？；, broken PDF lines are joined, markers dropped", () => {
    expect(sourceSentences("一、总体要求\n第一句。第二句；“第三句。”\n[bookmark: _GoBack]（一）标题\n这一行从 PDF 复制时断在了句子的中间而且很长，现场观\n摩会等方式。")).toEqual([
      "一、总体要求",
      "第一句。",
      "第二句；",
      "“第三句。”",
      "（一）标题",
      "这一行从 PDF 复制时断在了句子的中间而且很长，现场观摩会等方式。",
    ]);
    // 四强's "现场观\n\n摩会" is read whole
    expect(sourceSentences(seedText("siqiang")).some((unit) => unit.includes("现场观摩会等方式"))).toBe(true);
  });

  test("the committee's duties are traced as such, not scored against a branch (提升年 专职党务工作者, 专题培训)", () => {
    const rows = parseTraceTable(table("tisheng-nian"));
    const staffing = rows.find((row) => row.text.includes("专职党务工作者"))!;
    expect(staffing.places).toEqual(["党委职责"]);
    const training = rows.find((row) => row.text.includes("由院党委负责年内组织1-2期"))!;
    expect(training.places).toContain("党委职责");
  });
});
