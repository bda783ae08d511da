/* eslint-disable no-undef */
/**
 * Builds the Office add-in (task pane + ribbon commands) into dist/, following the layout of Microsoft's
 * Office-Addin-TaskPane-React template.
 *
 *   npx webpack --mode production     dist/ for deployment; manifest URLs point at GOALTABLE_URL
 *   npx webpack serve --mode development   https://localhost:3000 with the Office dev certificate
 *
 * Office.js: by default the pages load it from Microsoft's CDN, the only copy Microsoft supports (as its add-in
 * templates do). For closed intranets GOALTABLE_OFFICE_JS chooses another source (see officeJsSource):
 *   GOALTABLE_OFFICE_JS=local  the CDN files fetched on a connected machine by `npm run fetch:office-js` (into
 *                              vendor/office-js, or GOALTABLE_OFFICE_JS_DIR), copied to dist/office-js/ as fetched;
 *   GOALTABLE_OFFICE_JS=npm    the @microsoft/office-js package's dist/, copied unmodified. Microsoft no longer
 *                              supports that package: use it only where even fetching from the CDN is impossible.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";

/** Where the production add-in is served from; the manifest's localhost URLs are replaced by it. */
function productionUrl() {
  const url = process.env.GOALTABLE_URL || urlDev;
  return url.endsWith("/") ? url : url + "/";
}

/**
 * The oldest JavaScript the pane's bundle may need: WPS 加载项 pages run in WPS's embedded Chromium, older than the
 * Edge/Chrome Office uses (test/bundle-target.test.ts checks the built bundle against it).
 */
const BUNDLE_TARGET = "es2017";

/**
 * Lowers every emitted .js asset to BUNDLE_TARGET with esbuild (already used through tsx, fast on a 1 MB bundle):
 * our TypeScript is compiled to ES2017 by ts-loader, but React's and Fluent UI's published code uses newer syntax
 * (optional chaining, object spread). Runs before minimisation; each bundle is wrapped in its own function scope,
 * so esbuild's helpers do not become globals.
 */
class LowerSyntaxPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LowerSyntaxPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LowerSyntaxPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY },
        (assets) => {
          const esbuild = require("esbuild");
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".js") || name.startsWith("office-js/")) continue;
            const source = compilation.getAsset(name).source.source().toString();
            const out = esbuild.transformSync(source, { target: BUNDLE_TARGET, format: "iife", loader: "js" });
            compilation.updateAsset(name, new sources.RawSource(out.code));
          }
        }
      );
    });
  }
}


/** Microsoft's CDN address of Office.js (as in Microsoft's templates). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Where the pages load Office.js from, and which folder (if any) is copied to dist/office-js/ for it.
 * Throws with a plain message for an unknown choice or a missing folder.
 */
function officeJsSource(env = process.env) {
  const choice = (env.GOALTABLE_OFFICE_JS || "cdn").toLowerCase();
  if (choice === "cdn") return { choice, src: OFFICE_JS_CDN, copyFrom: undefined };
  if (choice === "local") {
    const dir = path.resolve(__dirname, env.GOALTABLE_OFFICE_JS_DIR || path.join("vendor", "office-js"));
    if (!fs.existsSync(path.join(dir, "office.js")))
      throw new Error(
        `GOALTABLE_OFFICE_JS=local: ${dir} holds no office.js. Fetch the CDN files first on a connected machine ` +
          "(npm run fetch:office-js) and copy the folder here, or set GOALTABLE_OFFICE_JS_DIR."
      );
    return { choice, src: "office-js/office.js", copyFrom: dir };
  }
  if (choice === "npm") {
    const dir = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
    return { choice, src: "office-js/office.js", copyFrom: dir };
  }
  throw new Error(`GOALTABLE_OFFICE_JS must be cdn, local or npm (was "${env.GOALTABLE_OFFICE_JS}").`);
}

/** Only for `webpack serve`: the localhost certificate, also where its CA cannot be installed (scripts/dev-certs.js). */
async function getHttpsOptions() {
  return require("./scripts/dev-certs.js").devHttpsOptions();
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const officeJs = officeJsSource();
  const config = {
    devtool: "source-map",
    target: ["web", BUNDLE_TARGET],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".html"],
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
              transpileOnly: true,
              compilerOptions: { target: BUNDLE_TARGET },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new LowerSyntaxPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev) return content;
              return content.toString().split(urlDev).join(productionUrl());
            },
          },
          // The intranet builds only: the files exactly as fetched or published (nothing removed, nothing changed);
          // `minimized` keeps Terser from re-minifying Microsoft's files.
          ...(officeJs.copyFrom
            ? [{ from: officeJs.copyFrom, to: "office-js", info: { minimized: true }, globOptions: { dot: true } }]
            : []),
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs: officeJs.src },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJs: officeJs.src },
      }),
    ],
    performance: {
      // The copied office.js files are large but are not part of the bundle; only judge the bundle.
      assetFilter: (file) => /\.(js|css)$/.test(file) && !file.startsWith("office-js/"),
      // 600 KiB before the bundle was lowered to ES2017 for WPS's Chromium, which adds about 30 KiB.
      maxAssetSize: 700 * 1024,
      maxEntrypointSize: 700 * 1024,
    },
    devServer: {
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        options: serving ? await getHttpsOptions() : undefined,
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
  return config;
};

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.officeJsSource = officeJsSource;
