/**
 * A mock Excel.RequestContext for the Office.js adapter tests, built with office-addin-mock's OfficeMockObject.
 *
 * office-addin-mock enforces load-then-sync for properties and records assignments, but it knows nothing about
 * *OrNullObject methods: `isNullObject` is not an ordinary loadable property in Office.js (it is readable after a
 * sync without a load), so it is set here by hand on the mock objects after construction. Everything else goes
 * through the library.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface UsedRangeData {
  /** e.g. "'2021年'!B2:D4" */
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: string[][];
  valueTypes: string[][];
}

export interface SheetData {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  /** null for a blank sheet (getUsedRangeOrNullObject gives a null object). */
  usedRange: UsedRangeData | null;
  /** RangeAreas.address of the merged areas, or null when nothing is merged. */
  mergedAddress?: string | null;
}

export interface ExcelMock {
  /** The mock, typed as what the adapter takes. */
  context: Excel.RequestContext;
  /** Counts context.sync() calls. */
  syncSpy: jest.SpyInstance;
  /** How often the adapter asked for merged areas. */
  calls: { getMergedAreasOrNullObject: number };
}

export function mockExcelContext(sheet: SheetData): ExcelMock {
  const calls = { getMergedAreasOrNullObject: 0 };
  const emptyRange: UsedRangeData = { address: "", values: [], formulas: [], numberFormat: [], valueTypes: [] };
  const data = {
    workbook: {
      worksheets: {
        active: {
          name: sheet.name,
          visibility: sheet.visibility ?? "Visible",
          protection: { protected: sheet.protected ?? false },
          usedRange: { ...(sheet.usedRange ?? emptyRange) },
          // What Worksheet.getUsedRange() returns: the used range, or A1 on a blank sheet. Only its merged areas
          // are read.
          usedRangeForMerges: {
            mergedAreas: { address: sheet.mergedAddress ?? "" },
            getMergedAreasOrNullObject: function () {
              calls.getMergedAreasOrNullObject++;
              return this.mergedAreas;
            },
          },
          getUsedRangeOrNullObject: function () {
            return this.usedRange;
          },
          getUsedRange: function () {
            return this.usedRangeForMerges;
          },
        },
        getActiveWorksheet: function () {
          return this.active;
        },
      },
    },
  };
  // OfficeMockObject's typings describe only load/sync/addMock/setValue; the object tree it builds is dynamic.
  const mock = new OfficeMockObject(data) as any;
  const active = mock.workbook.worksheets.active;
  active.usedRange.isNullObject = sheet.usedRange === null;
  active.usedRangeForMerges.mergedAreas.isNullObject =
    sheet.mergedAddress === null || sheet.mergedAddress === undefined;
  const syncSpy = jest.spyOn(mock, "sync");
  return { context: mock as Excel.RequestContext, syncSpy, calls };
}
