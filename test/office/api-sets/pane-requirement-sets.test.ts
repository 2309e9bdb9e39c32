/**
 * Everything the task pane bundles, walked with the TypeScript compiler: every Office.js member above ExcelApi 1.7
 * (by its `[Api set: ExcelApi 1.x]` annotation in @types/office-js) must be in the capability mapping and used only
 * where its capability is checked, so Excel 2019 never meets an ApiNotFound.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { CAPABILITY_MINOR, capabilityOfMember } from "../../../src/hosts/office/capabilities";
import { scanProgram, unguardedUses } from "../../support/office-api-sets/scan";
import type { MemberUse } from "../../support/office-api-sets/scan";

const ROOT = path.resolve(__dirname, "../../..");
const SRC = path.join(ROOT, "src") + path.sep;
/** the webpack entries of the add-in (webpack.config.js); lazily imported chunks are reached through them */
const ENTRIES = ["src/taskpane/index.tsx", "src/commands/commands.ts"];
const BASELINE_MINOR = 7;

function compilerOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error("tsconfig.json unreadable");
  return config.options;
}

/** The pane's program, optionally with extra files (path → text) that exist only in memory. */
function paneProgram(extra: Record<string, string> = {}, reuse?: ts.Program): ts.Program {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (fileName) => extra[fileName] ?? readFile(fileName);
  host.fileExists = (fileName) => fileName in extra || fileExists(fileName);
  const roots = [...ENTRIES.map((entry) => path.join(ROOT, entry)), ...Object.keys(extra)];
  return ts.createProgram(roots, options, host, reuse);
}

const mappingOf = (uses: MemberUse[]) => Object.fromEntries(uses.map((use) => [use.member, capabilityOfMember(use.member) ?? ""]).filter(([, c]) => c !== ""));
const check = (uses: MemberUse[]) => unguardedUses(uses, BASELINE_MINOR, mappingOf(uses), CAPABILITY_MINOR);
const isOurs = (fileName: string) => path.resolve(fileName).startsWith(SRC);

let program: ts.Program;
let uses: MemberUse[];
beforeAll(() => {
  program = paneProgram();
  uses = scanProgram(program, isOurs);
});

test("the entries are webpack's", () => {
  const config = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
  for (const entry of ENTRIES) expect(config).toContain(`"./${entry}"`);
});

test("every Office.js member above ExcelApi 1.7 the pane uses is in the mapping and guarded by its capability", () => {
  expect(check(uses)).toEqual([]);
});

test("the scan sees the pane's Office.js members, with the levels of their annotations", () => {
  const levels = Object.fromEntries(uses.map((use) => [use.member, use.minor]));
  expect(levels).toMatchObject({
    "Excel.Worksheet.getRanges": 9,
    "Excel.WorksheetCollection.onChanged": 9,
    "Excel.Worksheet.onChanged": 7,
    "Excel.WorksheetCollection.onAdded": 7,
    "Excel.Runtime.enableEvents": 8,
    "Excel.DataValidation.rule": 8,
    "Excel.PageLayout.orientation": 9,
    "Excel.Range.values": 1,
  });
  // every member above 1.7 the mapping names is still used: the mapping lists no dead entries
  const above = new Set(uses.filter((use) => use.minor > BASELINE_MINOR).map((use) => capabilityOfMember(use.member)));
  expect([...above].sort()).toEqual(Object.keys(CAPABILITY_MINOR).sort());
});

describe("planted code", () => {
  // one program for the three plants: building it is the slow part
  const plants: Record<string, string> = {
    unguarded: `export async function listen() {
      await Excel.run(async (context) => {
        context.workbook.worksheets.onChanged.add(async () => undefined);
        await context.sync();
      });
    }`,
    unmapped: `export function style(sheet: Excel.Worksheet, features: { dataValidation: boolean }) {
      sheet.getRange("A1").format.autoIndent = true;
      if (features.dataValidation) sheet.getRanges("A1, B2").format.rowHeight = 20;
    }`,
    guards: `
      /** @requires rangeAreas */
      function batched(sheet: Excel.Worksheet) { sheet.getRanges("A1, B2").format.rowHeight = 20; }
      export function a(sheet: Excel.Worksheet, features: { rangeAreas: boolean }) {
        if (features.rangeAreas) batched(sheet);
        features.rangeAreas && sheet.getRanges("A1");
        if (!features.rangeAreas) return;
        sheet.getRanges("C3");
      }
      export function b(sheet: Excel.Worksheet) { batched(sheet); }
    `,
  };
  const fileOf = (name: string) => path.join(ROOT, `src/hosts/office/planted-${name}.ts`);
  let plantedProgram: ts.Program;
  beforeAll(() => {
    plantedProgram = paneProgram(Object.fromEntries(Object.entries(plants).map(([name, text]) => [fileOf(name), text])), program);
  });
  const scanPlanted = (name: string) => check(scanProgram(plantedProgram, (fileName) => fileName === fileOf(name))).sort();

  test("an unguarded ExcelApi 1.9 member fails the scan", () => {
    const problems = scanPlanted("unguarded");
    expect(problems).toEqual([expect.stringMatching(/planted-unguarded\.ts:3: Excel\.WorksheetCollection\.onChanged \(ExcelApi 1\.9\) is used without checking workbookChangeEvents/)]);
  });

  test("a member above 1.7 outside the mapping fails, and a check of the wrong capability does not pass", () => {
    const problems = scanPlanted("unmapped");
    expect(problems).toEqual([
      expect.stringMatching(/:2: Excel\.RangeFormat\.autoIndent needs ExcelApi 1\.9 and has no capability in the mapping/),
      expect.stringMatching(/:3: Excel\.RangeAreas\.format \(ExcelApi 1\.9\) is used without checking rangeAreas/),
      expect.stringMatching(/:3: Excel\.Worksheet\.getRanges \(ExcelApi 1\.9\) is used without checking rangeAreas/),
    ]);
  });

  test("guards: if, early return, && and @requires functions whose callers check", () => {
    const problems = scanPlanted("guards");
    expect(problems).toEqual([expect.stringMatching(/:10: function:batched requires rangeAreas, not checked here/)]);
  });
});
