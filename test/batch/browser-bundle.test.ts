/**
 * The compile core in a browser: src/batch/compile-core.ts bundled by webpack for target "web" with the task pane's
 * own resolve settings and loaders (webpack.config.js) but none of its Node shims, then run in headless Chromium on
 * real .xlsx bytes. Fails if anything it imports needs a Node builtin, or if the browser outcome differs from Node's.
 */
import { builtinModules } from "node:module";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import webpack from "webpack";
import type { Compiler, Configuration, Stats } from "webpack";
import type { CompileOutcome } from "../../src/batch/compile-core";
import { compileWorkbookBytes } from "../../src/batch/compile-core";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { writePlanToBuffer } from "../../src/hosts/xlsx/write";
import { scoreEntries } from "../../src/scoring/engine";
import { buildZip, MINIMAL_XLSX_PARTS } from "../xlsx/zip-builder";
import { filledPlan, metaOf, scheme } from "./workbooks";

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const LIBRARY = "branchScoringCompile";
/** free variables that exist only in Node: our own modules must not use them */
const NODE_GLOBALS = ["Buffer", "process", "global", "__dirname", "__filename", "setImmediate"];

type PaneConfigModule = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file, loaded at run time
const paneConfig = require(path.join(ROOT, "webpack.config.js")) as PaneConfigModule;

interface Request {
  request: string;
  issuer: string;
}

/** Records every module request and every use of a Node-only global in our own sources. */
class NodeUsageRecorder {
  readonly requests: Request[] = [];
  readonly globals: { name: string; resource: string }[] = [];

  apply(compiler: Compiler): void {
    compiler.hooks.normalModuleFactory.tap("NodeUsageRecorder", (factory) => {
      factory.hooks.beforeResolve.tap("NodeUsageRecorder", (data) => {
        this.requests.push({ request: data.request, issuer: data.contextInfo.issuer });
      });
      for (const type of ["javascript/auto", "javascript/dynamic", "javascript/esm"]) {
        factory.hooks.parser.for(type).tap("NodeUsageRecorder", (generic) => {
          // the hook is typed for any parser; the javascript/* types always get webpack's JavascriptParser
          const parser = generic as unknown as webpack.javascript.JavascriptParser;
          for (const name of NODE_GLOBALS) {
            parser.hooks.expression.for(name).tap("NodeUsageRecorder", () => {
              const resource: string = parser.state.module.resource ?? "";
              if (resource.startsWith(path.join(ROOT, "src"))) this.globals.push({ name, resource });
            });
          }
        });
      }
    });
  }
}

function isNodeBuiltin(request: string): boolean {
  const bare = request.replace(/^node:/, "");
  return request.startsWith("node:") || builtinModules.includes(bare) || builtinModules.includes(bare.split("/")[0]);
}

function runWebpack(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => (error || !stats ? reject(error ?? new Error("webpack gave no stats")) : resolve(stats)));
  });
}

let outDir: string;
let recorder: NodeUsageRecorder;
let stats: Stats;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), "bs-browser-compile-"));
  const pane = await paneConfig({}, { mode: "development" });
  recorder = new NodeUsageRecorder();
  stats = await runWebpack({
    mode: "development",
    devtool: false,
    target: "web",
    context: ROOT,
    entry: { "compile-core": "./src/batch/compile-core.ts" },
    output: { path: outDir, filename: "[name].js", library: { name: LIBRARY, type: "window" } },
    resolve: pane.resolve,
    module: pane.module,
    plugins: [recorder],
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
  });
}, 300_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe("compile-core bundled for the web", () => {
  test("bundles without errors", () => {
    expect(stats.toString("errors-only").trim()).toBe("");
    expect(stats.hasErrors()).toBe(false);
  });

  test("requires no Node builtin (node:*, fs, zlib, buffer …) from any module", () => {
    const builtins = recorder.requests.filter((entry) => isNodeBuiltin(entry.request));
    expect(builtins).toEqual([]);
    // the recorder really sees the graph: the reader and its unzip and XML libraries were requested
    expect(recorder.requests.map((entry) => entry.request)).toEqual(expect.arrayContaining(["../hosts/xlsx/read-bytes", "fflate", "saxes"]));
  });

  test("our own modules use no Node-only global such as Buffer", () => {
    expect(recorder.globals).toEqual([]);
  });

  test("reading needs no ExcelJS (it stays the writer's), so the compile bundle is small", () => {
    const modules = stats.toJson({ modules: true, all: false }).modules ?? [];
    expect(modules.map((module) => module.name ?? "").filter((name) => name.includes("node_modules/exceljs/"))).toEqual([]);
  });
});

