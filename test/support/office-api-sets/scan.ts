/**
 * Walks the TypeScript of the task pane (everything reachable from its entry points) and lists each use of an Excel
 * Office.js member with the requirement set its declaration in @types/office-js names, and the capabilities checked
 * around the use.
 *
 * A capability is in force at a use when the use sits
 *   - in the then-branch of `if (…capability…)`, the true branch of `…capability… ? :`, or right of `…capability… &&`;
 *   - after `if (!…capability…) return / throw` in the same block;
 *   - in a function whose JSDoc says `@requires capability`; calls to such a function are uses that need it in turn.
 * "…capability…" is any identifier or property name in the condition equal to the capability's name
 * (`features.rangeAreas`, `rangeAreas`).
 */
import ts from "typescript";
import { excelApiMinorOf, isOfficeTypesFile, qualifiedMemberName } from "./annotations";

export interface MemberUse {
  /** "Excel.Worksheet.getRanges", or "function:applyValidations" for a call to a `@requires` function */
  member: string;
  /** ExcelApi minor version the member needs (from its annotation); for a `@requires` function, 0 */
  minor: number;
  /** capabilities a `@requires` function asks of its callers */
  requires: string[];
  file: string;
  line: number;
  /** capabilities checked around the use */
  inForce: Set<string>;
}

function namesIn(expression: ts.Node, negated: boolean, into: Set<string>, wantNegated: boolean): void {
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    namesIn(expression.operand, !negated, into, wantNegated);
    return;
  }
  if (ts.isParenthesizedExpression(expression)) {
    namesIn(expression.expression, negated, into, wantNegated);
    return;
  }
  if (negated === wantNegated) {
    if (ts.isIdentifier(expression)) into.add(expression.text);
    if (ts.isPropertyAccessExpression(expression)) into.add(expression.name.text);
  }
  ts.forEachChild(expression, (child) => namesIn(child, negated, into, wantNegated));
}

const positiveNames = (condition: ts.Expression) => {
  const names = new Set<string>();
  namesIn(condition, false, names, false);
  return names;
};
const negatedNames = (condition: ts.Expression) => {
  const names = new Set<string>();
  namesIn(condition, false, names, true);
  return names;
};

function exitsAlways(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.length > 0 && exitsAlways(statement.statements[statement.statements.length - 1]);
  return false;
}

function requiresTags(node: ts.Node): string[] {
  const holder = ts.isArrowFunction(node) || ts.isFunctionExpression(node)
    ? ts.isVariableDeclaration(node.parent) ? node.parent.parent.parent : node
    : node;
  return ts
    .getJSDocTags(holder)
    .filter((tag) => tag.tagName.text === "requires")
    .flatMap((tag) => (typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? "").split(/[\s,]+/))
    .filter(Boolean);
}

/** The capabilities checked on the way from the use up to its function and beyond. */
function capabilitiesInForce(use: ts.Node): Set<string> {
  const inForce = new Set<string>();
  const add = (names: Set<string>) => names.forEach((name) => inForce.add(name));
  let child: ts.Node = use;
  for (let node = use.parent; node; child = node, node = node.parent) {
    if (ts.isIfStatement(node) && child === node.thenStatement) add(positiveNames(node.expression));
    if (ts.isConditionalExpression(node) && child === node.whenTrue) add(positiveNames(node.condition));
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === node.right) add(positiveNames(node.left));
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      for (const statement of node.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exitsAlways(statement.thenStatement)) add(negatedNames(statement.expression));
      }
    }
    if (ts.isFunctionLike(node)) requiresTags(node).forEach((name) => inForce.add(name));
  }
  return inForce;
}

function resolved(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The symbol a property name stands for: a property access, or a property of an object literal given to Office.js. */
function memberSymbol(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  if (ts.isPropertyAccessExpression(node)) return checker.getSymbolAtLocation(node.name);
  if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
    const contextual = checker.getContextualType(node.parent);
    const name = node.name.getText();
    return contextual?.getNonNullableType().getProperty(name);
  }
  return undefined;
}

export function scanProgram(program: ts.Program, isOurs: (fileName: string) => boolean): MemberUse[] {
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !isOurs(file.fileName)) continue;
    const record = (node: ts.Node, member: string, minor: number, requires: string[]) =>
      uses.push({
        member,
        minor,
        requires,
        file: file.fileName,
        line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        inForce: capabilitiesInForce(node),
      });
    const visit = (node: ts.Node): void => {
      const symbol = memberSymbol(checker, node);
      for (const declaration of symbol?.declarations ?? []) {
        if (!isOfficeTypesFile(declaration.getSourceFile().fileName)) continue;
        const minor = excelApiMinorOf(declaration);
        const member = qualifiedMemberName(declaration);
        if (minor !== null && member?.startsWith("Excel.")) {
          record(node, member, minor, []);
          break;
        }
      }
      if (ts.isCallExpression(node)) {
        const callee = resolved(checker, checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression));
        const declaration = callee?.valueDeclaration ?? callee?.declarations?.[0];
        if (declaration && isOurs(declaration.getSourceFile().fileName)) {
          const target = ts.isVariableDeclaration(declaration) && declaration.initializer ? declaration.initializer : declaration;
          const requires = requiresTags(target);
          if (requires.length > 0) record(node, `function:${callee?.name}`, 0, requires);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/** Uses that need more than `baseline` (or a `@requires` capability) without the capability checked around them. */
export function unguardedUses(
  uses: MemberUse[],
  baseline: number,
  capabilityOfMember: Readonly<Record<string, string>>,
  capabilityMinor: Readonly<Record<string, number>>,
): string[] {
  const problems: string[] = [];
  for (const use of uses) {
    const where = `${use.file}:${use.line}`;
    if (use.requires.length > 0) {
      const missing = use.requires.filter((capability) => !use.inForce.has(capability));
      if (missing.length > 0) problems.push(`${where}: ${use.member} requires ${missing.join(", ")}, not checked here`);
      continue;
    }
    if (use.minor <= baseline) continue;
    const capability = capabilityOfMember[use.member];
    if (!capability) {
      problems.push(`${where}: ${use.member} needs ExcelApi 1.${use.minor} and has no capability in the mapping`);
    } else if ((capabilityMinor[capability] ?? 0) < use.minor) {
      problems.push(`${where}: ${use.member} needs ExcelApi 1.${use.minor}, but its capability ${capability} is ExcelApi 1.${capabilityMinor[capability]}`);
    } else if (!use.inForce.has(capability)) {
      problems.push(`${where}: ${use.member} (ExcelApi 1.${use.minor}) is used without checking ${capability}`);
    }
  }
  return problems;
}
