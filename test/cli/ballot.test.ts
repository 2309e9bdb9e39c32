/** `branch-scoring ballot`: what it refuses, and that it never overwrites without --force. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/run-cli";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-ballot-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each([
  [["--copies", "0"], "--copies 应为 1 至 500 的整数"],
  [["--expected", "二十"], "--expected 应为"],
  [["--subject", "甲", "--subject", "乙", "--org", "A", "--org", "B", "--org", "C"], "--org 给了 3 个，--subject 给了 2 个"],
  [["--count"], "计票表需要测评对象"],
])("refuses %p", async (extra, message) => {
  const out = join(dir, "refused.xlsx");
  const result = await runCli("ballot", "wuhao", "-o", out, ...extra);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(message);
  expect(existsSync(out)).toBe(false);
});

test("an unknown scheme is refused; an existing file is kept unless --force", async () => {
  expect((await runCli("ballot", "no-such", "-o", join(dir, "x.xlsx"))).status).toBe(1);
  const mine = join(dir, "mine.xlsx");
  writeFileSync(mine, "my own file");
  const refused = await runCli("ballot", "wuhao", "-o", mine, "--subject", "甲");
  expect(refused.status).toBe(1);
  expect(readFileSync(mine, "utf8")).toBe("my own file");
  expect((await runCli("ballot", "wuhao", "-o", mine, "--subject", "甲", "--force")).status).toBe(0);
  expect(readFileSync(mine).subarray(0, 2).toString()).toBe("PK");
});

test("a custom rubric's own levels go into the ballot's choices", async () => {
  const rubric = join(dir, "rubric.json");
  writeFileSync(
    rubric,
    JSON.stringify({
      id: "shuzhi",
      title: "述职评议",
      version: "1",
      ballot: { levels: ["优秀", "称职", "基本称职", "不称职"] },
      sections: [{ code: "1", title: "履职", points: 100, indicators: [{ code: "1.1", title: "履职", points: 100, rules: [{ kind: "discretionary", text: "酌情扣分" }] }] }],
    }),
  );
  const out = join(dir, "shuzhi.xlsx");
  const result = await runCli("ballot", "shuzhi", "--rubric", rubric, "-o", out, "--subject", "张三");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("等次：优秀、称职、基本称职、不称职");
});

test("score on a ballot says it is tallied by compile, not scored", async () => {
  const out = join(dir, "for-score.xlsx");
  expect((await runCli("ballot", "wuhao", "-o", out, "--subject", "甲")).status).toBe(0);
  const result = await runCli("score", out);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("是民主测评表或计票表，不单独计分");
});
