/**
 * The reviewer's workflow: `goaltable check DIR --report 审核汇总.xlsx --annotate OUTDIR` over a folder with a clean
 * table, a faulty one, a project table, an unreadable file and an .xls; the marked copies (part by part against the
 * originals, and the add-in's 清除标记 on them through the fake Excel); accepted findings; worker threads; progress.
 *
 * The .xls is converted by LibreOffice when it is installed (GOALTABLE_REQUIRE_LIBREOFFICE=1 in CI makes that
 * path required); the "not installed" path is always tested with GOALTABLE_SOFFICE=none.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { makeAcceptance, snapshotContent } from "../src/core/acceptance";
import { checkWorkbook } from "../src/core/check";
import { clearHighlights } from "../src/excel/highlight";
import { FILES_PER_WORKER, markedPaths, workerCount } from "../src/cli/check";
import { findSoffice } from "../src/cli/convert";
import { parseArgs } from "../src/cli/args";
import { findOnPath } from "../scripts/render-template";
import { unescapeXml, attributes } from "../src/xlsx/xml";
import { ZipArchive } from "../src/xlsx/zip";
import { writeAcceptancesToXlsx } from "../src/xlsx/acceptances";
import { writeWorkbookFile } from "../src/xlsx/write";
import { layoutWorkbook } from "./builder/layout";
import type { DepartmentSpec } from "./builder/spec";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "./fixtures/small";
import { runCli, type Captured } from "./support/cli";
import { FakeExcel, type FakeCell, type FakeRequestContext, type FakeSheetState } from "./support/fake-excel";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..");
const soffice = findSoffice({ ...process.env, GOALTABLE_SOFFICE: undefined });
const requireOffice = process.env.GOALTABLE_REQUIRE_LIBREOFFICE === "1";

const FAULTY: DepartmentSpec = {
  ...SMALL_DEPARTMENT,
  name: "某某区卫生健康委",
  tasks: SMALL_DEPARTMENT.tasks.map((t, i) => (i === 0 ? { ...t, total: 130 } : t)),
};

/** 培训班次 "≥5" without a unit: value/missing-unit, an error the submitter may accept (not a blocking rule). */
const NO_UNIT: DepartmentSpec = {
  ...SMALL_DEPARTMENT,
  indicators: SMALL_DEPARTMENT.indicators.map((x, i) => (i === 0 ? { ...x, value: "≥5" } : x)),
};

let dir: string;
let inbox: string;
const files: Record<string, string> = {};

/** Runs the CLI with env overrides, restoring the environment afterwards. */
async function cliWith(env: Record<string, string | undefined>, ...argv: string[]): Promise<Captured> {
  const saved: Record<string, string | undefined> = {};
  for (const k of Object.keys(env)) {
    saved[k] = process.env[k];
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    return await runCli(argv);
  } finally {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

/** A workbook with the user's own things the copy must keep: a fill, a conditional format, a comment. */
async function decorate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("B3").note = "用户的批注";
  ws.addConditionalFormatting({
    ref: "D7:D9",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["D7>100"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00B050" } } },
      },
    ],
  });
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-report-"));
  inbox = path.join(dir, "收件");
  await fs.mkdir(inbox);
  files.clean = path.join(inbox, "1-教育局.xlsx");
  files.faulty = path.join(inbox, "2-卫健委.xlsx");
  files.project = path.join(inbox, "3-道路养护项目.xlsx");
  files.broken = path.join(inbox, "4-损坏.xlsx");
  files.xls = path.join(inbox, "5-旧格式.xls");
  await writeWorkbookFile(layoutWorkbook(SMALL_DEPARTMENT), files.clean);
  await writeWorkbookFile(layoutWorkbook(FAULTY), files.faulty);
  await decorate(files.faulty);
  await writeWorkbookFile(layoutWorkbook(SMALL_PROJECT), files.project);
  await fs.writeFile(files.broken, "这不是工作簿");
  if (soffice) {
    // A real .xls: the project table saved by LibreOffice in Excel 97-2003 format.
    const tmp = path.join(dir, "xls");
    await fs.mkdir(tmp);
    const src = path.join(tmp, "p.xlsx");
    await writeWorkbookFile(layoutWorkbook({ ...SMALL_PROJECT, name: "旧格式项目" }), src);
    await run(soffice, [
      `-env:UserInstallation=file://${path.join(tmp, "profile")}`,
      "--headless",
      "--convert-to",
      "xls",
      "--outdir",
      tmp,
      src,
    ]);
    await fs.copyFile(path.join(tmp, "p.xls"), files.xls);
  } else {
    // An Excel 97-2003 compound file's signature is enough for the "not installed" path.
    await fs.writeFile(
      files.xls,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    );
  }
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Row = (string | number | null)[];

/** A file as the report shows it: its path from the report's folder. */
const shown = (file: string) => path.relative(dir, file).split(path.sep).join("/");

function rowsOf(ws: ExcelJS.Worksheet): Row[] {
  const out: Row[] = [];
  ws.eachRow((row) => {
    const values: Row = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value as unknown;
      values.push(
        v === null || v === undefined
          ? null
          : typeof v === "object" && v !== null && "text" in v
            ? String((v as { text: unknown }).text)
            : (v as string | number)
      );
    }
    out.push(values);
  });
  return out;
}

