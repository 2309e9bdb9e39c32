/**
 * Compiling a folder of N filled 两化一创 workbooks as the command line does (every core, a worker per file with its
 * budgets, the summary written), against
 * - the floor: merely unzipping (Node's zlib, the compile's own inflater; the zip directory read as the compile reads
 *   it) and parsing (saxes) the three parts a compile needs — the scoring sheet, `_meta` and the shared strings — one
 *   file after another on one core: its process is pinned to one processor (taskset), since V8 otherwise compiles
 *   and collects garbage on the other cores while the one thread parses; the unpinned figure is printed too;
 * - an openpyxl script reading every input cell through `_meta` (Debian's /usr/bin/python3 with openpyxl; skipped
 *   with a notice where it is missing).
 * Targets (issue 12): compile ≤ 0.5 × openpyxl, ≤ 1.2 × the one-core floor, peak RSS < 500 MB. Each phase runs in its
 * own process so its peak RSS is its own. Prints figures; asserts nothing; not part of the tests.
 * Run: npm run build:cli && node dist-cli/bench/compile.js [N=1000]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { compileFiles } from "../src/batch/compile-files";
import { writeSummaryOutputs } from "../src/batch/write-outputs";
import { sampleEntries } from "../src/demo/entries";
import { seededRandom } from "../src/demo/prng";
import { writePlanToBuffer } from "../src/hosts/xlsx/write";
import { getScheme } from "../src/rubric/catalogue";
import { fillTemplatePlan } from "../src/sheet/fill";
import { planTemplate } from "../src/sheet/planner";
import { floorWork } from "./floor";

export interface PhaseResult {
  phase: string;
  files: number;
  seconds: number;
  /** kilobytes, as process.resourceUsage() reports it */
  maxRssKb: number;
  /** processor seconds, every thread of the process (user + system): steadier than wall time on a shared machine */
  cpuSeconds?: number;
  /** a compile's wall seconds until every file is read and scored; the rest is compiling and writing the summary */
  readSeconds?: number;
}

export const ORGS = 12;

export async function makeWorkbooks(dir: string, count: number): Promise<void> {
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

export function xlsxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(".xlsx"))
    .map((name) => join(dir, name));
}

/** The floor: read each file, unzip the three parts and parse their XML, nothing else. */
function floorPhase(dir: string): number {
  const files = xlsxFiles(dir);
  const elements = files.reduce((sum, file) => sum + floorWork(file), 0);
  if (elements === 0) throw new Error("nothing parsed");
  return files.length;
}

/** Compiles the folders together as the command line does; the summary is written beside the first. */
async function compilePhase(dirs: string[], started: bigint): Promise<{ files: number; readSeconds: number }> {
  let lastRead = started;
  const outcome = await compileFiles(dirs, { isolation: {}, onProgress: () => (lastRead = process.hrtime.bigint()) });
  if (!outcome.summary || outcome.summary.compiled !== outcome.files.length) throw new Error("not every file compiled");
  const name = dirs[0].split("/").pop();
  await writeSummaryOutputs(outcome.summary, join(dirs[0], "..", `${name}-summary.xlsx`), join(dirs[0], "..", `${name}-summary.json`));
  return { files: outcome.files.length, readSeconds: Number(lastRead - started) / 1e9 };
}

const OPENPYXL = "/usr/bin/python3";
/** Reads every cell `_meta` points at, as a department's own script would. Prints the count of files and cells. */
const OPENPYXL_SCRIPT = `
import sys, pathlib, time, resource
from openpyxl import load_workbook
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.xlsx"))
started = time.perf_counter()
cells = 0
for path in files:
    book = load_workbook(path)
    meta = {str(row[0]): row[1] for row in book["_meta"].iter_rows(values_only=True) if row[0] is not None}
    sheet = book[meta["sheet"]]
    for key, address in meta.items():
        if key.startswith("cell:"):
            sheet[address].value
            cells += 1
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
print(f'{{"phase": "openpyxl", "files": {len(files)}, "seconds": {seconds}, "maxRssKb": {usage.ru_maxrss}, "cpuSeconds": {usage.ru_utime + usage.ru_stime}, "cells": {cells}}}')
`;

