/**
 * Local checks of manifest.xml. `npm run validate` (office-addin-manifest validate) sends the manifest to a
 * Microsoft web service, which is unreachable on closed networks; these checks need no network. They do not
 * replace the XSD validation the service does.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { parseStringPromise } from "xml2js";

const ROOT = join(__dirname, "..");
const MANIFEST = join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";

/** An xml2js element: attributes under "$", children as arrays by tag name, text under "_". */
interface XmlNode {
  $?: Record<string, string>;
  _?: string;
  [child: string]: unknown;
}

function children(node: XmlNode, name: string): XmlNode[] {
  const c = node[name];
  return Array.isArray(c) ? (c as XmlNode[]).map((x) => (typeof x === "string" ? { _: x } : x)) : [];
}

/** Every element in the tree, with its tag name. */
function allElements(node: XmlNode, name = "", out: { name: string; node: XmlNode }[] = []) {
  out.push({ name, node });
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    for (const child of value) if (typeof child === "object" && child) allElements(child as XmlNode, key, out);
  }
  return out;
}

function text(node: XmlNode): string {
  return typeof node._ === "string" ? node._.trim() : "";
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature) || buf.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The file under the project that a dev-server URL for a static asset maps to. */
function assetFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return join(ROOT, url.slice(DEV_URL.length));
}

/** The pages webpack builds (HtmlWebpackPlugin filenames), read from webpack.config.js itself. */
async function builtPages(): Promise<string[]> {
  const makeConfig = require("../webpack.config.js") as (
    env: Record<string, unknown>,
    options: { mode: string }
  ) => Promise<{ plugins: { constructor: { name: string }; userOptions?: { filename?: string } }[] }>;
  const config = await makeConfig({}, { mode: "production" });
  return config.plugins
    .filter((p) => p.constructor.name === "HtmlWebpackPlugin")
    .map((p) => p.userOptions?.filename ?? "")
    .filter(Boolean);
}

let app: XmlNode;
let elements: { name: string; node: XmlNode }[];

beforeAll(async () => {
  const xml = (await parseStringPromise(readFileSync(MANIFEST, "utf8"))) as { OfficeApp: XmlNode };
  app = xml.OfficeApp;
  elements = allElements(app, "OfficeApp");
});

describe("manifest.xml", () => {
  it("reads with office-addin-manifest and names the add-in", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.providerName).toBe("goaltable");
    expect(info.displayName).toBe("绩效目标表检查");
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
    const displayName = children(app, "DisplayName")[0];
    expect(children(displayName, "Override").map((o) => o.$)).toEqual([
      { Locale: "en-US", Value: "Goal Table Checker" },
    ]);
  });

  it("declares ExcelApi 1.7 as the minimum requirement set", () => {
    const sets = children(children(app, "Requirements")[0], "Sets")[0];
    expect(children(sets, "Set").map((s) => s.$)).toEqual([{ Name: "ExcelApi", MinVersion: "1.7" }]);
  });

  it("defines every resid it references, and references every resource it defines", () => {
    const referenced = new Set(elements.map((e) => e.node.$?.resid).filter((r): r is string => Boolean(r)));
    const resources = children(children(app, "VersionOverrides")[0], "Resources")[0];
    const defined = new Set<string>();
    for (const [group, item] of [
      ["bt:Images", "bt:Image"],
      ["bt:Urls", "bt:Url"],
      ["bt:ShortStrings", "bt:String"],
      ["bt:LongStrings", "bt:String"],
    ]) {
      for (const r of children(children(resources, group)[0] ?? {}, item)) {
        const id = r.$?.id ?? "";
        expect(defined.has(id)).toBe(false); // ids are unique across resource kinds
        expect(id.length).toBeLessThanOrEqual(32); // the schema limits resource ids to 32 characters
        defined.add(id);
      }
    }
    expect([...referenced].filter((r) => !defined.has(r))).toEqual([]);
    expect([...defined].filter((d) => !referenced.has(d))).toEqual([]);
  });

  it("points every icon at a PNG of the right size in assets/", () => {
    const iconUrl = children(app, "IconUrl")[0].$?.DefaultValue ?? "";
    const highRes = children(app, "HighResolutionIconUrl")[0].$?.DefaultValue ?? "";
    expect(pngSize(assetFile(iconUrl))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(highRes))).toEqual({ width: 64, height: 64 });

    const images = new Map(
      elements.filter((e) => e.name === "bt:Image" && e.node.$?.id).map((e) => [e.node.$!.id, e.node.$!.DefaultValue])
    );
    const uses = elements.filter((e) => e.name === "bt:Image" && e.node.$?.resid);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const size = Number(use.node.$!.size);
      const file = assetFile(images.get(use.node.$!.resid) ?? "");
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    // Ribbon icons need 16, 32 and 80 px.
    expect(new Set(uses.map((u) => u.node.$!.size))).toEqual(new Set(["16", "32", "80"]));
  });

  it("points SourceLocation and FunctionFile at pages webpack builds", async () => {
    const pages = await builtPages();
    expect(pages.sort()).toEqual(["commands.html", "taskpane.html"]);
    const urls = new Map(
      elements.filter((e) => e.name === "bt:Url").map((e) => [e.node.$!.id, e.node.$!.DefaultValue])
    );
    const resolve = (node: XmlNode): string => node.$?.DefaultValue ?? urls.get(node.$?.resid ?? "") ?? "";

    const pageUrls = elements
      .filter((e) => ["SourceLocation", "FunctionFile"].includes(e.name))
      .map((e) => resolve(e.node));
    expect(pageUrls.length).toBe(3); // DefaultSettings, the ShowTaskpane button, FunctionFile
    for (const url of pageUrls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      expect(pages).toContain(url.slice(DEV_URL.length));
    }
    for (const url of urls.values()) expect(url.startsWith(DEV_URL)).toBe(true);
  });

  it("has the two ribbon buttons on the Home tab, the second bound to insertTemplate", () => {
    const strings = new Map(
      elements.filter((e) => e.name === "bt:String").map((e) => [e.node.$!.id, e.node.$!.DefaultValue])
    );
    const tab = elements.find((e) => e.name === "OfficeTab")!.node;
    expect(tab.$?.id).toBe("TabHome");
    const group = children(tab, "Group")[0];
    expect(strings.get(children(group, "Label")[0].$!.resid)).toBe("绩效目标表");

    const controls = children(group, "Control");
    const label = (c: XmlNode) => strings.get(children(c, "Label")[0].$!.resid);
    const action = (c: XmlNode) => children(c, "Action")[0];
    expect(controls.map(label)).toEqual(["检查表格", "插入新年度模板"]);
    expect(action(controls[0]).$?.["xsi:type"]).toBe("ShowTaskpane");
    expect(action(controls[1]).$?.["xsi:type"]).toBe("ExecuteFunction");

    const functionName = text(children(action(controls[1]), "FunctionName")[0]);
    expect(functionName).toBe("insertTemplate");
    const commands = readFileSync(join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain(`Office.actions.associate("${functionName}"`);
  });
});
