/**
 * 撤销 and 接受 through the Office.js host (src/excel/office-host.ts) against the fake Excel: a fix records each
 * cell before and after in the write's own sync; undo restores value, formula and number format exactly, leaves a
 * cell the user changed since and reports it; acceptances live in a custom XML part that survives save and reopen.
 */
import { ACCEPTANCES_NS, type Acceptance } from "../src/core/acceptance";
import type { FixEdit } from "../src/core/finding";
import { createExcelHost } from "../src/excel/office-host";
import { qualified } from "../src/host/types";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import { FakeExcel, type FakeCell } from "./support/fake-excel";

const SHEET = buildTable(SAMPLE_2021).placed.sheet;

function sampleExcel(): FakeExcel {
  return FakeExcel.fromSnapshots(buildTable(SAMPLE_2021).workbook.sheets);
}

function hostOn(excel: FakeExcel) {
  return createExcelHost({
    run: (batch) => excel.run((c) => batch(c as unknown as Excel.RequestContext)),
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    ownWriteWindowMs: 0,
  });
}

/** What undo must give back: value, formula and number format (absent = General). */
function content(cell: FakeCell | undefined) {
  return { value: cell?.value ?? null, formula: cell?.formula ?? null, numberFormat: cell?.numberFormat ?? "General" };
}

const CELLS = ["F20", "E7", "D6", "F21", "C83", "F7"];

describe("undo of a fix", () => {
  /** A 全部修正 mixing every kind of change: text over text, text over a number, a formula over a formula and over a number, a number over text. */
  const EDITS: FixEdit[] = [
    { sheet: SHEET, cell: "F20", value: "=100%" },
    { sheet: SHEET, cell: "E7", value: "=100%" },
    { sheet: SHEET, cell: "D6", value: 1899.19 },
    { sheet: SHEET, cell: "F21", value: 95 },
    { sheet: SHEET, cell: "C83", value: "服务对象满意度指标" },
    { sheet: SHEET, cell: "F7", formula: "=D7-E7" },
  ];

  it("records before and after in the write's one sync, and restores every cell exactly in two", async () => {
    const excel = sampleExcel();
    excel.userEdit(SHEET, "D6", "=SUM(D7:D11)"); // a formula: the fix writes a number over it
    excel.userEdit(SHEET, "F21", "≥95%");
    excel.sheet(SHEET).cells.F21.numberFormat = "@"; // a text-formatted cell: the number written over it is undone too
    const d6 = excel.cell(SHEET, "D6")?.value;
    const host = hostOn(excel);
    const before = Object.fromEntries(CELLS.map((c) => [c, content(excel.cell(SHEET, c))]));
    expect(before.D6.formula).toMatch(/^=SUM/);
    expect(before.E7.numberFormat).toBe("0.00");

    let syncs = excel.syncCount;
    const record = await host.applyFixes(EDITS);
    expect(excel.syncCount - syncs).toBe(1);
    expect(record.before.map((c) => c.cell)).toEqual(CELLS);
    expect(record.before.map((c) => ({ value: c.value, formula: c.formula, numberFormat: c.numberFormat }))).toEqual(
      CELLS.map((c) => before[c])
    );
    expect(record.after.find((c) => c.cell === "F20")).toMatchObject({ value: "=100%", formula: null });
    expect(record.after.find((c) => c.cell === "F7")).toMatchObject({ formula: "=D7-E7" });
    expect(content(excel.cell(SHEET, "E7")).value).toBe("=100%");

    syncs = excel.syncCount;
    const undone = await host.undoFix(record);
    expect(excel.syncCount - syncs).toBe(2);
    expect(undone.changedSince).toEqual([]);
    expect(undone.restored).toEqual(CELLS.map((c) => qualified(SHEET, c)));
    for (const c of CELLS) {
      const now = content(excel.cell(SHEET, c));
      expect([c, now.formula, now.numberFormat]).toEqual([c, before[c].formula, before[c].numberFormat]);
      if (!before[c].formula) expect([c, now.value]).toEqual([c, before[c].value]);
    }
    expect(excel.cell(SHEET, "D6")?.value).toBe(d6); // the formula is back and computes again
  });

  it("leaves a cell the user changed since, reports it, and restores the others", async () => {
    const excel = sampleExcel();
    const host = hostOn(excel);
    const f22 = content(excel.cell(SHEET, "F22"));
    const record = await host.applyFixes([
      { sheet: SHEET, cell: "F20", value: "=100%" },
      { sheet: SHEET, cell: "F22", value: "≥90%" },
    ]);
    excel.userEdit(SHEET, "F20", "≥3次");
    excel.userFormat(SHEET, "F22", { fill: "#FFFF00" }); // a fill is not content: F22 is still as the fix left it
    const undone = await host.undoFix(record);
    expect(undone).toEqual({ restored: [qualified(SHEET, "F22")], changedSince: [qualified(SHEET, "F20")] });
    expect(excel.cell(SHEET, "F20")?.value).toBe("≥3次");
    expect(content(excel.cell(SHEET, "F22"))).toEqual(f22);
  });

  it("takes a number format changed since for a change, and writes nothing when every cell changed", async () => {
    const excel = sampleExcel();
    const host = hostOn(excel);
    const record = await host.applyFixes([{ sheet: SHEET, cell: "E7", value: 10 }]);
    excel.sheet(SHEET).cells.E7.numberFormat = "0.0000";
    const syncs = excel.syncCount;
    const log = excel.log.length;
    expect(await host.undoFix(record)).toEqual({ restored: [], changedSince: [qualified(SHEET, "E7")] });
    expect(excel.syncCount - syncs).toBe(1);
    expect(excel.log.length).toBe(log);
  });
});

describe("acceptances in the workbook", () => {
  const A: Acceptance = {
    rule: "value/ge-100",
    sheet: SHEET,
    cell: "F30",
    content: "≥100%",
    reason: "一次性项目，按实际填写",
    at: "2026-11-28T06:00:00.000Z",
  };

  it("are none in a new workbook, are written as one custom XML part, replaced, and survive save and reopen", async () => {
    const excel = sampleExcel();
    const host = hostOn(excel);
    let syncs = excel.syncCount;
    expect(await host.readAcceptances()).toEqual([]);
    expect(excel.syncCount - syncs).toBe(1);

    await host.writeAcceptances([A]);
    await host.writeAcceptances([A, { ...A, cell: "F31" }]);
    expect(excel.customXmlParts()).toHaveLength(1);
    expect(excel.customXmlParts()[0]).toContain(ACCEPTANCES_NS);

    const reopened = excel.reopen();
    const again = hostOn(reopened);
    syncs = reopened.syncCount;
    expect(await again.readAcceptances()).toEqual([A, { ...A, cell: "F31" }]);
    expect(reopened.syncCount - syncs).toBe(2);

    await again.writeAcceptances([]);
    expect(reopened.customXmlParts()).toEqual([]);
  });

  it("leave other add-ins' parts alone and ignore a damaged part of ours", async () => {
    const excel = sampleExcel();
    excel.state.customXmlParts = [
      { id: "{other}", xml: '<data xmlns="urn:someone-else"><x/></data>' },
      { id: "{ours}", xml: `<acceptances xmlns="${ACCEPTANCES_NS}"><acceptance><rule>` },
    ];
    const host = hostOn(excel);
    expect(await host.readAcceptances()).toEqual([]);
    await host.writeAcceptances([A]);
    expect(excel.customXmlParts()[0]).toBe('<data xmlns="urn:someone-else"><x/></data>');
    expect(await host.readAcceptances()).toEqual([A]);
  });
});
