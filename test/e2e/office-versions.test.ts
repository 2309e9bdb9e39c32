/**
 * The whole secretary's flow in real Chromium at ExcelApi 1.7 (Excel 2019), 1.8 and the newest, each with the notices
 * that version gets: insert a template, type entries, totals and problems update live, click a problem, 定稿. Then the
 * 自检 from the help menu at 1.7. One browser, one page per level.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { E2eSession } from "./support/browser";
import { startE2eSession } from "./support/browser";
import type { HarnessWindow } from "./harness/window";
import { eventually } from "./support/eventually";
import { activeSheet, metaValues, paneOf, selection, typeInCell } from "./support/grid";
import { blankTotal, problemsAt, shownTotal } from "./support/scoring";

const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts");

let session: E2eSession;
beforeAll(async () => {
  session = await startE2eSession();
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});

/** What the pane says about reduced features, and what the insert says about the template, at each level. */
const LEVELS = [
  { apiMinor: 7, reduced: ["数据验证", "写入时暂停事件", "批量设置格式", "打印设置", "整个工作簿的修改事件"], insertNotices: [/不支持数据验证/, /不支持设置打印格式/] },
  { apiMinor: 8, reduced: ["批量设置格式", "打印设置", "整个工作簿的修改事件"], insertNotices: [/不支持设置打印格式/] },
  { apiMinor: 12, reduced: [], insertNotices: [] },
];

test.each(LEVELS)("ExcelApi 1.$apiMinor: notices, insert, live totals and problems, jump to a problem, 定稿", async ({ apiMinor, reduced, insertNotices }) => {
  const page = await session.openHarness({ apiMinor, displayLanguage: "zh-CN" });
  const pane = paneOf(page);

  const notice = pane.getByTestId("feature-notice");
  if (reduced.length === 0) {
    await pane.getByRole("button", { name: "插入评分表", exact: true }).waitFor();
    expect(await notice.count()).toBe(0);
  } else {
    await notice.getByText(`当前 Excel 支持 ExcelApi 1.${apiMinor}，以下功能有所简化`).waitFor();
    const items = await notice.locator("li").allInnerTexts();
    expect(items.map((item) => item.split("：")[0])).toEqual(reduced);
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-excelapi-1.${apiMinor}.png`) });
  }

  await page.locator('[data-scheme="lianghua-yichuang"]').click();
  await pane.getByLabel("支部名称").fill("化学系第一党支部");
  await pane.getByRole("button", { name: "插入评分表", exact: true }).click();
  await pane.getByText(/已插入评分表“.+”/).waitFor();
  for (const expected of insertNotices) await pane.getByText(expected).waitFor();
  if (insertNotices.length === 0) expect(await pane.getByText(/当前 Excel 版本不支持/).count()).toBe(0);
  const sheet = await activeSheet(page);
  const meta = await metaValues(page, "_meta");

  await pane.getByRole("tab", { name: "评分", exact: true }).click();
  await eventually(() => shownTotal(page), String(blankTotal()));
  // 1.1-3 allows 0.5–1: 0.3 is an error on its cell, and 定稿 waits for it
  const outOfRange = meta["cell:1.1-3:deduction"];
  expect(await typeInCell(page, outOfRange, "0.3")).toBeNull();
  await problemsAt(page, outOfRange).first().waitFor();
  expect(await problemsAt(page, outOfRange).first().getAttribute("data-severity")).toBe("error");
  expect(await pane.getByRole("button", { name: "定稿", exact: true }).isDisabled()).toBe(true);

  await page.locator(".sheet-grid td[data-address='A1']").click();
  await problemsAt(page, outOfRange).first().getByRole("button", { name: outOfRange, exact: true }).click();
  await eventually(() => selection(page), { sheet, address: outOfRange });

  expect(await typeInCell(page, outOfRange, "1")).toBeNull();
  expect(await typeInCell(page, meta["cell:1.1-3:reason"], "党小组划分不合理")).toBeNull();
  await eventually(() => shownTotal(page), String(blankTotal() - 1));
  await eventually(() => pane.locator("li[data-severity='error']").count(), 0);
  await pane.getByRole("button", { name: "定稿", exact: true }).click();
  await pane.getByText(/^已定稿/).waitFor();
  expect((await metaValues(page, "_meta")).status).toBe("final");
  expect(await typeInCell(page, outOfRange, "0.5")).toMatch(/受保护/);

  if (apiMinor === 7) {
    // 自检 from the help menu, in the same workbook: every step passes and the user's sheets are left as they were
    const sheetsBefore = await page.evaluate(() => (window as unknown as HarnessWindow).harness.excel.sheetNames());
    await pane.getByRole("button", { name: "帮助", exact: true }).click();
    await page.getByRole("menuitem", { name: "自检" }).click();
    await pane.getByRole("button", { name: "开始自检", exact: true }).click();
    const report = pane.getByRole("textbox", { name: "自检报告（可复制发给技术支持）" });
    await report.waitFor();
    const text = await report.inputValue();
    expect(text).toContain("ExcelApi 1.7");
    expect(text).toContain("整个工作簿的修改事件: 简化（需要 ExcelApi 1.9）");
    expect(text).toMatch(/5\. 实时修改: 通过 · \d+ 次同步/);
    expect(text).toContain("6/6 步通过");
    await page.screenshot({ path: path.join(ARTIFACTS, "self-test-zh-CN.png") });
    expect(await page.evaluate(() => (window as unknown as HarnessWindow).harness.excel.sheetNames())).toEqual(sheetsBefore);
    await pane.getByRole("button", { name: "返回", exact: true }).click();
    await pane.getByRole("tab", { name: "评分", exact: true }).waitFor();
  }
  await page.close();
});
