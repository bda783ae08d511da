/**
 * One adapter suite, two hosts: the task pane's host interface over the fake Excel (Office.js semantics,
 * test/support/fake-excel) and over the fake WPS (WPS 表格's synchronous object model, test/support/fake-wps). Both
 * fakes keep the workbook in the same JSON state, so each test compares the whole workbook before and after.
 */
import { checkSheet } from "../src/core/check";
import { ACCEPTANCES_NS, makeAcceptance, snapshotContent } from "../src/core/acceptance";
import type { Finding } from "../src/core/finding";
import { readSheet } from "../src/core/reader";
import type { ExcelHost } from "../src/excel/host";
import { createExcelHost } from "../src/excel/office-host";
import { qualified } from "../src/host/types";
import { createWpsHost } from "../src/wps/host";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";
import {
  FakeExcel,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type FakeWorkbookState,
} from "./support/fake-excel";
import { xmlNamespace } from "./support/fake-excel/model";
import { FakeWps } from "./support/fake-wps";

const BUILT = buildTable(SAMPLE_2021);
const SHEET = BUILT.placed.sheet;
const NOW = () => new Date(2026, 10, 28);

/** What the suite needs of either fake. */
interface Bench {
  host: ExcelHost;
  state(): FakeWorkbookState;
  userEdit(sheet: string, address: string, value: unknown): void;
  userFormat(sheet: string, address: string, format: FakeCellFormat): void;
  userConditionalFormat(sheet: string, cf: Omit<FakeConditionalFormat, "id">): void;
  /** Calls into the host application so far: syncs for Excel, object-model calls for WPS. */
  calls(): number;
}

const HOSTS: [string, () => Bench][] = [
  [
    "Excel (Office.js)",
    () => {
      const excel = FakeExcel.fromSnapshots(BUILT.workbook);
      const host = createExcelHost({
        run: (batch) => excel.run((c) => batch(c as unknown as Excel.RequestContext)),
        isSetSupported: (name, version) => excel.isSetSupported(name, version),
        ownWriteWindowMs: 100,
      });
      return {
        host,
        state: () => excel.toJSON(),
        userEdit: (s, a, v) => excel.userEdit(s, a, v),
        userFormat: (s, a, f) => excel.userFormat(s, a, f),
        userConditionalFormat: (s, cf) => excel.userConditionalFormat(s, cf),
        calls: () => excel.syncCount,
      };
    },
  ],
  [
    "WPS (JSA)",
    () => {
      const wps = FakeWps.fromSnapshots(BUILT.workbook);
      const host = createWpsHost(wps.Application, { ownWriteWindowMs: 100, now: NOW });
      return {
        host,
        state: () => wps.toJSON(),
        userEdit: (s, a, v) => wps.userEdit(s, a, v),
        userFormat: (s, a, f) => wps.userFormat(s, a, f),
        userConditionalFormat: (s, cf) => wps.userConditionalFormat(s, cf),
        calls: () => wps.calls,
      };
    },
  ],
];

