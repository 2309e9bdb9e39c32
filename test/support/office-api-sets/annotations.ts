/**
 * The requirement set of an Office.js member, read from the `[Api set: ExcelApi 1.x]` line of its JSDoc in
 * @types/office-js: the source of truth for what Excel 2019 (ExcelApi 1.7) lacks.
 */
import ts from "typescript";

/** Members only in ExcelApiDesktop / ExcelApiOnline / preview sets count as never available at an ExcelApi level. */
export const NOT_IN_EXCEL_API = Number.POSITIVE_INFINITY;

/** The ExcelApi minor version a declaration needs, or null when its JSDoc names no Excel requirement set. */
export function excelApiMinorOf(declaration: ts.Node): number | null {
  const sourceText = declaration.getSourceFile().text;
  const comments = ts.getLeadingCommentRanges(sourceText, declaration.pos) ?? [];
  const last = comments[comments.length - 1];
  if (!last) return null;
  const match = /\[Api set:\s*(ExcelApi\w*)\s+(\d+)\.(\d+)/.exec(sourceText.slice(last.pos, last.end));
  if (!match) return null;
  if (match[1] !== "ExcelApi" || match[2] !== "1") return NOT_IN_EXCEL_API;
  return Number(match[3]);
}

/** "Excel.Worksheet.getRanges" for a member declared in namespace Excel, interface/class Worksheet. */
export function qualifiedMemberName(declaration: ts.Node): string | null {
  const member = (declaration as ts.NamedDeclaration).name;
  if (!member || !(ts.isIdentifier(member) || ts.isStringLiteral(member))) return null;
  const parts = [member.text];
  for (let node = declaration.parent; node; node = node.parent) {
    if ((ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) parts.unshift(node.name.text);
    else if (ts.isModuleDeclaration(node)) parts.unshift(node.name.text);
  }
  return parts.join(".");
}

export function isOfficeTypesFile(fileName: string): boolean {
  return /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/.test(fileName);
}

/** @types/office-js's declarations, parsed (no type checking needed to read annotations). */
export function officeTypesFile(): ts.SourceFile {
  const fileName = require.resolve("@types/office-js/index.d.ts");
  return ts.createSourceFile(fileName, ts.sys.readFile(fileName) ?? "", ts.ScriptTarget.Latest, true);
}

/** Every member of namespace Excel with its requirement set, keyed "Excel.Class.member" (the first declaration wins). */
export function excelMemberRequirements(file: ts.SourceFile = officeTypesFile()): Map<string, number> {
  const requirements = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) ||
        ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node) || ts.isEnumMember(node)) {
      const name = qualifiedMemberName(node);
      const minor = excelApiMinorOf(node);
      if (name?.startsWith("Excel.") && !name.startsWith("Excel.Interfaces.") && minor !== null && !requirements.has(name)) requirements.set(name, minor);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return requirements;
}
