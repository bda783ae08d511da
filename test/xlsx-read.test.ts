import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  classifyInput,
  detectFormat,
  MAX_FILE_BYTES,
  readWorkbookBuffer,
  readWorkbookFile,
  WorkbookReadError,
} from "../src/xlsx/read";
import {
  formulaResult,
  plainText,
  serialToDate,
  readWithExcelJS,
  sheetToSnapshot,
  toCellValue,
} from "../src/xlsx/read-exceljs";
import { dateToSerial, formulaText } from "../src/xlsx/parts";
import type { WorkbookSnapshot } from "../src/core/snapshot";
import { workbookToBuffer } from "../src/xlsx/write";
import { layoutWorkbook } from "./builder/layout";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "./fixtures/small";
import { REAL_TABLES } from "./real-tables";

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function readError(p: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return e as WorkbookReadError;
  }
  throw new Error("expected a WorkbookReadError");
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe("serial dates", () => {
  it("converts dates to 1900-system serials", () => {
    expect(dateToSerial(new Date(Date.UTC(2021, 11, 31)))).toBe(44561);
    expect(dateToSerial(new Date(Date.UTC(1970, 0, 1)))).toBe(25569);
    expect(dateToSerial(new Date(Date.UTC(2021, 11, 31, 12)))).toBe(44561.5);
  });

  it("respects the 1904 date system", () => {
    expect(dateToSerial(new Date(Date.UTC(2021, 11, 31)), true)).toBe(44561 - 1462);
    expect(serialToDate(44561 - 1462, true).toISOString()).toBe("2021-12-31T00:00:00.000Z");
  });

  it("inverts exceljs's conversion, including the days before 1900-03-01 and times of day", () => {
    for (const s of [1, 59, 60, 61, 44561, 44561.25, 44561.999988426, 2958465]) {
      expect(dateToSerial(serialToDate(s))).toBeCloseTo(s, 8);
      expect(dateToSerial(serialToDate(s, true), true)).toBeCloseTo(s, 8);
    }
  });
});

describe("value mapping", () => {
  it("maps exceljs values to Office.js values", () => {
    expect(toCellValue(null)).toBeNull();
    expect(toCellValue(undefined)).toBeNull();
    expect(toCellValue("")).toBeNull();
    expect(toCellValue(12.5)).toBe(12.5);
    expect(toCellValue("≥2次")).toBe("≥2次");
    expect(toCellValue(true)).toBe(true);
    expect(toCellValue({ error: "#REF!" })).toEqual({ error: "#REF!" });
    expect(toCellValue({ error: "#N/A" })).toEqual({ error: "#N/A" });
    expect(toCellValue(new Date(Date.UTC(2021, 11, 31)))).toBe(44561);
    expect(toCellValue({ richText: [{ text: "合" }, { font: { bold: true }, text: "计" }] })).toBe("合计");
    expect(toCellValue({ text: "链接", hyperlink: "https://example.org" })).toBe("链接");
    expect(toCellValue({ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "x" })).toBe("ab");
    expect(toCellValue({ formula: "A1", result: 3 })).toBe(3);
    expect(toCellValue({ formula: "A1" })).toBeNull();
  });

  it("keeps a formula's empty-text result and maps its other results", () => {
    expect(formulaResult("")).toBe("");
    expect(formulaResult(0)).toBe(0);
    expect(formulaResult(false)).toBe(false);
    expect(formulaResult({ error: "#DIV/0!" })).toEqual({ error: "#DIV/0!" });
    expect(formulaResult(new Date(Date.UTC(2021, 0, 1)))).toBe(44197);
  });

  it("flattens text", () => {
    expect(plainText({ richText: [{ text: "年度" }, { text: "目标" }] })).toBe("年度目标");
    expect(plainText(null)).toBe("");
  });

  it("writes formulas as Office.js does", () => {
    expect(formulaText("SUM(D7:D17)")).toBe("=SUM(D7:D17)");
    expect(formulaText("_xlfn.XLOOKUP(A1,B:B,C:C)")).toBe("=XLOOKUP(A1,B:B,C:C)");
  });
});

