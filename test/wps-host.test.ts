/**
 * The WPS host (src/wps) against the fake WPS (test/support/fake-wps): the shapes different WPS builds return, the
 * synchronous call counts on the sample and on a 5,000-row table, screen updating off during writes, protected
 * sheets, and host detection. The behaviours both hosts share are in host-adapters.test.ts.
 */
import { checkSheet } from "../src/core/check";
import { emptySnapshot } from "../src/core/snapshot";
import { toGrid, wpsApplication } from "../src/wps/api";
import { createWpsHost } from "../src/wps/host";
import { readWpsSheet } from "../src/wps/snapshot";
import { bigSheet } from "../bench/big-table";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { FakeWps, type FakeWpsOptions } from "./support/fake-wps";

const BUILT = buildTable(SAMPLE_2021);
const SHEET = BUILT.placed.sheet;
const EXPECTED = BUILT.workbook.sheets.find((s) => s.name === SHEET)!;

describe("reading the shapes WPS builds return", () => {
  const variants: Partial<FakeWpsOptions>[] = [
    {},
    { arrays: "flat" },
    { arrays: "item" },
    { address: "property" },
    { empty: null },
    { empty: "" },
    { errors: "code" },
  ];

  it.each(variants)("gives the same snapshot with %j", (options) => {
    const wps = FakeWps.fromSnapshots(BUILT.workbook, options);
    wps.userEdit(SHEET, "F21", "=1/0"); // an error value
    const snapshot = readWpsSheet(wps.Application.ActiveSheet);
    expect(snapshot.values).toHaveLength(EXPECTED.values.length);
    expect(snapshot.values[20][5]).toEqual({ error: "#DIV/0!" });
    expect(snapshot.formulas[20][5]).toBe("=1/0");
    const values = snapshot.values.map((row) => [...row]);
    values[20][5] = EXPECTED.values[20][5];
    expect(values).toEqual(EXPECTED.values);
    expect([...snapshot.merges].sort()).toEqual([...EXPECTED.merges].sort());
    expect(snapshot.numberFormats).toEqual(EXPECTED.numberFormats);
  });

  it("normalises scalars, flat arrays, Item(r, c) wrappers and column-major VBArrays", () => {
    expect(toGrid(5, 1, 1)).toEqual([[5]]);
    expect(toGrid([1, 2, 3, 4], 2, 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(toGrid([1, 2], 2, 1)).toEqual([[1], [2]]);
    expect(toGrid({ Item: (r: number, c: number) => r * 10 + c }, 2, 2)).toEqual([
      [11, 12],
      [21, 22],
    ]);
    expect(toGrid({ toArray: () => [1, 3, 2, 4] }, 2, 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(() => toGrid([1, 2, 3], 2, 2)).toThrow(/3 values for a 2×2 range/);
  });

  it("reads a blank sheet as the empty snapshot", () => {
    const wps = FakeWps.fromSnapshots([{ ...emptySnapshot("空表"), protected: true }]);
    expect(readWpsSheet(wps.Application.ActiveSheet)).toEqual({
      ...emptySnapshot("空表"),
      protected: true,
      visible: true,
    });
  });

  it("keeps text typed as '=abc as text, not a formula", () => {
    const wps = FakeWps.fromSnapshots(BUILT.workbook);
    wps.userEdit(SHEET, "F20", "'=abc");
    const snapshot = readWpsSheet(wps.Application.ActiveSheet);
    expect([snapshot.values[19][5], snapshot.formulas[19][5]]).toEqual(["=abc", null]);
  });
});

describe("synchronous calls", () => {
  // Each merged area costs about three calls (Range, MergeArea, Address): the merges are most of a read's calls.
  it("reads the sample in calls bounded by its merged areas, and marks it in a few dozen", async () => {
    const wps = FakeWps.fromSnapshots(BUILT.workbook);
    const host = createWpsHost(wps.Application);
    const snapshot = await host.readActiveSheet();
    const read = wps.calls;
    const { findings } = checkSheet(snapshot);
    await host.highlight(SHEET, findings);
    const mark = wps.calls - read;
    console.info(`WPS sample: read ${read} calls (${JSON.stringify(wps.callsBy)}), marked in ${mark}`);
    expect(wps.callsBy["Range.Value2"]).toBe(1);
    expect(read).toBeLessThanOrEqual(4 * EXPECTED.merges.length + 200);
    expect(mark).toBeLessThanOrEqual(30);
  });

  it("reads a 5,000-row table in chunks, with calls growing with merged areas, not cells", async () => {
    const sheet = bigSheet(5000, 10);
    const wps = FakeWps.fromSnapshots([sheet]);
    const host = createWpsHost(wps.Application);
    const snapshot = await host.readActiveSheet();
    const read = wps.calls;
    expect(snapshot.values).toEqual(sheet.values);
    expect([...snapshot.merges].sort()).toEqual([...sheet.merges].sort());
    expect(snapshot.numberFormats).toEqual(sheet.numberFormats);
    const cells = sheet.values.length * sheet.values[0].length;
    expect(wps.callsBy["Range.Value2"]).toBe(Math.ceil(cells / 20_000));
    expect(read).toBeLessThan(4 * sheet.merges.length + 500);

    const { findings } = checkSheet(snapshot);
    await host.highlight(sheet.name, findings);
    const mark = wps.calls - read;
    expect(wps.conditionalFormats(sheet.name).length).toBeLessThanOrEqual(new Set(findings.map((f) => f.cell)).size);
    // Seven calls a mark: Range, FormatConditions, Add, Interior, Color, Font, Color.
    expect(mark).toBeLessThanOrEqual(7 * wps.conditionalFormats(sheet.name).length + 20);
    console.info(
      `WPS 5,000 rows: read ${read} calls (${sheet.merges.length} merged areas), marked ${wps.conditionalFormats(sheet.name).length} ranges in ${mark}`
    );
  });
});

describe("writes", () => {
  it("switch screen updating off and back on, also when a write fails", async () => {
    const wps = FakeWps.fromSnapshots(BUILT.workbook);
    const host = createWpsHost(wps.Application);
    await host.applyFixes([{ sheet: SHEET, cell: "F20", value: "≥3次" }]);
    expect(wps.screenUpdating).toEqual([false, true]);
    wps.protect(SHEET);
    await expect(host.applyFixes([{ sheet: SHEET, cell: "F20", value: "≥4次" }])).rejects.toThrow(/protected/);
    expect(wps.screenUpdating).toEqual([false, true, false, true]);
  });

  it("leave a protected sheet unmarked, its findings still listed", async () => {
    const wps = FakeWps.fromSnapshots(BUILT.workbook);
    wps.protect(SHEET);
    const host = createWpsHost(wps.Application);
    const snapshot = await host.readActiveSheet();
    expect(snapshot.protected).toBe(true);
    const { findings } = checkSheet(snapshot);
    expect(findings.length).toBeGreaterThan(0);
    expect(await host.highlight(SHEET, findings)).toEqual({ marked: 0, skipped: "protected" });
    expect(wps.log).toEqual([]);
  });

  it("mark a merged area whole even without a read first", async () => {
    const wps = FakeWps.fromSnapshots(BUILT.workbook);
    const host = createWpsHost(wps.Application);
    const { findings } = checkSheet(EXPECTED);
    await host.highlight(SHEET, findings);
    expect(
      wps
        .conditionalFormats(SHEET)
        .map((cf) => cf.ranges[0])
        .sort()
    ).toEqual(["C77", "C83:C85"]);
  });
});

describe("host detection", () => {
  it("finds WPS's Application on the page, and nothing in a plain browser or Excel", () => {
    const wps = FakeWps.fromSnapshots(BUILT.workbook);
    expect(wpsApplication({ Application: wps.Application })).toBe(wps.Application);
    expect(wpsApplication({ wps: { Application: wps.Application } })).toBe(wps.Application);
    expect(wpsApplication({})).toBeUndefined();
    expect(wpsApplication({ Office: {}, Excel: {} })).toBeUndefined();
    expect(wpsApplication(undefined)).toBeUndefined();
  });
});

describe("src/wps", () => {
  it("uses no Office.js global: inside WPS Office.js is not loaded", () => {
    const fs = require("fs") as typeof import("fs");
    const path = require("path") as typeof import("path");
    const dir = path.join(__dirname, "..", "src", "wps");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const code = fs
        .readFileSync(path.join(dir, f), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect([f, /\b(Office|Excel)\.[A-Za-z]/.test(code)]).toEqual([f, false]);
    }
  });
});
