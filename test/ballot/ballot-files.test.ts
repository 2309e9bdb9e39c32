/**
 * 民主测评 on real files: ballots written by `branch-scoring ballot`, filled by openpyxl (30 voters with blank, double
 * and unknown marks, one wholly blank ballot), half of them re-saved by LibreOffice, and a 计票表 of 120 rows; the
 * compile's 测评统计 and --json checked against counts made here, independently of the tally code. A 五好 self
 * evaluation claiming another 好 rate gets 1.3 scored from the tally, with a warning naming its cell.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { readMetaTable } from "../../src/sheet/read-meta";
import { runCli } from "../support/run-cli";
import { fillManyWithOpenpyxl, fillWithOpenpyxl, recalcManyWithLibreOffice } from "../support/spreadsheet-programs";

jest.setTimeout(240_000);

const LEVELS = ["好", "较好", "一般", "差"];
const ORG = "机电工程学院党委";
const SUBJECTS = ["机电工程学院教工第一党支部", "机电工程学院学生第一党支部"];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-ballot-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function metaOf(path: string): Promise<Record<string, string>> {
  const book = await readWorkbookFile(path);
  const meta = book.sheets.find((sheet) => sheet.name === "_meta");
  if (!meta) throw new Error(`no _meta in ${path}`);
  const values: Record<string, string> = {};
  for (const row of meta.values) if (row[0] !== null && row[0] !== undefined) values[String(row[0])] = String(row[1] ?? "");
  expect(readMetaTable(meta).sheet).toBe("_meta");
  return values;
}

/** Independent count: what the rules say, by plain loops over the marks the test chose. */
function expectedCounts(marks: (string | null)[][], subject: number) {
  const counts: Record<string, number> = Object.fromEntries(LEVELS.map((level) => [level, 0]));
  let valid = 0;
  for (const ballot of marks) {
    if (ballot.every((mark) => mark === null)) continue;
    const mark = ballot[subject];
    if (mark !== null && LEVELS.includes(mark)) {
      counts[mark] += 1;
      valid += 1;
    }
  }
  const round4 = (part: number) => (valid === 0 ? null : Math.round((part / valid) * 10000) / 10000);
  return { counts, valid, invalid: marks.length - valid, goodRate: round4(counts["好"]), satisfactionRate: round4(counts["好"] + counts["较好"]) };
}

/** Voter v's marks: mostly 好, some 较好/一般/差, and the mistakes the rules must catch. */
function voterMarks(voter: number): (string | null)[] {
  if (voter === 29) return [null, null]; // a wholly blank ballot
  const pick = (seed: number) => (seed % 10 < 7 ? "好" : seed % 10 < 8 ? "较好" : seed % 10 < 9 ? "一般" : "差");
  const first = voter === 3 ? null : voter === 7 ? "好、较好" : voter === 11 ? "优" : pick(voter * 7 + 1);
  const second = voter === 5 ? "较好，一般" : voter === 13 ? "A" : voter === 17 ? null : pick(voter * 3 + 2);
  return [first, second];
}

