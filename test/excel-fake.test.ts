/**
 * The Office.js adapters (src/excel) against the in-memory fake Excel (test/support/fake-excel): sync counts on a
 * 5,000-row table, nothing of the user's changed by marks, marks found again after save/close/reopen, protected
 * sheets, fixes, change events, and the fake's own Office.js semantics (load before read, queued writes).
 */
import { checkSheet } from "../src/core/check";
import type { Finding } from "../src/core/finding";
import { applyFixes } from "../src/excel/fixes";
import { clearHighlights, highlight } from "../src/excel/highlight";
import { createExcelHost } from "../src/excel/office-host";
import type { Features } from "../src/excel/requirements";
import { readActiveSheetSnapshot, selectCell } from "../src/excel/snapshot";
import { buildTable } from "./builder/layout";
import type { DepartmentSpec, IndicatorSpec } from "./builder/spec";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { FakeExcel, type FakeRequestContext, type FakeSheetState } from "./support/fake-excel";
import { enterValue } from "./support/fake-excel/entry";

const ALL: Features = { core: true, conditionalFormats: true, onChanged: true, mergedAreas: true };

/** The fake's context, as the adapters take it. */
const xl = (context: FakeRequestContext) => context as unknown as Excel.RequestContext;

function sampleExcel(options?: ConstructorParameters<typeof FakeExcel>[1], protectedSheet = false): FakeExcel {
  const built = buildTable(SAMPLE_2021);
  const sheets = built.workbook.sheets.map((s) => ({ ...s, protected: protectedSheet }));
  return FakeExcel.fromSnapshots(sheets, options);
}

const SHEET = buildTable(SAMPLE_2021).placed.sheet;

async function readAndCheck(excel: FakeExcel) {
  const snapshot = await excel.run((c) => readActiveSheetSnapshot(xl(c), { merges: true }));
  return { snapshot, check: checkSheet(snapshot) };
}

/** Everything of a sheet but its id and the conditional formats' session ids. */
function sheetState(excel: FakeExcel, name = SHEET): FakeSheetState {
  const sheet = excel.toJSON().sheets.find((s) => s.name === name) as FakeSheetState;
  return { ...sheet, id: "", conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...cf, id: "" })) };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a 5,000-row goal table", () => {
  /** SAMPLE_2021 with its indicators repeated until the sheet has 5,000 rows. */
  function longSpec(rows: number): DepartmentSpec {
    const header = buildTable(SAMPLE_2021).workbook.sheets[0].values.length - SAMPLE_2021.indicators.length;
    const indicators: IndicatorSpec[] = [];
    for (let i = 0; indicators.length < rows - header; i++) {
      indicators.push(SAMPLE_2021.indicators[i % SAMPLE_2021.indicators.length]);
    }
    return { ...SAMPLE_2021, indicators };
  }

  it("is read in at most 3 syncs and marked in at most 2", async () => {
    const built = buildTable(longSpec(5000));
    const sheet = built.workbook.sheets[0];
    expect(sheet.values.length).toBe(5000);
    expect(sheet.merges.length).toBeGreaterThan(512); // past getMergedAreasOrNullObject's limit
    const excel = FakeExcel.fromSnapshots(built.workbook);

    const { snapshot, check } = await readAndCheck(excel);
    const readSyncs = excel.syncCount;
    expect(readSyncs).toBeLessThanOrEqual(3);
    expect(snapshot.values).toEqual(sheet.values);
    expect([...snapshot.merges].sort()).toEqual([...sheet.merges].sort());
    expect(excel.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024); // Excel on the web's payload limit

    expect(check.findings.length).toBeGreaterThan(1000); // repeated names: taxonomy/duplicate-name on each row
    const result = await excel.run((c) => highlight(xl(c), sheet.name, check.findings, { features: ALL }));
    const markSyncs = excel.syncCount - readSyncs;
    expect(markSyncs).toBeLessThanOrEqual(2);
    expect(result.marked).toBe(new Set(check.findings.map((f) => f.cell)).size);
    // Runs of cells down a column share one conditional format.
    expect(excel.conditionalFormats(sheet.name).length).toBeLessThan(check.findings.length / 10);
    console.info(
      `5,000 rows: read ${readSyncs} syncs (largest ${excel.stats.maxResponseBytes} B), marked ${result.marked} ` +
        `cells with ${excel.conditionalFormats(sheet.name).length} conditional formats in ${markSyncs} syncs`
    );
  });

  it("is read in one sync when it has no more than 512 merged areas", async () => {
    const excel = sampleExcel();
    await readAndCheck(excel);
    expect(excel.syncCount).toBe(1);
  });
});

