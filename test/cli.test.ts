import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { mapOrdered, parseArgs, cellRef } from "../src/cli/main";
import type { UsageError } from "../src/cli/args";
import { runCli, type Captured } from "./support/cli";
import { writeWorkbookFile } from "../src/xlsx/write";
import { buildTable, layoutWorkbook, SAMPLE_LAYOUT } from "./builder/layout";
import { withCells } from "./support/edit";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..");

const cli = (...argv: string[]): Promise<Captured> => runCli(argv);

function expectNoStack(r: Captured): void {
  expect(r.stdout + r.stderr).not.toContain("    at ");
}

let dir: string;
let shopping: string;
let corrupt: string;
let csv: string;
let sample: string;
const missing = () => path.join(dir, "does-not-exist.xlsx");

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-cli-"));

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("购物清单");
  ws.addRows([
    ["物品", "数量", "单价"],
    ["苹果", 3, 5.5],
    ["牛奶", 2, 12],
    ["面包", 1, 8],
  ]);
  shopping = path.join(dir, "shopping.xlsx");
  await wb.xlsx.writeFile(shopping);

  corrupt = path.join(dir, "corrupt.xlsx");
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
  await fs.writeFile(corrupt, noise);

  csv = path.join(dir, "table.csv");
  await fs.writeFile(csv, "任务名称,总额,财政拨款\n保障运转,356.99,356.99\n");

  sample = path.join(dir, "sample-2021.xlsx");
  await writeWorkbookFile(layoutWorkbook(SAMPLE_2021, SAMPLE_LAYOUT), sample);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("usage", () => {
  it("prints help and the version", async () => {
    const help = await cli("--help", "--lang", "en");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: goaltable check/);
    expect((await cli("--help")).stdout).toMatch(/用法：goaltable check/);
    const v = await cli("--version");
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [[] as string[]],
    [["frobnicate", "x.xlsx"]],
    [["check"]],
    [["check", "--bogus", "x.xlsx"]],
    [["check", "--format", "xml", "x.xlsx"]],
    [["check", "--lang", "fr", "x.xlsx"]],
  ])("exits 2 with a usage message for %j", async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^goaltable: /);
    expect(r.stderr).toMatch(/用法|Usage/);
    expectNoStack(r);
  });

  it("names the problem in the chosen language", async () => {
    const r = await cli("check", "--lang", "en", "--bogus", "x.xlsx");
    expect(r.stderr).toMatch(/unknown option: --bogus/);
    expect(r.stderr).toMatch(/Usage:/);
  });

  it("parses options anywhere and in --opt=value form", () => {
    expect(parseArgs(["check", "a.xlsx", "--format=json", "b.xlsx", "--lang", "en"])).toEqual({
      command: "check",
      files: ["a.xlsx", "b.xlsx"],
      format: "json",
      lang: "en",
    });
    expect(parseArgs(["check", "--", "--odd-name.xlsx"])).toMatchObject({ files: ["--odd-name.xlsx"] });
  });

  it("names the allowed values of an option given another one, in both languages", () => {
    const problem = (...argv: string[]) => {
      try {
        parseArgs(argv);
      } catch (e) {
        return (e as UsageError).text;
      }
      throw new Error("expected a UsageError");
    };
    expect(problem("check", "a.xlsx", "--format", "xml")).toEqual({
      zh: "--format 只能是 text 或 json（收到：xml）",
      en: "--format must be text or json (got: xml)",
    });
    expect(problem("check", "a.xlsx", "--lang=fr").en).toBe("--lang must be zh or en (got: fr)");
    expect(problem("template", "--kind", "school").zh).toBe("--kind 只能是 department 或 project（收到：school）");
    expect(problem("template", "--form=wide").en).toBe("--form must be merged or split (got: wide)");
  });
});

describe("files that cannot be read", () => {
  it("says a corrupt file is not a valid xlsx, exit 2, no stack trace", async () => {
    const r = await cli("check", corrupt, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(corrupt);
    expect(r.stdout).toMatch(/not a valid \.xlsx/i);
    expectNoStack(r);
    const zh = await cli("check", corrupt);
    expect(zh.stdout).toMatch(/不是有效的 \.xlsx 文件/);
  });

  it("says a missing file is not found, exit 2", async () => {
    const r = await cli("check", missing(), "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/file not found/i);
    expectNoStack(r);
  });

  it("asks to save a .csv as .xlsx, exit 2", async () => {
    const r = await cli("check", csv, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/save as \.xlsx/);
    expect((await cli("check", csv)).stdout).toMatch(/另存为 \.xlsx/);
    expectNoStack(r);
  });

  it("still checks the other files, in argument order", async () => {
    const r = await cli("check", shopping, missing(), corrupt, "--format", "json", "--lang", "en");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([shopping, missing(), corrupt]);
    expect(json.files[0].error).toBeNull();
    expect(json.files[0].findings.length).toBeGreaterThan(0);
    expect(json.files[1].error).toMatch(/file not found/i);
    expect(json.files[2].error).toMatch(/not a valid/i);
  });
});

describe("a workbook without a goal table", () => {
  it("exits 1 and says why", async () => {
    const r = await cli("check", shopping, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no goal table/i);
    expect(r.stdout).toContain("购物清单");
    expect(r.stdout).toMatch(/structure\/no-goal-table/);
    expectNoStack(r);
    const zh = await cli("check", shopping);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/找不到绩效目标表/);
  });

  it("prints a header, one line per finding and a summary", async () => {
    const r = await cli("check", shopping, "--lang", "en");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`${shopping}: no goal table found`);
    expect(lines[1]).toMatch(/^ {2}购物清单!A1 {2}error {2}structure\/no-goal-table {2}\S/);
    expect(lines[lines.length - 1]).toBe("Checked 1 file, 0 tables: 1 error, 0 warnings, 0 infos.");
  });
});

