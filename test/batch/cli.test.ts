/** `branch-scoring compile` on real files: the --json shape of contracts.md, exit codes, outputs and safety. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli as run } from "../support/run-cli";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { homeMadeSheet } from "../../src/demo/broken";
import { parseRubric } from "../../src/rubric/parse";
import { scoreEntries } from "../../src/scoring/engine";
import { fillTemplatePlan } from "../../src/sheet/fill";
import { planTemplate } from "../../src/sheet/planner";
import { fileState, metaOf, scheme, writeFilled } from "./workbooks";

const HYPERLINK_SUBJECT = '=HYPERLINK("http://example.com/x","点此查看")';
let dir: string;
let folder: string;
const totals: Record<string, number> = {};


beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-cli-compile-"));
  folder = join(dir, "收到的评分表");
  mkdirSync(folder);
  const LH = scheme("lianghua-yichuang");
  const random = seededRandom(5);
  const subjects = ["化工学院第一党支部", "化工学院第二党支部", HYPERLINK_SUBJECT];
  for (const subject of subjects) {
    const entries = sampleEntries(LH, random, { findRate: 0.2, awardShare: 0.8 });
    totals[subject] = (await writeFilled(join(folder, `${subjects.indexOf(subject)}.xlsx`), LH.id, entries, metaOf(subject, "化工学院党委"))).total;
  }
  totals.self = (await writeFilled(join(folder, "0-自评.xlsx"), LH.id, { rules: { "6.1-1": { award: 20, reason: "获省级表彰" } }, vetoes: {} }, metaOf(subjects[0], "化工学院党委", "self"))).total;
  writeFileSync(join(folder, "名单.xlsx"), "支部,人数\n第一党支部,20\n");
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a folder with good files and a broken one", () => {
  let result: Awaited<ReturnType<typeof run>>;
  let json: Record<string, unknown> & { rows: Record<string, unknown>[]; problems: Record<string, unknown>[]; stats: Record<string, unknown> };
  const out = () => join(dir, "out", "汇总.xlsx");
  const jsonPath = () => join(dir, "out", "汇总.json");

  beforeAll(async () => {
    result = await run("compile", folder, "-o", out(), "--json", jsonPath());
    json = JSON.parse(readFileSync(jsonPath(), "utf8"));
  }, 120_000);

  test("exits 0, problems reported, a short result printed", () => {
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/文件 5 个，汇总 4 个/);
    expect(result.stdout).toContain("名单.xlsx");
    expect(result.stdout).toContain(out());
    expect(result.stdout).toMatch(/达标率/);
    expect(result.stderr).toBe(""); // no progress bar when stderr is not a terminal
  });

  test("the JSON has the fields contracts.md fixes", () => {
    expect(json).toMatchObject({ scheme: "lianghua-yichuang", files: 5, compiled: 4 });
    for (const row of json.rows) {
      for (const key of ["file", "subject", "org", "rater", "total", "band", "rank", "pass", "vetoed", "recommended", "sections", "selfTotal", "orgTotal", "issues"]) {
        expect(row).toHaveProperty(key);
      }
      expect(row.sections).toEqual(expect.arrayContaining([{ code: "1", score: expect.any(Number) }]));
    }
    expect(json.problems).toEqual(expect.arrayContaining([{ file: join(folder, "名单.xlsx"), cell: null, severity: "error", message: expect.stringContaining("CSV") }]));
    for (const key of ["count", "mean", "max", "min", "passRate", "bands"]) expect(json.stats).toHaveProperty(key);
    expect(json.stats.count).toBe(3);
  });

  test("totals are the engine's; the pair shows 自评 and 考评 side by side", () => {
    const bySubject = new Map(json.rows.map((row) => [row.subject, row]));
    for (const subject of ["化工学院第一党支部", "化工学院第二党支部", HYPERLINK_SUBJECT]) expect(bySubject.get(subject)?.total).toBe(totals[subject]);
    expect(bySubject.get("化工学院第一党支部")).toMatchObject({ rater: "org", selfTotal: totals.self, orgTotal: totals["化工学院第一党支部"] });
  });

  test("the summary workbook has the 汇总, 统计, 差异明细 (a branch has 自评 and 考评), 问题清单 and 来源与备注 sheets, and the hidden data sheet _rows", async () => {
    const book = await readWorkbookFile(out());
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(["汇总", "统计", "差异明细", "问题清单", "来源与备注", "_rows"]);
    const problems = book.sheets[3].values.flat().map(String);
    expect(problems.some((value) => value.includes("CSV"))).toBe(true);
  });

  test("a subject named like a formula stays text in the summary: no <f> for it in the sheet XML", async () => {
    const book = await readWorkbookFile(out());
    const sheet = book.sheets[0];
    const row = sheet.values.findIndex((values) => values.includes(HYPERLINK_SUBJECT));
    expect(row).toBeGreaterThan(0);
    expect(sheet.formulas[row].every((formula) => formula === null)).toBe(true);
    const xml = execFileSync("unzip", ["-p", out(), "xl/worksheets/*.xml"]).toString("utf8");
    expect(xml).not.toMatch(/<f>[^<]*HYPERLINK/i);
  });

  test("running again over the previous summary is fine", async () => {
    const again = await run("compile", folder, "-o", out(), "--json", jsonPath());
    expect(again.status).toBe(0);
  }, 120_000);
});

test("--rank competition and --scheme are honoured", async () => {
  const jsonPath = join(dir, "rank.json");
  const result = await run("compile", folder, "-o", join(dir, "rank.xlsx"), "--json", jsonPath, "--rank", "competition", "--scheme", "lianghua-yichuang");
  expect(result.status).toBe(0);
  expect(JSON.parse(readFileSync(jsonPath, "utf8")).rankStyle).toBe("competition");
}, 120_000);

test("--rubric: a custom rubric's workbooks are scored by it in the compile's workers", async () => {
  const rubricPath = join(__dirname, "..", "..", "examples", "custom-rubric.json");
  const custom = parseRubric(JSON.parse(readFileSync(rubricPath, "utf8"))).scheme;
  if (!custom) throw new Error("examples/custom-rubric.json does not parse");
  const customFolder = join(dir, "自定义方案");
  mkdirSync(customFolder);
  const random = seededRandom(11);
  const expected: Record<string, number> = {};
  for (const subject of ["机关第一党支部", "机关第二党支部", "机关第三党支部"]) {
    const entries = sampleEntries(custom, random, { findRate: 0.4, awardShare: 0.5 });
    await writePlanToFile(fillTemplatePlan(planTemplate(custom), entries, metaOf(subject, "机关党委")), join(customFolder, `${subject}.xlsx`));
    expected[subject] = scoreEntries(custom, entries).total;
  }
  const jsonPath = join(dir, "custom.json");
  const result = await run("compile", customFolder, "--rubric", rubricPath, "-o", join(dir, "custom.xlsx"), "--json", jsonPath);
  expect(result.status).toBe(0);
  const json = JSON.parse(readFileSync(jsonPath, "utf8")) as { scheme: string; rows: { subject: string; total: number }[] };
  expect(json.scheme).toBe(custom.id);
  expect(Object.fromEntries(json.rows.map((row) => [row.subject, row.total]))).toEqual(expected);
}, 60_000);

describe("exit 1 and nothing written", () => {
  test.each([
    ["an unknown --rank", ["--rank", "olympic"], /--rank/],
    ["an unknown --scheme", ["--scheme", "sanhao"], /sanhao/],
    ["a missing --named file", ["--named", "/nonexistent/names.txt"], /不存在/],
    ["a broken --rubric file", ["--rubric", "/nonexistent/rubric.json"], /不存在/],
  ])("%s", async (_, extra, message) => {
    const out = join(dir, `bad-${extra[0]}.xlsx`);
    const result = await run("compile", folder, "-o", out, ...extra);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(() => readFileSync(out)).toThrow();
  });

  test("-o missing", async () => {
    expect((await run("compile", folder)).status).toBe(1);
  });

  test("-o naming one of the inputs: refused, the input untouched", async () => {
    const input = join(folder, "1.xlsx");
    const before = fileState(input);
    const result = await run("compile", input, join(folder, "2.xlsx"), "-o", input);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("输入文件");
    expect(fileState(input)).toEqual(before);
  });

  test("-o naming an existing workbook that is not a previous summary: refused", async () => {
    const other = join(dir, "别人的表.xlsx");
    await writePlanToFile(homeMadeSheet(["第一党支部"]), other);
    const before = fileState(other);
    const result = await run("compile", folder, "-o", other);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("不是以前生成的汇总表");
    expect(fileState(other)).toEqual(before);
  });

  test("only unusable files", async () => {
    const out = join(dir, "nothing.xlsx");
    const result = await run("compile", join(folder, "名单.xlsx"), "-o", out);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("CSV");
    expect(() => readFileSync(out)).toThrow();
  });

  test("an empty folder", async () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    const result = await run("compile", empty, "-o", join(dir, "empty.xlsx"));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("没有找到");
  });
});
