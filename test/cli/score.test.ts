/** `branch-scoring score` on real files: the --json object of contracts.md, the human report and the exit codes. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli as run } from "../support/run-cli";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { getScheme } from "../../src/rubric/catalogue";
import { parseRubric } from "../../src/rubric/parse";
import { lianghuaYichuang } from "../../src/rubric/schemes/lianghua-yichuang";
import type { Scheme } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { Entries } from "../../src/scoring/types";
import { fillTemplatePlan } from "../../src/sheet/fill";
import { parseA1 } from "../../src/sheet/addresses";
import { planTemplate } from "../../src/sheet/planner";
import type { WorkbookPlan } from "../../src/sheet/types";

const scheme = getScheme("lianghua-yichuang") as Scheme;
const meta = { subject: "化工学院学生第二党支部", org: "化工学院党委", period: "2025年度", rater: "self" as const };
const entries: Entries = {
  rules: {
    "1.1-2": { deduction: 1, reason: "党员人数不足" },
    "2.2-1": { quantity: 2, deduction: 1 }, // no reason: an error, still scored
    "6.1-1": { award: 5, reason: "获校级表彰" },
  },
  vetoes: {},
};
// by hand: 1.1 = 4, 2.2 = 3, 6.1 = 5, everything else full: 100 − 20 (no award) − 1 − 1 + 5 = 83 → 较好, passing
const HAND_TOTAL = 83;

let dir: string;
const paths = { good: "", notXlsx: "", noMeta: "", custom: "", rubric: "", badRubric: "" };

/** The plan's own `_meta` address for a key. */
function plannedAddress(plan: WorkbookPlan, key: string): string {
  const row = plan.sheets.find((sheet) => sheet.name === "_meta")!.cells.find((cells) => cells[0]?.value === key)!;
  return String(row[1]!.value);
}

/** The total's formula replaced by a number, as a user typing over it would. */
function withTotalTypedOver(plan: WorkbookPlan, value: number): WorkbookPlan {
  const { row, column } = parseA1(plannedAddress(plan, "cell:total:score"))!;
  const sheets = plan.sheets.map((sheet) => {
    if (sheet.name !== plan.activate) return sheet;
    const cells = sheet.cells.map((cells) => [...cells]);
    cells[row][column] = { value, style: cells[row][column]?.style };
    return { ...sheet, cells };
  });
  return { ...plan, sheets };
}


beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-cli-score-"));
  const plan = planTemplate(scheme, meta);
  paths.good = join(dir, "化工学院学生第二党支部.xlsx");
  await writePlanToFile(withTotalTypedOver(fillTemplatePlan(plan, entries, meta), 99), paths.good);

  paths.notXlsx = join(dir, "名单.xlsx");
  writeFileSync(paths.notXlsx, "支部,得分\n第一党支部,90\n");

  paths.noMeta = join(dir, "no-meta.xlsx");
  await writePlanToFile({ sheets: plan.sheets.filter((sheet) => sheet.name !== "_meta"), activate: plan.activate }, paths.noMeta);

  const customData = { ...lianghuaYichuang, id: "our-own", title: "本单位考评细则" };
  const custom = parseRubric(customData).scheme as Scheme;
  paths.rubric = join(dir, "our-own.json");
  writeFileSync(paths.rubric, JSON.stringify(customData));
  paths.custom = join(dir, "custom.xlsx");
  await writePlanToFile(fillTemplatePlan(planTemplate(custom, meta), entries, meta), paths.custom);
  paths.badRubric = join(dir, "broken.json");
  writeFileSync(paths.badRubric, "{ not json");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("score --json", () => {
  test("prints exactly the contract's object, computed from the inputs", async () => {
    const { status, stdout } = await run("score", paths.good, "--json");
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    const contractKeys = ["file", "scheme", "schemeVersion", "subject", "org", "period", "rater", "total", "max", "band", "pass", "vetoed", "vetoReasons", "sections", "indicators", "issues"];
    expect(Object.keys(json)).toEqual([...contractKeys, "sheet", "fields", "status", "errors"]);
    const expected = scoreEntries(scheme, entries);
    expect(expected.total).toBe(HAND_TOTAL);
    expect(json).toEqual(
      expect.objectContaining({
        file: paths.good,
        scheme: "lianghua-yichuang",
        schemeVersion: scheme.version,
        subject: meta.subject,
        org: meta.org,
        period: meta.period,
        rater: "self",
        total: HAND_TOTAL,
        max: 100,
        band: "较好",
        pass: true,
        vetoed: false,
        vetoReasons: [],
        // filled but 填写中, with one error (a missing reason): the sheet shows 有 1 处填写错误 instead of 较好
        status: "draft",
        errors: 1,
      }),
    );
    expect(json.sections).toEqual(expected.sections.map(({ code, title, points, score }) => ({ code, title, points, score })));
    expect(json.indicators).toEqual(expected.indicators.map(({ code, points, deduction, award, score }) => ({ code, points, deduction, award, score })));
    for (const issue of json.issues) expect(Object.keys(issue).sort()).toEqual(["cell", "code", "kind", "message", "severity"]);
  });

  test("the typed-over total (99) is a warning naming its cell; the missing reason an error naming the reason cell", async () => {
    const { stdout } = await run("score", paths.good, "--json");
    const json = JSON.parse(stdout);
    const plan = planTemplate(scheme, meta);
    expect(json.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: "warning", kind: "cached-mismatch", cell: plannedAddress(plan, "cell:total:score") }),
        expect.objectContaining({ severity: "error", kind: "reason-missing", code: "2.2-1", cell: plannedAddress(plan, "cell:2.2-1:reason") }),
      ]),
    );
    expect(json.issues).toHaveLength(2);
  });
});

