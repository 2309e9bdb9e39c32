/**
 * Builds the harness page once per run: skipped when the bundle is newer than every source it is made from, and
 * guarded by a lock directory so two jest workers never build at the same time.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import webpack from "webpack";
import type { Configuration } from "webpack";

const ROOT = path.resolve(__dirname, "../../..");
const CONFIG = path.join(ROOT, "webpack.e2e.config.js");
/** what the bundle is made from; a change anywhere here rebuilds it */
const SOURCES = ["src", "test/e2e/harness", "test/support/excel-double", "webpack.e2e.config.js", "webpack.config.js", "tsconfig.json"];
const LOCK_STALE_MS = 10 * 60 * 1000;

interface E2eConfigModule {
  (env: Record<string, unknown>): Promise<Configuration>;
  OUTPUT_DIR: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file, loaded at run time
const configModule = require(CONFIG) as E2eConfigModule;

export const HARNESS_DIR: string = configModule.OUTPUT_DIR;
const STAMP = path.join(HARNESS_DIR, ".built");
const LOCK = `${HARNESS_DIR}.lock`;

async function newestChange(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of await readdir(entry)) newest = Math.max(newest, await newestChange(path.join(entry, name)));
  return newest;
}

/** the stamp holds the time the last successful build started: sources edited during a build make it stale */
async function isFresh(): Promise<boolean> {
  const startedAt = Number(await readFile(STAMP, "utf8").catch(() => "0"));
  if (!(startedAt > 0)) return false;
  const changes = await Promise.all(SOURCES.map((source) => newestChange(path.join(ROOT, source))));
  return Math.max(...changes) < startedAt;
}

async function runWebpack(): Promise<void> {
  const startedAt = Date.now();
  const config = await configModule({});
  await new Promise<void>((resolve, reject) => {
    webpack({ ...config, context: ROOT }, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(`harness build failed:\n${stats.toString("errors-only")}`));
      else resolve();
    });
  });
  await writeFile(STAMP, String(startedAt));
}

async function acquireLock(): Promise<void> {
  await mkdir(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch {
      const info = await stat(LOCK).catch(() => null);
      // a lock left behind by a killed run
      if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS) await rm(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The directory holding index.html of the harness, built if needed. */
export async function ensureHarnessBuilt(): Promise<string> {
  if (await isFresh()) return HARNESS_DIR;
  await acquireLock();
  try {
    if (!(await isFresh())) await runWebpack();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
  if (!existsSync(path.join(HARNESS_DIR, "index.html"))) throw new Error(`the harness build wrote no index.html in ${HARNESS_DIR}`);
  return HARNESS_DIR;
}