describe("format detection", () => {
  it("tells zip, compound files, ODS and markup apart", () => {
    expect(detectFormat(Buffer.from("PK\x03\x04rest", "latin1"))).toBe("zip");
    expect(detectFormat(Buffer.concat([CFB, Buffer.alloc(100)]))).toBe("xls");
    expect(detectFormat(Buffer.concat([CFB, Buffer.alloc(100), Buffer.from("EncryptionInfo", "utf16le")]))).toBe(
      "encrypted"
    );
    expect(
      detectFormat(
        Buffer.concat([
          Buffer.from("PK\x03\x04", "latin1"),
          Buffer.alloc(26),
          Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
        ])
      )
    ).toBe("ods");
    expect(detectFormat(Buffer.from("\uFEFF<html><table>"))).toBe("markup");
    expect(detectFormat(Buffer.from("a,b,c\n1,2,3"))).toBe("unknown");
  });

  it("refuses other formats with a save-as-xlsx message", () => {
    const csv = classifyInput(Buffer.from("任务名称,总额\n"), "table.csv");
    expect(csv?.code).toBe("unsupported-format");
    expect(csv?.text.en).toMatch(/save as \.xlsx/);
    expect(csv?.text.zh).toMatch(/不支持该文件格式.*另存为 \.xlsx/);
    expect(classifyInput(Buffer.concat([CFB, Buffer.alloc(64)]), "old.xls")?.code).toBe("unsupported-format");
    // An .xls name on an HTML export.
    expect(classifyInput(Buffer.from("<html>"), "export.xls")?.text.en).toMatch(/web page/);
    expect(classifyInput(Buffer.from("garbage"), "x.xlsx")?.code).toBe("corrupt");
    expect(classifyInput(Buffer.from("PK\x03\x04", "latin1"), "x.xlsx")).toBeNull();
  });

  it("recognises encrypted workbooks even when named .xlsx", () => {
    const enc = Buffer.concat([CFB, Buffer.alloc(500), Buffer.from("EncryptedPackage", "utf16le")]);
    const e = classifyInput(enc, "secret.xlsx");
    expect(e?.code).toBe("encrypted");
    expect(e?.text.zh).toMatch(/密码/);
    expect(e?.text.en).toMatch(/password/);
  });
});

describe("readWorkbookBuffer / readWorkbookFile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-read-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads values, formulas, shared formulas, formats, merges and sheet states", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("C2").value = "合计";
    ws.getCell("D3").value = 1.5;
    ws.getCell("D4").value = 2;
    ws.getCell("E3").value = { formula: "D3*2", result: 3, shareType: "shared", ref: "E3:E4" } as ExcelJS.CellValue;
    ws.getCell("E4").value = { sharedFormula: "E3", result: 4 } as ExcelJS.CellValue;
    ws.getCell("F3").value = { richText: [{ text: "年度" }, { font: { bold: true }, text: "目标" }] };
    ws.getCell("F4").value = { text: "说明", hyperlink: "https://example.org" };
    ws.getCell("G3").value = new Date(Date.UTC(2021, 11, 31));
    ws.getCell("G3").numFmt = "yyyy-mm-dd";
    ws.getCell("G4").value = "a_x000D_b";
    ws.getCell("D3").numFmt = "0.00";
    ws.mergeCells("C2:D2");
    wb.addWorksheet("hidden", { state: "hidden" });
    wb.addWorksheet("veryHidden", { state: "veryHidden" });
    const locked = wb.addWorksheet("locked");
    locked.getCell("A1").value = "x";
    await locked.protect("pw", {});

    const snap = await readWorkbookBuffer(await bufferOf(wb));
    const s = snap.sheets[0];
    expect(s.name).toBe("表");
    expect(s.origin).toBe("C2");
    expect(s.values).toEqual([
      ["合计", null, null, null, null],
      [null, 1.5, 3, "年度目标", 44561],
      [null, 2, 4, "说明", "a\rb"],
    ]);
    expect(s.formulas[1][2]).toBe("=D3*2");
    expect(s.formulas[2][2]).toBe("=D4*2"); // the shared formula, translated to its cell
    expect(s.formulas[1][1]).toBeNull();
    expect(s.numberFormats[1][1]).toBe("0.00");
    expect(s.numberFormats[1][4]).toBe("yyyy-mm-dd");
    expect(s.numberFormats[0][0]).toBe("General");
    expect(s.merges).toEqual(["C2:D2"]);
    expect(s.visible).toBe(true);
    expect(s.protected).toBe(false);
    expect(snap.sheets.map((x) => [x.name, x.visible, x.protected])).toEqual([
      ["表", true, false],
      ["hidden", false, false],
      ["veryHidden", false, false],
      ["locked", true, true],
    ]);
    expect(snap.sheets[1]).toMatchObject({ origin: "A1", values: [], merges: [] });
  });

  it("gives a merged cell its own empty value, not its master's", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("B2").value = "年度主要任务";
    ws.mergeCells("B2:B5");
    const s = (await readWorkbookBuffer(await bufferOf(wb))).sheets[0];
    expect(s.origin).toBe("B2");
    expect(s.values).toEqual([["年度主要任务"], [null], [null], [null]]);
    expect(s.merges).toEqual(["B2:B5"]);
  });

  it("reads dates in the 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = new Date(Date.UTC(2021, 11, 31));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    const s = (await readWorkbookBuffer(await bufferOf(wb))).sheets[0];
    expect(s.values[0][0]).toBe(44561 - 1462);
  });

  it("raises typed, bilingual errors", async () => {
    const missing = await readError(readWorkbookFile(path.join(dir, "nope.xlsx")));
    expect(missing.code).toBe("not-found");
    expect(missing.text.en).toMatch(/file not found/i);
    expect(missing.text.zh).toMatch(/找不到文件/);

    const notZip = await readError(readWorkbookBuffer(Buffer.from("hello world"), "x.xlsx"));
    expect(notZip.code).toBe("corrupt");
    expect(notZip.text.en).toMatch(/not a valid \.xlsx/i);

    const z = new JSZip();
    z.file("word/document.xml", "<w:document/>");
    const docx = await z.generateAsync({ type: "nodebuffer" });
    expect((await readError(readWorkbookBuffer(docx, "x.xlsx"))).code).toBe("corrupt");

    const folder = await readError(readWorkbookFile(dir));
    expect(folder.code).toBe("not-a-file");
  });

  it("refuses files over the size limit without reading them", async () => {
    const big = path.join(dir, "big.xlsx");
    const h = await fs.open(big, "w");
    await h.truncate(MAX_FILE_BYTES + 1); // sparse: no 50 MB written
    await h.close();
    const e = await readError(readWorkbookFile(big));
    expect(e.code).toBe("too-large");
    expect(e.text.en).toMatch(/too large/);
    expect((await readError(readWorkbookBuffer(Buffer.alloc(MAX_FILE_BYTES + 1)))).code).toBe("too-large");
  });

  it("says a truncated workbook is damaged", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("s").getCell("A1").value = "x";
    const buf = await bufferOf(wb);
    const e = await readError(readWorkbookBuffer(buf.subarray(0, Math.floor(buf.length / 2)), "half.xlsx"));
    expect(e.code).toBe("corrupt");
    expect(e.message).not.toMatch(/\n\s+at /);
  });
});