describe("JSON output", () => {
  it("has exactly the contract's keys", async () => {
    const r = await cli("check", "--format", "json", shopping, missing());
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["files"]);
    const [ok, bad] = json.files;
    expect(Object.keys(ok)).toEqual(["file", "error", "tables", "findings", "accepted", "note"]);
    expect(Object.keys(bad)).toEqual(["file", "error", "tables", "findings", "accepted", "note"]);
    expect(bad).toMatchObject({ file: missing(), tables: [], findings: [], accepted: [], note: null });
    expect(typeof bad.error).toBe("string");
    expect(bad.error).toMatch(/找不到文件/);
    for (const f of ok.findings) {
      expect(Object.keys(f)).toEqual(["rule", "severity", "sheet", "cell", "related", "message"]);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(typeof f.message).toBe("string");
      expect(Array.isArray(f.related)).toBe(true);
    }
    expect(r.stderr).toBe("");
  });
});

describe("folders", () => {
  it("expands a folder to its .xlsx files, recursively and sorted, skipping ~$ lock files", async () => {
    const folder = path.join(dir, "folder");
    await fs.mkdir(path.join(folder, "sub"), { recursive: true });
    await fs.copyFile(shopping, path.join(folder, "b.xlsx"));
    await fs.copyFile(shopping, path.join(folder, "sub", "a.xlsx"));
    await fs.copyFile(shopping, path.join(folder, "a.xlsx"));
    await fs.writeFile(path.join(folder, "~$a.xlsx"), "lock");
    await fs.writeFile(path.join(folder, "notes.txt"), "notes");
    const r = await cli("check", folder, "--format", "json");
    const files = JSON.parse(r.stdout).files.map((f: { file: string }) => f.file);
    expect(files).toEqual([
      path.join(folder, "a.xlsx"),
      path.join(folder, "b.xlsx"),
      path.join(folder, "sub", "a.xlsx"),
    ]);
    expect(r.code).toBe(1);
  });

  it("reports a folder with no workbooks, exit 2", async () => {
    const empty = path.join(dir, "empty");
    await fs.mkdir(empty, { recursive: true });
    const r = await cli("check", empty, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/no \.xlsx files/);
  });
});

describe("helpers", () => {
  it("keeps results in order while running at most `limit` at once", async () => {
    let running = 0;
    let peak = 0;
    const emitted: number[] = [];
    const delays = [30, 5, 20, 1, 10, 2];
    const out = await mapOrdered(
      delays,
      2,
      async (d, i) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, d));
        running--;
        return i;
      },
      (r) => emitted.push(r)
    );
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    expect(emitted).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it("quotes sheet names as Excel does", () => {
    expect(cellRef("Sheet1", "D6")).toBe("Sheet1!D6");
    expect(cellRef("购物清单", "A1")).toBe("购物清单!A1");
    expect(cellRef("My sheet", "A1")).toBe("'My sheet'!A1");
    expect(cellRef("O'Brien", "A1")).toBe("'O''Brien'!A1");
  });
});

// These need the table reader (src/core/reader) to find real tables.
describe("the 2021 sample", () => {
  it("finds the department table of 2021", async () => {
    const r = await cli("check", sample, "--format", "json");
    const json = JSON.parse(r.stdout);
    const [file] = json.files;
    expect(file.error).toBeNull();
    expect(file.tables).toHaveLength(1);
    expect(file.tables[0]).toMatchObject({ kind: "department", year: 2021 });
    expect(file.tables[0].range).toMatch(/^A1:[A-Z]+\d+$/);
    expect(file.findings.filter((f: { rule: string }) => f.rule === "structure/no-goal-table")).toEqual([]);
    expect([0, 1]).toContain(r.code);
  });

  it("names in --format json the rules folded into a finding on the same cell (one cell, one finding)", async () => {
    const built = buildTable(SAMPLE_2021, SAMPLE_LAYOUT);
    const i = SAMPLE_2021.indicators.findIndex((x) => x.name === "群众工作培训按时完成率");
    const cell = built.placed.indicators[i].value!;
    const sheet = withCells(built.workbook.sheets[0], { [cell]: "≥９５" }); // full-width digits and no unit
    const file = path.join(dir, "folded.xlsx");
    await writeWorkbookFile({ ...built.workbook, sheets: [sheet] }, file);
    const r = await cli("check", file, "--format", "json");
    const [finding, ...others] = JSON.parse(r.stdout).files[0].findings.filter(
      (f: { cell: string }) => f.cell === cell
    );
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ rule: "value/missing-unit", folded: ["value/fullwidth"] });
    const plain = JSON.parse((await cli("check", sample, "--format", "json")).stdout).files[0].findings;
    expect(plain.filter((f: { folded?: string[] }) => "folded" in f)).toEqual([]);
  });

  it("lists the table in the text header", async () => {
    const r = await cli("check", sample, "--lang", "en");
    expect(r.stdout.split("\n")[0]).toMatch(/: 1 table: '.*' department table 2021 A1:[A-Z]+\d+$/);
    expect(r.stdout).toMatch(/Checked 1 file, 1 table: /);
  });
});

describe("bin/goaltable.js", () => {
  it("runs the built CLI", async () => {
    if (!existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
      await run("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT });
    }
    const { stdout } = await run(process.execPath, [path.join(ROOT, "bin", "goaltable.js"), "--version"], {
      cwd: ROOT,
    });
    const pkg = JSON.parse(await fs.readFile(path.join(ROOT, "package.json"), "utf8"));
    expect(stdout.trim()).toBe(pkg.version);
  }, 120000);
});
