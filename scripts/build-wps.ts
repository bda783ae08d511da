/**
 * `npm run build:wps`: the WPS 加载项 (offline package) an IT department deploys, in wps-addon-build/:
 *
 *   goaltable.7z      the add-in folder goaltable_<version>/ (index.html, main.js, ribbon.xml, taskpane.html and
 *                     the bundles, images/), packed by wpsjs's own `build` (offline mode)
 *   jsplugins.xml     the entry for an intranet server (oem.ini [Server] JSPluginsServer=…/jsplugins.xml): WPS
 *                     downloads goaltable.7z from GOALTABLE_WPS_URL (default: next to jsplugins.xml)
 *   publish.xml       the entry for a machine where goaltable_<version>/ is unpacked into WPS's jsaddons folder
 *
 * The pane and the template command are built with the project's webpack config (ES2017, for WPS's Chromium),
 * without Office.js, manifest or ribbon commands of Excel. wpsjs's `build` is interactive and packs the whole
 * current folder, so it is run (not prompted) in a staging folder holding only the add-in.
 *
 *   npx tsx scripts/build-wps.ts [--out DIR] [--mode development|production]
 */
import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";

const ROOT = path.resolve(__dirname, "..");
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
export const ADDON = "goaltable";

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "development" | "production" }
) => Promise<webpack.Configuration>;

/** Keeps the pane's page and the ES2017 lowering; drops the Excel pages, Office.js and manifest copies. */
function keep(plugin: unknown): boolean {
  if (plugin instanceof HtmlWebpackPlugin)
    return (plugin as unknown as { userOptions: { filename?: string } }).userOptions.filename === "taskpane.html";
  return (plugin as { constructor?: { name?: string } } | null)?.constructor?.name === "LowerSyntaxPlugin";
}

async function bundle(outDir: string, mode: "development" | "production"): Promise<void> {
  const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  const config = await factory({}, { mode });
  const compiler = webpack({
    ...config,
    mode,
    context: ROOT,
    devtool: false,
    entry: { taskpane: "./src/taskpane/index.tsx", "wps-commands": "./src/wps/commands.ts" },
    output: { path: outDir, filename: "[name].js", clean: true },
    plugins: (config.plugins ?? []).filter(keep),
    cache: {
      type: "filesystem",
      name: `wps-${mode}`,
      cacheDirectory: path.join(ROOT, "node_modules/.cache/goaltable-wps"),
      buildDependencies: { config: [path.join(ROOT, "webpack.config.js"), __filename] },
    },
    infrastructureLogging: { level: "error" },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) =>
      compiler.close(() => {
        if (err) reject(err);
        else if (!stats || stats.hasErrors()) reject(new Error(stats?.toString({ all: false, errors: true })));
        else resolve();
      })
    )
  );
}

export function jspluginsXml(version: string, baseUrl: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<!-- For oem.ini [Server] JSPluginsServer: WPS downloads and unpacks the offline package. -->",
    "<jsplugins>",
    `  <jsplugin name="${ADDON}" type="et" url="${baseUrl}${ADDON}.7z" version="${version}"/>`,
    "</jsplugins>",
    "",
  ].join("\n");
}

export function publishXml(version: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- For WPS's jsaddons folder, next to the unpacked ${ADDON}_${version}/ folder. -->`,
    "<jsplugins>",
    `  <jsplugin name="${ADDON}" type="et" url="${ADDON}_${version}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`,
    "</jsplugins>",
    "",
  ].join("\n");
}

/** Runs wpsjs's offline build in `stage` and waits for its 7z to be complete (wpsjs resolves before 7z ends). */
async function pack(stage: string): Promise<string> {
  const sevenZip = (require("7zip-bin") as { path7za: string }).path7za;
  if (process.platform !== "win32") fs.chmodSync(sevenZip, 0o755); // npm may unpack it without the execute bit
  const cwd = process.cwd();
  process.chdir(stage);
  try {
    // wpsjs exports only its vite plugin: its build module is loaded by path.
    const wpsjs = path.dirname(require.resolve("wpsjs/vite_plugins"));
    const { buildWithArgs } = require(path.join(wpsjs, "lib", "build.js")) as {
      buildWithArgs(answers: { pluginType: "offline" | "online" }): Promise<string>;
    };
    const buildDir = await buildWithArgs({ pluginType: "offline" });
    const folder = path.join(buildDir, `${ADDON}_${PKG.version}`);
    const archive = path.join(buildDir, `${ADDON}.7z`);
    for (let waited = 0; fs.existsSync(folder) || !fs.existsSync(archive); waited += 100) {
      if (waited > 120_000) throw new Error("wpsjs: the 7z package was not finished in 2 minutes");
      await new Promise((r) => setTimeout(r, 100));
    }
    return buildDir;
  } finally {
    process.chdir(cwd);
  }
}

export async function buildWps(out: string, mode: "development" | "production"): Promise<string> {
  const stage = path.join(out, ".stage");
  fs.rmSync(out, { recursive: true, force: true });
  await bundle(stage, mode);
  for (const f of ["index.html", "main.js", "ribbon.xml"])
    fs.copyFileSync(path.join(ROOT, "wps", f), path.join(stage, f));
  fs.mkdirSync(path.join(stage, "images"));
  fs.copyFileSync(path.join(ROOT, "assets", "icon-32.png"), path.join(stage, "images", "icon-32.png"));
  fs.writeFileSync(
    path.join(stage, "package.json"),
    JSON.stringify({ name: ADDON, version: PKG.version, addonType: "et" }, null, 2)
  );
  const built = await pack(stage);
  fs.renameSync(path.join(built, `${ADDON}.7z`), path.join(out, `${ADDON}.7z`));
  fs.rmSync(stage, { recursive: true, force: true });
  const url = process.env.GOALTABLE_WPS_URL ?? "";
  fs.writeFileSync(
    path.join(out, "jsplugins.xml"),
    jspluginsXml(PKG.version, url && !url.endsWith("/") ? url + "/" : url)
  );
  fs.writeFileSync(path.join(out, "publish.xml"), publishXml(PKG.version));
  return path.join(out, `${ADDON}.7z`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const out = path.resolve(at("--out") ?? path.join(ROOT, "wps-addon-build"));
  const mode = at("--mode") === "development" ? "development" : "production";
  buildWps(out, mode).then(
    (archive) => {
      console.log(`WPS add-in: ${archive}, with jsplugins.xml and publish.xml beside it`);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    }
  );
}
