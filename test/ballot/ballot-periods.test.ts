/**
 * 民主测评 and the 考核年度: ballots carry their year like score files. A folder holding 2025 and 2024 ballots is refused
 * without --period (the years listed); with --period only that year's ballots are tallied and the others are listed as
 * 其他年度（未汇总）. Ballots are real files written by the command and filled by openpyxl; the expected counts are
 * the test's own tally of the marks it typed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { runCli } from "../support/run-cli";
import { fillManyWithOpenpyxl, type OpenpyxlFill } from "../support/spreadsheet-programs";

jest.setTimeout(240_000);

const ORG = "机电工程学院党委";
const SUBJECT = "机电工程学院教工第一党支部";
/** marks typed on each year's ballots */
const MARKS: Record<string, string[]> = { "2025": ["好", "好", "较好", "好"], "2024年度": ["一般", "差", "好"] };

let dir: string;
let inputs: string;

async function metaOf(path: string): Promise<Record<string, string>> {
  const meta = (await readWorkbookFile(path)).sheets.find((sheet) => sheet.name === "_meta")!;
  return Object.fromEntries(meta.values.filter((row) => row[0] !== null).map((row) => [String(row[0]), String(row[1] ?? "")]));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-ballot-year-"));
  inputs = join(dir, "inputs");
  mkdirSync(inputs);
  const fills: OpenpyxlFill[] = [];
  for (const [period, marks] of Object.entries(MARKS)) {
    const blank = join(dir, `测评表-${period}.xlsx`);
    expect((await runCli("ballot", "wuhao", "-o", blank, "--subject", SUBJECT, "--org", ORG, "--period", period)).status).toBe(0);
    const meta = await metaOf(blank);
    marks.forEach((mark, voter) => fills.push({ in: blank, out: join(inputs, `${period}-选票${voter + 1}.xlsx`), sheet: meta.sheet, cells: { [meta["cell:S1:choice"]]: mark } }));
  }
  await fillManyWithOpenpyxl(fills);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("ballots of two years without --period are refused, naming the years and how to choose", async () => {
  const run = await runCli("compile", inputs, "-o", join(dir, "两年.xlsx"));
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`2025（${MARKS["2025"].length} 份）、2024年度（${MARKS["2024年度"].length} 份）`);
  expect(run.stderr).toContain("--period 2025");
});

test.each(Object.keys(MARKS))("--period %s tallies that year's ballots only; the other year's are 其他年度（未汇总）", async (period) => {
  const json = join(dir, `${period}.json`);
  const run = await runCli("compile", inputs, "-o", join(dir, `${period}.xlsx`), "--json", json, "--period", period.slice(0, 4));
  expect(run.status).toBe(0);
  const result = JSON.parse(readFileSync(json, "utf8"));
  const marks = MARKS[period];
  const counts = Object.fromEntries(["好", "较好", "一般", "差"].map((level) => [level, marks.filter((mark) => mark === level).length]));
  expect(result.ballots).toEqual([expect.objectContaining({ subject: SUBJECT, cast: marks.length, valid: marks.length, counts })]);
  const other = Object.keys(MARKS).find((p) => p !== period)!;
  expect(result.otherPeriods.map((item: { period: string }) => item.period)).toEqual(MARKS[other].map(() => other));
  expect(run.stdout).toContain(`其他年度（未汇总）：${other} ${MARKS[other].length} 份`);
});
