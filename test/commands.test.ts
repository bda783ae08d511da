/**
 * The ribbon's "插入新年度模板" function command (src/commands/commands.ts) against the in-memory fake Excel
 * (test/support/fake-excel) behind a minimal Office global: one click inserts next year's table on a new sheet,
 * prefilled from the active sheet's table, leaves every existing sheet as it was, and completes the event exactly
 * once, also when it fails.
 */
import { parseRange, rangeAddress } from "../src/core/address";
import { makeTemplate, type TemplateSheet } from "../src/core/template";
import type { GoalTable } from "../src/core/model";
import { readSheet } from "../src/core/reader";
import type { SheetSnapshot } from "../src/core/snapshot";
import { createExcelHost } from "../src/excel/office-host";
import { readActiveSheetSnapshot } from "../src/excel/snapshot";
import { widthToPoints } from "../src/excel/template";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { createExcelNamespace, FakeExcel, type FakeRequestContext } from "./support/fake-excel";
import { FakeOfficeError, FakeWorksheet, FakeWorksheetCollection } from "./support/fake-excel/api";
import { officeError } from "./support/fake-host";

// ---------------------------------------------------------------------------------------------------------------
// A minimal Office global (onReady, actions.associate, requirements) and the fake's Excel namespace.

let excel: FakeExcel;
const associated = new Map<string, (event: Office.AddinCommands.Event) => unknown>();

const officeGlobal = {
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    callback?.({ host: "Excel", platform: "PC" });
    return Promise.resolve({ host: "Excel", platform: "PC" });
  },
  actions: {
    associate(name: string, fn: (event: Office.AddinCommands.Event) => unknown) {
      associated.set(name, fn);
    },
  },
  context: {
    requirements: { isSetSupported: (name: string, version?: string) => excel.isSetSupported(name, version) },
  },
};

type Commands = typeof import("../src/commands/commands");
let commands: Commands;

beforeAll(async () => {
  Object.assign(globalThis, { Office: officeGlobal, Excel: createExcelNamespace(() => excel) });
  commands = await import("../src/commands/commands");
});

afterAll(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

// ---------------------------------------------------------------------------------------------------------------

const BUILT = buildTable(SAMPLE_2021);
const SHEET = BUILT.placed.sheet;
const SHEET_SNAPSHOT = BUILT.workbook.sheets.find((s) => s.name === SHEET)!;
const NEW_SHEET = "2022年绩效目标表";

const xl = (context: FakeRequestContext) => context as unknown as Excel.RequestContext;

function fakeEvent() {
  const completed = jest.fn();
  return {
    event: { completed, source: { id: "GoalTable.TemplateButton" } } as unknown as Office.AddinCommands.Event,
    completed,
  };
}

/** Clicks the ribbon button: the function Office.actions.associate registered. */
async function click() {
  const fn = associated.get("insertTemplate");
  if (!fn) throw new Error("insertTemplate was not registered");
  const { event, completed } = fakeEvent();
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    await fn(event);
    return { completed, errors: errors.mock.calls.length };
  } finally {
    errors.mockRestore();
  }
}

/** A sheet of the fake, read back as the pane reads it, and its first table. */
async function readBack(name: string): Promise<{ snapshot: SheetSnapshot; table: GoalTable }> {
  const snapshot = await excel.run(async (c) => {
    c.workbook.worksheets.getItem(name).activate();
    await c.sync();
    return readActiveSheetSnapshot(xl(c), { merges: true });
  });
  const tables = readSheet(snapshot).tables;
  expect(tables).toHaveLength(1);
  return { snapshot, table: tables[0] };
}

const text = (cell: { value: unknown; text: string } | undefined) =>
  cell === undefined ? "" : typeof cell.value === "string" ? cell.value.trim() : cell.text;

const sheetNames = () => excel.toJSON().sheets.map((s) => s.name);

/** The template the command makes from the 2021 sample: next year's, of its kind and form, prefilled. */
function expectedTemplate(): TemplateSheet {
  const table = readSheet(SHEET_SNAPSHOT).tables[0];
  return makeTemplate({ kind: table.kind, year: 2022, form: table.indicators!.form, prefill: table });
}

const sorted = (xs: readonly string[]) => [...xs].sort();
const normal = (range: string) => rangeAddress(parseRange(range));

/**
 * The merges, dropdowns and print layout of the template landed on `name` (in the fake's state), and Office.js reads
 * them back: a dropdown's type and rule, the page layout and its print title rows.
 */