describe("the parts exceljs is told to skip when it reads a file the package reader declines (LOAD_OPTIONS.ignoreNodes)", () => {
  /** The snapshot as a full exceljs load gives it, nothing skipped. */
  async function fullLoad(bytes: Buffer): Promise<WorkbookSnapshot> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
    return { sheets: wb.worksheets.map((ws) => sheetToSnapshot(ws, date1904)) };
  }

  async function expectSame(bytes: Buffer): Promise<WorkbookSnapshot> {
    const fast = await readWithExcelJS(bytes);
    expect(fast).toEqual(await fullLoad(bytes));
    return fast;
  }

  it("change nothing in the sample, the builder's layouts and the real tables written to .xlsx", async () => {
    await expectSame(await fs.readFile(path.join(__dirname, "..", "samples", "2021-urho-organization-dept.xlsx")));
    const books: WorkbookSnapshot[] = [
      layoutWorkbook(SMALL_DEPARTMENT),
      layoutWorkbook(SMALL_PROJECT),
      ...REAL_TABLES.map((t) => ({ sheets: [t.sheet] })),
    ];
    for (const book of books) {
      const read = await expectSame(await workbookToBuffer(book));
      expect(read.sheets[0].values.flat().filter((v) => v !== null).length).toBeGreaterThan(10);
    }
  });

  it("change nothing in a sheet that has validation lists, conditional formats, frozen panes, print settings and a filter", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表1", { views: [{ state: "frozen", ySplit: 2 }] });
    ws.getCell("A1").value = "项目名称";
    ws.mergeCells("B1:D1");
    ws.getCell("B1").value = { richText: [{ text: "某某" }, { text: "项目", font: { bold: true } }] };
    ws.getCell("A2").value = 12.5;
    ws.getCell("A2").numFmt = "0.00";
    ws.getCell("B2").value = { formula: "A2*2", result: 25 };
    ws.getCell("C2").value = new Date(Date.UTC(2024, 0, 31));
    ws.getCell("D2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("E2").value = { text: "链接", hyperlink: "https://example.invalid/" };
    ws.getCell("A3").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
    ws.addConditionalFormatting({
      ref: "A2:A9",
      rules: [{ type: "cellIs", operator: "greaterThan", formulae: [10], priority: 1, style: {} }],
    });
    ws.autoFilter = "A1:D2";
    ws.pageSetup.printArea = "A1:D9";
    ws.headerFooter.oddFooter = "第 &P 页";
    await ws.protect("", {});
    const read = await expectSame(await bufferOf(wb));
    expect(read.sheets[0].protected).toBe(true);
    expect(read.sheets[0].values[1]).toEqual([
      12.5,
      25,
      dateToSerial(new Date(Date.UTC(2024, 0, 31))),
      { error: "#N/A" },
      "链接",
    ]);
  });
});
