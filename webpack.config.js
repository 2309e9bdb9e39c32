/**
 * Task pane and ribbon command pages, after Microsoft's React task-pane template ("yo office").
 *
 *   webpack --mode production    → dist/: taskpane.html, commands.html, help.html, manifest.xml, assets/, JS chunks
 *   webpack serve                → https://localhost:3000 with office-addin-dev-certs (certificates are made only here,
 *                                  never during a build or tests: on Linux the tool wants sudo)
 *
 * Environment:
 *   OFFICE_JS_LOCAL=1  load office.js from dist/office-js/ (a copy of node_modules/@microsoft/office-js/dist) instead
 *                      of Microsoft's CDN, for intranets that cannot reach the CDN. Microsoft does not support
 *                      self-hosted office.js: the CDN copy is updated and serviced, a local copy is frozen at this
 *                      package's version, and add-ins published to AppSource must use the CDN.
 *   ADDIN_URL=https://host/path/  the HTTPS address where dist/ will be served; the copied manifest points there
 *                      instead of https://localhost:3000/.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_URL = `${DEV_ORIGIN}/`;
const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL_DIR = "office-js";

/** Fails the build when ExcelJS reaches a chunk loaded at start-up: it is large and only ever needed on demand. */
class LazyOnlyPlugin {
  constructor(pattern, label) {
    this.pattern = pattern;
    this.label = label;
  }
  apply(compiler) {
    compiler.hooks.afterCompile.tap("LazyOnlyPlugin", (compilation) => {
      for (const chunk of compilation.chunks) {
        if (!chunk.canBeInitial()) continue;
        for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          const resource = module.resource || module.rootModule?.resource || "";
          if (this.pattern.test(resource)) {
            const { WebpackError } = compiler.webpack;
            compilation.errors.push(
              new WebpackError(`${this.label} is in the initial chunk "${chunk.name}" (${resource}): load it with import()`),
            );
            return;
          }
        }
      }
    });
  }
}

function addinUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_URL must be an https:// address, got ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** Point the manifest's URLs (and its AppDomain, an origin) at where dist/ is served. */
function retarget(manifest, targetUrl) {
  if (targetUrl === DEV_URL) return manifest;
  return manifest
    .split(DEV_URL)
    .join(targetUrl)
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${new URL(targetUrl).origin}</AppDomain>`);
}

async function httpsOptions() {
  // office-addin-dev-certs installs a local CA on first use; required lazily so builds never touch certificates
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    console.warn(
      `office-addin-dev-certs could not provide a trusted certificate (${error.message}); ` +
        "serving HTTPS with a self-signed certificate that Office will not trust. " +
        "Run `npx office-addin-dev-certs install` (may ask for administrator rights) and restart.",
    );
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const localOfficeJs = process.env.OFFICE_JS_LOCAL === "1";
  const officeJsUrl = localOfficeJs ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN;
  const targetUrl = addinUrl();

  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "src/taskpane/help.html", to: "help.html" },
    { from: "manifest.xml", to: "manifest.xml", transform: (content) => retarget(content.toString(), targetUrl) },
  ];
  if (localOfficeJs) {
    // already minified by Microsoft; re-minifying ~80 MB of scripts would take many minutes
    copies.push({ from: "node_modules/@microsoft/office-js/dist", to: OFFICE_JS_LOCAL_DIR, info: { minimized: true } });
  }

  return {
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].chunk.js" : "[name].chunk.js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // a lazily loaded module is named "./x.js" in import() (TypeScript's node16 rule); the file is x.ts
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // type checking is `npm run typecheck`; the bundle only needs transpiling
              transpileOnly: true,
              // ES modules so import() becomes a split point and unused exports can be dropped
              compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({ patterns: copies }),
      new LazyOnlyPlugin(/[\\/]node_modules[\\/]exceljs[\\/]/, "ExcelJS"),
    ],
    performance: { hints: false }, // the budget is measured by bench/bundle-size.js, gzip-aware
    devServer: serving
      ? {
          port: DEV_PORT,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await httpsOptions(),
          static: localOfficeJs
            ? [{ directory: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"), publicPath: `/${OFFICE_JS_LOCAL_DIR}` }]
            : false,
        }
      : undefined,
  };
};
