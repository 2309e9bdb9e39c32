/**
 * The browser-test harness page (test/e2e/harness/): the real task pane beside a clickable grid of the Excel test
 * double, which is installed as the globals Excel/Office (office.js is never loaded).
 *
 *   webpack --config webpack.e2e.config.js   → test-artifacts/e2e-harness/index.html + harness.js
 *
 * The e2e tests build it themselves (test/e2e/support/build-harness.ts), once per run. Module rules and resolution are
 * taken from webpack.config.js so the harness bundles the pane exactly as production does.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const productionConfig = require("./webpack.config.js");

const OUTPUT_DIR = path.resolve(__dirname, "test-artifacts/e2e-harness");

module.exports = async (env = {}) => {
  const base = await productionConfig(env, { mode: "development" });
  return {
    mode: "development",
    // no eval/source maps: a smaller, faster build; stack traces are not needed from the harness
    devtool: false,
    entry: { harness: "./test/e2e/harness/index.tsx" },
    output: { path: OUTPUT_DIR, filename: "[name].js", chunkFilename: "[name].chunk.js", clean: true },
    resolve: base.resolve,
    module: base.module,
    plugins: [new HtmlWebpackPlugin({ filename: "index.html", template: "./test/e2e/harness/harness.html" })],
    performance: { hints: false },
    infrastructureLogging: { level: "warn" },
    stats: "errors-warnings",
  };
};

module.exports.OUTPUT_DIR = OUTPUT_DIR;