describe("highlight and clear lose nothing the user owns", () => {
  function decorated(): FakeExcel {
    const excel = sampleExcel();
    // The user's own formats, on cells that will be marked (C77, C83 in a merged area) and others.
    excel.userFormat(SHEET, "C77", {
      fill: "#00B050",
      borders: { EdgeTop: { style: "Continuous", color: "#FF0000" } },
    });
    excel.userFormat(SHEET, "C83:C85", { fill: "#FFFF00", font: { color: "#7030A0", bold: true } });
    excel.userFormat(SHEET, "A1:F1", { font: { bold: true, size: 16 } });
    excel.userConditionalFormat(SHEET, {
      type: "Custom",
      ranges: ["F19:F85"],
      formula: '=ISNUMBER(SEARCH("%",F19))',
      fill: "#E2EFDA",
    });
    excel.userConditionalFormat(SHEET, { type: "CellValue", ranges: ["D6:F17"], formula: "=0", fontColor: "#FF0000" });
    return excel;
  }

  it("marks with conditional formats only and leaves every cell, merge and user format exactly as it was", async () => {
    const excel = decorated();
    const before = sheetState(excel);
    const { check } = await readAndCheck(excel);
    expect(check.findings.map((f) => [f.cell, f.severity])).toEqual([
      ["C77", "info"],
      ["C83", "warning"],
    ]);

    const result = await excel.run((c) => highlight(xl(c), SHEET, check.findings, { features: ALL }));
    expect(result).toEqual({ marked: 2 });
    const marked = sheetState(excel);
    expect(marked.cells).toEqual(before.cells);
    expect(marked.merges).toEqual(before.merges);
    expect(marked.conditionalFormats.slice(2)).toEqual(before.conditionalFormats);
    // Each new conditional format goes on top of the others (ConditionalFormatCollection.add).
    expect(marked.conditionalFormats.slice(0, 2)).toEqual([
      {
        id: "",
        type: "Custom",
        ranges: ["C83:C85"],
        formula: '=N("goaltable:warning")=0',
        fill: "#FFEB9C",
        fontColor: "#9C5700",
      },
      {
        id: "",
        type: "Custom",
        ranges: ["C77"],
        formula: '=N("goaltable:info")=0',
        fill: "#DDEBF7",
        fontColor: "#1F4E79",
      },
    ]);
    expect(
      excel.log.filter((e) => e.kind.startsWith("format") || e.kind === "values" || e.kind === "formulas")
    ).toEqual([]);

    // Marking again replaces the marks instead of adding more.
    await excel.run((c) => highlight(xl(c), SHEET, check.findings, { features: ALL }));
    expect(excel.conditionalFormats(SHEET)).toHaveLength(4);

    const cleared = await excel.run((c) => clearHighlights(xl(c), SHEET, { features: ALL }));
    expect(cleared).toEqual({ removed: 2 });
    expect(sheetState(excel)).toEqual(before);
  });

  it("finds its marks again in a saved, closed and reopened workbook", async () => {
    const excel = decorated();
    const before = sheetState(excel);
    const { check } = await readAndCheck(excel);
    await excel.run((c) => highlight(xl(c), SHEET, check.findings, { features: ALL }));

    const reopened = FakeExcel.fromJSON(JSON.parse(excel.serialize()));
    expect(reopened.conditionalFormats(SHEET).map((cf) => cf.id)).not.toEqual(
      excel.conditionalFormats(SHEET).map((cf) => cf.id)
    );
    // A new session marks again: the old marks are replaced, not doubled.
    await reopened.run((c) => highlight(xl(c), SHEET, check.findings, { features: ALL }));
    expect(reopened.conditionalFormats(SHEET)).toHaveLength(4);

    const again = reopened.reopen();
    expect(await again.run((c) => clearHighlights(xl(c), SHEET, { features: ALL }))).toEqual({ removed: 2 });
    expect(sheetState(again)).toEqual(before);
  });

  it("clears after the user edited the marked cells and rows in between", async () => {
    const excel = decorated();
    const { check } = await readAndCheck(excel);
    await excel.run((c) => highlight(xl(c), SHEET, check.findings, { features: ALL }));

    excel.userEdit(SHEET, "C83", "服务对象满意度指标"); // fixes the warning by hand
    excel.userEdit(SHEET, "D77:F77", "新指标"); // fills the empty 二级 row
    excel.userEdit(SHEET, "F20", "≥3次");
    excel.userFormat(SHEET, "D78", { fill: "#BDD7EE" });
    const edited = sheetState(excel);
    expect(edited.cells.C83.value).toBe("服务对象满意度指标");

    await excel.run((c) => clearHighlights(xl(c), SHEET, { features: ALL }));
    const after = sheetState(excel);
    expect(after.cells).toEqual(edited.cells);
    expect(after.conditionalFormats).toEqual(edited.conditionalFormats.slice(2));
    expect(after.conditionalFormats.map((cf) => cf.formula)).toEqual(["=0", '=ISNUMBER(SEARCH("%",F19))']);
  });
});