describe("ballot template", () => {
  let ballotPath: string;
  beforeAll(async () => {
    ballotPath = join(dir, "测评表.xlsx");
    const result = await runCli("ballot", "wuhao", "-o", ballotPath, ...SUBJECTS.flatMap((subject) => ["--subject", subject]), "--org", ORG, "--period", "2025", "--expected", "40", "--copies", "3");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("_meta says kind=ballot, the choices, and addresses each subject's name, org and choice cell", async () => {
    const meta = await metaOf(ballotPath);
    expect(meta).toMatchObject({ contract: "1", scheme: "wuhao", kind: "ballot", choices: "好、较好、一般、差", expected: "40", period: "2025" });
    const book = await readWorkbookFile(ballotPath);
    const sheet = book.sheets.find((grid) => grid.name === meta.sheet)!;
    const at = (address: string) => {
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      return sheet.values[Number(match[2]) - 1]?.[match[1].charCodeAt(0) - 65] ?? null;
    };
    SUBJECTS.forEach((subject, index) => {
      expect(at(meta[`cell:S${index + 1}:subject`])).toBe(subject);
      expect(at(meta[`cell:S${index + 1}:org`])).toBe(ORG);
      expect(at(meta[`cell:S${index + 1}:choice`])).toBeNull();
    });
    // three copies: the subjects appear three times, each copy on its own printed page
    expect(sheet.values.flat().filter((value) => value === SUBJECTS[0])).toHaveLength(3);
    expect(sheet.values.flat().some((value) => typeof value === "string" && value.includes("实到人数不少于应到人数的 2/3"))).toBe(true);
  });

  test("the choice cells carry a drop-down of the levels; A4 portrait with page breaks between copies", () => {
    const files = unzipSync(new Uint8Array(readFileSync(ballotPath)));
    const sheetXml = strFromU8(files["xl/worksheets/sheet1.xml"]);
    const meta = { choice: "D6:D7" };
    expect(sheetXml).toMatch(new RegExp(`<dataValidation[^>]*type="list"[^>]*sqref="${meta.choice}"[^>]*>\\s*<formula1>&quot;好,较好,一般,差&quot;</formula1>`));
    expect(sheetXml).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="portrait"/);
    expect((sheetXml.match(/<brk /g) ?? []).length).toBe(2);
  });

  test("30 voters (openpyxl, half re-saved by LibreOffice) and a 五好 self evaluation: 测评统计, --json, 1.3 from the tally", async () => {
    const meta = await metaOf(ballotPath);
    const marks = Array.from({ length: 30 }, (_, voter) => voterMarks(voter));
    const filledDir = join(dir, "filled");
    mkdirSync(filledDir);
    await fillManyWithOpenpyxl(
      marks.map((ballot, voter) => ({
        in: ballotPath,
        out: join(filledDir, `选票${String(voter + 1).padStart(2, "0")}.xlsx`),
        cells: Object.fromEntries(ballot.map((mark, index) => [meta[`cell:S${index + 1}:choice`], mark])),
        sheet: meta.sheet,
      })),
    );
    const inputs = join(dir, "inputs");
    mkdirSync(inputs);
    const paths = marks.map((_, voter) => join(filledDir, `选票${String(voter + 1).padStart(2, "0")}.xlsx`));
    await recalcManyWithLibreOffice(paths.slice(0, 15), inputs);
    for (const path of paths.slice(15)) copyFileSync(path, join(inputs, path.split("/").pop()!));

    // the branch's own 自评 claims a 好 rate of 98 (%) for 1.3-2
    const selfPath = join(dir, "自评.xlsx");
    expect((await runCli("template", "wuhao", "-o", selfPath, "--subject", SUBJECTS[0], "--org", ORG, "--period", "2025", "--rater", "self")).status).toBe(0);
    const selfMeta = await metaOf(selfPath);
    const claimCell = selfMeta["cell:1.3-2:quantity"];
    expect(claimCell).toMatch(/^[A-Z]+\d+$/);
    await fillWithOpenpyxl(selfPath, join(inputs, "自评.xlsx"), { [claimCell]: 98 }, selfMeta.sheet);

    const jsonPath = join(dir, "summary.json");
    const result = await runCli("compile", inputs, "-o", join(dir, "summary.xlsx"), "--json", jsonPath);
    expect(result.status).toBe(0);
    const json = JSON.parse(readFileSync(jsonPath, "utf8"));

    SUBJECTS.forEach((subject, index) => {
      const expected = expectedCounts(marks, index);
      const tally = json.ballots.find((entry: { subject: string }) => entry.subject === subject);
      expect(tally).toEqual(
        expect.objectContaining({ org: ORG, expected: 40, cast: 30, valid: expected.valid, invalid: expected.invalid, counts: expected.counts, goodRate: expected.goodRate, satisfactionRate: expected.satisfactionRate, quorum: true }),
      );
    });

    // invalid marks are problems naming the file and cell
    const cellA = meta["cell:S1:choice"];
    const problem = (file: string) => json.problems.find((entry: { file: string; cell: string }) => entry.file.endsWith(`/${file}`) && entry.cell === cellA);
    expect(problem("选票04.xlsx").message).toContain("未作选择");
    expect(problem("选票08.xlsx").message).toContain("多个等次（好、较好）");
    expect(problem("选票12.xlsx").message).toContain("“优”不是");
    expect(problem("选票30.xlsx").message).toContain("整张选票未作任何选择");

    // 1.3 of the 自评 is scored from the tally's 好 rate, not the claimed 98
    const rate = expectedCounts(marks, 0).goodRate! * 100;
    const row = json.rows.find((entry: { subject: string }) => entry.subject === SUBJECTS[0]);
    expect(row.notes.join("；")).toContain(`1.3-2 按民主测评“好”的比例 ${rate.toFixed(2)}% 计分（本表所填：自评 98）`);
    const warning = json.problems.find((entry: { file: string; cell: string }) => entry.file.endsWith("/自评.xlsx") && entry.cell === claimCell);
    expect(warning).toMatchObject({ severity: "warning" });
    expect(warning.message).toContain(`${rate.toFixed(2)}%`);
    // the tallied rate is below 95%, so 1.3-2 deducts its 2 points; the 自评 alone (claiming 98) loses nothing
    expect(rate).toBeLessThan(95);
    expect(row.total).toBe(98);
    const aloneJson = join(dir, "alone.json");
    expect((await runCli("compile", join(inputs, "自评.xlsx"), "-o", join(dir, "alone.xlsx"), "--json", aloneJson)).status).toBe(0);
    expect(JSON.parse(readFileSync(aloneJson, "utf8")).rows[0].total).toBe(100);

    // the summary workbook has the 测评统计 sheet, with the rules on it
    const summary = await readWorkbookFile(join(dir, "summary.xlsx"));
    const stats = summary.sheets.find((sheet) => sheet.name === "测评统计")!;
    const text = stats.values.flat().filter((value) => typeof value === "string").join("\n");
    expect(text).toContain("计票规则");
    expect(text).toContain("整张空白 1");
    expect(text).toContain("（默认，可在评分细则 ballot 中调整）");
  });
});

describe("计票表", () => {
  test("120 typed ballots, 应到 200: counts as typed, quorum missed, the tally not used for 1.3", async () => {
    const countPath = join(dir, "计票表.xlsx");
    const subjects = ["甲党支部", "乙党支部", "丙党支部"];
    expect((await runCli("ballot", "wuhao", "--count", "-o", countPath, ...subjects.flatMap((subject) => ["--subject", subject]), "--org", ORG, "--expected", "200", "--period", "2025")).status).toBe(0);
    const meta = await metaOf(countPath);
    expect(meta).toMatchObject({ kind: "ballot-count", choices: "好、较好、一般、差" });
    const first = Number(/\d+$/.exec(meta["cell:meta:ballot"])![0]);
    const columns = subjects.map((_, index) => meta[`cell:S${index + 1}:choice`].replace(/\d+$/, ""));
    const rows: (string | null)[][] = Array.from({ length: 120 }, (_, row) =>
      subjects.map((_, index) => {
        const seed = (row * 31 + index * 17) % 23;
        return seed === 0 ? null : seed === 1 ? "好、一般" : seed === 2 ? "很好" : LEVELS[seed % 4 === 3 ? 3 : seed % 5 === 4 ? 1 : seed % 7 === 6 ? 2 : 0];
      }),
    );
    rows[50] = [null, null, null]; // a wholly blank ballot: only its 票号
    const cells: Record<string, string | number | null> = {};
    rows.forEach((marks, row) => {
      cells[`A${first + row}`] = row + 1;
      marks.forEach((mark, index) => (cells[`${columns[index]}${first + row}`] = mark));
    });
    const inputs = join(dir, "count-inputs");
    mkdirSync(inputs);
    await fillWithOpenpyxl(countPath, join(inputs, "计票表.xlsx"), cells, meta.sheet);
    const jsonPath = join(dir, "count.json");
    expect((await runCli("compile", inputs, "-o", join(dir, "count.xlsx"), "--json", jsonPath)).status).toBe(0);
    const json = JSON.parse(readFileSync(jsonPath, "utf8"));
    subjects.forEach((subject, index) => {
      const expected = expectedCounts(rows, index);
      expect(json.ballots[index]).toMatchObject({ subject, expected: 200, cast: 120, valid: expected.valid, invalid: expected.invalid, counts: expected.counts, goodRate: expected.goodRate, satisfactionRate: expected.satisfactionRate, quorum: false });
    });
    expect(json.problems.some((entry: { message: string }) => entry.message.includes("实到 120 人，不足应到 200 人的 2/3"))).toBe(true);
    const blankRow = json.problems.find((entry: { cell: string; message: string }) => entry.message.includes("整张选票"));
    expect(blankRow).toMatchObject({ cell: `${columns[0]}${first + 50}` });
    expect(blankRow.file).toMatch(/计票表\.xlsx$/);
    expect(blankRow.message).toContain("票号 51");
  });
});
