/**
 * Inserting a template through the Office.js adapter (src/excel/template.ts), against office-addin-mock: the
 * workbook and its sheet collection are an OfficeMockObject (load-then-sync enforced, syncs counted); the sheet the
 * adapter adds records what is written to it.
 */
import { valueToWrite } from "../src/excel/fixes";
import { OfficeMockObject } from "office-addin-mock";
import { parseRange, rangeAddress } from "../src/core/address";
import { makeTemplate, type TemplateSheet } from "../src/core/template";
import { insertTemplate, styleRectangles, uniqueSheetName, widthToPoints, MAX_SHEET_NAME } from "../src/excel/template";
import type { IsSetSupported } from "../src/excel/requirements";
import { readSheet } from "../src/core/reader";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";

/** What was done to one range. */
interface RangeRecord {
  address: string;
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  merged: boolean;
  selected: boolean;
  format: {
    font: Record<string, unknown>;
    fill: Record<string, unknown>;
    borders: Record<string, Record<string, unknown>>;
    [key: string]: unknown;
  };
  dataValidation: { rule?: Excel.DataValidationRule; errorAlert?: Excel.DataValidationErrorAlert };
}

interface SheetRecord {
  name: string;
  activated: boolean;
  ranges: RangeRecord[];
  pageLayout: Record<string, unknown> & { printTitleRows?: string };
}

function recordingSheet(name: string, sheets: SheetRecord[]) {
  const record: SheetRecord = { name, activated: false, ranges: [], pageLayout: {} };
  sheets.push(record);
  return {
    name,
    activate() {
      record.activated = true;
    },
    pageLayout: Object.assign(record.pageLayout, {
      setPrintTitleRows(rows: string) {
        record.pageLayout.printTitleRows = rows;
      },
    }),
    getRange(address: string) {
      const borders: RangeRecord["format"]["borders"] = {};
      const r: RangeRecord = {
        address,
        merged: false,
        selected: false,
        format: {
          font: {},
          fill: {},
          borders,
        },
        dataValidation: {},
      };
      record.ranges.push(r);
      return Object.assign(r, {
        merge() {
          r.merged = true;
        },
        select() {
          r.selected = true;
        },
        format: Object.assign(r.format, {
          borders: Object.assign(borders, {
            getItem: (edge: string) => (borders[edge] ??= {}),
          }),
        }),
      });
    },
  };
}

interface Mock {
  context: Excel.RequestContext;
  syncSpy: jest.SpyInstance;
  added: SheetRecord[];
  /** Names passed to worksheets.add, in order. */
  addCalls: string[];
}

/**
 * A workbook with sheets named `names`. office-addin-mock loads navigation paths only through mock objects, so
 * `worksheets.load("items/name")` is served by loading the plain `items` array (of {name}) instead, still subject to
 * the mock's load-then-sync check.
 */
