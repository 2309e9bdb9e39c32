/** A host below ExcelApi 1.7 (e.g. Excel 2016) gets the unsupported message instead of the pane, in real Chromium. */
import type { E2eSession } from "./support/browser";
import { startE2eSession } from "./support/browser";

let session: E2eSession;

beforeAll(async () => {
  session = await startE2eSession();
});

afterAll(async () => {
  await session?.close();
});

test("ExcelApi 1.6 shows the unsupported message, names the version and offers the command line", async () => {
  const page = await session.openHarness({ apiMinor: 6 });
  const message = page.getByText("当前 Excel 版本不支持本加载项");
  await message.waitFor();
  await page.getByText("当前版本仅支持 ExcelApi 1.6").waitFor();
  await page.getByText("npx branch-scoring template lianghua-yichuang").waitFor();
  expect(await page.getByRole("button", { name: "插入评分表", exact: true }).count()).toBe(0);
  await page.close();
});

test("ExcelApi 1.7 gets the pane", async () => {
  const page = await session.openHarness({ apiMinor: 7 });
  await page.getByRole("button", { name: "插入评分表", exact: true }).waitFor();
  expect(await page.getByText("当前 Excel 版本不支持本加载项").count()).toBe(0);
  await page.close();
});
