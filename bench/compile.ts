/**
 * Compiling a folder of N filled 两化一创 workbooks, against the floor of merely unzipping and parsing the same files
 * with ExcelJS (targets: compile ≤ 4× the floor, peak RSS < 1 GB). Each phase runs in its own process so its peak
 * RSS is its own. Prints figures; asserts nothing.
 * Run: npm run build:cli && node dist-cli/bench/compile.js [N=1000]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
// the floor is ExcelJS itself, so this benchmark (not the product) imports it directly
import ExcelJS from "exceljs";
import { compileFiles } from "../src/batch/compile-files";
import { sampleEntries } from "../src/demo/entries";
import { seededRandom } from "../src/demo/prng";
import { writePlanToBuffer } from "../src/hosts/xlsx/write";
import { getScheme } from "../src/rubric/catalogue";
import { fillTemplatePlan } from "../src/sheet/fill";
import { planTemplate } from "../src/sheet/planner";

interface PhaseResult {
  phase: string;
  files: number;
  seconds: number;
  /** kilobytes, as process.resourceUsage() reports it */
  maxRssKb: number;
}

const ORGS = 12;

async function makeWorkbooks(dir: string, count: number): Promise<void> {
  const scheme = getScheme("lianghua-yichuang");
  if (!scheme) throw new Error("built-in scheme lianghua-yichuang missing");
  const template = planTemplate(scheme);
  const random = seededRandom(1000);
  for (let org = 1; org <= ORGS; org++) mkdirSync(join(dir, `第${org}党委`));
  for (let i = 0; i < count; i++) {
    const org = `第${(i % ORGS) + 1}党委`;
    const subject = `${org}第${i + 1}党支部`;
    const entries = sampleEntries(scheme, random, { findRate: random.next() * 0.35, awardShare: random.next() });
    const plan = fillTemplatePlan(template, entries, { subject, org, period: "2025年度", rater: "org", evaluator: "党委组织部", date: "2026-01-10" });
    writeFileSync(join(dir, org, `${subject}.xlsx`), await writePlanToBuffer(plan));
  }
}

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(".xlsx"))
    .map((name) => join(dir, name));
}

/** The floor: read each file and let ExcelJS unzip and parse it, nothing else. */
async function floorPhase(dir: string): Promise<number> {
  const files = xlsxFiles(dir);
  for (const file of files) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  }
  return files.length;
}

async function compilePhase(dir: string): Promise<number> {
  const outcome = await compileFiles([dir]);
  if (!outcome.summary || outcome.summary.compiled !== outcome.files.length) throw new Error("not every file compiled");
  return outcome.files.length;
}

async function runPhase(phase: string, dir: string): Promise<void> {
  const started = process.hrtime.bigint();
  const files = phase === "floor" ? await floorPhase(dir) : await compilePhase(dir);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result: PhaseResult = { phase, files, seconds, maxRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(JSON.stringify(result));
}

function measure(phase: string, dir: string): PhaseResult {
  const child = spawnSync(process.execPath, [__filename, "--phase", phase, dir], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${phase} phase failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as PhaseResult;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function benchmark(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bs-bench-compile-"));
  try {
    const started = Date.now();
    await makeWorkbooks(dir, count);
    console.log(`wrote ${count} workbooks in ${((Date.now() - started) / 1000).toFixed(1)} s (${dir})`);
    const floor = measure("floor", dir);
    const full = measure("compile", dir);
    const rate = (result: PhaseResult) => result.files / result.seconds;
    console.log(`floor (ExcelJS unzip + parse): ${rate(floor).toFixed(1)} files/s  (${floor.seconds.toFixed(2)} s, peak RSS ${mb(floor.maxRssKb)})`);
    console.log(`full compile:                  ${rate(full).toFixed(1)} files/s  (${full.seconds.toFixed(2)} s, peak RSS ${mb(full.maxRssKb)})`);
    console.log(`ratio compile / floor: ${(full.seconds / floor.seconds).toFixed(2)}×  (target ≤ 4×); compile peak RSS ${mb(full.maxRssKb)} (target < 1024 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === "--phase") {
  runPhase(args[1], args[2]).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  const count = args[0] === undefined ? 1000 : Number(args[0]);
  if (!Number.isInteger(count) || count < 1) {
    console.error("usage: node dist-cli/bench/compile.js [N=1000]");
    process.exitCode = 1;
  } else {
    benchmark(count).catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