describe("score (human report)", () => {
  test("subject header, section table, total, band, then the problems", async () => {
    const { status, stdout } = await run("score", paths.good);
    expect(status).toBe(0);
    expect(stdout).toContain(`支部名称：${meta.subject}`);
    expect(stdout).toContain("评价方：自评");
    for (const section of scheme.sections) expect(stdout).toContain(`${section.code} ${section.title}`);
    // one error on the sheet: the total stays, the verdict gives way to the error count, as on the sheet
    expect(stdout).toMatch(/状态：填写中\s+总分：83 \/ 100\s+等次：有 1 处填写错误\s+达标：有 1 处填写错误/);
    expect(stdout).toMatch(/严重\s+G\d+\s+2\.2-1/);
    expect(stdout).toContain("警告");
    expect(stdout.indexOf("总分：")).toBeLessThan(stdout.indexOf("问题："));
  });
});

describe("score exit codes", () => {
  test("a CSV saved as .xlsx: 1, naming the file", async () => {
    const { status, stderr, stdout } = await run("score", paths.notXlsx, "--json");
    expect(status).toBe(1);
    expect(stderr).toContain("名单.xlsx");
    expect(stdout).toBe("");
  });

  test("a missing file: 1, naming the file", async () => {
    const missing = join(dir, "不存在.xlsx");
    const { status, stderr } = await run("score", missing);
    expect(status).toBe(1);
    expect(stderr).toContain("不存在.xlsx");
  });

  test("a workbook without _meta: 1, saying why", async () => {
    const { status, stderr } = await run("score", paths.noMeta);
    expect(status).toBe(1);
    expect(stderr).toContain("no-meta.xlsx");
    expect(stderr).toContain("_meta");
  });

  test("a custom scheme needs its rubric file", async () => {
    const without = await run("score", paths.custom, "--json");
    expect(without.status).toBe(1);
    expect(without.stderr).toContain("our-own");
    const withRubric = await run("score", paths.custom, "--json", "--rubric", paths.rubric);
    expect(withRubric.status).toBe(0);
    expect(JSON.parse(withRubric.stdout)).toEqual(expect.objectContaining({ scheme: "our-own", total: HAND_TOTAL }));
  });

  test("a broken rubric file: 1, naming it", async () => {
    const { status, stderr } = await run("score", paths.good, "--rubric", paths.badRubric);
    expect(status).toBe(1);
    expect(stderr).toContain("broken.json");
  });

  test("no workbook argument: 1", async () => {
    expect((await run("score")).status).toBe(1);
  });
});
