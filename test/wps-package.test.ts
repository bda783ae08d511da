/**
 * The WPS 加载项 package (`npm run build:wps`, scripts/build-wps.ts): built (development mode, to save time), unpacked
 * with 7-Zip, and checked: ribbon.xml has the shape the customUI 2006 schema requires and every callback it names is
 * a plain (non-async) function main.js defines; the jsplugins.xml / publish.xml entries name the package; and the
 * ribbon's callbacks, run against the fake WPS with the built wps-commands.js, open one task pane docked right and
 * insert the template on a new sheet.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { parse } from "acorn";
import { parseStringPromise } from "xml2js";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { FakeWps } from "./support/fake-wps";
import { ADDON } from "../scripts/build-wps";

const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string })
  .version;
const CUSTOMUI_NS = "http://schemas.microsoft.com/office/2006/01/customui";
/** customUI 2006 callback attributes (those that name a function). */
const CALLBACKS = /^(onLoad|loadImage|onAction|onChange|get[A-Z]\w*)$/;

let out: string;
let addon: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "goaltable-wps-package-"));
  // In a separate Node process, as test/browser/build.ts runs webpack: not inside jest's module sandbox.
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/build-wps.ts", "--out", path.join(out, "build"), "--mode", "development"],
    { cwd: path.join(__dirname, ".."), stdio: "pipe" }
  );
  const archive = path.join(out, "build", `${ADDON}.7z`);
  const sevenZip = (require("7zip-bin") as { path7za: string }).path7za;
  execFileSync(sevenZip, ["x", "-y", `-o${path.join(out, "unpacked")}`, archive], { stdio: "ignore" });
  addon = path.join(out, "unpacked", `${ADDON}_${VERSION}`);
}, 600_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

type XmlNode = { $?: Record<string, string> } & Record<string, unknown>;

function children(node: XmlNode, name: string): XmlNode[] {
  return (node[name] as XmlNode[] | undefined) ?? [];
}

/** Every element of the tree with its name, depth first. */
function* elements(name: string, node: XmlNode): Generator<[string, XmlNode]> {
  yield [name, node];
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    for (const child of value) if (typeof child === "object") yield* elements(key, child as XmlNode);
  }
}

/** The top-level functions of a script: name → whether async or a generator. */
function topLevelFunctions(source: string): Map<string, { async: boolean; generator: boolean }> {
  const program = parse(source, { ecmaVersion: 2017, sourceType: "script" }) as unknown as {
    body: { type: string; id?: { name: string }; async?: boolean; generator?: boolean }[];
  };
  const out = new Map<string, { async: boolean; generator: boolean }>();
  for (const node of program.body)
    if (node.type === "FunctionDeclaration" && node.id)
      out.set(node.id.name, { async: node.async === true, generator: node.generator === true });
  return out;
}

