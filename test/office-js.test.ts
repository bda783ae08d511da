/**
 * Where the built add-in loads Office.js from: Microsoft's CDN by default (as Microsoft's templates do); for a
 * closed intranet the files fetched from the CDN (GOALTABLE_OFFICE_JS=local, scripts/fetch-office-js.ts) or the npm
 * package's copy, unmodified (GOALTABLE_OFFICE_JS=npm). The pages are built with the project's webpack config
 * (test/browser/build-pages.ts, in its own Node process); the fetch script runs against a local server standing
 * in for the CDN.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { fetchOfficeJs, hostedFileList } from "../scripts/fetch-office-js";

const ROOT = path.resolve(__dirname, "..");
const config = require(path.join(ROOT, "webpack.config.js")) as {
  OFFICE_JS_CDN: string;
  officeJsSource(env: Record<string, string | undefined>): { choice: string; src: string; copyFrom?: string };
};
const NPM_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "goaltable-officejs-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Builds the two pages with `env` into a new folder; returns it. */
async function buildPages(name: string, env: Record<string, string>): Promise<string> {
  const out = path.join(tmp, name);
  await promisify(execFile)(process.execPath, ["--import", "tsx", "test/browser/build-pages.ts", out], {
    cwd: ROOT,
    env: { ...process.env, GOALTABLE_OFFICE_JS: "", GOALTABLE_OFFICE_JS_DIR: "", ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return out;
}

/** The script sources of a built page (minified: attribute quotes may be left out). */
function scripts(file: string): string[] {
  return [...fs.readFileSync(file, "utf8").matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
}

describe("the source of Office.js", () => {
  it("is the CDN by default, a fetched folder or the npm package on request, and a clear error otherwise", () => {
    expect(config.OFFICE_JS_CDN).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(config.officeJsSource({})).toEqual({ choice: "cdn", src: config.OFFICE_JS_CDN, copyFrom: undefined });
    expect(config.officeJsSource({ GOALTABLE_OFFICE_JS: "npm" })).toEqual({
      choice: "npm",
      src: "office-js/office.js",
      copyFrom: NPM_DIST,
    });
    const missing = path.join(tmp, "nothing-here");
    expect(() => config.officeJsSource({ GOALTABLE_OFFICE_JS: "local", GOALTABLE_OFFICE_JS_DIR: missing })).toThrow(
      /holds no office\.js.*npm run fetch:office-js/
    );
    expect(() => config.officeJsSource({ GOALTABLE_OFFICE_JS: "cdn2" })).toThrow(/must be cdn, local or npm/);
  });
});

describe("the built pages", () => {
  it("load Office.js from Microsoft's CDN in the default build, and ship no copy of it", async () => {
    const out = await buildPages("cdn", {});
    for (const page of ["taskpane.html", "commands.html"]) {
      const src = scripts(path.join(out, page));
      expect(src[0]).toBe(config.OFFICE_JS_CDN);
      expect(src.filter((s) => /office/i.test(s))).toEqual([config.OFFICE_JS_CDN]);
    }
    expect(fs.existsSync(path.join(out, "office-js"))).toBe(false);
  }, 120_000);

  it("load the fetched copy, byte for byte as fetched, in the intranet build", async () => {
    const fetched = path.join(tmp, "fetched");
    fs.mkdirSync(path.join(fetched, "zh-cn"), { recursive: true });
    fs.writeFileSync(path.join(fetched, "office.js"), "/* office.js as fetched */ window.Office = {};\n");
    fs.writeFileSync(path.join(fetched, "zh-cn", "office_strings.js"), "/* strings */\n");
    const out = await buildPages("local", { GOALTABLE_OFFICE_JS: "local", GOALTABLE_OFFICE_JS_DIR: fetched });
    for (const page of ["taskpane.html", "commands.html"]) {
      const src = scripts(path.join(out, page));
      expect(src[0]).toBe("office-js/office.js");
      expect(src.some((s) => s.startsWith("http"))).toBe(false);
      // What the page loads, resolved against the page, is the fetched file.
      expect(fs.readFileSync(path.join(out, src[0]))).toEqual(fs.readFileSync(path.join(fetched, "office.js")));
    }
    expect(fs.readFileSync(path.join(out, "office-js", "zh-cn", "office_strings.js"), "utf8")).toBe("/* strings */\n");
  }, 120_000);
});

describe("scripts/fetch-office-js.ts", () => {
  /** A stand-in for the CDN: serves a few files, 404 for the rest; records what was asked. */
  async function fakeCdn(files: Record<string, string>) {
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      const p = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/lib\/1\/hosted\//, "");
      asked.push(p);
      if (p in files) res.writeHead(200, { "Content-Type": "text/javascript" }).end(files[p]);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return { base: `http://127.0.0.1:${port}/lib/1/hosted/`, asked, close: () => server.close() };
  }

  it("lists the hosted folder from the package layout, and only Excel's files with --excel-only", async () => {
    const all = await hostedFileList(NPM_DIST);
    const excel = await hostedFileList(NPM_DIST, true);
    expect(all).toContain("office.js");
    expect(all).toContain("zh-cn/office_strings.js");
    expect(all.some((f) => f.endsWith(".d.ts"))).toBe(false);
    expect(excel).toContain("excel-win32-16.01.js");
    expect(excel).toContain("zh-cn/office_strings.js");
    expect(excel.some((f) => /^(outlook|word|powerpoint)/.test(f))).toBe(false);
    expect(excel.length).toBeLessThan(all.length);
  });

  it("fetches each file from the CDN into the folder, and records what it got and what it could not", async () => {
    const cdn = await fakeCdn({ "office.js": "OFFICE", "zh-cn/office_strings.js": "STRINGS" });
    try {
      const out = path.join(tmp, "vendor");
      const result = await fetchOfficeJs({
        base: cdn.base,
        out,
        files: ["office.js", "zh-cn/office_strings.js", "excel-web-16.00.js"],
      });
      expect(result.fetched).toEqual(["office.js", "zh-cn/office_strings.js"]);
      expect(result.failed).toEqual([{ file: "excel-web-16.00.js", reason: "HTTP 404" }]);
      expect(fs.readFileSync(path.join(out, "zh-cn", "office_strings.js"), "utf8")).toBe("STRINGS");
      const record = fs.readFileSync(path.join(out, "FETCHED.txt"), "utf8");
      expect(record).toContain(`from ${cdn.base}`);
      expect(record).toMatch(/missing excel-web-16\.00\.js \(HTTP 404\)/);
      expect(record).toMatch(/^[0-9a-f]{64} {2}office\.js$/m);
      expect(cdn.asked.sort()).toEqual(["excel-web-16.00.js", "office.js", "zh-cn/office_strings.js"]);
      // And the folder is what the intranet build takes.
      expect(config.officeJsSource({ GOALTABLE_OFFICE_JS: "local", GOALTABLE_OFFICE_JS_DIR: out }).copyFrom).toBe(out);
    } finally {
      cdn.close();
    }
  });

  it("fails plainly when office.js itself cannot be fetched", async () => {
    const cdn = await fakeCdn({});
    try {
      await expect(
        fetchOfficeJs({ base: cdn.base, out: path.join(tmp, "none"), files: ["office.js"] })
      ).rejects.toThrow(/could not fetch office\.js .*HTTP 404/);
    } finally {
      cdn.close();
    }
  });
});