async function expectTemplateLayout(name: string, template: TemplateSheet): Promise<void> {
  const state = excel.sheet(name);
  expect(template.merges.length).toBeGreaterThan(0);
  expect(sorted(state.merges)).toEqual(sorted(template.merges.map(normal)));

  expect(template.dataValidations.length).toBeGreaterThan(0);
  const validations = excel.dataValidations(name);
  expect(sorted(validations.map((v) => `${v.range} ${JSON.stringify(v.rule)}`))).toEqual(
    sorted(
      template.dataValidations.map(
        (v) => `${normal(v.range)} ${JSON.stringify({ list: { inCellDropDown: true, source: v.list.join(",") } })}`
      )
    )
  );
  for (const v of validations) {
    expect(v.errorAlert).toMatchObject({ showAlert: true, style: "Warning", title: "不在列表中" });
  }

  const [first, last = first] = template.print.printTitleRows.split(":");
  expect(excel.pageLayout(name)).toEqual({
    orientation: "Landscape",
    paperSize: "A4",
    centerHorizontally: true,
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printTitleRows: `$${first}:$${last}`,
  });

  // Column widths in points, row heights, and a bordered, bold, centred title.
  template.columnWidths.forEach((w, i) =>
    expect(state.columnWidths?.[rangeAddress({ top: 0, left: i, bottom: 0, right: i }).replace(/1$/, "")]).toBe(
      widthToPoints(w)
    )
  );
  for (const [row, height] of Object.entries(template.rowHeights ?? {})) expect(state.rowHeights?.[row]).toBe(height);
  const bordered = template.cells.filter((c) => template.styles[c.style]?.border);
  expect(bordered.length).toBeGreaterThan(0);
  for (const c of bordered)
    expect(Object.keys(excel.cell(name, c.address)?.format?.borders ?? {}).sort()).toEqual([
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "EdgeTop",
    ]);

  // Read back through the API, as an add-in would.
  const v0 = template.dataValidations[0];
  const read = await excel.run(async (c) => {
    const sheet = c.workbook.worksheets.getItem(name);
    const dv = sheet.getRange(v0.range).dataValidation.load("type,rule,valid");
    const layout = sheet.pageLayout.load("orientation,paperSize,zoom");
    const titles = sheet.pageLayout.getPrintTitleRowsOrNullObject().load("rowIndex,rowCount");
    await c.sync();
    return {
      type: dv.type,
      source: (dv.rule as Excel.DataValidationRule).list?.source,
      valid: dv.valid,
      orientation: layout.orientation,
      paperSize: layout.paperSize,
      zoom: layout.zoom,
      titles: [titles.rowIndex + 1, titles.rowIndex + titles.rowCount],
    };
  });
  expect(read).toEqual({
    type: "List",
    source: v0.list.join(","),
    valid: true, // the cells are blank, and blanks are allowed
    orientation: "Landscape",
    paperSize: "A4",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    titles: [Number(first), Number(last)],
  });

  // Saved, closed and reopened, the workbook still has them.
  const reopened = excel.reopen();
  expect(reopened.sheet(name).merges).toEqual(state.merges);
  expect(reopened.dataValidations(name)).toEqual(validations);
  expect(reopened.pageLayout(name)).toEqual(excel.pageLayout(name));
}

