/**
 * A small in-memory Excel (the subset of the Excel JavaScript API that src/excel uses), for tests and for the
 * browser stand-in (test/browser/office-stub.ts). Plain TypeScript: no Node or jest import.
 */
export { FakeExcel, type FakeExcelOptions, type LogEntry, type SyncStats } from "./excel";
export { FakeOfficeError, FakeRequestContext, type FakeChangedEventArgs } from "./api";
export { createExcelNamespace, type FakeExcelNamespace } from "./namespace";
export {
  isFakeWorkbookState,
  sheetFromSnapshot,
  workbookFromSnapshots,
  type FakeCell,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type FakeDataValidation,
  type FakePageLayout,
  type FakeSheetState,
  type FakeWorkbookState,
} from "./model";
