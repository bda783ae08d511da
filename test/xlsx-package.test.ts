/**
 * The package reader (src/xlsx/zip.ts, xml.ts, parts.ts, package.ts): what it reads from hand-made packages in the
 * forms other producers write, and that it gives the snapshot exceljs gives on every workbook we have (the sample,
 * the builder's layouts, the real tables, small files saved by Excel, WPS and LibreOffice, and our tables saved
 * again by LibreOffice).
 */
import { execFile } from "child_process";
import { existsSync, promises as fs, readdirSync, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import JSZip from "jszip";
import { isCellError, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../src/core/snapshot";
import { findSoffice } from "../src/cli/convert";
import { NotAWorkbook, readPackage } from "../src/xlsx/package";
import {
  builtInFormat,
  MAX_SHEET_CELLS,
  parseCellFormats,
  parseSharedStrings,
  SheetTooLarge,
  shiftFormula,
} from "../src/xlsx/parts";
import { columnName } from "../src/core/address";
import { readSnapshot, readWorkbookBuffer, WorkbookReadError } from "../src/xlsx/read";
import { readWithExcelJS } from "../src/xlsx/read-exceljs";
import { workbookToBuffer } from "../src/xlsx/write";
import { scanXml, XmlSyntaxError } from "../src/xlsx/xml";
import { ZipArchive, ZipUnsupported } from "../src/xlsx/zip";
import { layoutWorkbook } from "./builder/layout";
import { SMALL_DEPARTMENT, SMALL_PROJECT } from "./fixtures/small";
import { REAL_TABLES } from "./real-tables";
import { makePackage, sharedStringsXml, stylesXml, worksheetXml } from "./support/package";

const run = promisify(execFile);
const SAMPLE = path.join(__dirname, "..", "samples", "2021-urho-organization-dept.xlsx");
const FOREIGN = path.join(__dirname, "fixtures", "foreign");

// ---------------------------------------------------------------------------------------------------------------
// The zip layer

describe("ZipArchive", () => {
  async function zipOf(compression: "STORE" | "DEFLATE", streamFiles = false, comment?: string): Promise<Buffer> {
    const zip = new JSZip();
    zip.file("a.txt", "甲乙丙".repeat(100));
    zip.file("dir/b.xml", "<b/>");
    return zip.generateAsync({ type: "nodebuffer", compression, streamFiles, comment });
  }

  it.each([
    ["stored", "STORE", false, undefined],
    ["deflated", "DEFLATE", false, undefined],
    ["written with data descriptors", "DEFLATE", true, undefined],
    ["with an archive comment", "DEFLATE", false, "注释 comment"],
  ] as const)("reads entries %s", async (_, compression, streamFiles, comment) => {
    const z = new ZipArchive(await zipOf(compression, streamFiles, comment));
    expect(z.names().sort()).toEqual(["a.txt", "dir/", "dir/b.xml"]);
    expect(z.text("a.txt")).toBe("甲乙丙".repeat(100));
    expect(z.text("dir/b.xml")).toBe("<b/>");
    expect(z.text("missing.xml")).toBeUndefined();
    expect(z.has("dir/b.xml")).toBe(true);
  });

  it("decodes UTF-16 parts with a byte-order mark and drops a UTF-8 one", async () => {
    const zip = new JSZip();
    zip.file("u16.xml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<a>表</a>", "utf16le")]));
    zip.file("bom.xml", Buffer.from("\uFEFF<a>表</a>", "utf8"));
    const z = new ZipArchive(await zip.generateAsync({ type: "nodebuffer" }));
    expect(z.text("u16.xml")).toBe("<a>表</a>");
    expect(z.text("bom.xml")).toBe("<a>表</a>");
  });

  it("rewrites a package: changed parts replaced, new ones added, the rest copied as stored", async () => {
    const original = await zipOf("DEFLATE", true, "注释");
    const z = new ZipArchive(original);
    const copy = z.rewrite(
      new Map<string, string | Buffer>([
        ["dir/b.xml", "<b>改</b>"],
        ["新/c.xml", Buffer.from("<c/>")],
      ])
    );
    // Another zip reader, checking every CRC, reads the copy.
    const other = await JSZip.loadAsync(copy, { checkCRC32: true });
    expect(await other.file("dir/b.xml")!.async("string")).toBe("<b>改</b>");
    expect(await other.file("新/c.xml")!.async("string")).toBe("<c/>");
    expect(await other.file("a.txt")!.async("string")).toBe("甲乙丙".repeat(100));
    const again = new ZipArchive(copy);
    expect(again.names()).toEqual([...z.names(), "新/c.xml"]);
    expect(again.stored("a.txt")!.equals(z.stored("a.txt")!)).toBe(true);
    expect(again.text("新/c.xml")).toBe("<c/>");
  });

  it("finds parts whatever their case, and with \\ as the folder separator; a change lands on the stored part", async () => {
    const zip = new JSZip();
    zip.file("XL/Styles.xml", "<old/>");
    zip.file("dir\\b.xml", "<b/>");
    const z = new ZipArchive(await zip.generateAsync({ type: "nodebuffer" }));
    expect([z.text("xl/styles.xml"), z.text("dir/b.xml"), z.has("DIR/B.XML")]).toEqual(["<old/>", "<b/>", true]);
    const copy = new ZipArchive(z.rewrite(new Map([["xl/styles.xml", "<new/>"]])));
    expect(copy.names()).toEqual(z.names());
    expect(copy.text("XL/Styles.xml")).toBe("<new/>");
  });

  it("declines what it does not read: no directory, an encrypted entry, another compression method", async () => {
    const good = await zipOf("STORE");
    expect(() => new ZipArchive(good.subarray(0, good.length - 30))).toThrow(ZipUnsupported);
    expect(() => new ZipArchive(Buffer.from("PK\x03\x04 not really a zip", "latin1"))).toThrow(ZipUnsupported);
    // Set the "encrypted" flag, then the method, in the central directory entry of a.txt.
    const central = good.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const encrypted = Buffer.from(good);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
    expect(() => new ZipArchive(encrypted).bytes("a.txt")).toThrow(/encrypted/);
    const bzip2 = Buffer.from(good);
    bzip2.writeUInt16LE(12, central + 10);
    expect(() => new ZipArchive(bzip2).bytes("a.txt")).toThrow(/compression method 12/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The XML scanner

describe("scanXml", () => {
  function events(xml: string): string[] {
    const out: string[] = [];
    scanXml(xml, {
      open: (n, a, s) => out.push(`<${n}${a.trim() ? " " + a.trim() : ""}${s ? "/" : ""}>`),
      close: (n) => out.push(`</${n}>`),
      text: (t) => out.push(JSON.stringify(t)),
    });
    return out;
  }

  it("drops prefixes, skips declarations and comments, decodes entities, keeps CDATA as is", () => {
    expect(
      events(`<?xml version="1.0"?><!-- c <x> --><x:a b="1 > 0" c='"'>A&amp;B&#x4E00;<![CDATA[<&>]]><x:e/></x:a>`)
    ).toEqual([`<a b="1 > 0" c='"'>`, '"A&B一"', '"<&>"', "<e/>", "</e>", "</a>"]);
  });

  it("throws on a part it cannot scan", () => {
    expect(() => events("<a><b")).toThrow(XmlSyntaxError);
    expect(() => events("<a><!-- open")).toThrow(XmlSyntaxError);
    expect(() => events("< >")).toThrow(XmlSyntaxError);
    expect(() => events("<a><b></a>")).toThrow(/unexpected <\/a>/);
    expect(() => events("<a><b/>")).toThrow(/<a> is not closed/);
    // Only white space outside the one root element (exceljs's "invalid-xml" test file has "foo" before it).
    expect(() => events('<?xml version="1.0"?>\nfoo\n<a/>')).toThrow(/outside the root/);
    expect(() => events("<a/><b/>")).toThrow(/second root/);
    expect(() => events("  ")).toThrow(/no root/);
    expect(events('<?xml version="1.0"?>\r\n<a/>\n')).toEqual([
      JSON.stringify("\n"),
      "<a/>",
      "</a>",
      JSON.stringify("\n"),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Parts

describe("shared strings", () => {
  it("joins rich-text runs, leaves out phonetic guides, decodes _xHHHH_ escapes and entities", () => {
    expect(
      parseSharedStrings(
        sharedStringsXml([
          "<si><t>年度总体目标</t></si>",
          '<si><r><rPr><b/></rPr><t>合</t></r><r><t xml:space="preserve">计 </t></r></si>',
          '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
          "<si><t>a_x000D_b_x005F_x0041_</t></si>",
          "<si><t>&lt;≥&amp;&gt;</t></si>",
          "<si><t/></si>",
        ])
      )
    ).toEqual(["年度总体目标", "合计 ", "漢字", "a\rb_x0041_", "<≥&>", ""]);
  });
});

describe("number formats", () => {
  it("maps each cell format to its code: custom, built-in, the zh-CN built-ins; cell style formats are not cells'", () => {
    const styles = stylesXml(
      { 164: '0.00"万元"', 165: "0.0%", 166: "GENERAL", 167: "" },
      [0, 164, 2, 31, 165, 49, 999, 14, 166, 167]
    );
    expect(parseCellFormats(styles)).toEqual([
      "General",
      '0.00"万元"',
      "0.00",
      'yyyy"年"m"月"d"日"',
      "0.0%",
      "@",
      "General",
      "mm-dd-yy",
      "General",
      "General",
    ]);
    expect(builtInFormat(44)).toMatch(/¥/);
    expect(builtInFormat(200)).toBeUndefined();
  });
});

describe("shiftFormula (a shared formula in another cell)", () => {
  it.each([
    ["SUM(D7:D17)", 1, 0, "SUM(D8:D18)"],
    ["$D$7+D$7+$D7+D7", 2, 3, "$D$7+G$7+$D9+G9"],
    ["Sheet1!A1+'My Sheet'!B2", 1, 1, "Sheet1!B2+'My Sheet'!C3"],
    ['IF(A1="A1",1,0)', 1, 0, 'IF(A2="A1",1,0)'],
    ["SUM(A:A)+SUM(1:1)+SUM($A:$A)", 1, 1, "SUM(B:B)+SUM(2:2)+SUM($A:$A)"],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["A1*2", -1, 0, "#REF!*2"],
    ["XFD1+A1", 0, 1, "#REF!+B1"],
    ["Table1[金额]+A1", 1, 0, "Table1[金额]+A2"],
    ["_xlfn.CONCAT(A1,B1)", 3, 0, "_xlfn.CONCAT(A4,B4)"],
    ["ROUND(D7*0.5,2)", 1, 0, "ROUND(D8*0.5,2)"],
    ["SUM(D7:D17)", 0, 0, "SUM(D7:D17)"],
  ])("%s moved by (%i, %i) is %s", (formula, dRow, dCol, expected) => {
    expect(shiftFormula(formula, dRow, dCol)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Whole packages

describe("readPackage", () => {
  it("reads every kind of cell, shared and array formulas, merges, protection, sheet states", async () => {
    const sst = sharedStringsXml([
      "<si><t>项目名称</t></si>",
      "<si><r><t>合</t></r><r><t>计</t></r></si>",
      "<si><t/></si>",
    ]);
    const styles = stylesXml({ 164: '0.00"万元"' }, [0, 164, 10, 31]);
    const rows =
      '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><r><t>道路</t></r><r><t>养护</t></r><rPh><t>x</t></rPh></is></c></row>' +
      '<row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" s="1"><v>12.5</v></c><c r="D3" s="1"><f t="shared" ref="D3:D5" si="0">C3*2</f><v>25</v></c></row>' +
      '<row r="4"><c r="C4" s="1"><v>0.3</v></c><c r="D4" s="1"><f t="shared" si="0"/><v>0.6</v></c><c r="E4" t="b"><v>1</v></c></row>' +
      '<row r="5"><c r="C5" s="2"><v>0.95</v></c><c r="D5" s="1"><f t="shared" si="0"/><v>1.9</v></c><c r="E5" t="e"><v>#REF!</v></c></row>' +
      '<row r="6"><c r="B6" t="str"><f>IF(1,"","x")</f><v></v></c><c r="C6" s="3"><v>44561</v></c><c r="D6" t="d"><v>2021-12-31T00:00:00</v></c><c r="E6"><f>1/0</f></c></row>' +
      '<row r="7"><c r="B7" t="s"><v>2</v></c><c r="C7" s="2"/><c r="D7"><f t="array" ref="D7">SUM(C3:C5*1)</f><v>13.75</v></c></row>' +
      // A value left in a merged-away cell (F8), and a style-only cell far off (H20) that must not widen the range.
      '<row r="8"><c r="E8" t="inlineStr"><is><t>标题</t></is></c><c r="F8"><v>9</v></c></row>' +
      '<row r="20"><c r="H20" s="2"/></row>';
    const bytes = await makePackage({
      sheets: [
        {
          name: "表1 &amp; 附表",
          xml: worksheetXml(
            rows,
            '<sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="E8:F9"/></mergeCells>'
          ),
        },
        { name: "隐藏", xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), state: "hidden" },
        { name: "图表", xml: "<chartsheet/>", chart: true },
        { name: "空", xml: worksheetXml(""), state: "veryHidden" },
      ],
      sharedStrings: sst,
      styles,
    });
    const book = readPackage(bytes);
    expect(book.sheets.map((s) => [s.name, s.visible, s.protected])).toEqual([
      ["表1 & 附表", true, true],
      ["隐藏", false, false],
      ["空", false, false],
    ]);
    const s = book.sheets[0];
    expect(s.origin).toBe("B2");
    // Rows 2..9 (the merge E8:F9 widens it), columns B..F.
    expect(s.values).toEqual([
      ["项目名称", "道路养护", null, null, null],
      ["合计", 12.5, 25, null, null],
      [null, 0.3, 0.6, true, null],
      [null, 0.95, 1.9, { error: "#REF!" }, null],
      ["", 44561, 44561, null, null],
      [null, null, 13.75, null, null],
      [null, null, null, "标题", null],
      [null, null, null, null, null],
    ]);
    expect(s.formulas[1][2]).toBe("=C3*2");
    expect(s.formulas[2][2]).toBe("=C4*2");
    expect(s.formulas[3][2]).toBe("=C5*2");
    expect(s.formulas[4][0]).toBe('=IF(1,"","x")');
    expect(s.formulas[4][3]).toBe("=1/0");
    expect(s.formulas[5][2]).toBe("=SUM(C3:C5*1)");
    expect(s.numberFormats[1][1]).toBe('0.00"万元"');
    expect(s.numberFormats[3][1]).toBe("0.00%");
    expect(s.numberFormats[4][1]).toBe('yyyy"年"m"月"d"日"');
    expect(s.numberFormats[0][0]).toBe("General");
    expect(s.merges).toEqual(["E8:F9"]);
  });

  it("origin and merges: a merge widens the used range but a one-cell merge is not listed", async () => {
    const bytes = await makePackage({
      sheets: [
        {
          name: "s",
          xml: worksheetXml(
            '<row r="3"><c r="C3"><v>1</v></c></row>',
            '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="D5:D5"/></mergeCells>'
          ),
        },
      ],
    });
    const s = readPackage(bytes).sheets[0];
    expect([s.origin, s.values.length, s.values[0].length, s.merges]).toEqual(["A1", 5, 4, ["A1:B1"]]);
  });

  it("reads what the Open XML SDK writes: prefixed elements, rows and cells without r", async () => {
    const x = "x";
    const rows =
      `<x:row><x:c t="inlineStr"><x:is><x:t>部门名称</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>某局</x:t></x:is></x:c></x:row>` +
      `<x:row><x:c><x:v>1</x:v></x:c><x:c r="C2"><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>` +
      `<x:row r="5"><x:c><x:f>SUM(A2:C2)</x:f><x:v>6</x:v></x:c></x:row>`;
    const bytes = await makePackage({ prefix: x, sheets: [{ name: "Sheet1", xml: worksheetXml(rows, "", x) }] });
    const s = readPackage(bytes).sheets[0];
    expect(s.origin).toBe("A1");
    expect(s.values).toEqual([
      ["部门名称", "某局", null, null],
      [1, null, 2, 3],
      [null, null, null, null],
      [null, null, null, null],
      [6, null, null, null],
    ]);
    expect(s.formulas[4][0]).toBe("=SUM(A2:C2)");
  });

  it("keeps date serials as they are in the 1904 date system (Office.js gives the stored number)", async () => {
    const bytes = await makePackage({
      workbookPr: 'date1904="1"',
      styles: stylesXml({}, [0, 14]),
      sheets: [
        {
          name: "s",
          xml: worksheetXml('<row r="1"><c r="A1" s="1"><v>43099</v></c><c r="B1" t="d"><v>2021-12-31</v></c></row>'),
        },
      ],
    });
    expect(readPackage(bytes).sheets[0].values).toEqual([[43099, 44561 - 1462]]);
  });

  it("refuses, with the sheet and its range, a used range too large to hold (a stray cell at XFD1048576)", async () => {
    const rows = (far: string) =>
      worksheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>部门名称</t></is></c></row>${far}`);
    const stray = await makePackage({
      sheets: [
        { name: "说明", xml: rows("") },
        { name: "目标表", xml: rows('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') },
      ],
    });
    expect(() => readPackage(stray)).toThrow(SheetTooLarge);
    const e = (await readWorkbookBuffer(stray, "a.xlsx").catch((x: unknown) => x)) as WorkbookReadError;
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect(e.code).toBe("too-large");
    expect(e.text.zh).toContain("工作表“目标表”的已用区域 A1:XFD1048576 有 17,179,869,184 个单元格");
    expect(e.text.en).toContain("Ctrl+End");
    // Right at the limit is still read.
    const side = Math.floor(Math.sqrt(MAX_SHEET_CELLS));
    const col = columnName(side - 1);
    const edge = await makePackage({
      sheets: [{ name: "s", xml: rows(`<row r="${side}"><c r="${col}${side}"><v>1</v></c></row>`) }],
    });
    expect(readPackage(edge).sheets[0].values).toHaveLength(side);
  });

  it("says a zip that holds no workbook is not one", async () => {
    const docx = new JSZip();
    docx.file("word/document.xml", "<w:document/>");
    docx.file(
      "_rels/.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    );
    const bytes = await docx.generateAsync({ type: "nodebuffer" });
    expect(() => readPackage(bytes)).toThrow(NotAWorkbook);
    const e = await readWorkbookBuffer(bytes, "报告.xlsx").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).code).toBe("corrupt");
    const chartsOnly = await makePackage({ sheets: [{ name: "图表", xml: "<chartsheet/>", chart: true }] });
    expect(() => readPackage(chartsOnly)).toThrow(NotAWorkbook);
  });

  it("a package it declines goes to exceljs; one neither can read is 'corrupt'", async () => {
    const bytes = await workbookToBuffer(layoutWorkbook(SMALL_PROJECT));
    const declined = jest.fn((): WorkbookSnapshot => {
      throw new ZipUnsupported("ZIP64");
    });
    const book = await readSnapshot(bytes, declined);
    expect(declined).toHaveBeenCalledTimes(1);
    expect(book).toEqual(await readWithExcelJS(bytes));
    const bad = await makePackage({ sheets: [{ name: "s", xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c>') }] });
    expect(() => readPackage(bad)).toThrow(XmlSyntaxError);
    const e = await readSnapshot(bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).code).toBe("corrupt");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The same snapshot as exceljs

/**
 * Where the two readers may rightly differ, the package reader is the one that matches Office.js:
 *  - a date cell's serial: exceljs goes through a Date rounded to the millisecond (|Δ| < 1e-8 day);
 *  - the built-in formats exceljs has no code for (the locale ones: ¥ currency 5–8, 年月日 dates 27–36 and
 *    50–58, accounting 41–44): exceljs says "General";
 *  - a custom format's backslash escapes ("yyyy\-mm\-dd"): exceljs drops them, Office.js keeps the code as stored;
 *  - a formula's cached error (`<c t="e"><f>1/0</f><v>#DIV/0!</v>`): exceljs loses it (null, or #VALUE! through
 *    our mapping). The test below reads one such cell and checks the error against the file's XML.
 */
function expectSameSnapshot(fast: WorkbookSnapshot, reference: WorkbookSnapshot, label: string): void {
  expect(fast.sheets.map((s) => s.name)).toEqual(reference.sheets.map((s) => s.name));
  fast.sheets.forEach((a, i) => {
    const b = reference.sheets[i];
    const where = `${label} / ${a.name}`;
    expect({ where, origin: a.origin, merges: [...a.merges].sort(), p: a.protected, v: a.visible }).toEqual({
      where,
      origin: b.origin,
      merges: [...b.merges].sort(),
      p: b.protected,
      v: b.visible,
    });
    expect({ where, rows: a.values.length, cols: a.values[0]?.length }).toEqual({
      where,
      rows: b.values.length,
      cols: b.values[0]?.length,
    });
    const diffs: string[] = [];
    a.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const at = `${where}!R${r}C${c}`;
        const lostError =
          isCellError(v) && a.formulas[r][c] !== null && (b.values[r][c] === null || isCellError(b.values[r][c]));
        if (!sameValue(v, b.values[r][c]) && !lostError)
          diffs.push(`${at} value ${JSON.stringify(v)} ≠ ${JSON.stringify(b.values[r][c])}`);
        if (a.formulas[r][c] !== b.formulas[r][c])
          diffs.push(`${at} formula ${a.formulas[r][c]} ≠ ${b.formulas[r][c]}`);
        const fa = a.numberFormats[r][c];
        const fb = b.numberFormats[r][c];
        if (fa !== fb && fa.replace(/\\(.)/g, "$1") !== fb && !(fb === "General" && LOCALE_FORMATS.has(fa)))
          diffs.push(`${at} format ${fa} ≠ ${fb}`);
      })
    );
    expect(diffs).toEqual([]);
  });
}

const LOCALE_FORMATS = new Set(
  [5, 6, 7, 8, ...range(27, 36), 41, 42, 43, 44, ...range(50, 58)].map((id) => builtInFormat(id)!)
);

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-8;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Both readers on the same bytes; exceljs with nothing skipped. Returns the package reader's snapshot. */
async function expectAgree(bytes: Buffer, label: string): Promise<WorkbookSnapshot> {
  const fast = readPackage(bytes);
  expectSameSnapshot(fast, await readWithExcelJS(bytes, {}), label);
  return fast;
}

function cellCount(book: WorkbookSnapshot): number {
  return book.sheets.reduce((n, s) => n + s.values.flat().filter((v) => v !== null).length, 0);
}

describe("the package reader and exceljs agree", () => {
  it("on the sample, the builder's layouts and every real table written by exceljs", async () => {
    const sample = await expectAgree(readFileSync(SAMPLE), "sample");
    expect(cellCount(sample)).toBeGreaterThan(100);
    const books: [string, WorkbookSnapshot][] = [
      ["department", layoutWorkbook(SMALL_DEPARTMENT)],
      ["project", layoutWorkbook(SMALL_PROJECT)],
      ...REAL_TABLES.map((t): [string, WorkbookSnapshot] => [t.id, { sheets: [t.sheet as SheetSnapshot] }]),
    ];
    for (const [label, book] of books) {
      const read = await expectAgree(await workbookToBuffer(book), label);
      expect(cellCount(read)).toBeGreaterThan(10);
    }
  });

  const foreign = existsSync(FOREIGN)
    ? readdirSync(FOREIGN)
        .filter((f) => f.endsWith(".xlsx"))
        .sort()
    : [];
  it("has files saved by other producers to compare on (test/fixtures/foreign, origins in ORIGIN.md)", () => {
    expect(foreign.length).toBeGreaterThanOrEqual(4);
    const origin = readFileSync(path.join(FOREIGN, "ORIGIN.md"), "utf8");
    for (const name of foreign) expect(origin).toContain(name);
  });
  it.each(foreign.length ? foreign : ["(none)"])("on %s", async (name) => {
    if (name === "(none)") throw new Error(`no .xlsx files in ${FOREIGN}`);
    const read = await expectAgree(readFileSync(path.join(FOREIGN, name)), name);
    expect(cellCount(read)).toBeGreaterThan(0);
  });

  it("where exceljs loses a formula's cached error, the package reader has the one in the file", () => {
    const bytes = readFileSync(path.join(FOREIGN, "excel-mac-pivots-booleans-errors.xlsx"));
    const sheet = readPackage(bytes).sheets.find((s) => s.name === "DataSheet")!;
    const xml = new ZipArchive(bytes).text("xl/worksheets/sheet5.xml")!;
    expect(xml).toContain('<c r="J5" s="3" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
    const at = (cell: string) => {
      const o = /([A-Z]+)(\d+)/.exec(sheet.origin)!;
      const c = /([A-Z]+)(\d+)/.exec(cell)!;
      return [Number(c[2]) - Number(o[2]), c[1].charCodeAt(0) - o[1].charCodeAt(0)];
    };
    const [r, c] = at("J5");
    expect([sheet.values[r][c], sheet.formulas[r][c]]).toEqual([{ error: "#DIV/0!" }, "=1/0"]);
  });

  const beyond = (name: string) => readPackage(readFileSync(path.join(FOREIGN, "beyond-exceljs", name)));
  const first = (book: WorkbookSnapshot) => book.sheets[0];

  describe("and the package reader reads real files exceljs cannot (values as their sources' own tests assert)", () => {
    it("Tencent Docs (腾讯文档) export: every element prefixed x:", () => {
      const s = first(beyond("tencent-docs-namespaced.xlsx"));
      expect([s.name, s.origin]).toEqual(["Sheet1", "A1"]);
      expect(s.values[0]).toEqual(new Array(13).fill("w"));
      expect(s.values[1].slice(0, 4)).toEqual(["w", "w", null, null]);
    });
    it("Open XML SDK style parts: prefixes, a byte-order mark, line breaks inside text, merges", () => {
      const s = first(beyond("sdk-richtext-namespaced.xlsx"));
      expect([s.values[0][0], s.values[0][7]]).toEqual([
        "inline string\nLine 2\nLine 3",
        "shared string\nLine 2\nLine 3",
      ]);
      expect(s.merges).toEqual(["A1:G3", "H1:M3"]);
    });
    it("inline strings that also carry a value", () => {
      const s = first(beyond("inline-string-with-value.xlsx"));
      expect([s.name, s.values[0][4], s.values[1][4], s.values[1][3]]).toEqual(["Requirements", "ID", "RQ11610", "1."]);
    });
    it("a shared string whose plain text is followed by rich runs", () => {
      expect(first(beyond("richtext-after-plain.xlsx")).values[1][0]).toBe("tvalrval1rval2");
    });
    it("the relationships namespace under another prefix", () => {
      expect(first(beyond("nonstandard-rel-prefix.xlsx")).values).toEqual([
        ["a", "b"],
        [1, 3],
        [2, 4],
      ]);
    });
    it("a package with its parts at the root, not under xl/", () => {
      expect(first(beyond("minimal-package.xlsx")).values[2][0]).toBe("BKG_NUM");
    });
    it("inline strings in CDATA sections", () => {
      expect(first(beyond("inline-string-cdata.xlsx")).values).toEqual([
        ["Hello CDATA", "World"],
        ["12345", "NormalText"],
      ]);
    });
    it("part names with backslashes (a Chinese report system's export)", () => {
      const s = first(beyond("backslash-part-names-cn-report.xlsx"));
      expect([s.name, s.values[0][0], s.values[3][2]]).toEqual(["出勤分类组织汇总表", "报表导出人：", "领域"]);
    });
    it("a part name in another case than its relationship's target", () => {
      expect(first(beyond("part-name-case.xlsx")).values).toEqual([["Hello"]]);
    });
    it("shared-string cells with no index are empty, not string 0", () => {
      expect(first(beyond("shared-string-without-index.xlsx")).values).toEqual([
        ["Name", "City", "Status"],
        ["Alice", null, "Active"],
        [null, "Berlin", null],
      ]);
    });
    it("shared formulas over whole columns and rows, moved to each cell", () => {
      const book = beyond("shared-formulas-column-row-ranges.xlsx");
      const byName = (n: string) => book.sheets.find((s) => s.name === n)!.formulas;
      expect(byName("Column ranges")).toEqual(new Array(5).fill(["=SUM(E:F)", "=SUM(F:G)", "=SUM(G:H)"]));
      expect(byName("Row ranges")).toEqual(["=SUM(5:6)", "=SUM(6:7)", "=SUM(7:8)"].map((f) => new Array(5).fill(f)));
    });
    it("_x000D_ in an inline string is a carriage return", () => {
      expect(first(beyond("inline-string-x000D.xlsx")).values).toEqual([["ABC\r\nDEF"]]);
    });
    it("ISO 8601 date cells: a date, a date-time and a time of day as serial numbers", () => {
      const s = first(beyond("iso-date-cells.xlsx"));
      const tenTenTen = (10 * 3600 + 10 * 60 + 10) / 86400;
      const [date, dateTime, time] = s.values.slice(0, 3).map((r) => r[0] as number);
      expect(date).toBe(44197);
      expect(dateTime).toBeCloseTo(44197 + tenTenTen, 9);
      expect(time).toBeCloseTo(tenTenTen, 12);
      expect(s.numberFormats.slice(0, 3).map((r) => r[0])).toEqual(["yyyy-mm-dd", "yyyy-mm-dd h:mm:ss", "h:mm:ss"]);
    });
    it("an empty sheet with a validation over the whole sheet (a full exceljs load hangs on it)", () => {
      expect(beyond("excel-online-whole-sheet-validation.xlsx").sheets).toEqual([
        {
          name: "Sheet1",
          origin: "A1",
          values: [],
          formulas: [],
          numberFormats: [],
          merges: [],
          protected: false,
          visible: true,
        },
      ]);
    });
  });

  const soffice = findSoffice({ ...process.env, GOALTABLE_SOFFICE: undefined });
  const requireOffice = process.env.GOALTABLE_REQUIRE_LIBREOFFICE === "1";
  (soffice ? it : requireOffice ? it : it.skip)(
    "on our tables saved again by LibreOffice (shared strings, its own styles and shared formulas)",
    async () => {
      if (!soffice) throw new Error("GOALTABLE_REQUIRE_LIBREOFFICE=1 but soffice/libreoffice is not on PATH");
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-lo-"));
      try {
        const inDir = path.join(dir, "in");
        const outDir = path.join(dir, "out");
        await fs.mkdir(inDir);
        const names = ["sample.xlsx", "department.xlsx", ...REAL_TABLES.slice(0, 4).map((t) => `${t.id}.xlsx`)];
        await fs.copyFile(SAMPLE, path.join(inDir, names[0]));
        await fs.writeFile(path.join(inDir, names[1]), await workbookToBuffer(layoutWorkbook(SMALL_DEPARTMENT)));
        for (const [i, t] of REAL_TABLES.slice(0, 4).entries())
          await fs.writeFile(
            path.join(inDir, names[i + 2]),
            await workbookToBuffer({ sheets: [t.sheet as SheetSnapshot] })
          );
        await run(
          soffice,
          [
            `-env:UserInstallation=file://${path.join(dir, "profile")}`,
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            outDir,
            ...names.map((n) => path.join(inDir, n)),
          ],
          { timeout: 180_000 }
        );
        for (const n of names) {
          const bytes = await fs.readFile(path.join(outDir, n));
          expect(new ZipArchive(bytes).text("docProps/app.xml")).toMatch(/LibreOffice/);
          const read = await expectAgree(bytes, `LibreOffice ${n}`);
          expect(cellCount(read)).toBeGreaterThan(10);
        }
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    200_000
  );
});
