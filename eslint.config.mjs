import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
  {
    // ExcelJS belongs to the xlsx host, Office.js to the office host: nowhere else
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/hosts/xlsx/**"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "exceljs", message: "ExcelJS is used only in src/hosts/xlsx." }] }] },
  },
);
