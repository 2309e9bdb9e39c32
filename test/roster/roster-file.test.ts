/** Reading a 党支部名单: real .csv files in GBK and UTF-8 (with and without BOM) and an .xlsx written by openpyxl. */
import iconv from "iconv-lite";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRosterFile } from "../../src/batch/roster-file";
import type { Roster } from "../../src/roster/roster";
import { newWorkbookWithOpenpyxl } from "../support/spreadsheet-programs";

let dir: string;
const ROWS = [
  ["支部名称", "所属党组织", "书记", "类别"],
  ["教工第一党支部", "机电工程学院党委", "张三", "教工"],
  ["学生第一党支部", "机电工程学院党委", "李四", "学生"],
  ["机关第一党支部", "机关党委", "王五", "机关"],
];
const csv = (rows: string[][]) => rows.map((row) => row.join(",")).join("\r\n") + "\r\n";

async function read(name: string, content: string | Buffer): Promise<ReturnType<typeof readRosterFile>> {
  const path = join(dir, name);
  writeFileSync(path, content);
  return readRosterFile(path);
}

async function roster(name: string, content: string | Buffer): Promise<Roster> {
  const outcome = await read(name, content);
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  return outcome.roster;
}

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "bs-roster-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("GBK, UTF-8 and UTF-8 with BOM give the same roster", async () => {
  const gbk = await roster("gbk.csv", iconv.encode(csv(ROWS), "gbk"));
  const utf8 = await roster("utf8.csv", csv(ROWS));
  const bom = await roster("bom.csv", "\ufeff" + csv(ROWS));
  expect(gbk.entries.map((entry) => [entry.subject, entry.org, entry.secretary, entry.category])).toEqual(ROWS.slice(1).map(([s, o, sec, c]) => [s, o, sec, c]));
  for (const other of [utf8, bom]) expect(other.entries).toEqual(gbk.entries);
});

test("an .xlsx roster with other header names (党支部名称, 上级党组织) gives the same ids as the CSV", async () => {
  const path = join(dir, "名单.xlsx");
  await newWorkbookWithOpenpyxl(path, [["党支部名称", "上级党组织", "书记", "类别"], ...ROWS.slice(1)]);
  const outcome = await readRosterFile(path);
  const csvRoster = await roster("same.csv", csv(ROWS));
  expect(outcome.ok && outcome.roster.entries.map((entry) => entry.id)).toEqual(csvRoster.entries.map((entry) => entry.id));
});

test("ids without 编号 are stable: row order, spaces and full-width forms do not change them; distinct branches differ", async () => {
  const first = await roster("a.csv", csv(ROWS));
  const reordered = await roster("b.csv", csv([ROWS[0], ROWS[3], [" 教工第一党支部\u3000", "\u3000机电工程学院党委 ", "张三", "教工"], ROWS[2]]));
  const idOf = (r: Roster, subject: string) => r.entries.find((entry) => entry.subject === subject)?.id;
  for (const subject of ["教工第一党支部", "学生第一党支部", "机关第一党支部"]) expect(idOf(reordered, subject)).toBe(idOf(first, subject));
  expect(new Set(first.entries.map((entry) => entry.id)).size).toBe(3);
  expect(first.entries[0].id).toMatch(/^R[0-9a-f]{12}$/);
});

test("编号 is used as the id when given", async () => {
  const withIds = await roster("ids.csv", csv([["编号", "名称", "党委/党总支"], ["A01", "教工第一党支部", "机电工程学院党委"], ["A02", "机关第一党支部", "机关党委"]]));
  expect(withIds.entries.map((entry) => entry.id)).toEqual(["A01", "A02"]);
});

test("bad rosters: every problem names the file and the row", async () => {
  const missing = await read("missing.csv", csv([["支部名称", "书记"], ["教工第一党支部", "张三"]]));
  expect(missing.ok).toBe(false);
  expect(!missing.ok && missing.errors).toEqual([expect.stringMatching(/missing\.csv.*第 1 行.*缺少「所属党组织」/)]);

  const bad = await read(
    "bad.csv",
    csv([["编号", "支部名称", "所属党组织"], ["1", "教工第一党支部", "机电党委"], ["2", "", "机电党委"], ["3", "教工第一党支部", "机电党委"], ["1", "学生党支部", "机电党委"]]),
  );
  expect(!bad.ok && bad.errors).toEqual([
    expect.stringMatching(/bad\.csv.*第 3 行：支部名称为空/),
    expect.stringMatching(/bad\.csv.*第 4 行.*与第 2 行重复/),
    expect.stringMatching(/bad\.csv.*第 5 行：编号“1”与第 2 行重复/),
  ]);
  const wrongType = await read("名单.txt", "x");
  expect(!wrongType.ok && wrongType.errors[0]).toMatch(/应为 \.xlsx 或 \.csv/);
});
