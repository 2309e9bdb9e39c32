/**
 * The 汇总 tab in real Chromium with real .xlsx files: upload branch workbooks (and one broken file) through the file
 * input, watch one line per file, preview the ranking and the problem, 生成汇总表 into the Excel double, drop one more
 * workbook onto the pane and generate again — our sheets are replaced (no 汇总 (2)) and the user's sheet is untouched.
 * Expected totals are the engine's on the entries written into the files.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { strFromU8, unzipSync } from "fflate";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import type { Scalar } from "../support/excel-double/state";
import { metaOf, scheme, writeFilled } from "../batch/workbooks";
import type { E2eSession } from "./support/browser";
import { startE2eSession } from "./support/browser";
import { eventually } from "./support/eventually";
import { paneOf, sheetData, sheetNames } from "./support/grid";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const DOCS_SCREENSHOT = path.join(ROOT, "docs/screenshots/summary-pane.png");
const SCHEME = "lianghua-yichuang";
const BROKEN = "损坏的评分表.xlsx";
const USER_SHEET: (Scalar | null)[][] = [
  ["支部", "联系人"],
  ["物理学院教工第一党支部", "李四"],
];

interface Branch {
  file: string;
  subject: string;
  total: number;
}

let session: E2eSession;
let dir: string;
const branches: Branch[] = [];

async function writeBranch(index: number): Promise<Branch> {
  const subject = `物理学院教工第${"一二三四五六"[index]}党支部`;
  const file = `${subject}-考评.xlsx`;
  const entries = sampleEntries(scheme(SCHEME), seededRandom(40 + index), { findRate: 0.15, awardShare: 0.8 });
  const result = await writeFilled(path.join(dir, file), SCHEME, entries, metaOf(subject, "物理学院党委"));
  return { file, subject, total: result.total };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bs-e2e-summary-"));
  for (let i = 0; i < 5; i++) branches.push(await writeBranch(i));
  // a workbook cut short, as an interrupted download leaves it
  const whole = await readFile(path.join(dir, branches[0].file));
  await writeFile(path.join(dir, BROKEN), whole.subarray(0, Math.floor(whole.length / 2)));
  await mkdir(ARTIFACTS, { recursive: true });
  session = await startE2eSession();
}, 180_000);

afterAll(async () => {
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function fileLine(page: Page, file: string) {
  return paneOf(page).locator(`[data-testid="summary-file-lines"] > li[data-file="${file}"]`);
}

/** subject → 总分 as the written 汇总 sheet holds them */
async function writtenTotals(page: Page, sheet: string): Promise<Record<string, Scalar | null>> {
  const { values } = await sheetData(page, sheet);
  const header = values.find((row) => row.includes("总分")) ?? [];
  // the table's rows (a name in the name column); the 制表单位 and 制表人 lines below it are not rows of the table
  const rows = values.slice(values.indexOf(header) + 1).filter((row) => row[header.indexOf("支部名称")] != null);
  return Object.fromEntries(rows.map((row) => [String(row[header.indexOf("支部名称")]), row[header.indexOf("总分")]]));
}

function expectedTotals(list: readonly Branch[]): Record<string, number> {
  return Object.fromEntries(list.map((branch) => [branch.subject, branch.total]));
}

/** Drops a file from disk onto the pane's drop zone, as dragging it from the file manager does. */
async function dropFile(page: Page, file: string): Promise<void> {
  const base64 = (await readFile(path.join(dir, file))).toString("base64");
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name));
      return transfer;
    },
    { name: file, data: base64 },
  );
  const zone = paneOf(page).getByTestId("summary-file-input").locator("..");
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
}

