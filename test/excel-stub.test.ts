/**
 * @jest-environment jsdom
 *
 * The browser stand-in (test/browser/office-stub.ts) in jsdom: window.Office and window.Excel backed by the fake,
 * driven through createExcelHost with its defaults (Excel.run, Office's isSetSupported), as the pane does.
 */
import { checkSheet } from "../src/core/check";
import { createExcelHost } from "../src/excel/office-host";
import type { FakeExcelController } from "./browser/office-stub";
import { buildTable } from "./builder/layout";
import { SAMPLE_2021 } from "./fixtures/sample-2021-urho";

type StubModule = typeof import("./browser/office-stub");

let stub: StubModule;

beforeAll(async () => {
  (window as unknown as { __officeStubManual: boolean }).__officeStubManual = true;
  stub = await import("./browser/office-stub");
});

afterEach(() => {
  const w = window as unknown as Record<string, unknown>;
  delete w.Office;
  delete w.Excel;
  delete w.__fakeExcel;
});

describe("office-stub", () => {
  it("installs Office and Excel backed by the fake, with the language and API level from the URL", async () => {
    const built = buildTable(SAMPLE_2021);
    const controller = stub.installOfficeStub({ sheet: built.workbook, search: "?lang=en-US&api=1.13&theme=dark" });
    const info = await Office.onReady();
    expect(info).toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(Office.context.displayLanguage).toBe("en-US");
    expect(Office.context.officeTheme.bodyBackgroundColor).toBe("#1F1F1F");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.14")).toBe(false);
    Office.actions.associate("showTaskpane", () => undefined);
    expect(Object.keys(controller.associations)).toEqual(["showTaskpane"]);
    expect((window as unknown as { __fakeExcel: FakeExcelController }).__fakeExcel).toBe(controller);

    const host = createExcelHost();
    expect(host.features).toEqual({ core: true, conditionalFormats: true, onChanged: true, mergedAreas: true });
    const snapshot = await host.readActiveSheet();
    expect(snapshot.name).toBe(built.placed.sheet);
    const { findings } = checkSheet(snapshot);
    expect(await host.highlight(snapshot.name, findings)).toEqual({ marked: 2 });
    await host.select(snapshot.name, "C83");
    expect(controller.syncCount).toBe(3); // read, mark (one write: the read found the marks), select
    expect(controller.selection).toEqual({ sheet: snapshot.name, address: "C83" });
    expect(controller.conditionalFormats().map((cf) => cf.ranges[0])).toEqual(["C83:C85", "C77"]);

    controller.reopen();
    expect(controller.conditionalFormats()).toHaveLength(2);
    await host.clearHighlights(snapshot.name);
    expect(controller.conditionalFormats()).toEqual([]);
  });

  it("defaults to Chinese; an empty workbook has one empty sheet", async () => {
    const controller = stub.installOfficeStub({ sheet: { sheets: [] }, search: "" });
    await controller.ready;
    expect(Office.context.displayLanguage).toBe("zh-CN");
    const snapshot = await createExcelHost().readActiveSheet();
    expect(snapshot).toMatchObject({ name: "Sheet1", values: [] });
  });
});
