/**
 * The Excel double's per-member requirement sets, derived from @types/office-js: every member the double's classes
 * declare (class Worksheet { getRanges … } → "Worksheet.getRanges") with the ExcelApi minor version its Office.js
 * declaration names. Written to test/support/excel-double/requirement-sets.ts (the double runs in the browser too, so
 * it cannot read @types/office-js itself); a test keeps that file equal to what this computes.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { excelMemberRequirements } from "./annotations";

export const DOUBLE_DIR = path.resolve(__dirname, "../excel-double");
export const REQUIREMENT_SETS_FILE = path.join(DOUBLE_DIR, "requirement-sets.ts");

function memberNames(declaration: ts.ClassDeclaration): string[] {
  return declaration.members
    .filter((member) => !(ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)))
    .map((member) => (member.name && ts.isIdentifier(member.name) ? member.name.text : null))
    .filter((name): name is string => name !== null);
}

export function doubleRequirementSets(requirements = excelMemberRequirements()): Record<string, number> {
  const table: Record<string, number> = {};
  for (const file of fs.readdirSync(DOUBLE_DIR).filter((name) => name.endsWith(".ts")).sort()) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(DOUBLE_DIR, file), "utf8"), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      for (const member of memberNames(statement)) {
        const minor = requirements.get(`Excel.${statement.name.text}.${member}`);
        if (minor !== undefined) table[`${statement.name.text}.${member}`] = minor;
      }
    }
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}

export function requirementSetsSource(table: Record<string, number>): string {
  const lines = Object.entries(table).map(([member, minor]) => `  ${JSON.stringify(member)}: ${Number.isFinite(minor) ? minor : "Infinity"},`);
  return [
    "/**",
    " * GENERATED from @types/office-js's `[Api set: ExcelApi 1.x]` annotations by test/support/office-api-sets (do not edit;",
    " * `UPDATE_API_SETS=1 npx jest test/office/api-sets` rewrites it): the ExcelApi minor version each member of the",
    " * double needs. The double throws ApiNotFound at sync for a member above its apiMinor, as Excel does.",
    " */",
    "export const REQUIREMENT_SETS: Readonly<Record<string, number>> = {",
    ...lines,
    "};",
    "",
  ].join("\n");
}