/** The workbook without the conditional formats' session ids. */
function plain(state: FakeWorkbookState): FakeWorkbookState {
  return {
    ...state,
    sheets: state.sheets.map((s) => ({
      ...s,
      id: "",
      conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, id: "" })),
    })),
  };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(HOSTS)("the host over %s", (_name, make) => {
  it("reads the sample as it was built: values, formulas, number formats, merges", async () => {
    const { host } = make();
    const snapshot = await host.readActiveSheet();
    const built = BUILT.workbook.sheets.find((s) => s.name === SHEET)!;
    expect(snapshot.name).toBe(SHEET);
    expect(snapshot.origin).toBe(built.origin);
    expect(snapshot.values).toEqual(built.values);
    expect(snapshot.formulas).toEqual(built.formulas);
    expect(snapshot.numberFormats).toEqual(built.numberFormats);
    expect([...snapshot.merges].sort()).toEqual([...built.merges].sort());
    expect(checkSheet(snapshot).findings.map((f) => [f.cell, f.severity])).toEqual([
      ["C77", "info"],
      ["C83", "warning"],
    ]);
  });

  it("marks with its own conditional formats and clears them, losing nothing the user owns", async () => {
    const bench = make();
    bench.userFormat(SHEET, "C77", { fill: "#00B050" });
    bench.userFormat(SHEET, "C83:C85", { fill: "#FFFF00", font: { color: "#7030A0", bold: true } });
    bench.userConditionalFormat(SHEET, {
      type: "Custom",
      ranges: ["F19:F85"],
      formula: '=ISNUMBER(SEARCH("%",F19))',
      fill: "#E2EFDA",
    });
    const before = plain(bench.state());
    const { findings } = checkSheet(await bench.host.readActiveSheet());

    expect(await bench.host.highlight(SHEET, findings)).toEqual({ marked: 2 });
    const marked = plain(bench.state());
    const sheet = marked.sheets.find((s) => s.name === SHEET)!;
    const was = before.sheets.find((s) => s.name === SHEET)!;
    expect(sheet.cells).toEqual(was.cells); // every value, formula, number format and fill
    expect(sheet.merges).toEqual(was.merges);
    expect(sheet.conditionalFormats.slice(2)).toEqual(was.conditionalFormats);
    expect(
      sheet.conditionalFormats
        .slice(0, 2)
        .map((cf) => [cf.ranges, cf.formula, cf.fill, cf.fontColor])
        .sort()
    ).toEqual([
      [["C77"], '=N("goaltable:info")=0', "#DDEBF7", "#1F4E79"],
      [["C83:C85"], '=N("goaltable:warning")=0', "#FFEB9C", "#9C5700"],
    ]);

    // Marking again replaces; clearing restores the workbook exactly.
    await bench.host.highlight(SHEET, findings);
    expect(plain(bench.state()).sheets[0].conditionalFormats).toHaveLength(3);
    await bench.host.clearHighlights(SHEET);
    expect(plain(bench.state())).toEqual(before);
  });

  it("fixes exactly the named cells: the rule's fix removes its finding, '=100%' stays text", async () => {
    const bench = make();
    const before = plain(bench.state()).sheets[0].cells;
    const { findings } = checkSheet(await bench.host.readActiveSheet());
    const fix = findings.flatMap((f) => f.fix ?? []);
    expect(fix).toEqual([{ sheet: SHEET, cell: "C83", value: "服务对象满意度指标" }]);
    await bench.host.applyFixes([
      ...fix,
      { sheet: SHEET, cell: "F20", value: "=100%" },
      { sheet: SHEET, cell: "D6", formula: "=SUM(D7:D11)" },
    ]);

    const after = plain(bench.state()).sheets[0].cells;
    expect(after.C83.value).toBe("服务对象满意度指标");
    expect(after.F20).toEqual({ value: "=100%", quotePrefix: true });
    expect(after.D6).toMatchObject({ formula: "=SUM(D7:D11)", numberFormat: before.D6.numberFormat });
    for (const address of Object.keys(before))
      if (!["C83", "F20", "D6"].includes(address))
        expect([address, after[address]]).toEqual([address, before[address]]);

    const reread = await bench.host.readActiveSheet();
    expect(checkSheet(reread).findings.map((f) => f.rule)).toEqual(["amount/formula-range", "taxonomy/empty-level2"]); // D6 now sums D7:D11 only
    expect([reread.values[19][5], reread.formulas[19][5]]).toEqual(["=100%", null]);
  });

  it("undoes a fix, putting back value, formula and number format, and leaves cells changed since", async () => {
    const bench = make();
    const before = plain(bench.state());
    const record = await bench.host.applyFixes([
      { sheet: SHEET, cell: "C83", value: "服务对象满意度指标" },
      { sheet: SHEET, cell: "F20", value: "≥3次" },
      { sheet: SHEET, cell: "E7", value: "=100%" },
    ]);
    expect(record.before.map((c) => [c.cell, c.value])).toEqual([
      ["C83", before.sheets[0].cells.C83.value],
      ["F20", "≥2次"],
      ["E7", before.sheets[0].cells.E7.value],
    ]);
    expect(record.after.map((c) => [c.cell, c.value, c.formula, c.numberFormat])).toEqual([
      ["C83", "服务对象满意度指标", null, "General"],
      ["F20", "≥3次", null, "General"],
      ["E7", "=100%", null, "0.00"],
    ]);
    bench.userEdit(SHEET, "F20", "≥9次");

    const undone = await bench.host.undoFix(record);
    expect(undone).toEqual({
      restored: [qualified(SHEET, "C83"), qualified(SHEET, "E7")],
      changedSince: [qualified(SHEET, "F20")],
    });
    const after = plain(bench.state()).sheets[0].cells;
    expect(after.C83).toEqual(before.sheets[0].cells.C83);
    expect(after.E7).toEqual(before.sheets[0].cells.E7);
    expect(after.F20.value).toBe("≥9次");
  });

  it("stores acceptances in the workbook as one custom XML part, replaces and removes them", async () => {
    const bench = make();
    expect(await bench.host.readAcceptances()).toEqual([]);
    const snapshot = await bench.host.readActiveSheet();
    const [info] = checkSheet(snapshot).findings;
    const one = makeAcceptance(
      info,
      snapshotContent(snapshot, info.cell),
      "名称沿用预算批复",
      new Date(Date.UTC(2026, 10, 28))
    );
    await bench.host.writeAcceptances([one]);
    expect(await bench.host.readAcceptances()).toEqual([one]);
    const two = [one, { ...one, cell: "C84", reason: "同上" }];
    await bench.host.writeAcceptances(two);
    expect(await bench.host.readAcceptances()).toEqual(two);
    expect(bench.state().customXmlParts?.map((p) => xmlNamespace(p.xml))).toEqual([ACCEPTANCES_NS]);
    await bench.host.writeAcceptances([]);
    expect(await bench.host.readAcceptances()).toEqual([]);
    expect(bench.state().customXmlParts ?? []).toEqual([]);
  });

  it("selects a cell on its sheet", async () => {
    const bench = make();
    await bench.host.select(SHEET, "C83");
    const state = bench.state();
    expect([state.active, state.selection]).toEqual([SHEET, "C83"]);
  });

  it("reports the user's edits but not its own writes", async () => {
    const bench = make();
    const changes: number[] = [];
    const unsubscribe = await bench.host.onSheetChanged!(SHEET, () => changes.push(1));
    await bench.host.applyFixes([{ sheet: SHEET, cell: "F20", value: "≥3次" }]);
    await bench.host.highlight(SHEET, [fakeFinding("F20")]);
    await tick();
    expect(changes).toHaveLength(0);
    bench.userEdit(SHEET, "F21", "≥4次");
    await tick();
    expect(changes).toHaveLength(1);
    await unsubscribe();
    bench.userEdit(SHEET, "F22", "≥5次");
    await tick();
    expect(changes).toHaveLength(1);
  });

  it("inserts next year's template on a new sheet, prefilled from the table, and changes no other sheet", async () => {
    const bench = make();
    const before = plain(bench.state());
    const result = await bench.host.insertTemplate({ prefill: true, keepValues: false });
    expect(result).toMatchObject({
      sheetName: "2022年绩效目标表",
      year: 2022,
      kind: "department",
      prefilledFrom: SHEET,
    });
    const after = plain(bench.state());
    expect(after.sheets.filter((s) => s.name !== result.sheetName)).toEqual(before.sheets);
    expect(after.active).toBe(result.sheetName);

    const snapshot = await bench.host.readActiveSheet();
    const tables = readSheet(snapshot).tables;
    expect(tables).toHaveLength(1);
    expect(tables[0].year?.value).toBe(2022);
    expect(tables[0].indicators?.rows.length).toBe(
      readSheet(BUILT.workbook.sheets[0]).tables[0].indicators?.rows.length
    );

    // A second insert does not overwrite the first.
    const again = await bench.host.insertTemplate({ prefill: false, keepValues: false, year: 2022 });
    expect(again.sheetName).toBe("2022年绩效目标表 (2)");
  });
});

