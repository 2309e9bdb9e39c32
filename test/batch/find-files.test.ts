/**
 * findWorkbooks on real folders: a workbook reached twice — named again, through a link to it, through a linked
 * folder — is listed once, under the name it was first reached by; lock files and our output are skipped.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findWorkbooks } from "../../src/batch/find-files";

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "bs-find-files-"));
  for (const folder of ["甲", "乙", "丙"]) mkdirSync(join(root, folder));
  writeFileSync(join(root, "甲", "一支部.xlsx"), "not read here");
  writeFileSync(join(root, "甲", "二支部.xlsx"), "not read here");
  writeFileSync(join(root, "甲", "旧表.xls"), "not read here");
  writeFileSync(join(root, "甲", "~$一支部.xlsx"), "lock");
  writeFileSync(join(root, "乙", "三支部.xlsx"), "not read here");
  symlinkSync(join(root, "甲", "一支部.xlsx"), join(root, "乙", "一支部的链接.xlsx"));
  symlinkSync(join(root, "甲", "旧表.xls"), join(root, "乙", "旧表的链接.xls"));
  symlinkSync(join(root, "甲"), join(root, "丙", "甲的链接"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const names = (found: Awaited<ReturnType<typeof findWorkbooks>>) => found.workbooks.map((workbook) => workbook.name);

test("each workbook once, under the name it was first reached by, however often it is reached", async () => {
  const found = await findWorkbooks([join(root, "甲"), join(root, "乙"), join(root, "丙"), join(root, "甲", "二支部.xlsx"), join(root, "甲")]);
  expect(names(found)).toEqual([join(root, "甲", "一支部.xlsx"), join(root, "甲", "二支部.xlsx"), join(root, "甲", "旧表.xls"), join(root, "乙", "三支部.xlsx")]);
  expect(found.workbooks.find((workbook) => workbook.name.endsWith("旧表.xls"))?.otherFormat).toMatch(/\.xls\)/);
  expect(found.skipped).toEqual([{ name: join(root, "甲", "~$一支部.xlsx"), reason: expect.stringMatching(/锁定文件/) }]);
});

test("reached first through a link, a workbook keeps the link's name and its target is not listed again", async () => {
  const found = await findWorkbooks([join(root, "乙"), join(root, "丙"), join(root, "甲", "一支部.xlsx")]);
  expect(names(found)).toEqual([
    join(root, "乙", "一支部的链接.xlsx"),
    join(root, "乙", "三支部.xlsx"),
    join(root, "乙", "旧表的链接.xls"),
    join(root, "丙", "甲的链接", "二支部.xlsx"),
  ]);
});

test("a file named inside a linked folder is the same file as in its real folder", async () => {
  const found = await findWorkbooks([join(root, "丙", "甲的链接", "二支部.xlsx"), join(root, "甲")]);
  expect(names(found)).toEqual([join(root, "丙", "甲的链接", "二支部.xlsx"), join(root, "甲", "一支部.xlsx"), join(root, "甲", "旧表.xls")]);
});