function mockWorkbook(names: string[], opts: { collideOnce?: string } = {}): Mock {
  const added: SheetRecord[] = [];
  const addCalls: string[] = [];
  let collide = opts.collideOnce;
  let failNextSync = false;
  const data = {
    workbook: {
      worksheets: {
        items: names.map((name) => ({ name })),
        add(this: { setValue(k: string, v: unknown): void }, name: string) {
          addCalls.push(name);
          if (collide === name) {
            // Someone else added a sheet of that name since the names were read: this add fails at the sync,
            // and the next load sees it.
            collide = undefined;
            failNextSync = true;
            this.setValue(
              "items",
              [...names, name].map((n) => ({ name: n }))
            );
          }
          return recordingSheet(name, added);
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as any;
  const worksheets = mock.workbook.worksheets;
  const load = worksheets.load.bind(worksheets);
  worksheets.load = (p: string) => load(p === "items/name" ? "items" : p);
  const sync = mock.sync.bind(mock);
  mock.sync = async () => {
    if (failNextSync) {
      failNextSync = false;
      throw Object.assign(new Error("A resource with the same name or identifier already exists."), {
        code: "ItemAlreadyExists",
      });
    }
    return sync();
  };
  const syncSpy = jest.spyOn(mock, "sync");
  return {
    context: mock as Excel.RequestContext,
    syncSpy,
    added,
    addCalls,
  };
}

const ALL_SETS: IsSetSupported = () => true;
const ONLY_1_7: IsSetSupported = (name, version) =>
  name === "ExcelApi" && Number((version ?? "1.0").split(".")[1]) <= 7;

/** The cells the adapter wrote, from the blocks' 2-D `formulas` arrays, by address. */
function written(sheet: SheetRecord): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const r of sheet.ranges) {
    if (!r.formulas) continue;
    const area = parseRange(r.address);
    r.formulas.forEach((row, i) =>
      row.forEach((v, j) => {
        const address = rangeAddress({
          top: area.top + i,
          left: area.left + j,
          bottom: area.top + i,
          right: area.left + j,
        });
        expect(out.has(address)).toBe(false);
        out.set(address, v);
      })
    );
  }
  return out;
}

describe("insertTemplate", () => {
  const template = makeTemplate({ kind: "department", year: 2022, form: "merged" });

  it("adds a sheet with a new name when 2022年绩效目标表 exists, touching no existing sheet", async () => {
    const m = mockWorkbook(["Sheet1", "2022年绩效目标表"]);
    const result = await insertTemplate(m.context, template, { isSetSupported: ALL_SETS });
    expect(result).toEqual({ sheetName: "2022年绩效目标表 (2)", syncs: 2, skipped: [] });
    expect(m.addCalls).toEqual(["2022年绩效目标表 (2)"]);
    expect(m.syncSpy).toHaveBeenCalledTimes(2);
    expect(m.added).toHaveLength(1);
    expect(m.added[0].activated).toBe(true);
  });

  it("uses the template's own name when it is free, compared without case", async () => {
    const m = mockWorkbook(["Sheet1"]);
    expect((await insertTemplate(m.context, template, { isSetSupported: ALL_SETS })).sheetName).toBe(
      "2022年绩效目标表"
    );
    const p = mockWorkbook(["2022年项目绩效目标表", "2022年项目绩效目标表 (2)"]);
    const project = makeTemplate({ kind: "project", year: 2022, form: "split" });
    expect((await insertTemplate(p.context, project, { isSetSupported: ALL_SETS })).sheetName).toBe(
      "2022年项目绩效目标表 (3)"
    );
  });

  it("writes every cell's value or formula, block by block, with its number format", async () => {
    const m = mockWorkbook(["Sheet1"]);
    await insertTemplate(m.context, template, { isSetSupported: ALL_SETS });
    const sheet = m.added[0];
    const cells = written(sheet);
    expect(cells.size).toBe(template.cells.length);
    expect(sheet.ranges.filter((r) => r.formulas).map((r) => r.address)).toEqual(template.blocks.map((b) => b.range));
    expect(cells.get("A1")).toBe("部门（单位）整体支出绩效目标表");
    expect(cells.get("A2")).toBe("'（2022 年）"); // a leading bracket could read as a negative number: kept as text
    expect(cells.get("E6")).toBe("=SUM(E7:E9)");
    expect(cells.get("F6")).toBe("=SUM(F7:F9)");
    expect(cells.get("E7")).toBe("=F7+G7");
    expect(cells.get("F7")).toBe("");
    for (const c of template.cells) {
      expect(cells.get(c.address)).toBe(c.formula ?? (c.value === undefined ? "" : valueToWrite(c.value)));
    }
    const formats = new Map<string, unknown>();
    for (const r of sheet.ranges.filter((x) => x.numberFormat)) {
      const area = parseRange(r.address);
      r.numberFormat!.forEach((row, i) =>
        row.forEach((v, j) =>
          formats.set(
            rangeAddress({ top: area.top + i, left: area.left + j, bottom: area.top + i, right: area.left + j }),
            v
          )
        )
      );
    }
    expect(formats.get("F7")).toBe("0.00");
    expect(formats.get("E6")).toBe("0.00");
    expect(formats.get("B7")).toBe("General");
  });

  it("merges, styles, sizes, adds the dropdowns and sets the page layout", async () => {
    const m = mockWorkbook(["Sheet1"]);
    await insertTemplate(m.context, template, { isSetSupported: ALL_SETS });
    const sheet = m.added[0];
    expect(sheet.ranges.filter((r) => r.merged).map((r) => r.address)).toEqual(template.merges);
    const header = sheet.ranges.find((r) => r.format.fill.color === "#DDEBF7")!;
    expect(header.format).toMatchObject({ wrapText: true, horizontalAlignment: "Center", verticalAlignment: "Center" });
    expect(header.format.font.bold).toBe(true);
    expect(header.format.borders.EdgeTop).toEqual({ style: "Continuous", weight: "Thin", color: "#000000" });
    expect(sheet.ranges.find((r) => r.address === "A:A")!.format.columnWidth).toBe(
      widthToPoints(template.columnWidths[0])
    );
    const heights = sheet.ranges.filter((r) => /^[0-9]+:[0-9]+$/.test(r.address));
    expect(heights.map((r) => [Number(r.address.split(":")[0]), r.format.rowHeight])).toEqual(
      Object.entries(template.rowHeights!).map(([k, v]) => [Number(k), v])
    );
    const validations = sheet.ranges.filter((r) => r.dataValidation.rule);
    expect(validations.map((r) => [r.address, r.dataValidation.rule!.list!.source])).toEqual(
      template.dataValidations.map((v) => [v.range, v.list.join(",")])
    );
    expect(validations[0].dataValidation.errorAlert).toMatchObject({ showAlert: true, style: "Warning" });
    const [first] = template.print.printTitleRows.split(":");
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: `$${first}:$${first}`,
    });
    expect(sheet.ranges.find((r) => r.selected)?.address).toBe("A1");
  });

  it("leaves out what the host lacks and says so, still in two syncs", async () => {
    const m = mockWorkbook(["Sheet1"]);
    const result = await insertTemplate(m.context, template, { isSetSupported: ONLY_1_7 });
    expect(result.syncs).toBe(2);
    expect(result.skipped.map((s) => s.feature)).toEqual(["dataValidation", "pageLayout"]);
    expect(m.added[0].ranges.some((r) => r.dataValidation.rule)).toBe(false);
    expect(m.added[0].pageLayout.orientation).toBeUndefined();
    expect(written(m.added[0]).size).toBe(template.cells.length);
  });

  it("reads the names again when a sheet of the chosen name appears in between", async () => {
    const m = mockWorkbook(["Sheet1"], { collideOnce: "2022年绩效目标表" });
    const result = await insertTemplate(m.context, template, { isSetSupported: ALL_SETS });
    expect(m.addCalls).toEqual(["2022年绩效目标表", "2022年绩效目标表 (2)"]);
    expect(result.sheetName).toBe("2022年绩效目标表 (2)");
    expect(result.syncs).toBe(4);
  });

  it("writes carried text so that Excel keeps it as text", async () => {
    const spec = {
      ...SAMPLE_2021,
      tasks: [{ name: "=1+1", content: "2021年12月31日", total: 1, fiscal: 1, other: 0 }],
    };
    const last = readSheet(buildTable(spec).workbook.sheets[0]).tables[0];
    const t: TemplateSheet = makeTemplate({ kind: "department", year: 2022, form: "merged", prefill: last });
    const m = mockWorkbook([]);
    await insertTemplate(m.context, t, { isSetSupported: ALL_SETS });
    const values = [...written(m.added[0]).values()];
    expect(values).toContain("'=1+1");
    expect(values).toContain("'2021年12月31日");
    expect(values).toContain("中共乌尔禾区委组织部");
  });
});