describe("a protected sheet", () => {
  it("is checked, but not marked, and nothing is written", async () => {
    const excel = sampleExcel({}, true);
    excel.userConditionalFormat(SHEET, { type: "Custom", ranges: ["C77"], formula: '=N("goaltable:error")=0' });
    const before = sheetState(excel);
    const { snapshot, check } = await readAndCheck(excel);
    expect(snapshot.protected).toBe(true);
    expect(check.findings.length).toBeGreaterThan(0);

    const syncs = excel.syncCount;
    const result = await excel.run((c) => highlight(xl(c), SHEET, check.findings, { features: ALL }));
    expect(result).toEqual({ marked: 0, skipped: "protected" });
    expect(await excel.run((c) => clearHighlights(xl(c), SHEET, { features: ALL }))).toEqual({
      removed: 0,
      skipped: "protected",
    });
    expect(excel.syncCount - syncs).toBe(2);
    expect(excel.log).toEqual([]);
    expect(sheetState(excel)).toEqual(before);
  });

  it("rejects writes in the fake, as Excel does", async () => {
    const excel = sampleExcel({}, true);
    await expect(
      excel.run((c) => applyFixes(xl(c), [{ sheet: SHEET, cell: "F20", value: "≥3次" }]))
    ).rejects.toMatchObject({
      code: "AccessDenied",
    });
  });
});

describe("applyFixes", () => {
  it("writes exactly the named cells in one sync: text stays text, formulas become formulas", async () => {
    const excel = sampleExcel();
    const before = sheetState(excel);
    // F20 "≥2次" (General format), E7 a task amount with format "0.00", D6 the 合计 total.
    expect(before.cells.E7.numberFormat).toBe("0.00");
    const syncs = excel.syncCount;
    await excel.run((c) =>
      applyFixes(xl(c), [
        { sheet: SHEET, cell: "F20", value: "=100%" },
        { sheet: SHEET, cell: "E7", value: "=100%" },
        { sheet: SHEET, cell: "F21", value: "100%" },
        { sheet: SHEET, cell: "D6", formula: "=SUM(D7:D11)" },
        { sheet: SHEET, cell: "F7", value: 12.5 },
      ])
    );
    expect(excel.syncCount - syncs).toBe(1);

    const after = sheetState(excel);
    expect(after.cells.F20).toEqual({ value: "=100%", quotePrefix: true });
    expect(after.cells.E7).toEqual({ value: "=100%", quotePrefix: true, numberFormat: "0.00" });
    expect(after.cells.F21).toEqual({ value: "100%", quotePrefix: true });
    expect(after.cells.D6).toMatchObject({ formula: "=SUM(D7:D11)", numberFormat: "0.00" });
    expect(after.cells.D6.value).toBeCloseTo(356.99 + 60 + 35 + 35 + 30, 6);
    expect(after.cells.F7).toEqual({ value: 12.5, numberFormat: "0.00" });
    for (const [address, cell] of Object.entries(before.cells)) {
      if (!["F20", "E7", "F21", "D6", "F7"].includes(address))
        expect([address, after.cells[address]]).toEqual([address, cell]);
    }
    expect(Object.keys(after.cells).sort()).toEqual(Object.keys(before.cells).sort());

    // And they read back as the literal text, not a formula.
    const { snapshot } = await readAndCheck(excel);
    const row = 20 - 1;
    expect(snapshot.values[row][5]).toBe("=100%");
    expect(snapshot.formulas[row][5]).toBeNull();
  });

  it("would have made a formula of '=100%' without the apostrophe (the fake takes typed input like Excel)", () => {
    const cell = { value: null as unknown as string | null };
    enterValue(cell, "=100%");
    expect(cell).toMatchObject({ formula: "=100%" });
    const pct = { value: null as unknown as string | null };
    enterValue(pct, "100%");
    expect(pct).toEqual({ value: 1, numberFormat: "0%" });
  });

  it("applies a rule's own fix, after which the finding is gone", async () => {
    const excel = sampleExcel();
    const { check } = await readAndCheck(excel);
    const fix = check.findings.find((f) => f.fix)?.fix;
    expect(fix).toEqual([{ sheet: SHEET, cell: "C83", value: "服务对象满意度指标" }]);
    await excel.run((c) => applyFixes(xl(c), fix ?? []));
    const recheck = await readAndCheck(excel);
    expect(recheck.check.findings.map((f) => f.rule)).toEqual(["taxonomy/empty-level2"]);
  });
});

