/** `branch-scoring ballot`: what it refuses, and that it never overwrites without --force. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
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

describe("--roster", () => {
  const roster = join(__dirname, "..", "..", "examples", "党支部名单.csv");
  const rosterLines = () =>
    readFileSync(roster, "utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .filter((line) => line.trim() !== "")
      .slice(1)
      .map((line) => line.split(","));

  async function metaValues(path: string): Promise<Record<string, string>> {
    const book = await readWorkbookFile(path);
    const values: Record<string, string> = {};
    for (const row of book.sheets.find((sheet) => sheet.name === "_meta")!.values) values[String(row[0])] = String(row[1] ?? "");
    const sheet = book.sheets.find((grid) => grid.name === values.sheet)!;
    for (const [key, address] of Object.entries(values)) {
      const match = /^cell:S\d+:(subject|org)$/.test(key) ? /^([A-Z])(\d+)$/.exec(address) : null;
      if (match) values[key] = String(sheet.values[Number(match[2]) - 1][match[1].charCodeAt(0) - 65]);
    }
    return values;
  }

  test("one row per branch of the roster, with its 所属党组织", async () => {
    const out = join(dir, "roster-ballot.xlsx");
    expect((await runCli("ballot", "wuhao", "--roster", roster, "-o", out)).status).toBe(0);
    const meta = await metaValues(out);
    const lines = rosterLines();
    lines.forEach(([, subject, org], index) => {
      expect(meta[`cell:S${index + 1}:subject`]).toBe(subject);
      expect(meta[`cell:S${index + 1}:org`]).toBe(org);
    });
    expect(meta[`cell:S${lines.length + 1}:subject`]).toBeUndefined();
  });

  test("a scheme about secretaries rates each branch's 书记", async () => {
    const out = join(dir, "roster-secretaries.xlsx");
    expect((await runCli("ballot", "sibi-sikan", "--roster", roster, "-o", out)).status).toBe(0);
    const meta = await metaValues(out);
    rosterLines().forEach(([, , org, secretary], index) => {
      expect(meta[`cell:S${index + 1}:subject`]).toBe(secretary);
      expect(meta[`cell:S${index + 1}:org`]).toBe(org);
    });
  });

  test("--roster with --subject is refused", async () => {
    const result = await runCli("ballot", "wuhao", "--roster", roster, "--subject", "甲", "-o", join(dir, "both.xlsx"));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--roster 与 --subject/--org 只能选一种");
  });
});
