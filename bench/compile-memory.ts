/**
 * Peak memory of a compile as the number of files grows (issue 12: 20 000 files compile with flat memory): compiles
 * 2 000, 5 000 and 20 000 filled 两化一创 workbooks (or the counts given), each run in a process of its own, and prints
 * its peak RSS, wall and CPU seconds. The files are made cheaply: a few dozen written once by our writer, then copied
 * under other branch names by changing the name in the shared strings (every copy a different subject, so every one
 * is ranked). Prints figures; asserts nothing; not part of the tests. Needs about 30 KB of /tmp per file.
 * Run: npm run build:cli && node dist-cli/bench/compile-memory.js [2000,5000,20000]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { makeWorkbooks, mb, measure, ORGS } from "./compile";

const DISTINCT = 60;
const STRINGS = "xl/sharedStrings.xml";

/** The folder, org and subject makeWorkbooks gave its i-th workbook. */
function written(i: number): { org: string; subject: string } {
  const org = `第${(i % ORGS) + 1}党委`;
  return { org, subject: `${org}第${i + 1}党支部` };
}

/** Copies of the written workbooks, numbered from `first`, each under a branch name of its own. */
function copyWorkbooks(source: string, target: string, first: number, count: number): void {
  const originals = Array.from({ length: DISTINCT }, (_, i) => ({ ...written(i), parts: unzipSync(readFileSync(join(source, written(i).org, `${written(i).subject}.xlsx`))) }));
  for (let n = first; n < first + count; n++) {
    const original = originals[n % DISTINCT];
    const subject = `${original.org}第${n + 1}号党支部`;
    const strings = strFromU8(original.parts[STRINGS]).replace(`>${original.subject}<`, `>${subject}<`);
    if (!strings.includes(subject)) throw new Error(`subject not found in ${original.subject}`);
    const folder = join(target, original.org);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${subject}.xlsx`), zipSync({ ...original.parts, [STRINGS]: strToU8(strings) }, { level: 1 }));
  }
}

async function benchmark(counts: number[]): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), "bs-bench-memory-"));
  try {
    const originals = join(base, "originals");
    mkdirSync(originals);
    await makeWorkbooks(originals, DISTINCT);
    // each run compiles the folders of the runs before it plus one more, so the files are made only once
    const folders: string[] = [];
    let made = 0;
    console.log("files   wall s   CPU s   peak RSS   RSS per 1000 files above the first run");
    let firstRss: { files: number; kb: number } | null = null;
    for (const count of counts) {
      const folder = join(base, `to-${count}`);
      mkdirSync(folder);
      const started = Date.now();
      copyWorkbooks(originals, folder, made, count - made);
      const copied = ((Date.now() - started) / 1000).toFixed(1);
      made = count;
      folders.push(folder);
      const run = measure("compile", ...folders);
      firstRss ??= { files: run.files, kb: run.maxRssKb };
      const growth = run.files === firstRss.files ? "" : `${((run.maxRssKb - firstRss.kb) / 1024 / ((run.files - firstRss.files) / 1000)).toFixed(1)} MB`;
      console.log(
        `${String(run.files).padStart(5)}   ${run.seconds.toFixed(1).padStart(6)}   ${run.cpuSeconds?.toFixed(1).padStart(5)}   ${mb(run.maxRssKb).padStart(8)}   ${growth.padStart(8)}   (copies made in ${copied} s)`,
      );
    }
    console.log(`load average: ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const counts = (process.argv[2] ?? "2000,5000,20000").split(",").map(Number);
if (counts.some((count, i) => !Number.isInteger(count) || count < 1 || (i > 0 && count <= counts[i - 1]))) {
  console.error("usage: node dist-cli/bench/compile-memory.js [N1,N2,… increasing, default 2000,5000,20000]");
  process.exitCode = 1;
} else {
  benchmark(counts).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
