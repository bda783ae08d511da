/**
 * Builds only the add-in's two pages (taskpane.html, commands.html) and what the webpack config copies, with the
 * project's webpack config in production mode and tiny stand-in scripts for the bundles: what test/office-js.test.ts
 * needs to see where the built pages load Office.js from, in seconds rather than the full build's minute. The
 * environment (GOALTABLE_OFFICE_JS, GOALTABLE_OFFICE_JS_DIR) is passed through to the config.
 *
 *   node --import tsx test/browser/build-pages.ts OUT_DIR
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "../..");

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "development" | "production" }
) => Promise<webpack.Configuration>;

export async function buildPages(outDir: string): Promise<void> {
  const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  const config = await factory({}, { mode: "production" });
  const stubs = fs.mkdtempSync(path.join(os.tmpdir(), "goaltable-pages-"));
  for (const name of ["taskpane", "commands"]) fs.writeFileSync(path.join(stubs, `${name}.js`), `// ${name}\n`);
  try {
    await new Promise<void>((resolve, reject) => {
      const compiler = webpack({
        ...config,
        context: ROOT,
        devtool: false,
        entry: { taskpane: path.join(stubs, "taskpane.js"), commands: path.join(stubs, "commands.js") },
        output: { ...config.output, path: outDir, clean: true },
        performance: { hints: false },
        infrastructureLogging: { level: "error" },
      });
      compiler.run((err, stats) => {
        compiler.close(() => {
          if (err) reject(err);
          else if (!stats || stats.hasErrors())
            reject(new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed"));
          else resolve();
        });
      });
    });
  } finally {
    fs.rmSync(stubs, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    console.error("usage: node --import tsx test/browser/build-pages.ts OUT_DIR");
    process.exit(2);
  }
  buildPages(path.resolve(out)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    }
  );
}
