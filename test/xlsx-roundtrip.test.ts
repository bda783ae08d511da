import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../src/core/snapshot";
import { readWorkbookBuffer, readWorkbookFile } from "../src/xlsx/read";
import { workbookToBuffer, writeWorkbookFile } from "../src/xlsx/write";
import { layoutWorkbook, SAMPLE_LAYOUT } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";

const G = "General";

const SNAPSHOT: WorkbookSnapshot = {
  sheets: [
    {
      name: "2021年 目标表",
      origin: "B3",
      values: [
        ["部门（单位）整体支出绩效目标表", null, null, null],
        ["合计", 1899.19, 1899.19, 0],
        ["=不是公式，是文本", 356.99, { error: "#REF!" }, 0],
        [44561, "≥95%", "“两代表一委员”工作室维护数量", true],
        ["a_x000D_b 换行\n第二行", null, false, 0],
      ],
      formulas: [
        [null, null, null, null],
        [null, "=SUM(C5:C6)", null, "=E5-E5"],
        [null, null, "=#REF!+1", null],
        [null, null, null, null],
        [null, null, "=1>2", null],
      ],
      numberFormats: [
        [G, G, G, G],
        [G, "0.00", "0.00", "0.00"],
        ["@", "#,##0.00", G, G],
        ["yyyy-mm-dd", G, G, G],
        [G, G, G, G],
      ],
      merges: ["B3:E3", "B7:C7"],
      protected: false,
      visible: true,
    },
    {
      name: "说明",
      origin: "A1",
      values: [["填表说明"]],
      formulas: [[null]],
      numberFormats: [[G]],
      merges: [],
      protected: true,
      visible: false,
    },
  ],
};

describe("snapshot → .xlsx → snapshot", () => {
  it("round-trips values, formulas, errors, dates, merges, unicode text and an origin away from A1", async () => {
    const back = await readWorkbookBuffer(await workbookToBuffer(SNAPSHOT));
    expect(back).toEqual(SNAPSHOT);
  });

  it("writes text starting with = as text and only formulas[r][c] as a formula", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookToBuffer(SNAPSHOT)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("2021年 目标表")!;
    expect(ws.getCell("B5").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B5").value).toBe("=不是公式，是文本");
    expect(ws.getCell("C4").type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell("C4").formula).toBe("SUM(C5:C6)");
    expect(ws.getCell("C4").result).toBe(1899.19);
  });

  it("writes and reads a file on disk", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-rt-"));
    try {
      const file = path.join(dir, "t.xlsx");
      await writeWorkbookFile(SNAPSHOT, file);
      expect(await readWorkbookFile(file)).toEqual(SNAPSHOT);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["the sample layout", SAMPLE_LAYOUT],
    ["formulas, an offset origin and an explanatory sheet", { formulas: true, origin: "C4", explanatorySheet: true }],
  ])("round-trips the 2021 sample laid out with %s", async (_, layout) => {
    const snapshot = layoutWorkbook(SAMPLE_2021, layout);
    const back = await readWorkbookBuffer(await workbookToBuffer(snapshot));
    expect(back.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
    for (let i = 0; i < snapshot.sheets.length; i++) {
      const want = snapshot.sheets[i];
      const got = back.sheets[i];
      expect(got.origin).toBe(want.origin);
      expect(got.values).toEqual(want.values.map((row) => row.map((v) => (v === "" ? null : v))));
      expect(got.formulas).toEqual(want.formulas);
      expect(got.numberFormats).toEqual(want.numberFormats);
      expect([...got.merges].sort()).toEqual([...want.merges].sort());
    }
  });
});
