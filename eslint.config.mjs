import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const SOURCES = ["src/**/*.ts", "src/**/*.tsx"];
const OFFICE_AREAS = ["src/hosts/office/**", "src/taskpane/index.tsx", "src/commands/commands.ts"];
const EXCELJS_AREAS = ["src/hosts/xlsx/**"];

/** A library confined to some folders: its global namespaces (values and types) and its module names. */
const OFFICE_JS = {
  message: "Office.js is used only in src/hosts/office and the bootstrap (src/taskpane/index.tsx, src/commands/commands.ts).",
  globals: ["Excel", "Office", "OfficeExtension", "OfficeCore", "OfficeRuntime"],
  modules: ["@microsoft/office-js", "office-js"],
};
const EXCELJS = { message: "ExcelJS is used only in src/hosts/xlsx.", globals: [], modules: ["exceljs"] };

/**
 * The rules that keep the given libraries out of a file: their globals as values (no-restricted-globals) and as type
 * names (Excel.Range, typeof Office), their modules by import, import() and require(). One set per file zone, because
 * a later config's no-restricted-* replaces an earlier one's instead of adding to it.
 */
function boundaryRules(libraries) {
  const names = (values) => values.map((value) => value.replace(/[.*+?^${}()|[\]\\/@-]/g, "\\$&")).join("|");
  const syntax = libraries.flatMap(({ message, globals, modules }) => [
    ...(globals.length === 0
      ? []
      : [
          { selector: `TSQualifiedName > Identifier.left[name=/^(${names(globals)})$/]`, message },
          { selector: `TSTypeQuery > Identifier.exprName[name=/^(${names(globals)})$/]`, message },
        ]),
    { selector: `ImportExpression[source.value=/^(${names(modules)})(\\/|$)/]`, message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=/^(${names(modules)})(\\/|$)/]`, message },
  ]);
  return {
    "no-restricted-globals": ["error", ...libraries.flatMap(({ message, globals }) => globals.map((name) => ({ name, message })))],
    "no-restricted-imports": [
      "error",
      {
        paths: libraries.flatMap(({ message, modules }) => modules.map((name) => ({ name, message }))),
        patterns: libraries.flatMap(({ message, modules }) => modules.map((name) => ({ group: [`${name}/*`], message }))),
      },
    ],
    "no-restricted-syntax": ["error", ...syntax],
  };
}

export default tseslint.config(
  { ignores: ["node_modules", "dist", "dist-cli", "out", "coverage", "test-artifacts", "**/*.js", "!bin/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/taskpane/**/*.tsx", "src/taskpane/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["bin/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", process: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Office.js only in the office host and the bootstrap, ExcelJS only in the xlsx host (see BOUNDARIES above).
  // Node's modules stay out of the task-pane bundle by tsconfig.browser.json (no Node types there).
  { files: SOURCES, ignores: [...OFFICE_AREAS, ...EXCELJS_AREAS], rules: boundaryRules([OFFICE_JS, EXCELJS]) },
  { files: OFFICE_AREAS, rules: boundaryRules([EXCELJS]) },
  { files: EXCELJS_AREAS, rules: boundaryRules([OFFICE_JS]) },
);