describe("the fake keeps Office.js's load/sync rules", () => {
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read,
     office-addins/call-sync-after-load -- reading too early is the point of this test */
  it("throws on reading a property that was not loaded before the last sync", async () => {
    const excel = sampleExcel();
    const context = excel.newContext();
    const range = context.workbook.worksheets.getItem(SHEET).getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" })); // loaded, not synced
    await context.sync();
    expect(range.values[0][0]).toBe("部门（单位）整体支出绩效目标表");
    expect(() => range.formulas).toThrow(/formulas/);

    const used = context.workbook.worksheets.getItem(SHEET).getUsedRangeOrNullObject();
    expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(used.isNullObject).toBe(false);
    expect(excel.syncCount).toBe(2);
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read,
     office-addins/call-sync-after-load */

  it("queues writes until sync", async () => {
    const excel = sampleExcel();
    const context = excel.newContext();
    context.workbook.worksheets.getItem(SHEET).getRange("F20").values = [["≥3次"]];
    expect(excel.cell(SHEET, "F20")?.value).toBe("≥2次");
    await context.sync();
    expect(excel.cell(SHEET, "F20")?.value).toBe("≥3次");
  });

  it("fails to load `custom` through the collection when other kinds of formats are there (office-js#2180)", async () => {
    const excel = sampleExcel();
    excel.userConditionalFormat(SHEET, { type: "ColorScale", ranges: ["D7:D11"] });
    excel.userConditionalFormat(SHEET, { type: "Custom", ranges: ["A1"], formula: "=TRUE" });
    const context = excel.newContext();
    const all = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats;
    all.load("items/custom/rule/formula");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    all.load("items/type, items/customOrNullObject/rule/formula");
    await context.sync();
    expect(
      all.items.map((cf) => (cf.customOrNullObject.isNullObject ? cf.type : cf.customOrNullObject.rule.formula))
    ).toEqual(["=TRUE", "ColorScale"]);
  });

  it("fails on more than 512 merged areas, as the Office.js docs say", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `A${i + 1}:B${i + 1}`);
    const excel = FakeExcel.fromSnapshots([
      { name: "S", origin: "A1", values: [[1]], formulas: [[null]], numberFormats: [["General"]], merges: rows },
    ]);
    const context = excel.newContext();
    context.workbook.worksheets.getItem("S").getUsedRange().getMergedAreasOrNullObject().load("address");
    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    const snapshot = await excel.run((c) => readActiveSheetSnapshot(xl(c), { merges: true }));
    expect(snapshot.merges).toHaveLength(600);
  });
});

