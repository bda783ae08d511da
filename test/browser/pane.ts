/**
 * The built task pane for the tests that load or inspect it (browser-wps.test.ts, bundle-target.test.ts): dist/ when
 * it is fresh (newer than src/, the webpack config, tsconfig and the lockfile), else a development build with the
 * project's webpack config into a temporary folder (test/browser/build.ts, cached by webpack). The stand-ins
 * (office-js/office.js, wps-stub.js) are always built into the temporary folder.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";

export const ROOT = path.resolve(__dirname, "../..");

/** Debian's Chromium, driven by playwright-core (no browser is downloaded); GOALTABLE_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.GOALTABLE_CHROMIUM || "/usr/bin/chromium";
/** Set by .ci/run: a missing Chromium fails the browser tests instead of skipping them. */
export const REQUIRED = process.env.GOALTABLE_REQUIRE_BROWSER === "1";
/** The pane at task pane size. */
export const VIEWPORT = { width: 320, height: 800 };
/** Headless flags for this closed network: no background connections Chromium would make on its own. */
export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** dist/ when its pane is newer than everything it is built from; undefined otherwise. */
export function freshDist(): string | undefined {
  const dist = path.join(ROOT, "dist");
  const html = path.join(dist, "taskpane.html");
  if (!fs.existsSync(html)) return undefined;
  const builtAt = fs.statSync(html).mtimeMs;
  const inputs = ["src", "webpack.config.js", "tsconfig.json", "package-lock.json"].map((p) => path.join(ROOT, p));
  if (inputs.some((p) => fs.existsSync(p) && newestMtime(p) > builtAt)) return undefined;
  const bundles = paneBundles(dist);
  return bundles.length > 0 && bundles.every((s) => fs.existsSync(path.join(dist, s))) ? dist : undefined;
}

/** The pane's own scripts that taskpane.html loads (not Office.js, local or from the CDN). */
export function paneBundles(dir: string): string[] {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
  return scripts.filter((s) => !s.startsWith("office-js/") && !/^https?:/.test(s));
}

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((newest, name) => Math.max(newest, newestMtime(path.join(p, name))), stat.mtimeMs);
}

/** Builds the stand-ins (and, unless `stubOnly`, the pane) into `outDir`, in a separate Node process. */
export async function buildPane(outDir: string, stubOnly: boolean): Promise<void> {
  const args = ["--import", "tsx", path.join("test", "browser", "build.ts"), outDir];
  if (stubOnly) args.push("--stub-only");
  try {
    await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`building the pane failed:\n${e.stderr || e.stdout || e.message}`);
  }
}