describe("both hosts leave the same workbook", () => {
  it("after marking, fixing and inserting the template", async () => {
    const [excel, wps] = HOSTS.map(([, make]) => make());
    for (const bench of [excel, wps]) {
      const { findings } = checkSheet(await bench.host.readActiveSheet());
      await bench.host.highlight(SHEET, findings);
      await bench.host.applyFixes(findings.flatMap((f) => f.fix ?? []));
      await bench.host.insertTemplate({ prefill: true, keepValues: false, year: 2022 });
    }
    const a = plain(excel.state());
    const b = plain(wps.state());
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    const cf = (s: FakeWorkbookState) =>
      s.sheets[0].conditionalFormats.map((c) => [c.ranges, c.formula, c.fill, c.fontColor]).sort();
    expect(cf(b)).toEqual(cf(a));
    expect(b.sheets[0].cells).toEqual(a.sheets[0].cells);
    const template = (s: FakeWorkbookState) => {
      const t = s.sheets[1];
      return {
        cells: t.cells,
        merges: [...t.merges].sort(),
        widths: t.columnWidths,
        heights: t.rowHeights,
        dv: t.dataValidations,
        layout: t.pageLayout,
      };
    };
    expect(template(b)).toEqual(template(a));
  });
});

describe("acceptances travel between the hosts", () => {
  it("accepted in WPS, read by Excel from the same saved workbook, and back", async () => {
    const wps = FakeWps.fromSnapshots(BUILT.workbook);
    const wpsHost = createWpsHost(wps.Application);
    const snapshot = await wpsHost.readActiveSheet();
    const [info] = checkSheet(snapshot).findings;
    const accepted = makeAcceptance(
      info,
      snapshotContent(snapshot, info.cell),
      "理由",
      new Date(Date.UTC(2026, 10, 28))
    );
    await wpsHost.writeAcceptances([accepted]);

    const excel = FakeExcel.fromJSON(JSON.parse(wps.serialize()));
    const excelHost = createExcelHost({
      run: (batch) => excel.run((c) => batch(c as unknown as Excel.RequestContext)),
      isSetSupported: (name, version) => excel.isSetSupported(name, version),
    });
    expect(await excelHost.readAcceptances()).toEqual([accepted]);
    await excelHost.writeAcceptances([{ ...accepted, reason: "改过的理由" }]);
    const back = createWpsHost(FakeWps.fromJSON(JSON.parse(excel.serialize())).Application);
    expect((await back.readAcceptances()).map((a) => a.reason)).toEqual(["改过的理由"]);
  });
});

function fakeFinding(cell: string): Finding {
  return { rule: "t", severity: "error", sheet: SHEET, cell, related: [], message: { zh: "", en: "" } };
}