describe("the bundle in headless Chromium", () => {
  const LH = scheme("lianghua-yichuang");
  const entries = sampleEntries(LH, seededRandom(7), { findRate: 0.3, awardShare: 0.5 });
  let browser: Browser;
  let files: { name: string; bytes: Uint8Array }[];

  beforeAll(async () => {
    const good = await writePlanToBuffer(filledPlan(LH.id, entries, metaOf("第一党支部", "机关党委")));
    // the same kind of workbook cut off half-way, as an interrupted download leaves it
    const truncated = (await writePlanToBuffer(filledPlan(LH.id, entries, metaOf("第二党支部", "机关党委")))).subarray(0, Math.floor(good.length / 2));
    // an entry that unpacks to more than it declares: the inflater must stop at the declared size
    const liar = buildZip([...MINIMAL_XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", data: "<worksheet>" + "x".repeat(5000) + "</worksheet>", declaredSize: 100 }]);
    files = [
      { name: "第一党支部.xlsx", bytes: good },
      { name: "第二党支部.xlsx", bytes: truncated },
      { name: "第三党支部.xlsx", bytes: liar },
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function compileInBrowser(): Promise<{ outcome: CompileOutcome; progress: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    try {
      await page.addScriptTag({ content: await readFile(path.join(outDir, "compile-core.js"), "utf8") });
      const encoded = files.map((file) => ({ name: file.name, base64: Buffer.from(file.bytes).toString("base64") }));
      const result = await page.evaluate(
        async ({ library, inputs }) => {
          const core = (window as unknown as Record<string, { compileWorkbookBytes: typeof compileWorkbookBytes }>)[library];
          const decoded = inputs.map((input) => ({ name: input.name, bytes: Uint8Array.from(atob(input.base64), (c) => c.charCodeAt(0)) }));
          const progress: string[] = [];
          const outcome = await core.compileWorkbookBytes(decoded, {}, (step) => progress.push(`${step.done}/${step.total} ${step.file}`));
          // through JSON, as Node would see it: no functions, no undefined
          return { outcome: JSON.parse(JSON.stringify(outcome)) as CompileOutcome, progress };
        },
        { library: LIBRARY, inputs: encoded },
      );
      return { ...result, errors };
    } finally {
      await page.close();
    }
  }

  test("compiles the good workbook and turns the broken ones into problems naming them", async () => {
    const { outcome, progress, errors } = await compileInBrowser();
    expect(errors).toEqual([]);
    expect(progress).toHaveLength(files.length);

    const summary = outcome.summary!;
    expect(summary.files).toBe(3);
    expect(summary.compiled).toBe(1);
    const expected = scoreEntries(LH, entries);
    expect(summary.rows.map((row) => [row.subject, row.total, row.band])).toEqual([["第一党支部", expected.total, expected.band]]);

    const byFile = new Map(outcome.problems.map((problem) => [problem.file, problem.message]));
    expect(byFile.get("第二党支部.xlsx")).toMatch(/“第二党支部\.xlsx”已损坏或不完整/);
    expect(byFile.get("第三党支部.xlsx")).toMatch(/“第三党支部\.xlsx”过大.*声明/);
  });

  test("gives exactly the outcome Node gives for the same bytes", async () => {
    const [inBrowser, inNode] = await Promise.all([compileInBrowser(), compileWorkbookBytes(files)]);
    expect(inBrowser.outcome).toEqual(JSON.parse(JSON.stringify(inNode)));
  });
});