describe("the 插入新年度模板 ribbon command", () => {
  it("is registered with Office under the manifest's FunctionName", () => {
    expect(associated.get("insertTemplate")).toBe(commands.insertTemplate);
  });

  it("inserts 2022年绩效目标表 next to the 2021 sheet, prefilled with its name and tasks, and changes nothing else", async () => {
    excel = FakeExcel.fromSnapshots(BUILT.workbook);
    const before = excel.toJSON();
    const { completed, errors } = await click();

    expect(completed).toHaveBeenCalledTimes(1);
    expect(errors).toBe(0);
    expect(sheetNames()).toEqual([SHEET, NEW_SHEET]);
    expect(excel.state.active).toBe(NEW_SHEET);
    // The 2021 sheet: same cells, formats, merges, conditional formats; nothing was written to it.
    expect(excel.toJSON().sheets[0]).toEqual(before.sheets[0]);
    expect(excel.log.filter((e) => e.sheet === SHEET && e.kind !== "activate")).toEqual([]);
    // Read the active sheet, read the sheet names, write everything: three round trips.
    expect(excel.syncCount).toBe(3);

    const { table } = await readBack(NEW_SHEET);
    expect(table.kind).toBe("department");
    expect(table.year?.value).toBe(2022);
    expect(text(table.name?.value)).toBe(SAMPLE_2021.name);
    const tasks = table.tasks!.rows.map((r) => text(r.name)).filter((n) => n !== "");
    expect(tasks).toEqual(SAMPLE_2021.tasks.map((t) => t.name.trim()));
    // New money and new targets: amounts and indicator values are empty (totals stay formulas).
    for (const r of table.tasks!.rows) {
      expect(r.fiscal?.value ?? null).toBeNull();
      expect(r.other?.value ?? null).toBeNull();
    }
    const named = table.indicators!.rows.filter((r) => r.name && text(r.name) !== "");
    expect(named.length).toBeGreaterThan(10);
    expect(named.every((r) => text(r.value) === "")).toBe(true);
    // A current Excel gets the merges, the dropdowns and the print layout too.
    await expectTemplateLayout(NEW_SHEET, expectedTemplate());
  });

  it("makes 2022年绩效目标表 (2) on a second click, completing each event once", async () => {
    excel = FakeExcel.fromSnapshots(BUILT.workbook);
    const first = await click();
    // The user goes back to last year's sheet and clicks again.
    await excel.run(async (c) => {
      c.workbook.worksheets.getItem(SHEET).activate();
      await c.sync();
    });
    const before = excel.toJSON().sheets.slice(0, 2);
    const second = await click();
    expect(first.completed).toHaveBeenCalledTimes(1);
    expect(second.completed).toHaveBeenCalledTimes(1);
    expect(first.errors + second.errors).toBe(0);
    expect(sheetNames()).toEqual([SHEET, NEW_SHEET, `${NEW_SHEET} (2)`]);
    expect(excel.state.active).toBe(`${NEW_SHEET} (2)`);
    expect(excel.toJSON().sheets.slice(0, 2)).toEqual(before);
    const { table } = await readBack(`${NEW_SHEET} (2)`);
    expect(text(table.name?.value)).toBe(SAMPLE_2021.name);
  });

  it("clicked on the new template itself, inserts the year after it", async () => {
    excel = FakeExcel.fromSnapshots(BUILT.workbook);
    expect((await click()).errors).toBe(0);
    expect((await click()).errors).toBe(0); // the active sheet is now 2022年绩效目标表
    expect(sheetNames()).toEqual([SHEET, NEW_SHEET, "2023年绩效目标表"]);
    const { table } = await readBack("2023年绩效目标表");
    expect(text(table.name?.value)).toBe(SAMPLE_2021.name);
  });

  it("inserts a blank department table for next year when the active sheet holds no goal table", async () => {
    const workbook = buildTable(SAMPLE_2021, { explanatorySheet: true }).workbook;
    excel = FakeExcel.fromSnapshots(workbook);
    const notes = excel.state.active;
    expect(readSheet(workbook.sheets[0]).tables).toEqual([]);
    const before = excel.toJSON();
    const command = commands.createInsertTemplateCommand({ now: () => new Date(2030, 2, 1) });
    const { event, completed } = fakeEvent();
    await command(event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(sheetNames()).toEqual([notes, SHEET, "2031年绩效目标表"]);
    expect(excel.toJSON().sheets.slice(0, 2)).toEqual(before.sheets);
    const { table } = await readBack("2031年绩效目标表");
    expect(table.kind).toBe("department");
    expect(table.year?.value).toBe(2031);
    expect(text(table.name?.value)).toBe("");
  });

  it("still inserts on an Excel without ExcelApi 1.8/1.9/1.13 (no dropdowns, no print layout, no merged-cell read)", async () => {
    excel = FakeExcel.fromSnapshots(BUILT.workbook, { apiMinor: 7 });
    const { completed, errors } = await click();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(errors).toBe(0);
    expect(sheetNames()).toEqual([SHEET, NEW_SHEET]);
    expect(excel.state.active).toBe(NEW_SHEET);
    // Merged cells, widths and borders need no more than ExcelApi 1.2: the table looks the same…
    const template = expectedTemplate();
    expect(sorted(excel.sheet(NEW_SHEET).merges)).toEqual(sorted(template.merges.map(normal)));
    expect(excel.sheet(NEW_SHEET).columnWidths).toBeDefined();
    // …but has no dropdowns and no print layout: nothing of them was asked for (the fake would refuse them).
    expect(excel.dataValidations(NEW_SHEET)).toEqual([]);
    expect(excel.pageLayout(NEW_SHEET)).toBeUndefined();
    expect(excel.toJSON().sheets[1]).not.toHaveProperty("dataValidations");
    expect(excel.toJSON().sheets[1]).not.toHaveProperty("pageLayout");
    expect(excel.log.filter((e) => /^(dataValidation|pageLayout)/.test(e.kind))).toEqual([]);
    await expect(
      excel.run(async (c) => {
        c.workbook.worksheets.getItem(NEW_SHEET).pageLayout.orientation = "Landscape";
        await c.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      excel.run(async (c) => {
        c.workbook.worksheets.getItem(NEW_SHEET).getRange("A1").dataValidation.load("type");
        await c.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const { table } = await readBack(NEW_SHEET);
    expect(text(table.name?.value)).toBe(SAMPLE_2021.name);
  });

  it("on a failure writes nothing, logs it and completes the event once", async () => {
    // The workbook's structure is protected: adding a sheet, the write batch's first request, fails, so the batch
    // stops there and nothing is written.
    excel = FakeExcel.fromSnapshots(BUILT.workbook);
    const before = excel.toJSON();
    const add = jest.spyOn(FakeWorksheetCollection.prototype, "add").mockImplementation(function (
      this: FakeWorksheetCollection
    ) {
      this.context._enqueue(() => {
        throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
      });
      return new FakeWorksheet(this.context, () => null);
    });
    try {
      const { completed, errors } = await click();
      expect(completed).toHaveBeenCalledTimes(1);
      expect(errors).toBe(1);
    } finally {
      add.mockRestore();
    }
    expect(excel.toJSON()).toEqual(before);
    expect(excel.log).toEqual([]);

    // Excel refuses the batch (a cell is being edited).
    const log = jest.fn();
    const command = commands.createInsertTemplateCommand({
      run: () => Promise.reject(officeError("Cell edit mode.", "InvalidOperationInCellEditMode")),
      log,
    });
    const second = fakeEvent();
    await command(second.event);
    expect(second.completed).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][1]).toMatchObject({ code: "InvalidOperationInCellEditMode" });

    // A logger that throws does not keep the event from completing.
    const third = fakeEvent();
    await commands.createInsertTemplateCommand({
      run: () => Promise.reject(new Error("boom")),
      log: () => {
        throw new Error("no console");
      },
    })(third.event);
    expect(third.completed).toHaveBeenCalledTimes(1);
  });
});

describe("ExcelHost.insertTemplate over the fake (the pane's path)", () => {
  const hostOn = (x: FakeExcel) =>
    createExcelHost({
      run: (batch) => x.run((c) => batch(xl(c))),
      isSetSupported: (name, version) => x.isSetSupported(name, version),
    });

  it("passes the pane's choices through and reports what it did", async () => {
    excel = FakeExcel.fromSnapshots(BUILT.workbook);
    const host = hostOn(excel);
    const result = await host.insertTemplate({
      kind: "department",
      year: 2025,
      form: "split",
      prefill: true,
      keepValues: true,
    });
    expect(result).toEqual({
      sheetName: "2025年绩效目标表",
      skipped: [],
      kind: "department",
      year: 2025,
      form: "split",
      prefilledFrom: SHEET,
    });
    const { table } = await readBack("2025年绩效目标表");
    expect(table.indicators?.form).toBe("split");
    expect(table.year?.value).toBe(2025);
    // keepValues: last year's targets are carried over.
    const valued = table.indicators!.rows.filter((r) => r.value && text(r.value) !== "");
    expect(valued.length).toBeGreaterThan(10);
  });

  it("reports a blank template when the active sheet holds no table, and the features an old Excel lacks", async () => {
    excel = FakeExcel.fromSnapshots(buildTable(SAMPLE_2021, { explanatorySheet: true }).workbook, { apiMinor: 7 });
    const result = await hostOn(excel).insertTemplate({
      kind: "project",
      year: 2024,
      prefill: true,
      keepValues: false,
    });
    expect(result).toEqual({
      sheetName: "2024年项目绩效目标表",
      skipped: ["dataValidation", "pageLayout"],
      kind: "project",
      year: 2024,
      form: "merged",
      noTableToPrefill: true,
    });
    expect(excel.state.active).toBe("2024年项目绩效目标表");
  });
});