function openpyxlPhase(dir: string): PhaseResult | string {
  if (!existsSync(OPENPYXL)) return `${OPENPYXL} not found`;
  const probe = spawnSync(OPENPYXL, ["-c", "import openpyxl"], { encoding: "utf8" });
  if (probe.status !== 0) return `openpyxl is not installed for ${OPENPYXL} (apt install python3-openpyxl)`;
  const child = spawnSync(OPENPYXL, ["-c", OPENPYXL_SCRIPT, dir], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`openpyxl phase failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as PhaseResult;
}

async function runPhase(phase: string, dirs: string[]): Promise<void> {
  const started = process.hrtime.bigint();
  const { files, readSeconds } = phase === "floor" ? { files: floorPhase(dirs[0]), readSeconds: undefined } : await compilePhase(dirs, started);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = process.resourceUsage();
  const result: PhaseResult = { phase, files, seconds, maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, readSeconds };
  process.stdout.write(JSON.stringify(result));
}

const TASKSET = "/usr/bin/taskset";

/** The first processor this process may run on (Linux), for pinning a phase to one core. */
function firstAllowedProcessor(): number | undefined {
  if (!existsSync(TASKSET) || !existsSync("/proc/self/status")) return undefined;
  const allowed = /^Cpus_allowed_list:\s*(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"));
  return allowed ? Number(allowed[1]) : undefined;
}

function runPhaseProcess(phase: "floor" | "compile", dirs: string[], prefix: string[] = []): PhaseResult {
  const command = [...prefix, process.execPath, __filename, "--phase", phase, ...dirs];
  const child = spawnSync(command[0], command.slice(1), { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${phase} phase failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as PhaseResult;
}

/** Runs a phase in a process of its own, so its peak RSS is its own (bench/compile-memory measures compiles this way). */
export function measure(phase: "floor" | "compile", ...dirs: string[]): PhaseResult {
  return runPhaseProcess(phase, dirs);
}

/** The floor in a process pinned to one processor; undefined where taskset or /proc is missing. */
function measureFloorOnOneCore(dir: string): PhaseResult | undefined {
  const processor = firstAllowedProcessor();
  return processor === undefined ? undefined : runPhaseProcess("floor", [dir], [TASKSET, "-c", String(processor)]);
}

export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function benchmark(count: number): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), "bs-bench-compile-"));
  const dir = join(base, "files");
  mkdirSync(dir);
  try {
    const started = Date.now();
    await makeWorkbooks(dir, count);
    console.log(`wrote ${count} workbooks in ${((Date.now() - started) / 1000).toFixed(1)} s (${dir})`);
    const pinnedFloor = measureFloorOnOneCore(dir);
    const threadFloor = measure("floor", dir);
    const floor = pinnedFloor ?? threadFloor;
    const full = measure("compile", dir);
    const openpyxl = openpyxlPhase(dir);
    const rate = (result: PhaseResult) =>
      `${(result.files / result.seconds).toFixed(1)} files/s (${result.seconds.toFixed(2)} s wall, ${result.cpuSeconds?.toFixed(2)} s CPU, peak RSS ${mb(result.maxRssKb)})`;
    console.log(`our compile (all cores, summary written): ${rate(full)}`);
    console.log(`  of which reading and scoring every file: ${full.readSeconds?.toFixed(2)} s wall; compiling and writing the summary: ${(full.seconds - (full.readSeconds ?? NaN)).toFixed(2)} s`);
    if (pinnedFloor) console.log(`floor (zlib + saxes, 3 parts, 1 core):    ${rate(pinnedFloor)}`);
    else console.log(`floor pinned to one core: skipped — ${TASKSET} or /proc/self/status missing; the one-thread floor is used`);
    console.log(`floor, one thread, unpinned:              ${rate(threadFloor)}  (V8 compiles and collects garbage on the other core)`);
    if (typeof openpyxl === "string") console.log(`openpyxl script: skipped — ${openpyxl}`);
    else console.log(`openpyxl script (cells via _meta):        ${rate(openpyxl)}`);
    // CPU seconds too: on a machine other jobs share, wall time depends on them, processor time much less
    const ratio = (ours: PhaseResult, theirs: PhaseResult) =>
      `${(ours.seconds / theirs.seconds).toFixed(2)}× wall, ${((ours.cpuSeconds ?? NaN) / (theirs.cpuSeconds ?? NaN)).toFixed(2)}× CPU`;
    console.log(`compile / floor: ${ratio(full, floor)}  (target ≤ 1.2× wall)`);
    console.log(`compile / unpinned one-thread floor: ${ratio(full, threadFloor)}`);
    if (full.readSeconds !== undefined) console.log(`reading and scoring alone / floor: ${(full.readSeconds / floor.seconds).toFixed(2)}× wall`);
    if (typeof openpyxl !== "string") console.log(`compile / openpyxl: ${ratio(full, openpyxl)}  (target ≤ 0.5× wall)`);
    console.log(`compile peak RSS: ${mb(full.maxRssKb)}  (target < 500 MB)`);
    console.log(`load average while measuring: ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${availableParallelism()} cores (wall-time ratios need an idle machine)`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (require.main !== module) {
  // imported by another benchmark for measure()
} else if (args[0] === "--phase") {
  runPhase(args[1], args.slice(2)).catch((error) => {
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