describe("helpers", () => {
  it("carried text is written with an apostrophe wherever Excel might read it as something else", () => {
    for (const s of ["=1+1", "+86 0990", "-", "@home", "'quoted", "001", "1,000", "50%", "1.5e3", "TRUE", "#REF!"])
      expect(valueToWrite(s)).toBe(`'${s}`);
    for (const s of ["2021-12-31", "1/2", "1 1/2", "12月31日", "2021年12月31日", "12:30", "¥100", "(100)", "100万元"])
      expect(valueToWrite(s)).toBe(`'${s}`);
    for (const s of ["中共乌尔禾区委组织部", "≥2次", "目标1：保障运转", ""]) expect(valueToWrite(s)).toBe(s);
  });

  it("uniqueSheetName: stays within 31 characters and drops the characters Excel forbids", () => {
    expect(uniqueSheetName("2022年绩效目标表", ["2022年绩效目标表".toUpperCase()])).toBe("2022年绩效目标表 (2)");
    const long = "很长的名字".repeat(10);
    const name = uniqueSheetName(long, [long.slice(0, MAX_SHEET_NAME)]);
    expect([...name].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(name.endsWith(" (2)")).toBe(true);
    expect(uniqueSheetName("a/b:c?[d]*", [])).toBe("abcd");
  });

  it("styleRectangles: covers every cell once, with its own style", () => {
    for (const form of ["merged", "split"] as const) {
      const t = makeTemplate({ kind: "project", year: 2022, form });
      const seen = new Map<string, string>();
      for (const { style, range } of styleRectangles(t)) {
        const r = parseRange(range);
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            const a = rangeAddress({ top: row, left: col, bottom: row, right: col });
            expect(seen.has(a)).toBe(false);
            seen.set(a, style);
          }
      }
      expect(new Map(t.cells.map((c) => [c.address, c.style]))).toEqual(seen);
      expect(styleRectangles(t).length).toBeLessThan(t.cells.length / 3);
    }
  });
});
