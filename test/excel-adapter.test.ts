/**
 * The Office.js adapter (src/excel) against a mocked Excel (office-addin-mock plus a little by hand; see
 * test/support/excel-mock.ts).
 */
import { emptySnapshot } from "../src/core/snapshot";
import { detectFeatures, missingFeatures, officeIsSetSupported } from "../src/excel/requirements";
import {
  loadSnapshot,
  readActiveSheetSnapshot,
  splitAreasAddress,
  toCellValue,
  toFormula,
} from "../src/excel/snapshot";
import { mockExcelContext, type SheetData } from "./support/excel-mock";

/** B2:D4 on sheet "2021年": text, a merge C2:D2, a formula in D3, an error from a formula in B4, an empty C4. */
const SHEET: SheetData = {
  name: "2021年",
  usedRange: {
    address: "'2021年'!B2:D4",
    values: [
      ["项目名称", "道路养护", ""],
      [100, 50, 150],
      ["#REF!", "", 0.85],
    ],
    formulas: [
      ["项目名称", "道路养护", ""],
      [100, 50, "=B3+C3"],
      ["=#REF!+1", "", 0.85],
    ],
    numberFormat: [
      ["@", "General", "General"],
      ["0.00", "0.00", "0.00"],
      ["General", "General", "0%"],
    ],
    valueTypes: [
      ["String", "String", "Empty"],
      ["Double", "Double", "Double"],
      ["Error", "Empty", "Double"],
    ],
  },
  mergedAddress: "'2021年'!$C$2:$D$2",
};

describe("loadSnapshot", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("converts the used range, formulas, errors and merges with one sync", async () => {
    const { context, syncSpy } = mockExcelContext(SHEET);
    const sheet = context.workbook.worksheets.getActiveWorksheet();

    const snapshot = await loadSnapshot(context, sheet, { merges: true });

    expect(snapshot).toEqual({
      name: "2021年",
      origin: "B2",
      values: [
        ["项目名称", "道路养护", null],
        [100, 50, 150],
        [{ error: "#REF!" }, null, 0.85],
      ],
      formulas: [
        [null, null, null],
        [null, null, "=B3+C3"],
        ["=#REF!+1", null, null],
      ],
      numberFormats: [
        ["@", "General", "General"],
        ["0.00", "0.00", "0.00"],
        ["General", "General", "0%"],
      ],
      merges: ["C2:D2"],
      protected: false,
      visible: true,
    });
    expect(syncSpy).toHaveBeenCalledTimes(1);
  });

  it("returns the empty snapshot for a blank sheet, still with one sync", async () => {
    const { context, syncSpy } = mockExcelContext({
      name: "空表",
      usedRange: null,
      mergedAddress: null,
      protected: true,
      visibility: "Hidden",
    });

    const snapshot = await readActiveSheetSnapshot(context, { merges: true });

    expect(snapshot).toEqual({ ...emptySnapshot("空表"), protected: true, visible: false });
    expect(syncSpy).toHaveBeenCalledTimes(1);
  });

  it("gives no merges when nothing is merged", async () => {
    const { context } = mockExcelContext({ ...SHEET, mergedAddress: null });
    const snapshot = await readActiveSheetSnapshot(context, { merges: true });
    expect(snapshot.merges).toEqual([]);
  });

  it("skips merged areas when the host lacks ExcelApi 1.13", async () => {
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: { isSetSupported: (name: string, version?: string) => name === "ExcelApi" && version !== "1.13" },
      },
    };
    const { context, syncSpy, calls } = mockExcelContext(SHEET);

    const snapshot = await readActiveSheetSnapshot(context);

    expect(calls.getMergedAreasOrNullObject).toBe(0);
    expect(snapshot.merges).toEqual([]);
    expect(snapshot.values[1]).toEqual([100, 50, 150]);
    expect(syncSpy).toHaveBeenCalledTimes(1);
  });

  it("reads merged areas by default when the host has ExcelApi 1.13", async () => {
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: () => true } },
    };
    const { context, calls } = mockExcelContext(SHEET);
    const snapshot = await readActiveSheetSnapshot(context);
    expect(calls.getMergedAreasOrNullObject).toBe(1);
    expect(snapshot.merges).toEqual(["C2:D2"]);
  });
});

describe("cell conversion", () => {
  it("turns Office's error text into an error value and empty cells into null", () => {
    expect(toCellValue("#DIV/0!", "Error")).toEqual({ error: "#DIV/0!" });
    expect(toCellValue("", "Empty")).toBeNull();
    expect(toCellValue("", "String")).toBe("");
    expect(toCellValue(true, "Boolean")).toBe(true);
    expect(toCellValue(44197, "Double")).toBe(44197);
  });

  it("keeps formulas and drops constants, including text typed as '=abc", () => {
    expect(toFormula("=SUM(D7:D17)", 10, "Double")).toBe("=SUM(D7:D17)");
    expect(toFormula(10, 10, "Double")).toBeNull();
    expect(toFormula("", "", "Empty")).toBeNull();
    expect(toFormula("=abc", "=abc", "String")).toBeNull();
    expect(toFormula('="x"', "x", "String")).toBe('="x"');
  });

  it("splits RangeAreas addresses, minding quoted sheet names", () => {
    expect(splitAreasAddress("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual(["A1:B4", "D1:D4"]);
    expect(splitAreasAddress("'a, b''s'!$A$1:$F$1,'a, b''s'!C3")).toEqual(["A1:F1", "C3"]);
    expect(splitAreasAddress("")).toEqual([]);
  });
});

describe("requirements", () => {
  const upTo =
    (max: number) =>
    (name: string, version?: string): boolean =>
      name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= max;

  it("reports features by ExcelApi version", () => {
    expect(detectFeatures(upTo(7))).toEqual({
      core: true,
      conditionalFormats: true,
      onChanged: true,
      mergedAreas: false,
    });
    expect(missingFeatures(detectFeatures(upTo(7)))).toEqual(["mergedAreas"]);
    expect(missingFeatures(detectFeatures(upTo(13)))).toEqual([]);
    expect(detectFeatures(upTo(6))).toMatchObject({ conditionalFormats: true, onChanged: false, core: false });
  });

  it("treats a throwing isSetSupported as unsupported", () => {
    const features = detectFeatures(() => {
      throw new Error("no requirements API");
    });
    expect(Object.values(features).every((v) => v === false)).toBe(true);
  });

  it("says no to everything outside Office", () => {
    expect(officeIsSetSupported()("ExcelApi", "1.1")).toBe(false);
  });
});
