/**
 * The 评分表 view in real Chromium with a 党支部名单 sheet in the workbook: the branch picker (a Fluent Combobox) lists
 * the roster's branches, typing filters them, picking one fills the header, and the inserted template carries the
 * roster's 编号 as subjectId in `_meta`.
 */
import type { E2eSession } from "./support/browser";
import { startE2eSession } from "./support/browser";
import { activeSheet, metaValues, paneOf } from "./support/grid";

const ROSTER = [
  ["编号", "支部名称", "所属党组织", "书记"],
  ["A01", "机电工程学院教工第一党支部", "机电工程学院党委", "张三"],
  ["B01", "机关第一党支部", "机关党委", "王五"],
];

let session: E2eSession;
beforeAll(async () => {
  session = await startE2eSession();
});
afterAll(async () => {
  await session?.close();
});

test("pick a branch from the roster sheet, insert: header filled, subjectId recorded", async () => {
  const page = await session.openHarness({ apiMinor: 12, displayLanguage: "zh-CN", values: { 党支部名单: ROSTER } });
  const pane = paneOf(page);
  await page.locator('[data-scheme="lianghua-yichuang"]').click();
  const picker = pane.getByRole("combobox", { name: /从党支部名单（工作表“党支部名单”）选择/ });
  await picker.click();
  await page.keyboard.type("机关");
  const option = page.getByRole("option", { name: "机关第一党支部（机关党委）" });
  await option.waitFor();
  // typing filtered the list: the other organisation's branch is not offered
  expect(await page.getByRole("option", { name: /机电工程学院/ }).count()).toBe(0);
  await option.click();
  await expectValue(pane.getByLabel("支部名称"), "机关第一党支部");
  await expectValue(pane.getByLabel("所属党组织"), "机关党委");
  await pane.getByRole("button", { name: "插入评分表", exact: true }).click();
  await pane.getByText(/已插入评分表“.+”/).waitFor();
  const meta = await metaValues(page, "_meta");
  expect(meta.sheet).toBe(await activeSheet(page));
  expect(meta.subjectId).toBe("B01");
});

async function expectValue(locator: ReturnType<typeof paneOf>, value: string): Promise<void> {
  expect(await locator.inputValue()).toBe(value);
}
