/**
 * The Office.js adapter (src/excel) against a mocked Excel (office-addin-mock plus a little by hand; see
 * test/support/excel-mock.ts).
 */
import { OfficeMockObject } from "office-addin-mock";
import type { Finding } from "../src/core/finding";
import { emptySnapshot } from "../src/core/snapshot";
import { OwnWrites, watchSheetChanges } from "../src/excel/changes";
import { applyFixes, excelWouldInterpret, valueToWrite } from "../src/excel/fixes";
import { clearHighlights, highlight, isMarkFormula, markFormula, mergeAround, planMarks } from "../src/excel/highlight";
import { detectFeatures, missingFeatures, officeIsSetSupported } from "../src/excel/requirements";
import {
  loadSnapshot,
  mergeBands,
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

// ---------------------------------------------------------------------------------------------------------------
// Highlights, fixes and change events against office-addin-mock. The sheet and its protection are OfficeMockObjects
// (load-before-read enforced); ranges and conditional-format collections are plain objects that record the calls
// made on them (office-addin-mock cannot load through collection items). The load/sync discipline of those parts
// is checked against the fake Excel in excel-fake.test.ts.

interface MockFormat {
  type: string;
  formula?: string;
}

interface AddedFormat {
  address: string;
  type: string;
  cf: { custom: { rule: { formula?: string }; format: { fill: { color?: string }; font: { color?: string } } } };
}

function mockSheetContext(opts: { protected?: boolean; formats?: MockFormat[]; merged?: Record<string, string> } = {}) {
  const calls = {
    getItem: [] as string[],
    cfLoads: [] as string[],
    deleted: [] as number[],
    added: [] as AddedFormat[],
    mergeBands: [] as string[],
    ranges: new Map<string, Record<string, unknown>>(),
  };
  const items = (opts.formats ?? []).map((f, i) => ({
    type: f.type,
    customOrNullObject: { isNullObject: f.type !== "Custom", rule: { formula: f.formula ?? "" } },
    delete: () => calls.deleted.push(i),
  }));
  const wholeSheet = {
    conditionalFormats: {
      items,
      load(spec: string) {
        calls.cfLoads.push(spec);
        return this;
      },
    },
  };
  const rangeAt = (address: string) => {
    const range: Record<string, unknown> = {
      conditionalFormats: {
        add(type: string) {
          const cf = { custom: { rule: {}, format: { fill: {}, font: {} } } };
          calls.added.push({ address, type, cf });
          return cf;
        },
      },
      getMergedAreasOrNullObject() {
        calls.mergeBands.push(address);
        const merged = opts.merged?.[address];
        // load() returns the object itself, as in Office.js.
        const areas = { isNullObject: merged === undefined, address: merged ?? "", load: () => areas };
        return areas;
      },
    };
    calls.ranges.set(address, range);
    return range;
  };
  const data = {
    workbook: {
      worksheets: {
        sheet: {
          protection: { protected: opts.protected ?? false },
          getRange: function (address?: string) {
            return address === undefined ? wholeSheet : rangeAt(address);
          },
        },
        getItem: function (name: string) {
          calls.getItem.push(name);
          return this.sheet;
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as any;
  const syncSpy = jest.spyOn(mock, "sync");
  return { context: mock as Excel.RequestContext, syncSpy, calls };
}

const NO_MERGES = { conditionalFormats: true, mergedAreas: false };

function finding(cell: string, severity: Finding["severity"], sheet = "表"): Finding {
  return { rule: "test/rule", severity, sheet, cell, related: [], message: { zh: "", en: "" } };
}

describe("highlight", () => {
  it("adds one custom conditional format per mark, with the marker formula and the severity's colours, in 2 syncs", async () => {
    const { context, syncSpy, calls } = mockSheetContext({
      formats: [
        { type: "Custom", formula: '=N("goaltable:warning")=0' }, // ours, from an earlier check
        { type: "Custom", formula: "=$F7>100" }, // the user's
        { type: "ColorScale" }, // the user's
      ],
    });
    const result = await highlight(
      context,
      "表",
      [
        finding("D7", "warning"),
        finding("D7", "error"), // same cell: the most severe colour
        finding("D8", "error"), // follows D7 down the column: one range D7:D8
        finding("B3", "info"),
        finding("C4", "warning"),
        finding("A1", "error", "其他表"), // another sheet: ignored
      ],
      { features: NO_MERGES }
    );

    expect(result).toEqual({ marked: 4 });
    expect(syncSpy).toHaveBeenCalledTimes(2);
    expect(calls.getItem).toEqual(["表"]);
    expect(calls.cfLoads).toEqual(["items/id, items/type, items/customOrNullObject/rule/formula"]);
    expect(calls.deleted).toEqual([0]); // only ours
    const added = calls.added.map((a) => ({
      address: a.address,
      type: a.type,
      formula: a.cf.custom.rule.formula,
      fill: a.cf.custom.format.fill.color,
      font: a.cf.custom.format.font.color,
    }));
    expect(added).toEqual([
      { address: "B3", type: "Custom", formula: '=N("goaltable:info")=0', fill: "#DDEBF7", font: "#1F4E79" },
      { address: "C4", type: "Custom", formula: '=N("goaltable:warning")=0', fill: "#FFEB9C", font: "#9C5700" },
      { address: "D7:D8", type: "Custom", formula: '=N("goaltable:error")=0', fill: "#FFC7CE", font: "#9C0006" },
    ]);
  });

  it("marks the whole merged area around a finding, reading merged areas in bands", async () => {
    const { context, calls } = mockSheetContext({ merged: { "C4:C83": "'表'!$C$3:$C$5,'表'!$C$83:$C$85" } });
    const result = await highlight(context, "表", [finding("C4", "error"), finding("C83", "warning")], {
      features: { conditionalFormats: true, mergedAreas: true },
    });
    expect(calls.mergeBands).toEqual(["C4:C83"]);
    expect(calls.added.map((a) => [a.address, a.cf.custom.rule.formula])).toEqual([
      ["C3:C5", '=N("goaltable:error")=0'],
      ["C83:C85", '=N("goaltable:warning")=0'],
    ]);
    expect(result).toEqual({ marked: 2 });
  });

  it("leaves a protected sheet alone after one sync", async () => {
    const { context, syncSpy, calls } = mockSheetContext({
      protected: true,
      formats: [{ type: "Custom", formula: '=N("goaltable:error")=0' }],
    });
    const result = await highlight(context, "表", [finding("D7", "error")], { features: NO_MERGES });
    expect(result).toEqual({ marked: 0, skipped: "protected" });
    expect(syncSpy).toHaveBeenCalledTimes(1);
    expect(calls.added).toEqual([]);
    expect(calls.deleted).toEqual([]);
  });

  it("does nothing without ExcelApi 1.6", async () => {
    const { context, syncSpy, calls } = mockSheetContext();
    const result = await highlight(context, "表", [finding("D7", "error")], {
      features: { conditionalFormats: false, mergedAreas: false },
    });
    expect(result).toEqual({ marked: 0, skipped: "unsupported" });
    expect(syncSpy).not.toHaveBeenCalled();
    expect(calls.getItem).toEqual([]);
  });

  it("skips the second sync when there is nothing to remove or add", async () => {
    const { context, syncSpy } = mockSheetContext({ formats: [{ type: "Custom", formula: "=$F7>100" }] });
    expect(await highlight(context, "表", [], { features: NO_MERGES })).toEqual({ marked: 0 });
    expect(syncSpy).toHaveBeenCalledTimes(1);
  });
});

describe("clearHighlights", () => {
  it("deletes only the add-in's conditional formats, whatever their severity or spelling", async () => {
    const { context, syncSpy, calls } = mockSheetContext({
      formats: [
        { type: "Custom", formula: '=N("goaltable:error")=0' },
        { type: "Custom", formula: "=$F7>100" },
        { type: "Custom", formula: '=n("goaltable:info") = 0' },
        { type: "CellValue" },
        { type: "Custom", formula: '=N("GOALTABLE:WARNING")=0' },
        { type: "Custom", formula: '=ISTEXT("goal table")' },
      ],
    });
    expect(await clearHighlights(context, "表", { features: NO_MERGES })).toEqual({ removed: 3 });
    expect(calls.deleted).toEqual([0, 2, 4]);
    expect(calls.added).toEqual([]);
    expect(syncSpy).toHaveBeenCalledTimes(2);
  });

  it("costs one sync when there is nothing of the add-in's", async () => {
    const { context, syncSpy } = mockSheetContext({ formats: [{ type: "DataBar" }] });
    expect(await clearHighlights(context, "表", { features: NO_MERGES })).toEqual({ removed: 0 });
    expect(syncSpy).toHaveBeenCalledTimes(1);
  });

  it("does not touch a protected sheet", async () => {
    const { context, calls } = mockSheetContext({
      protected: true,
      formats: [{ type: "Custom", formula: '=N("goaltable:error")=0' }],
    });
    expect(await clearHighlights(context, "表", { features: NO_MERGES })).toEqual({ removed: 0, skipped: "protected" });
    expect(calls.deleted).toEqual([]);
  });

  it("recognises marks by their literal only", () => {
    expect(isMarkFormula(markFormula("error"))).toBe(true);
    expect(isMarkFormula('=N("goaltable:info")=0')).toBe(true);
    expect(isMarkFormula('=N("goaltable")=0')).toBe(false);
    expect(isMarkFormula("=goaltable")).toBe(false);
    expect(isMarkFormula(undefined)).toBe(false);
  });
});

describe("planMarks", () => {
  it("joins areas of one severity down the same columns, and not across severities or gaps", () => {
    const cells = new Map<string, Finding["severity"]>([
      ["D86", "warning"],
      ["D87", "warning"],
      ["D88", "warning"],
      ["D89", "error"],
      ["D91", "warning"],
      ["B5", "info"],
    ]);
    const merges = new Map([
      ["D86", "D86:E86"],
      ["D87", "D87:E87"],
      ["D88", "D88:E88"],
    ]);
    expect(planMarks(cells, merges)).toEqual([
      { address: "B5", severity: "info" },
      { address: "D89", severity: "error" },
      { address: "D91", severity: "warning" },
      { address: "D86:E88", severity: "warning" },
    ]);
  });

  it("finds the merged area around a cell", () => {
    expect(mergeAround(["C84", "D7", "A1"], ["C83:C85", "D7:E7"])).toEqual(
      new Map([
        ["C84", "C83:C85"],
        ["D7", "D7:E7"],
      ])
    );
  });
});

describe("applyFixes", () => {
  function mockSheets() {
    /** What was written, per sheet and cell (the reads of the fix record see these). */
    const ranges: Record<string, Record<string, Record<string, unknown>>> = {};
    const proxies = new Map<string, unknown>();
    const rangeMock = (name: string, address: string) => {
      const written = () => ((ranges[name] ??= {})[address] ??= {});
      const read = (key: string, empty: unknown) => () => (ranges[name]?.[address]?.[key] as unknown) ?? [[empty]];
      return {
        load() {
          return this;
        },
        get values() {
          return read("values", "")();
        },
        set values(v: unknown) {
          written().values = v;
        },
        get formulas() {
          return read("formulas", "")();
        },
        set formulas(v: unknown) {
          written().formulas = v;
        },
        numberFormat: [["General"]],
        valueTypes: [["Empty"]],
      };
    };
    const sheetMock = (name: string) => ({
      getRange: function (address: string) {
        const key = `${name}!${address}`;
        if (!proxies.has(key)) proxies.set(key, rangeMock(name, address));
        return proxies.get(key);
      },
    });
    const data = {
      workbook: {
        worksheets: {
          first: sheetMock("表"),
          second: sheetMock("其他"),
          getItem: function (name: string) {
            return name === "表" ? this.first : this.second;
          },
        },
      },
    };
    const mock = new OfficeMockObject(data) as any;
    return { context: mock as Excel.RequestContext, syncSpy: jest.spyOn(mock, "sync"), ranges };
  }

  it("writes text Excel would interpret with an apostrophe, numbers as numbers, formulas as formulas, in one sync", async () => {
    const { context, syncSpy, ranges } = mockSheets();
    const result = await applyFixes(context, [
      { sheet: "表", cell: "F20", value: "=100%" },
      { sheet: "表", cell: "C83", value: "服务对象满意度指标" },
      { sheet: "表", cell: "D7", value: 356.99 },
      { sheet: "表", cell: "D6", formula: "=SUM(D7:D11)" },
      { sheet: "其他", cell: "$B$2", value: "50%" },
      { sheet: "表", cell: "F21", value: "≥95%" },
      { sheet: "表", cell: "F21", value: "≥96%" }, // the same cell again: the last edit wins
      { sheet: "表", cell: "F22" }, // neither value nor formula: skipped
    ]);
    expect(result).toMatchObject({ written: 6 });
    expect(result.before).toHaveLength(6);
    expect(result.after.find((c) => c.cell === "D6")).toMatchObject({ sheet: "表", formula: "=SUM(D7:D11)" });
    expect(syncSpy).toHaveBeenCalledTimes(1);
    expect(ranges).toEqual({
      表: {
        F20: { values: [["'=100%"]] },
        C83: { values: [["服务对象满意度指标"]] },
        D7: { values: [[356.99]] },
        D6: { formulas: [["=SUM(D7:D11)"]] },
        F21: { values: [["≥96%"]] },
      },
      其他: { B2: { values: [["'50%"]] } },
    });
  });

  it("makes no call at all for no edits", async () => {
    const { context, syncSpy } = mockSheets();
    expect(await applyFixes(context, [])).toEqual({ written: 0, edits: [], before: [], after: [] });
    expect(syncSpy).not.toHaveBeenCalled();
  });

  it.each([
    ["=100%", true],
    ["+5", true],
    ["-", true],
    ["@abc", true],
    ["'quoted", true],
    ["＝100％", true],
    ["100%", true],
    ["2021-3-1", true],
    ["2月3日", true],
    ["1,234", true],
    [".5", true],
    ["TRUE", true],
    ["#N/A", true],
    ["Mar-21", true],
    ["≥95%", false],
    ["服务对象满意度指标", false],
    ["≤2次", false],
    ["满意度100%", false],
    ["", false],
  ])("excelWouldInterpret(%j) is %s", (text, expected) => {
    expect(excelWouldInterpret(text)).toBe(expected);
    expect(valueToWrite(text)).toBe(expected ? "'" + text : text);
  });
});

describe("watchSheetChanges", () => {
  function mockWatch() {
    const state = { handler: undefined as undefined | ((a: unknown) => Promise<void>), removed: 0 };
    const data = {
      workbook: {
        worksheets: {
          sheet: {
            onChanged: {
              add: function (handler: (a: unknown) => Promise<void>) {
                state.handler = handler;
                return { context: mock, remove: () => state.removed++ };
              },
            },
          },
          getItem: function () {
            return this.sheet;
          },
        },
      },
    };
    const mock = new OfficeMockObject(data) as any;
    return { context: mock as Excel.RequestContext, syncSpy: jest.spyOn(mock, "sync"), state };
  }

  it("passes the user's changes, drops the add-in's own, and removes the handler in its context", async () => {
    const { context, syncSpy, state } = mockWatch();
    const seen: string[] = [];
    const own = new OwnWrites(1000, () => 0);
    own.begin("表", ["D7"]);
    const unsubscribe = await watchSheetChanges(context, "表", (c) => seen.push(c.address), { ownWrites: own });
    expect(syncSpy).toHaveBeenCalledTimes(1);

    await state.handler?.({ address: "D8", changeType: "RangeEdited", triggerSource: "Unknown" });
    await state.handler?.({ address: "D9", changeType: "RangeEdited", triggerSource: "ThisLocalAddin" });
    await state.handler?.({ address: "D7", changeType: "RangeEdited" }); // held by OwnWrites (no triggerSource)
    await state.handler?.({ address: "D7:D8", changeType: "RangeEdited" }); // D8 is not ours
    expect(seen).toEqual(["D8", "D7:D8"]);

    await unsubscribe();
    await unsubscribe(); // once only
    expect(state.removed).toBe(1);
    expect(syncSpy).toHaveBeenCalledTimes(2);
  });
});

describe("OwnWrites", () => {
  it("holds written cells while the batch runs and for the window after it", () => {
    let now = 0;
    const own = new OwnWrites(1500, () => now);
    const done = own.begin("表", ["D7", "C83:C85"]);
    now = 10_000; // in flight: held however long it takes
    expect(own.isOwn("表", "D7")).toBe(true);
    expect(own.isOwn("表", "'表'!$C$84")).toBe(true);
    expect(own.isOwn("其他", "D7")).toBe(false);
    expect(own.isOwn("表", "D7:D8")).toBe(false);
    expect(own.isOwn("表", "3:3")).toBe(false);
    done();
    now += 1500;
    expect(own.isOwn("表", "D7")).toBe(true);
    now += 1;
    expect(own.isOwn("表", "D7")).toBe(false);
  });

  it("can hold a whole sheet", () => {
    const own = new OwnWrites(1500, () => 0);
    own.begin("表", null);
    expect(own.isOwn("表", "Z99")).toBe(true);
    expect(own.isOwn("其他", "Z99")).toBe(false);
  });
});

describe("mergeBands", () => {
  it("cuts an area into bands of whole rows with at most 512 cells", () => {
    expect(mergeBands({ top: 0, left: 0, bottom: 99, right: 5 })).toEqual(["A1:F85", "A86:F100"]);
    expect(mergeBands({ top: 2, left: 2, bottom: 2, right: 2 })).toEqual(["C3"]);
    expect(mergeBands({ top: 0, left: 0, bottom: 1, right: 599 })).toEqual(["A1:WB1", "A2:WB2"]);
  });
});