describe("createExcelHost over the fake", () => {
  function hostOn(excel: FakeExcel, windowMs = 200) {
    return createExcelHost({
      run: (batch) => excel.run((c) => batch(xl(c))),
      isSetSupported: (name, version) => excel.isSetSupported(name, version),
      ownWriteWindowMs: windowMs,
    });
  }

  it("reads, marks, selects, fixes and clears, each operation one Excel.run", async () => {
    const excel = sampleExcel();
    const host = hostOn(excel);
    expect(host.features).toEqual(ALL);
    const snapshot = await host.readActiveSheet();
    const { findings } = checkSheet(snapshot);
    expect(await host.highlight(SHEET, findings)).toEqual({ marked: 2 });
    await host.select(SHEET, "C83");
    expect(excel.selection).toEqual({ sheet: SHEET, address: "C83" });
    await host.applyFixes(findings.flatMap((f) => f.fix ?? []));
    expect(excel.cell(SHEET, "C83")?.value).toBe("服务对象满意度指标");
    await host.clearHighlights(SHEET);
    expect(excel.conditionalFormats(SHEET)).toEqual([]);
    // read 1, mark 1 (the read found the marks), select 1, fix 1, clear 2
    expect(excel.syncCount).toBe(1 + 1 + 1 + 1 + 2);
  });

  it("checks and marks a normal table in 2 syncs, one read and one write, also when re-checking over its marks", async () => {
    const excel = sampleExcel();
    excel.userConditionalFormat(SHEET, { type: "Custom", ranges: ["F20"], formula: "=F20>0", fill: "#00FF00" });
    const host = hostOn(excel);
    for (let round = 1; round <= 3; round++) {
      const syncs = excel.syncCount;
      const snapshot = await host.readActiveSheet();
      expect(await host.highlight(SHEET, checkSheet(snapshot).findings)).toEqual({ marked: 2 });
      expect([round, excel.syncCount - syncs]).toEqual([round, 2]);
      // Two marks (C83:C85 merged, C77) and the user's own format, never more: the old marks were replaced.
      expect(excel.conditionalFormats(SHEET).map((cf) => cf.ranges[0])).toEqual(["C83:C85", "C77", "F20"]);
    }
  });

  it("marks correctly when a mark was deleted between the read and the marking (falls back to read + write)", async () => {
    const excel = sampleExcel();
    const host = hostOn(excel);
    await host.highlight(SHEET, checkSheet(await host.readActiveSheet()).findings);
    const snapshot = await host.readActiveSheet();
    excel.sheet(SHEET).conditionalFormats.shift(); // the user deletes a mark (Clear Rules) in between
    const syncs = excel.syncCount;
    expect(await host.highlight(SHEET, checkSheet(snapshot).findings)).toEqual({ marked: 2 });
    expect(excel.syncCount - syncs).toBe(1 + 2);
    expect(excel.conditionalFormats(SHEET).map((cf) => cf.ranges[0])).toEqual(["C83:C85", "C77"]);
  });

  it("has no highlight or change watching without the requirement sets", async () => {
    const excel = sampleExcel({ apiMinor: 5 });
    const host = hostOn(excel);
    expect(host.onSheetChanged).toBeUndefined();
    expect(await host.highlight(SHEET, [{ ...fakeFinding("C77") }])).toEqual({ marked: 0, skipped: "unsupported" });
    expect(excel.syncCount).toBe(0);
  });

  it.each([14, 13])("reports the user's changes but not its own fixes or marks (ExcelApi 1.%i)", async (apiMinor) => {
    const excel = sampleExcel({ apiMinor });
    const host = hostOn(excel);
    const changes: number[] = [];
    const unsubscribe = await host.onSheetChanged?.(SHEET, () => changes.push(Date.now()));
    expect(excel.handlerCount).toBe(1);

    await host.applyFixes([{ sheet: SHEET, cell: "F20", value: "≥3次" }]);
    await host.highlight(SHEET, [fakeFinding("F20")]);
    await tick();
    expect(changes).toHaveLength(0);

    excel.userEdit(SHEET, "F21", "≥4次");
    await tick();
    expect(changes).toHaveLength(1);

    await unsubscribe?.();
    expect(excel.handlerCount).toBe(0);
    excel.userEdit(SHEET, "F22", "≥5次");
    await tick();
    expect(changes).toHaveLength(1);
  });
});

function fakeFinding(cell: string): Finding {
  return { rule: "t", severity: "error", sheet: SHEET, cell, related: [], message: { zh: "", en: "" } };
}

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const excel = sampleExcel();
    await excel.run((c) => selectCell(xl(c), SHEET, "D7"));
    expect(excel.selection).toEqual({ sheet: SHEET, address: "D7" });
    expect(excel.syncCount).toBe(1);
  });
});
