/**
 * Builds what the browser test (test/browser.test.ts) serves, with the project's own webpack config in development
 * mode (no source maps), into OUT_DIR:
 *
 * - `office-js/office.js`: the Office stand-in (office-stub.ts) bundled for the browser, in place of Microsoft's
 *   Office.js, so the pane's unchanged `<script src="office-js/office.js">` loads the stub;
 * - `wps-stub.js`: the WPS stand-in (wps-stub.ts), which browser-wps.test.ts loads before the pane instead;
 * - unless `--stub-only`, the task pane itself (`taskpane.html` + `taskpane.js`), without the ribbon commands page,
 *   copied assets, manifest or Office.js.
 *
 * Webpack keeps a cache in node_modules/.cache/goaltable-browser-test: the first build of the pane takes ~20 s,
 * later ones a few seconds. Run as a script, `node --import tsx test/browser/build.ts OUT_DIR [--stub-only]`, so that
 * webpack runs in plain Node rather than inside jest's module sandbox.
 */
import * as path from "path";
import webpack from "webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";

const ROOT = path.resolve(__dirname, "../..");

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "development" | "production" }
) => Promise<webpack.Configuration>;

function isPanePage(plugin: unknown): boolean {
  return (
    plugin instanceof HtmlWebpackPlugin &&
    (plugin as unknown as { userOptions: { filename?: string } }).userOptions.filename === "taskpane.html"
  );
}

/** The pane's page and the pass that lowers the bundle to the ES2017 WPS's Chromium needs (webpack.config.js). */
function isPanePlugin(plugin: unknown): boolean {
  return (
    isPanePage(plugin) ||
    (plugin as { constructor?: { name?: string } } | null)?.constructor?.name === "LowerSyntaxPlugin"
  );
}

export async function browserTestConfig(outDir: string, stubOnly: boolean): Promise<webpack.Configuration> {
  // The project's config (a CommonJS module exporting an async factory): same loaders and page template.
  const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  const config = await factory({}, { mode: "development" });
  return {
    ...config,
    mode: "development",
    context: ROOT,
    devtool: false,
    entry: {
      ...(stubOnly ? {} : { taskpane: "./src/taskpane/index.tsx" }),
      "office-js/office": "./test/browser/office-stub.ts",
      "wps-stub": "./test/browser/wps-stub.ts",
    },
    output: { path: outDir, filename: "[name].js", clean: true },
    plugins: stubOnly ? [] : (config.plugins ?? []).filter(isPanePlugin),
    performance: { hints: false },
    cache: {
      type: "filesystem",
      name: stubOnly ? "stub" : "pane",
      cacheDirectory: path.join(ROOT, "node_modules/.cache/goaltable-browser-test"),
      buildDependencies: { config: [path.join(ROOT, "webpack.config.js"), __filename] },
    },
    infrastructureLogging: { level: "error" },
  };
}

export async function build(outDir: string, stubOnly = false): Promise<void> {
  const config = await browserTestConfig(outDir, stubOnly);
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err) reject(err);
        else if (!stats || stats.hasErrors())
          reject(new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed"));
        else resolve();
      });
    });
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith("--"));
  if (!out) {
    console.error("usage: node --import tsx test/browser/build.ts OUT_DIR [--stub-only]");
    process.exit(2);
  }
  build(path.resolve(out), args.includes("--stub-only")).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    }
  );
}
