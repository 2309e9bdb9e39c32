/** `branch-scoring template`: run in-process through main(), files checked with ExcelJS and LibreOffice. */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli as run } from "../support/run-cli";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { builtInSchemeIds, getScheme } from "../../src/rubric/catalogue";
import { scoreWorkbook } from "../../src/sheet/score-workbook";
import { fillWithOpenpyxl, recalcManyWithLibreOffice } from "../support/spreadsheet-programs";

const workDir = mkdtempSync(join(tmpdir(), "bs-cli-template-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const CUSTOM_RUBRIC = join(__dirname, "..", "..", "examples", "custom-rubric.json");


async function metaOf(path: string): Promise<Map<string, unknown>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const meta = book.getWorksheet("_meta");
  if (!meta) throw new Error(`no _meta sheet in ${path}`);
  expect(meta.state).toBe("hidden");
  const rows = new Map<string, unknown>();
  meta.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
  return rows;
}

test("writes a template that ExcelJS reopens, with the subject in _meta and on the scoring sheet", async () => {
  const output = join(workDir, "lianghua.xlsx");
  const result = await run("template", "lianghua-yichuang", "-o", output, "--subject", "机关第一党支部", "--org", "机关党委", "--period", "2025", "--rater", "self");
  expect(result).toMatchObject({ status: 0, stderr: "" });
  expect(result.stdout).toContain(output);

  const meta = await metaOf(output);
  expect(meta.get("scheme")).toBe("lianghua-yichuang");
  expect(meta.get("subject")).toBe("机关第一党支部");
  expect(meta.get("rater")).toBe("self");

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(output);
  const scoring = book.getWorksheet(String(meta.get("sheet")))!;
  expect(scoring.state).toBe("visible");
  expect(scoring.getCell(String(meta.get("cell:meta:subject"))).value).toBe("机关第一党支部");
  expect(scoring.getCell(String(meta.get("cell:total:score"))).formula).toBeTruthy();
});

test("every built-in scheme gives a template the reader finds intact", async () => {
  const layoutProblems = new Set(["row-moved", "meta-invalid", "cached-mismatch"]);
  for (const id of builtInSchemeIds()) {
    const output = join(workDir, `${id}.xlsx`);
    expect((await run("template", id, "-o", output)).status).toBe(0);
    const score = scoreWorkbook(await readWorkbookFile(output), getScheme);
    expect(score.ok).toBe(true);
    if (!score.ok) continue;
    expect(score.templates[0].result.scheme).toBe(id);
    expect(score.templates[0].result.issues.filter((issue) => layoutProblems.has(issue.kind))).toEqual([]);
  }
});

test("LibreOffice's totals agree with the engine's, before and after another program enters a deduction", async () => {
  const output = join(workDir, "for-libreoffice.xlsx");
  expect((await run("template", "lianghua-yichuang", "-o", output)).status).toBe(0);
  const meta = await metaOf(output);
  const sheet = String(meta.get("sheet"));
  const filled = join(workDir, "filled-by-openpyxl.xlsx");
  // rule 1.1-2 of 两化一创: 党员人数不符合规定 扣1分 (fixed)
  await fillWithOpenpyxl(output, filled, { [String(meta.get("cell:1.1-2:deduction"))]: 1, [String(meta.get("cell:1.1-2:reason"))]: "党员人数不足" }, sheet);

  const [untouched, entered] = await recalcManyWithLibreOffice([output, filled], join(workDir, "libreoffice"));
  const totals: number[] = [];
  for (const path of [untouched, entered]) {
    const score = scoreWorkbook(await readWorkbookFile(path), getScheme);
    if (!score.ok) throw new Error(`${path}: ${score.message}`);
    // the reader compares every cached formula result with its own computation and warns on any difference
    expect(score.templates[0].result.issues.filter((issue) => issue.kind === "cached-mismatch")).toEqual([]);
    totals.push(score.templates[0].result.total);
  }
  expect(totals[1]).toBe(totals[0] - 1);
});

test("a custom rubric file is used for its own id", async () => {
  const custom = JSON.parse(readFileSync(CUSTOM_RUBRIC, "utf8")) as { id: string };
  const output = join(workDir, "custom.xlsx");
  expect((await run("template", custom.id, "--rubric", CUSTOM_RUBRIC, "-o", output)).status).toBe(0);
  expect((await metaOf(output)).get("scheme")).toBe(custom.id);
});

test("refuses to overwrite an existing file unless --force", async () => {
  const output = join(workDir, "existing.xlsx");
  writeFileSync(output, "a secretary's own file");
  const modified = statSync(output).mtimeMs;
  const refused = await run("template", "wuhao", "-o", output);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(output);
  expect(refused.stderr).toContain("--force");
  expect(readFileSync(output, "utf8")).toBe("a secretary's own file");
  expect(statSync(output).mtimeMs).toBe(modified);

  expect((await run("template", "wuhao", "-o", output, "--force")).status).toBe(0);
  expect((await metaOf(output)).get("scheme")).toBe("wuhao");
});

test("an unknown scheme is refused with the list of ids", async () => {
  const result = await run("template", "no-such-scheme", "-o", join(workDir, "unknown.xlsx"));
  expect(result.status).toBe(1);
  for (const id of builtInSchemeIds()) expect(result.stderr).toContain(id);
});

test("bad arguments are refused in Chinese, without writing anything", async () => {
  const output = join(workDir, "bad-rater.xlsx");
  const badRater = await run("template", "wuhao", "-o", output, "--rater", "boss");
  expect(badRater.status).toBe(1);
  expect(badRater.stderr).toMatch(/--rater.*自评/);
  expect(() => statSync(output)).toThrow();

  expect((await run("template", "wuhao", "-o", join(workDir, "template.csv"))).stderr).toContain(".xlsx");
  expect((await run("template", "wuhao", "-o", join(workDir, "missing-folder", "t.xlsx"))).stderr).toContain("不存在");
  expect((await run("template", "wuhao")).status).toBe(1);
});

describe("raters and header fields a scheme declares", () => {
  test("a rater the scheme's procedure does not use is refused, naming the allowed ones", async () => {
    const output = join(workDir, "siqiang-mass.xlsx");
    const result = await run("template", "siqiang", "-o", output, "--rater", "mass");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("没有测评");
    expect(result.stderr).toContain("self（自评）、org（考评）");
    expect(() => statSync(output)).toThrow();
    expect((await run("template", "wuhao", "-o", join(workDir, "wuhao-mass.xlsx"), "--rater", "mass")).status).toBe(0);
  });

  test("四比四看 takes the secretary's branch; LibreOffice keeps it and score --json reports it", async () => {
    const output = join(workDir, "sibi-branch.xlsx");
    const branch = "机电工程学院教工第一党支部";
    const result = await run("template", "sibi-sikan", "-o", output, "--subject", "张三", "--field", `branch=${branch}`, "--rater", "org");
    expect(result).toMatchObject({ status: 0, stderr: "" });
    const meta = await metaOf(output);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    const scoring = book.getWorksheet(String(meta.get("sheet")))!;
    const address = String(meta.get("cell:meta:branch"));
    expect(scoring.getCell(address).value).toBe(branch);
    // on its own header row below 考核年度, labelled in column A as 书记姓名 is
    const row = Number(scoring.getCell(address).row);
    expect(row).toBeGreaterThan(Number(scoring.getCell(String(meta.get("cell:meta:period"))).row));
    expect(scoring.getCell(`A${row}`).value).toBe("所在党支部");
    const [recalculated] = await recalcManyWithLibreOffice([output]);
    const scored = await run("score", recalculated, "--json");
    expect(JSON.parse(scored.stdout)).toMatchObject({ subject: "张三", fields: { branch } });
  });

  test("--field is checked against the scheme's fields and their choices", async () => {
    const unknown = await run("template", "lianghua-yichuang", "-o", join(workDir, "f1.xlsx"), "--field", "branch=第一党支部");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("--field");
    const badChoice = await run("template", "siqiang", "-o", join(workDir, "f2.xlsx"), "--field", "apply=也许");
    expect(badChoice.status).toBe(1);
    expect(badChoice.stderr).toContain("是、否");
    expect((await run("template", "siqiang", "-o", join(workDir, "f3.xlsx"), "--field", "apply=是", "--rater", "self")).status).toBe(0);
  });
});
