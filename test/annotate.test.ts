/** src/xlsx/annotate.ts on packages built here: protected sheets, existing dxfs and rules, sheet names, no findings. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { annotateWorkbook, isProtected, type AnnotateItem } from "../src/xlsx/annotate";

async function workbook(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const item = (sheet: string, cell: string, severity: AnnotateItem["severity"] = "error"): AnnotateItem => ({
  rule: "amount/task-sum",
  severity,
  sheet,
  cell,
  message: "合计不等于各项之和",
});

async function part(bytes: Buffer, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

describe("annotateWorkbook", () => {
  it("marks the cells, the top priorities, and moves the sheet's own rules below", async () => {
    const original = await workbook((wb) => {
      const ws = wb.addWorksheet("表 1");
      ws.getCell("A1").value = 1;
      ws.addConditionalFormatting({
        ref: "A1:A3",
        rules: [{ type: "expression", priority: 1, formulae: ["A1>0"], style: {} }],
      });
    });
    const { bytes, markedSheets, resultsSheet } = await annotateWorkbook(original, [
      item("表 1", "B2"),
      item("表 1", "B3"),
      item("表 1", "C5", "warning"),
    ]);
    expect(markedSheets).toEqual(["表 1"]);
    expect(resultsSheet).toBe("检查结果");
    const xml = await part(bytes, "xl/worksheets/sheet1.xml");
    const rules = [
      ...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule [^>]*priority="(\d+)"><formula>([^<]*)</g),
    ]
      .map((m) => [m[1], Number(m[2]), m[3]] as const)
      .sort((a, b) => a[1] - b[1]);
    // B2 and B3 (one severity, one column) become one range; the user's rule keeps its place below ours.
    expect(rules).toEqual([
      ["B2:B3", 1, "N(&quot;goaltable:error&quot;)=0"],
      ["C5", 2, "N(&quot;goaltable:warning&quot;)=0"],
      ["A1:A3", 3, "A1&gt;0"],
    ]);
  });

  it("does not mark a protected sheet, but lists its findings", async () => {
    const original = await workbook(async (wb) => {
      const ws = wb.addWorksheet("锁定");
      ws.getCell("A1").value = "x";
      await ws.protect("", {});
    });
    expect(isProtected(await part(original, "xl/worksheets/sheet1.xml"))).toBe(true);
    const { bytes, markedSheets } = await annotateWorkbook(original, [item("锁定", "A1")]);
    expect(markedSheets).toEqual([]);
    expect(await part(bytes, "xl/worksheets/sheet1.xml")).toBe(await part(original, "xl/worksheets/sheet1.xml"));
    expect(await part(bytes, "xl/worksheets/sheet2.xml")).toContain("location=\"'锁定'!A1\"");
  });

  it("names the added sheet apart from the user's own, and says when nothing was found", async () => {
    const original = await workbook((wb) => {
      wb.addWorksheet("检查结果").getCell("A1").value = "用户自己的表";
    });
    const { bytes, resultsSheet } = await annotateWorkbook(original, [], "zh");
    expect(resultsSheet).toBe("检查结果 (2)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["检查结果", "检查结果 (2)"]);
    expect(wb.getWorksheet("检查结果")!.getCell("A1").value).toBe("用户自己的表");
    expect(wb.getWorksheet("检查结果 (2)")!.getCell("A2").value).toBe("未发现问题。");
  });

  it("escapes sheet names and messages in the added sheet", async () => {
    const original = await workbook((wb) => {
      wb.addWorksheet("O'Brien & <Co>").getCell("A1").value = 1;
    });
    const { bytes } = await annotateWorkbook(original, [{ ...item("O'Brien & <Co>", "A1"), message: 'a<b & "c"' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[1];
    expect(ws.getCell("A2").value).toBe("O'Brien & <Co>");
    expect(ws.getCell("E2").value).toBe('a<b & "c"');
    expect(await part(bytes, "xl/worksheets/sheet2.xml")).toContain(`location="'O''Brien &amp; &lt;Co&gt;'!A1"`);
  });
});
