/**
 * The task pane's bundle runs in WPS's older embedded Chromium: its syntax parses as ES2017 (acorn, the parser
 * webpack itself uses), it calls none of the newer browser APIs that Chromium lacks (crypto.randomUUID, streaming
 * fetch, …), and the library functions after ES2017 it does call are added by src/taskpane/polyfills.ts when
 * missing.
 *
 * Checks dist/ when it is fresh, else a development build with the project's webpack config (test/browser/pane.ts).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { parse } from "acorn";
import { buildPane, freshDist, paneBundles } from "./browser/pane";

/** Browser APIs newer than WPS's Chromium may have, with nothing in the pane to stand in for them. */
const TOO_NEW: [string, RegExp][] = [
  ["crypto.randomUUID", /\brandomUUID\b/],
  ["streaming fetch (Response.body.getReader)", /\.getReader\(/],
  ["TextDecoderStream", /\bTextDecoderStream\b/],
  ["String.prototype.replaceAll", /\.replaceAll\(/],
  ["Object.hasOwn", /\bObject\.hasOwn\(/],
  // With a callback: tabster's own focusable.findLast({ … }) is not the array method.
  ["Array.prototype.findLast", /\.findLast(Index)?\(\s*(\(|function\b|[\w$]+\s*=>)/],
  ["Array.prototype.at", /\.at\(-/],
  ["AbortSignal.timeout", /\bAbortSignal\.timeout\b/],
];

let dir: string;
let tmp: string | undefined;

beforeAll(async () => {
  const dist = freshDist();
  if (dist) {
    dir = dist;
    return;
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "goaltable-bundle-"));
  await buildPane(tmp, false);
  dir = tmp;
}, 600_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the pane's bundle for WPS's Chromium", () => {
  it("parses as ES2017", () => {
    const bundles = paneBundles(dir);
    expect(bundles.length).toBeGreaterThan(0);
    for (const bundle of bundles) {
      const source = fs.readFileSync(path.join(dir, bundle), "utf8");
      expect(() => parse(source, { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
    }
  });

  it("calls no browser API newer than that Chromium", () => {
    for (const bundle of paneBundles(dir)) {
      const source = fs.readFileSync(path.join(dir, bundle), "utf8");
      const used = TOO_NEW.filter(([, re]) => re.test(source)).map(([name]) => `${bundle}: ${name}`);
      expect(used).toEqual([]);
    }
  });

  it("taskpane.html loads Office.js only outside WPS", () => {
    const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
    const tags = html.replace(/<script(?![^>]*\ssrc=)[^>]*>[\s\S]*?<\/script>/g, "");
    expect(tags).not.toMatch(/<script[^>]*\ssrc="?[^"\s>]*office\.js/i); // no tag of its own: only written
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    /** What the page's inline scripts write, run with this window (minified or not). */
    const written = (win: Record<string, unknown>): string[] => {
      const writes: string[] = [];
      const sandbox = { window: win, document: { write: (x: string) => writes.push(x) } };
      for (const code of inline) vm.runInNewContext(code, sandbox);
      return writes;
    };
    expect(written({}).join("")).toMatch(/<script[^>]*\ssrc="[^"]*office\.js"/);
    expect(written({ Application: {} })).toEqual([]);
    expect(written({ wps: { Application: {} } })).toEqual([]);
  });
});

describe("the ES2017 parse check", () => {
  it("rejects ES2018+ syntax, so it can fail", () => {
    expect(() => parse("const a = { ...b };", { ecmaVersion: 2017 })).toThrow();
    expect(() => parse("a?.b;", { ecmaVersion: 2017 })).toThrow();
    expect(() => parse("/[\\p{P}]/u;", { ecmaVersion: 2017 })).toThrow();
    expect(() => parse("async function f() { await g(); }", { ecmaVersion: 2017 })).not.toThrow();
  });
});

describe("src/taskpane/polyfills.ts", () => {
  const saved = {
    flat: Object.getOwnPropertyDescriptor(Array.prototype, "flat"),
    flatMap: Object.getOwnPropertyDescriptor(Array.prototype, "flatMap"),
    fromEntries: Object.getOwnPropertyDescriptor(Object, "fromEntries"),
    structuredClone: Object.getOwnPropertyDescriptor(globalThis, "structuredClone"),
  };

  afterEach(() => {
    Object.defineProperty(Array.prototype, "flat", saved.flat!);
    Object.defineProperty(Array.prototype, "flatMap", saved.flatMap!);
    Object.defineProperty(Object, "fromEntries", saved.fromEntries!);
    if (saved.structuredClone) Object.defineProperty(globalThis, "structuredClone", saved.structuredClone);
  });

  it("adds flat, flatMap, Object.fromEntries and structuredClone where they are missing", () => {
    const a = Array.prototype as unknown as Record<string, unknown>;
    delete a.flat;
    delete a.flatMap;
    delete (Object as unknown as Record<string, unknown>).fromEntries;
    delete (globalThis as Record<string, unknown>).structuredClone;
    expect(typeof a.flatMap).toBe("undefined");

    jest.isolateModules(() => {
      require("../src/taskpane/polyfills");
    });
    expect([1, [2, [3]]].flat()).toEqual([1, 2, [3]]);
    expect([1, 2].flatMap((x) => [x, x * 10])).toEqual([1, 10, 2, 20]);
    expect(Object.fromEntries([["a", 1]])).toEqual({ a: 1 });
    const styles = { title: { font: { bold: true } } };
    const copy = structuredClone(styles);
    expect(copy).toEqual(styles);
    expect(copy.title).not.toBe(styles.title);
  });

  it("leaves the built-in functions alone where they exist", () => {
    const flatMap = Array.prototype.flatMap;
    jest.isolateModules(() => {
      require("../src/taskpane/polyfills");
    });
    expect(Array.prototype.flatMap).toBe(flatMap);
  });
});