test("upload, preview, 生成汇总表, drop one more, generate again: our sheets replaced, the user's untouched", async () => {
  const page = await session.openHarness({ apiMinor: 12, displayLanguage: "zh-CN", values: { 支部名单: USER_SHEET } });
  const pane = paneOf(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await pane.getByRole("tab", { name: "汇总" }).click();

  const first = branches.slice(0, 4);
  await pane.getByTestId("summary-file-input").setInputFiles([...first.map((branch) => path.join(dir, branch.file)), path.join(dir, BROKEN)]);

  // one line per file: ✓ for the branches, ✗ with the reason for the broken one
  for (const branch of first) await fileLine(page, branch.file).and(pane.locator('[data-state="compiled"]')).waitFor();
  const broken = fileLine(page, BROKEN);
  await broken.and(pane.locator('[data-state="failed"]')).waitFor();
  expect(await broken.innerText()).toContain(`“${BROKEN}”`);
  expect(await pane.getByText("已汇总 4 / 5 个文件").count()).toBe(1);
  // the files were read and scored in Web Workers, off the pane's thread
  expect(workers.length).toBeGreaterThan(0);

  // the ranking preview: highest total first, the engine's totals
  const ranking = pane.getByTestId("summary-ranking").locator("tbody tr");
  const byTotal = [...first].sort((a, b) => b.total - a.total || a.subject.localeCompare(b.subject, "zh-CN"));
  await eventually(() => ranking.count(), byTotal.length);
  for (const [index, branch] of byTotal.entries()) {
    const cells = await ranking.nth(index).locator("td").allInnerTexts();
    expect([cells[1].split("\n")[0], Number(cells[2])]).toEqual([branch.subject, branch.total]);
  }
  // the problem preview names the broken file
  expect(await pane.getByTestId("summary-problems").getByText(BROKEN, { exact: true }).count()).toBe(1);

  await pane.getByRole("button", { name: "生成汇总表" }).click();
  await pane.getByTestId("summary-written").waitFor();
  expect(await sheetNames(page)).toEqual(["Sheet1", "支部名单", "汇总", "统计", "问题清单", "来源与备注", "_rows", "_summary"]);
  expect(await writtenTotals(page, "汇总")).toEqual(expectedTotals(first));
  const stats = await sheetData(page, "统计");
  expect(stats.charts).toHaveLength(1);
  expect(stats.charts[0].title).toBe("等次分布");
  const problems = await sheetData(page, "问题清单");
  expect(problems.values.some((row) => row[0] === BROKEN)).toBe(true);
  const userSheet = await sheetData(page, "支部名单");

  // tall enough for the whole pane, scrolled to its top: file lines, ranking, problems and the outcome in one picture
  await page.setViewportSize({ width: 1280, height: 1300 });
  await pane.evaluate((element) => element.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, "summary-pane.png") });
  // the README picture is replaced only on request (npm run screenshot:panes), not by every test run
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    await mkdir(path.dirname(DOCS_SCREENSHOT), { recursive: true });
    await copyFile(path.join(ARTIFACTS, "summary-pane.png"), DOCS_SCREENSHOT);
  }

  // a fifth branch arrives later and is dropped onto the pane
  await dropFile(page, branches[4].file);
  await fileLine(page, branches[4].file).and(pane.locator('[data-state="compiled"]')).waitFor();
  await pane.getByText("已汇总 5 / 6 个文件").waitFor();
  await pane.getByRole("button", { name: "生成汇总表" }).click();
  await pane.getByText("上次生成的 “汇总”、“统计”、“问题清单”、“来源与备注” 已替换，其他工作表未改动。").waitFor();

  expect(await sheetNames(page)).toEqual(["Sheet1", "支部名单", "汇总", "统计", "问题清单", "来源与备注", "_rows", "_summary"]);
  expect(await writtenTotals(page, "汇总")).toEqual(expectedTotals(branches));
  expect((await sheetData(page, "统计")).charts).toHaveLength(1);
  expect(await sheetData(page, "支部名单")).toEqual(userSheet);

  // 竞赛式排名: the files are compiled again with that style, and the written 汇总 says so
  await pane.getByRole("radio", { name: /竞赛式排名/ }).check();
  await pane.locator('[data-testid="summary-ranking"][data-rank-style="competition"]').waitFor();
  await pane.getByRole("button", { name: "生成汇总表" }).click();
  await eventually(async () => String((await sheetData(page, "汇总")).values[1]?.[0]).includes("竞赛式排名"), true);
  expect(await sheetNames(page)).toEqual(["Sheet1", "支部名单", "汇总", "统计", "问题清单", "来源与备注", "_rows", "_summary"]);
  expect(await sheetData(page, "支部名单")).toEqual(userSheet);
});

test("汇总 offers 结果通报.docx and 公示名单.docx for download, made in the browser from the same summary", async () => {
  const page = await session.openHarness({ apiMinor: 12, displayLanguage: "zh-CN" });
  const pane = paneOf(page);
  await pane.getByRole("tab", { name: "汇总" }).click();
  const some = branches.slice(0, 3);
  await pane.getByTestId("summary-file-input").setInputFiles(some.map((branch) => path.join(dir, branch.file)));
  for (const branch of some) await fileLine(page, branch.file).and(pane.locator('[data-state="compiled"]')).waitFor();

  const texts: Record<string, string> = {};
  for (const file of ["结果通报.docx", "公示名单.docx"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), pane.getByRole("button", { name: `下载${file}` }).click()]);
    expect(download.suggestedFilename()).toBe(file);
    const saved = path.join(dir, `下载-${file}`);
    await download.saveAs(saved);
    // the document's own text (Word's XML without its tags): a real .docx, not an error page
    const documentXml = unzipSync(new Uint8Array(await readFile(saved)))["word/document.xml"];
    texts[file] = strFromU8(documentXml).replace(/<[^>]+>/g, "");
  }
  expect(texts["结果通报.docx"]).toContain("考评结果的通报");
  for (const branch of some) expect(texts["结果通报.docx"]).toContain(branch.subject);
  expect(texts["公示名单.docx"]).toContain("名单公示");
});
