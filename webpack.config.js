/* eslint-disable no-undef */
/**
 * Builds the Office add-in (task pane + ribbon commands) into dist/, following the layout of Microsoft's
 * Office-Addin-TaskPane-React template.
 *
 *   npx webpack --mode production     dist/ for deployment; manifest URLs point at GOALTABLE_URL
 *   npx webpack serve --mode development   https://localhost:3000 with the Office dev certificate
 *
 * office.js is copied from node_modules/@microsoft/office-js/dist into dist/office-js/ and the pages load it from
 * there: the add-in runs on closed intranets, so nothing may be fetched from (or sent to) Microsoft's CDN.
 */
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

const officeJsDist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

async function getHttpsOptions() {
  // Only for `webpack serve`: creates (and on first use installs) the localhost development certificate.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
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
          // Copied as published; `minimized` keeps Terser from re-minifying 57 MB of Microsoft's files.
          {
            from: officeJsDist,
            to: "office-js",
            info: { minimized: true },
            // office.js would load ariatelemetry/ and post usage data to Microsoft; we promise that no data leaves
            // the machine, so the telemetry script is not shipped (office.js carries on without it).
            globOptions: { ignore: ["**/ariatelemetry/**", "**/*.d.ts"] },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
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