function hyperlink(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as { hyperlink?: string } | null;
  return v && typeof v === "object" ? v.hyperlink : undefined;
}

describe("check DIR --report --annotate", () => {
  let result: Captured;
  let report: ExcelJS.Workbook;
  let reportPath: string;
  let marked: string;
  const converted = soffice !== undefined;

  beforeAll(async () => {
    reportPath = path.join(dir, "审核汇总.xlsx");
    marked = path.join(dir, "标记");
    result = await cliWith({}, "check", inbox, "--report", reportPath, "--annotate", marked);
    report = new ExcelJS.Workbook();
    await report.xlsx.readFile(reportPath);
  }, 120_000);

  if (!soffice && requireOffice)
    it("needs LibreOffice (GOALTABLE_REQUIRE_LIBREOFFICE=1)", () => {
      throw new Error("GOALTABLE_REQUIRE_LIBREOFFICE=1 but soffice/libreoffice is not on PATH");
    });

  it("exits 2 for the unreadable file, after checking the others", () => {
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("审核汇总已写入");
    expect(result.stdout).toMatch(new RegExp(`已在 .* 写入 ${converted ? 4 : 3} 个标记副本`));
  });

  it("汇总 has one row per table and per unreadable file, with counts and status", () => {
    const ws = report.getWorksheet("汇总")!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual([
      "文件",
      "工作表",
      "部门/项目名称",
      "类型",
      "年度",
      "预算总额",
      "单位",
      "错误",
      "警告",
      "已接受",
      "状态",
      "说明",
    ]);
    const byFile = (f: string) => rows.find((r) => r[0] === shown(f))!;
    expect(byFile(files.clean).slice(2, 11)).toEqual([
      "某某区教育局",
      "部门整体支出",
      2022,
      195.6,
      "万元",
      0,
      0,
      0,
      "通过",
    ]);
    expect(byFile(files.faulty).slice(2, 11)).toEqual([
      "某某区卫生健康委",
      "部门整体支出",
      2022,
      205.1,
      "万元",
      1,
      0,
      0,
      "需修改",
    ]);
    expect(byFile(files.project).slice(2, 11)).toEqual([
      "农村道路养护项目",
      "项目支出",
      2022,
      90,
      "万元",
      0,
      0,
      0,
      "通过",
    ]);
    expect(byFile(files.broken)[10]).toBe("无法读取");
    expect(byFile(files.broken)[11]).toMatch(/不是有效的 \.xlsx 文件/);
    const xls = byFile(files.xls);
    if (converted) {
      expect(xls.slice(2, 11)).toEqual(["旧格式项目", "项目支出", 2022, 90, "万元", 0, 0, 0, "通过"]);
      expect(xls[11]).toMatch(/LibreOffice/);
    } else {
      expect(xls[10]).toBe("无法读取");
      expect(xls[11]).toMatch(/另存为 \.xlsx/);
    }
    expect(rows).toHaveLength(6);
  });

  it("问题清单 has one row per finding, the cell linked into the marked copy", () => {
    const ws = report.getWorksheet("问题清单")!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(["文件", "工作表", "单元格", "严重程度", "规则", "问题说明", "已接受（理由）"]);
    const faulty = rows.filter((r) => r[0] === shown(files.faulty));
    expect(faulty.map((r) => [r[2], r[3], r[4]])).toEqual([
      ["D7", "错误", "amount/task-sum"],
      ["C18", "提示", "taxonomy/empty-level2"],
    ]);
    const i = rows.findIndex((r) => r[0] === shown(files.faulty) && r[2] === "D7");
    const link = hyperlink(ws.getRow(i + 1).getCell(3));
    expect(link).toBe(`标记/2-卫健委.xlsx#'2022年部门整体绩效目标'!D7`);
    expect(hyperlink(ws.getRow(i + 1).getCell(1))).toBe("标记/2-卫健委.xlsx");
    expect((ws.getRow(i + 1).getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    // The project table and the clean one: the clean has its one 提示, the project none.
    expect(rows.filter((r) => r[0] === shown(files.project))).toEqual([]);
    expect(rows.filter((r) => r[0] === shown(files.clean)).map((r) => r[4])).toEqual(["taxonomy/empty-level2"]);
  });

  it("both sheets have a frozen header row and an autofilter over their rows", () => {
    const summary = report.getWorksheet("汇总")!;
    const findings = report.getWorksheet("问题清单")!;
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(findings.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(summary.autoFilter).toBe("A1:L6");
    expect(findings.autoFilter).toBe(`A1:G${findings.rowCount}`);
    expect(summary.getColumn(1).width).toBeGreaterThan(20);
  });

  const render = soffice !== undefined && findOnPath("pdftoppm") && findOnPath("pdftotext");
  (render ? it : it.skip)(
    "prints through LibreOffice; its 汇总 page is docs/review-summary.png",
    async () => {
      const out = path.join(dir, "render");
      await run(soffice!, [
        `-env:UserInstallation=file://${path.join(dir, "render-profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        out,
        reportPath,
      ]);
      const pdf = path.join(out, "审核汇总.pdf");
      const { stdout } = await run("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"]);
      for (const word of ["部门/项目名称", "某某区卫生健康委", "需修改", "通过", "无法读取", "收件/4-损坏.xlsx"])
        expect(stdout).toContain(word);
      // The top of the first page, where the table is (A4 landscape at 110 dpi is 1286 × 909 pixels).
      const crop = ["-x", "70", "-y", "100", "-W", "1130", "-H", "92"];
      const png = ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", ...crop];
      await run("pdftoppm", [...png, pdf, path.join(ROOT, "docs", "review-summary")]);
      expect((await fs.stat(path.join(ROOT, "docs", "review-summary.png"))).size).toBeGreaterThan(5_000);
    },
    120_000
  );

  it("--lang en writes English headers", async () => {
    const en = path.join(dir, "summary-en.xlsx");
    await cliWith({ GOALTABLE_SOFFICE: "none" }, "check", files.clean, "--report", en, "--lang", "en");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(en);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Findings"]);
    expect(rowsOf(wb.getWorksheet("Summary")!)[1][10]).toBe("pass");
  });

  it("the marked copy differs from the original only in the marked sheet, styles' dxfs and the added sheet", async () => {
    const a = await JSZip.loadAsync(await fs.readFile(files.faulty));
    const b = await JSZip.loadAsync(await fs.readFile(path.join(marked, "2-卫健委.xlsx")));
    const names = (z: JSZip) =>
      Object.keys(z.files)
        .filter((n) => !z.files[n].dir)
        .sort();
    const added = names(b).filter((n) => !names(a).includes(n));
    expect(names(a).filter((n) => !names(b).includes(n))).toEqual([]);
    expect(added).toEqual(["xl/worksheets/sheet2.xml"]);
    const changed: string[] = [];
    for (const n of names(a)) {
      const x = await a.file(n)!.async("nodebuffer");
      const y = await b.file(n)!.async("nodebuffer");
      if (!x.equals(y)) changed.push(n);
    }
    expect(changed.sort()).toEqual(
      [
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
      ].sort()
    );
    // The others are copied as stored: not even recompressed.
    const zipA = new ZipArchive(await fs.readFile(files.faulty));
    const zipB = new ZipArchive(await fs.readFile(path.join(marked, "2-卫健委.xlsx")));
    const same = names(a).filter((n) => !changed.includes(n));
    expect(same.length).toBeGreaterThan(4);
    for (const n of same) expect({ n, stored: zipB.stored(n) }).toEqual({ n, stored: zipA.stored(n) });
    // The sheet: only <conditionalFormatting> elements of ours added, the user's rule moved below them.
    const sheetA = await a.file("xl/worksheets/sheet1.xml")!.async("string");
    const sheetB = await b.file("xl/worksheets/sheet1.xml")!.async("string");
    const ours =
      /<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>N\(&quot;goaltable:[a-z]+&quot;\)=0<\/formula><\/cfRule><\/conditionalFormatting>/g;
    expect(sheetB.match(ours)).toHaveLength(2);
    const strip = (s: string) => s.replace(ours, "").replace(/priority="\d+"/g, 'priority=""');
    expect(strip(sheetB)).toBe(strip(sheetA));
    // Each mark's dxf is its severity's colours, appended after the user's own dxf.
    const stylesXml = await b.file("xl/styles.xml")!.async("string");
    const dxfs = stylesXml.match(/<dxf>[\s\S]*?<\/dxf>/g)!;
    const dxfOf = (severity: string) => {
      const rule = new RegExp(`dxfId="(\\d+)" priority="\\d+"><formula>N\\(&quot;goaltable:${severity}`).exec(sheetB)!;
      return dxfs[Number(rule[1])];
    };
    expect(dxfOf("error")).toContain('<bgColor rgb="FFFFC7CE"/>');
    expect(dxfOf("error")).toContain('<color rgb="FF9C0006"/>');
    expect(dxfOf("info")).toContain('<bgColor rgb="FFDDEBF7"/>');
    expect(dxfs.length).toBeGreaterThanOrEqual(3);
    // styles.xml: dxfs appended, nothing else.
    const stylesA = await a.file("xl/styles.xml")!.async("string");
    const stylesB = await b.file("xl/styles.xml")!.async("string");
    const noDxfs = (s: string) => s.replace(/<dxfs\b[^>]*?(\/>|>[\s\S]*?<\/dxfs>)/, "");
    expect(noDxfs(stylesB)).toBe(noDxfs(stylesA));
    // The original was not touched.
    expect((await fs.stat(files.faulty)).size).toBeGreaterThan(0);
  });

  it("the added 检查结果 sheet lists the findings with links to their cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(marked, "2-卫健委.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["2022年部门整体绩效目标", "检查结果"]);
    const ws = wb.getWorksheet("检查结果")!;
    expect(rowsOf(ws).map((r) => [r[1], r[2], r[3]])).toEqual([
      ["单元格", "严重程度", "规则"],
      ["D7", "错误", "amount/task-sum"],
      ["C18", "提示", "taxonomy/empty-level2"],
    ]);
    // An internal link (a location, no relationship), which exceljs does not read back: look at the part itself.
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(marked, "2-卫健委.xlsx")));
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(xml).toContain(`<hyperlink ref="B2" location="'2022年部门整体绩效目标'!D7" display="D7"/>`);
    expect(xml).toContain(`<hyperlink ref="B3" location="'2022年部门整体绩效目标'!C18" display="C18"/>`);
  });

  it("the add-in's 清除标记 on the marked copy gives back every cell's format and the user's own rules", async () => {
    const original = await fakeFromXlsx(files.faulty);
    const copy = await fakeFromXlsx(path.join(marked, "2-卫健委.xlsx"));
    const sheet = "2022年部门整体绩效目标";
    const strip = (s: FakeSheetState) => ({
      cells: s.cells,
      conditionalFormats: s.conditionalFormats.map(({ type, ranges, formula }) => ({ type, ranges, formula })),
    });
    // The marks are there: C18 (info) and D7 (error), on top of the user's rule.
    expect(strip(copy.sheet(sheet)).conditionalFormats).toEqual([
      { type: "Custom", ranges: ["C18"], formula: '=N("goaltable:info")=0' },
      { type: "Custom", ranges: ["D7"], formula: '=N("goaltable:error")=0' },
      { type: "Custom", ranges: ["D7:D9"], formula: "=D7>100" },
    ]);
    const xl = (c: FakeRequestContext) => c as unknown as Excel.RequestContext;
    const features = { conditionalFormats: true, mergedAreas: true };
    const cleared = await copy.run((c) => clearHighlights(xl(c), sheet, { features }));
    expect(cleared).toEqual({ removed: 2 });
    expect(strip(copy.sheet(sheet))).toEqual(strip(original.sheet(sheet)));
    expect(copy.sheet(sheet).cells.A1.format?.fill).toBe("#FFFF00");
  });
});

/**
 * A fake Excel holding what Excel would show of an .xlsx file's sheets: the cells' values and their own fill and
 * font colour (read with exceljs), and the conditional formats as the sheet's XML declares them (type, ranges and
 * rule formula, in priority order), which is what the add-in's clear reads and deletes.
 */
async function fakeFromXlsx(file: string): Promise<FakeExcel> {
  const bytes = await fs.readFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const zip = await JSZip.loadAsync(bytes);
  const sheets: FakeSheetState[] = [];
  for (const [i, ws] of wb.worksheets.entries()) {
    const cells: Record<string, FakeCell> = {};
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        const font = cell.font?.color?.argb;
        const v = cell.value;
        const c: FakeCell = { value: typeof v === "string" || typeof v === "number" ? v : null };
        if (fill || font)
          c.format = {
            ...(fill ? { fill: `#${fill.slice(2)}` } : {}),
            ...(font ? { font: { color: `#${font.slice(2)}` } } : {}),
          };
        cells[cell.address] = c;
      })
    );
    const xml = (await zip.file(`xl/worksheets/sheet${i + 1}.xml`)?.async("string")) ?? "";
    const rules: { priority: number; cf: FakeSheetState["conditionalFormats"][number] }[] = [];
    for (const m of xml.matchAll(/<conditionalFormatting\b([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g)) {
      const ranges = (attributes(`<x ${m[1]}>`).sqref ?? "").split(/\s+/);
      for (const r of m[2].matchAll(/<cfRule\b([^>]*)>[\s\S]*?<formula>([\s\S]*?)<\/formula>/g)) {
        const a = attributes(`<x ${r[1]}>`);
        rules.push({
          priority: Number(a.priority),
          cf: {
            id: `cf${rules.length}`,
            type: a.type === "expression" ? "Custom" : a.type,
            ranges,
            formula: `=${unescapeXml(r[2])}`,
          },
        });
      }
    }
    rules.sort((x, y) => x.priority - y.priority);
    sheets.push({
      id: `s${i}`,
      name: ws.name,
      visibility: "Visible",
      protected: false,
      cells,
      merges: [],
      conditionalFormats: rules.map((r) => r.cf),
    });
  }
  return new FakeExcel({ format: "fake-excel/1", sheets, active: sheets[0].name, selection: "A1" });
}

describe(".xls without LibreOffice", () => {
  it("gives today's clear message and exit 2", async () => {
    const r = await cliWith({ GOALTABLE_SOFFICE: "none" }, "check", files.xls, "--format", "json", "--lang", "en");
    expect(r.code).toBe(2);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.error).toMatch(/Excel 97-2003.*save as \.xlsx/);
    expect(file.note).toBeNull();
  });

  (soffice ? it : it.skip)(
    "is converted and checked when LibreOffice is installed, and says so",
    async () => {
      const r = await cliWith({}, "check", files.xls, "--lang", "en");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/converted from \.xls to \.xlsx by LibreOffice/);
      expect(r.stdout).toMatch(/1 table: .* project table 2022/);
    },
    60_000
  );
});

describe("accepted findings", () => {
  it("are listed apart with their reasons, counted in the report, and ignored by the exit code", async () => {
    const file = path.join(dir, "accepted.xlsx");
    await writeWorkbookFile(layoutWorkbook(NO_UNIT), file);
    const snapshot = layoutWorkbook(NO_UNIT);
    const f12 = checkWorkbook(snapshot).findings.find((f) => f.rule === "value/missing-unit")!;
    expect(f12.cell).toBe("F12");
    const sheet = snapshot.sheets[0];
    const acceptance = makeAcceptance(f12, snapshotContent(sheet, "F12"), "培训以次计，单位即“次”");
    await fs.writeFile(file, await writeAcceptancesToXlsx(await fs.readFile(file), [acceptance]));

    const json = await cliWith({ GOALTABLE_SOFFICE: "none" }, "check", file, "--format", "json");
    expect(json.code).toBe(0);
    const [f] = JSON.parse(json.stdout).files;
    expect(f.accepted).toEqual([
      { rule: "value/missing-unit", sheet: sheet.name, cell: "F12", reason: "培训以次计，单位即“次”" },
    ]);
    expect(f.findings.map((x: { rule: string }) => x.rule)).toEqual(["taxonomy/empty-level2"]);

    const text = await cliWith({ GOALTABLE_SOFFICE: "none" }, "check", file);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/F12 {2}已接受 {2}value\/missing-unit .*（已接受，理由：培训以次计，单位即“次”）/);
    expect(text.stdout).toMatch(/0 个错误.*另有 1 个已接受的问题/);

    const reportPath = path.join(dir, "accepted-report.xlsx");
    await cliWith({ GOALTABLE_SOFFICE: "none" }, "check", file, "--report", reportPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reportPath);
    expect(rowsOf(wb.getWorksheet("汇总")!)[1].slice(7, 11)).toEqual([0, 0, 1, "通过"]);
    const listed = rowsOf(wb.getWorksheet("问题清单")!).find((r) => r[2] === "F12")!;
    expect(listed[6]).toBe("培训以次计，单位即“次”");
  });

  it("lapse when the cell was changed after it was accepted", async () => {
    const file = path.join(dir, "lapsed.xlsx");
    await writeWorkbookFile(layoutWorkbook(NO_UNIT), file);
    const f12 = checkWorkbook(layoutWorkbook(NO_UNIT)).findings.find((f) => f.rule === "value/missing-unit")!;
    // Accepted when the cell held "≥6"; it holds "≥5" now.
    await fs.writeFile(
      file,
      await writeAcceptancesToXlsx(await fs.readFile(file), [makeAcceptance(f12, "≥6", "旧的理由")])
    );
    const r = await cliWith({ GOALTABLE_SOFFICE: "none" }, "check", file, "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].accepted).toEqual([]);
  });
});

describe("worker threads and progress", () => {
  it("start workers only for a big folder on cores that are free, unless GOALTABLE_WORKERS says", () => {
    const env = {};
    const big = 10 * FILES_PER_WORKER;
    expect(workerCount(big, env, 2, 0)).toBe(0); // an idle 2-core machine: the main thread alone (measured faster)
    expect(workerCount(big, env, 3, 0)).toBe(2);
    expect(workerCount(big, env, 8, 0)).toBe(7); // one core left to the main thread
    expect(workerCount(2 * FILES_PER_WORKER - 1, env, 8, 0)).toBe(0); // too few files for two workers to pay
    expect(workerCount(3 * FILES_PER_WORKER, env, 8, 0)).toBe(3);
    expect(workerCount(big, env, 4, 1)).toBe(2); // one core busy
    expect(workerCount(big, env, 2, 6)).toBe(0); // overloaded
    expect(workerCount(big, env, 8, 5)).toBe(2);
    expect(workerCount(big, env, 1, 0)).toBe(0);
    expect(workerCount(5, { GOALTABLE_WORKERS: "2" }, 1, 9)).toBe(2);
    expect(workerCount(big, { GOALTABLE_WORKERS: "0" }, 8, 0)).toBe(0);
  });

  it("give the same results in the same order with workers as without", async () => {
    const args = ["check", inbox, "--format", "json"];
    const inProcess = await cliWith({ GOALTABLE_WORKERS: "0", GOALTABLE_SOFFICE: "none" }, ...args);
    const workers = await cliWith({ GOALTABLE_WORKERS: "2", GOALTABLE_SOFFICE: "none" }, ...args);
    expect(workers.code).toBe(inProcess.code);
    expect(workers.stdout).toBe(inProcess.stdout);
    expect(JSON.parse(workers.stdout).files).toHaveLength(5);
  }, 60_000);

  it("shows progress on a terminal only, and never with --format json", async () => {
    const capture = async (isTTY: boolean, ...extra: string[]) => {
      let err = "";
      const saved = process.env.GOALTABLE_SOFFICE;
      process.env.GOALTABLE_SOFFICE = "none";
      try {
        await runCli(["check", files.clean, files.project, ...extra], {
          stderr: { write: (s: string) => (err += s), isTTY },
        });
      } finally {
        if (saved === undefined) delete process.env.GOALTABLE_SOFFICE;
        else process.env.GOALTABLE_SOFFICE = saved;
      }
      return err;
    };
    expect(await capture(true)).toMatch(/已检查 2\/2 个文件，用时 0:\d\d，预计还需 0:00/);
    expect(await capture(false)).toBe("");
    expect(await capture(true, "--format", "json")).toBe("");
  });
});

describe("options", () => {
  it("refuses a --report that is not .xlsx, and check's options on template", async () => {
    const r = await runCli(["check", "x.xlsx", "--report", "out.csv", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the --report file must be \.xlsx/);
    const t = await runCli(["template", "-o", "a.xlsx", "--annotate", "out", "--lang", "en"]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/unknown option: --annotate/);
    expect(parseArgs(["check", "d", "--report=r.xlsx", "--annotate", "m"])).toEqual({
      command: "check",
      files: ["d"],
      format: "text",
      lang: "zh",
      report: "r.xlsx",
      annotate: "m",
    });
  });

  it("names marked copies by their path under the folder given, never twice the same", () => {
    const out = markedPaths(
      [
        { file: path.join("a", "x.xlsx"), root: "a" },
        { file: path.join("a", "sub", "x.xlsx"), root: "a" },
        { file: path.join("b", "x.xlsx"), root: "b" },
        { file: path.join("c", "X.xlsx") },
        { file: "missing", error: { zh: "", en: "" } },
      ],
      "m"
    );
    expect(out).toEqual([
      path.join("m", "x.xlsx"),
      path.join("m", "sub", "x.xlsx"),
      path.join("m", "x (2).xlsx"),
      path.join("m", "X (3).xlsx"),
      undefined,
    ]);
  });
});
