/**
 * Where a compile's reading time goes: the same N filled 两化一创 workbooks read by worker threads (one per core, two
 * files queued per worker, as the command line does), each run in a fresh process doing one more stage of the
 * compile's per-file work than the last:
 * 1. the floor's work only (unzip + saxes over the three parts, nothing kept);
 * 2. our reader (every check of the package, the grid of the scoring sheets);
 * 3. reader and scoring (the template read from the grid, validated and scored), posting back only a count;
 * 4. reader, scoring and the summary inputs posted back (what `compile`'s workers do);
 * and stage 4 once more with a single worker, for what the second core adds.
 * Wall seconds from the first file posted to the last answer; the summary is not compiled or written here
 * (bench/compile times the whole). Prints figures; asserts nothing; not part of the tests.
 * Run: npm run build:cli && node dist-cli/bench/compile-stages.js [N=1000]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { builtInSchemes } from "../src/rubric/catalogue";
import { makeWorkbooks, xlsxFiles } from "./compile";
import { STAGES, type Stage } from "./compile-stages-worker";

/** Reads every file through `workers` threads doing `stage`, two files queued per worker; wall seconds. */
async function runStage(stage: Stage, files: string[], workers: number): Promise<number> {
  const started = process.hrtime.bigint();
  const schemes = builtInSchemes();
  const pool = Array.from({ length: workers }, () => new Worker(join(__dirname, "compile-stages-worker.js"), { workerData: { stage, schemes } }));
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const post = (worker: Worker) => {
      if (next < files.length) worker.postMessage({ id: next, path: files[next++] });
    };
    for (const worker of pool) {
      worker.on("error", reject);
      worker.on("message", () => {
        if (++done === files.length) resolve();
        else post(worker);
      });
      post(worker);
      post(worker);
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(pool.map((worker) => worker.terminate()));
  return seconds;
}

async function benchmark(count: number): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), "bs-bench-stages-"));
  const dir = join(base, "files");
  mkdirSync(dir);
  try {
    await makeWorkbooks(dir, count);
    const workers = availableParallelism();
    console.log(`${count} workbooks, ${workers} worker threads, each stage in a fresh process:`);
    const run = (stage: Stage, threads: number): number => {
      // a process each, so no run finds code an earlier one already compiled
      const child = spawnSync(process.execPath, [__filename, "--stage", stage, dir, String(threads)], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`${stage} failed:\n${child.stderr}`);
      return Number(child.stdout);
    };
    let previous = 0;
    for (const stage of STAGES) {
      const seconds = run(stage, workers);
      const change = seconds - previous;
      const added = previous === 0 ? "" : `  (${change >= 0 ? "+" : "−"}${Math.abs(change).toFixed(2)} s)`;
      console.log(`${stage.padEnd(34)} ${seconds.toFixed(2)} s${added}`);
      previous = seconds;
    }
    const alone = run(STAGES[STAGES.length - 1], 1);
    console.log(`${"the same, one worker".padEnd(34)} ${alone.toFixed(2)} s  (${workers} workers: ${(alone / previous).toFixed(2)}× as fast)`);
    console.log(`load average: ${loadavg().map((load) => load.toFixed(1)).join(" ")} (wall times need an idle machine)`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === "--stage") {
  runStage(args[1] as Stage, xlsxFiles(args[2]), Number(args[3] ?? availableParallelism())).then(
    (seconds) => process.stdout.write(String(seconds)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
} else {
  const count = args[0] === undefined ? 1000 : Number(args[0]);
  if (!Number.isInteger(count) || count < 1) {
    console.error("usage: node dist-cli/bench/compile-stages.js [N=1000]");
    process.exitCode = 1;
  } else {
    benchmark(count).catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