describe("the WPS package", () => {
  it("holds the add-in folder: main page, ribbon, callbacks, the pane and its bundles", () => {
    for (const f of [
      "index.html",
      "main.js",
      "ribbon.xml",
      "taskpane.html",
      "taskpane.js",
      "wps-commands.js",
      "images/icon-32.png",
    ])
      expect([f, fs.existsSync(path.join(addon, f))]).toEqual([f, true]);
    const index = fs.readFileSync(path.join(addon, "index.html"), "utf8");
    expect(index).toMatch(/<script[^>]*src="wps-commands\.js"/);
    expect(index).toMatch(/<script[^>]*src="main\.js"/);
    expect(fs.existsSync(path.join(addon, "office-js"))).toBe(false); // no Office.js inside WPS
  });

  it("has a ribbon.xml of the customUI 2006 shape: customUI › ribbon › tabs › tab › group › button", async () => {
    const xml = (await parseStringPromise(fs.readFileSync(path.join(addon, "ribbon.xml"), "utf8"))) as {
      customUI: XmlNode;
    };
    const ui = xml.customUI;
    expect(ui.$?.xmlns).toBe(CUSTOMUI_NS);
    const [ribbon] = children(ui, "ribbon");
    expect(ribbon).toBeDefined();
    const [tabs] = children(ribbon, "tabs");
    const [tab] = children(tabs, "tab");
    expect(tab.$?.label).toBe("绩效目标表");
    const [group] = children(tab, "group");
    expect(group.$?.label).toBe("绩效目标表");
    const buttons = children(group, "button");
    expect(buttons.map((b) => b.$?.label)).toEqual(["检查表格", "插入新年度模板"]);

    const ids: string[] = [];
    const allowed: Record<string, string[]> = {
      customUI: ["xmlns", "onLoad", "loadImage"],
      ribbon: ["startFromScratch"],
      tabs: [],
      tab: ["id", "label", "visible", "getVisible", "insertAfterMso", "insertBeforeMso"],
      group: ["id", "label", "visible", "getVisible"],
      button: [
        "id",
        "label",
        "size",
        "image",
        "imageMso",
        "getImage",
        "screentip",
        "supertip",
        "onAction",
        "getEnabled",
      ],
    };
    for (const [name, node] of elements("customUI", ui)) {
      expect([name, Object.keys(allowed)]).toEqual([name, expect.arrayContaining([name])]);
      const attrs = node.$ ?? {};
      for (const a of Object.keys(attrs))
        expect([name, a, allowed[name]]).toEqual([name, a, expect.arrayContaining([a])]);
      if (["tab", "group", "button"].includes(name)) {
        expect(attrs.id).toMatch(/^[A-Za-z_][\w.-]*$/); // xsd:ID
        expect(attrs.label?.length).toBeGreaterThan(0);
        ids.push(attrs.id);
      }
      if (name === "button") {
        expect(attrs.onAction).toBeDefined();
        expect(["normal", "large", undefined]).toContain(attrs.size);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("names in ribbon.xml only callbacks that main.js defines as plain functions", async () => {
    const xml = (await parseStringPromise(fs.readFileSync(path.join(addon, "ribbon.xml"), "utf8"))) as {
      customUI: XmlNode;
    };
    const named = new Set<string>();
    for (const [, node] of elements("customUI", xml.customUI))
      for (const [a, v] of Object.entries(node.$ ?? {})) if (CALLBACKS.test(a)) named.add(v);
    expect([...named].sort()).toEqual(["GetImage", "OnAddinLoad", "OnCheckTable", "OnInsertTemplate"]);
    const defined = topLevelFunctions(fs.readFileSync(path.join(addon, "main.js"), "utf8"));
    for (const name of named) expect([name, defined.get(name)]).toEqual([name, { async: false, generator: false }]);
  });

  it("gives the jsplugins.xml and publish.xml entries of this version", async () => {
    const jsplugins = (await parseStringPromise(fs.readFileSync(path.join(out, "build", "jsplugins.xml"), "utf8"))) as {
      jsplugins: { jsplugin: XmlNode[] };
    };
    expect(jsplugins.jsplugins.jsplugin.map((p) => p.$)).toEqual([
      { name: ADDON, type: "et", url: `${ADDON}.7z`, version: VERSION },
    ]);
    const publish = (await parseStringPromise(fs.readFileSync(path.join(out, "build", "publish.xml"), "utf8"))) as {
      jsplugins: { jsplugin: XmlNode[] };
    };
    expect(publish.jsplugins.jsplugin.map((p) => p.$?.url)).toEqual([`${ADDON}_${VERSION}`]);
  });

  it("runs its ribbon callbacks against the fake WPS: one pane docked right, the template on a new sheet", async () => {
    const wps = FakeWps.fromSnapshots(buildTable(SAMPLE_2021).workbook);
    const alerts: string[] = [];
    const sandbox: Record<string, unknown> = {
      Application: wps.Application,
      document: { location: { href: "file:///jsaddons/goaltable_0.1.0/index.html" } },
      alert: (m: string) => alerts.push(m),
      console,
      setTimeout,
      Promise,
    };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    const context = vm.createContext(sandbox);
    vm.runInContext(fs.readFileSync(path.join(addon, "wps-commands.js"), "utf8"), context);
    vm.runInContext(fs.readFileSync(path.join(addon, "main.js"), "utf8"), context);
    const call = (fn: string) => vm.runInContext(`${fn}({ Id: "x" })`, context) as unknown;

    expect(call("OnAddinLoad")).toBe(true);
    expect(call("GetImage")).toBe("images/icon-32.png");
    expect(call("OnCheckTable")).toBe(true);
    expect(call("OnCheckTable")).toBe(true);
    expect(wps.taskPanes).toEqual([
      { ID: 1, url: "file:///jsaddons/goaltable_0.1.0/taskpane.html", DockPosition: 2, Visible: true },
    ]);

    expect(call("OnInsertTemplate")).toBe(true); // returns at once: WPS does not wait
    await new Promise((r) => setTimeout(r, 10));
    expect(alerts).toEqual([]);
    expect(wps.state.sheets.map((s) => s.name)).toEqual([buildTable(SAMPLE_2021).placed.sheet, "2022年绩效目标表"]);
    expect(wps.state.active).toBe("2022年绩效目标表");
  });
});
