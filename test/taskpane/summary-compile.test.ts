/**
 * The 汇总 view's compile path on real .xlsx files, as the browser runs it: File objects → compileBlobs (the lazily
 * loaded module) → the per-file lines and the ranking preview. Expected totals come from the engine on the entries the
 * test filled in; expected ranks are worked out here from those totals.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CompileProgress } from "../../src/batch/compile-core";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import type { RankStyle } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { Entries } from "../../src/scoring/types";
import { outcomeLines } from "../../src/taskpane/views/summary/file-lines";
import { rankingPreview } from "../../src/taskpane/views/summary/previews";
import { compileBlobs } from "../../src/taskpane/views/summary/lazy-compiler";
import { metaOf, scheme, writeFilled } from "../batch/workbooks";

const SCHEME = "lianghua-yichuang";
let dir: string;
let files: File[];
const expected: { file: string; subject: string; total: number }[] = [];

function entries(seed: number): Entries {
  return sampleEntries(scheme(SCHEME), seededRandom(seed), { findRate: 0.3, awardShare: 0.5 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bs-summary-view-"));
  // the best of three seeds is filled in twice (a tie at the top), so ranking styles differ for the branches below it
  const seeds = [11, 12, 13].map((seed) => ({ seed, total: scoreEntries(scheme(SCHEME), entries(seed)).total }));
  seeds.sort((a, b) => b.total - a.total);
  const [best, second, third] = seeds.map((item) => entries(item.seed));
  const made: [string, string, Entries][] = [
    ["一支部.xlsx", "数学学院教工第一党支部", second],
    ["二支部.xlsx", "数学学院教工第二党支部", best],
    ["三支部.xlsx", "数学学院学生第一党支部", best],
    ["四支部.xlsx", "数学学院学生第二党支部", third],
  ];
  for (const [file, subject, filled] of made) {
    const result = await writeFilled(join(dir, file), SCHEME, filled, metaOf(subject, "数学学院党委"));
    expected.push({ file, subject, total: result.total });
  }
  writeFileSync(join(dir, "名单.xlsx"), "支部,书记\n第一党支部,张三\n");
  files = [...made.map(([file]) => file), "名单.xlsx"].map((name) => new File([readFileSync(join(dir, name))], name));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 中国式: 1 + distinct higher totals; 竞赛式: 1 + higher totals. */
function expectedRank(total: number, style: RankStyle): number {
  const higher = expected.filter((row) => row.total > total).map((row) => row.total);
  return 1 + (style === "dense" ? new Set(higher).size : higher.length);
}

test("the files hold a tie above another branch, so the two styles rank differently", () => {
  const differing = expected.filter((row) => expectedRank(row.total, "dense") !== expectedRank(row.total, "competition"));
  expect(differing.length).toBeGreaterThan(0);
});

test.each<RankStyle>(["dense", "competition"])("%s: every good file compiled, the bad one named, ranks as the style says", async (rank) => {
  const progress: CompileProgress[] = [];
  const outcome = await compileBlobs(files, { rank }, (step) => progress.push(step));

  expect(progress.map((step) => step.done)).toEqual([1, 2, 3, 4, 5]);
  expect(progress.map((step) => step.file).sort()).toEqual(files.map((file) => file.name).sort());

  const lines = outcomeLines(outcome);
  expect(lines.filter((line) => line.state === "compiled").map((line) => line.file).sort()).toEqual(expected.map((row) => row.file).sort());
  const bad = lines.find((line) => line.file === "名单.xlsx");
  expect(bad?.state).toBe("failed");
  expect(bad?.reasons[0]).toContain("名单.xlsx");
  expect(bad?.reasons[0]).toContain("CSV");

  if (!outcome.summary) throw new Error("no summary");
  const preview = rankingPreview(outcome.summary, 10);
  const wanted = [...expected].sort((a, b) => b.total - a.total || a.subject.localeCompare(b.subject, "zh-CN"));
  expect(preview.map((line) => [line.subject, Number(line.total), Number(line.rank)])).toEqual(
    wanted.map((row) => [row.subject, row.total, expectedRank(row.total, rank)]),
  );
});

test("a file that cannot be read at all becomes a problem naming it, and the batch goes on", async () => {
  const unreadable = { name: "断开的网盘文件.xlsx", arrayBuffer: () => Promise.reject(new Error("NotReadableError")) };
  const outcome = await compileBlobs([...files.slice(0, 2), unreadable], {});
  const lines = outcomeLines(outcome);
  expect(lines.map((line) => [line.file, line.state])).toEqual([
    ["一支部.xlsx", "compiled"],
    ["二支部.xlsx", "compiled"],
    ["断开的网盘文件.xlsx", "failed"],
  ]);
  expect(lines[2].reasons[0]).toContain("断开的网盘文件.xlsx");
});

test("when no file can be scored there is no summary, and every line says why", async () => {
  const outcome = await compileBlobs(files.filter((file) => file.name === "名单.xlsx"), {});
  expect(outcome.summary).toBeNull();
  const lines = outcomeLines(outcome);
  expect(lines.map((line) => line.state)).toEqual(["failed"]);
  expect(lines[0].reasons[0]).toContain("名单.xlsx");
});
