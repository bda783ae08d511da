/**
 * A global `Excel` namespace backed by a FakeExcel: `Excel.run` and the enums the adapters use. Install it as
 * `globalThis.Excel` (the browser stand-in does; tests may too). `getExcel` is read on every call, so the fake
 * behind it can be replaced (a reopened workbook).
 */
import type { FakeExcel } from "./excel";
import type { FakeRequestContext } from "./api";

export interface FakeExcelNamespace {
  run<T>(...args: unknown[]): Promise<T>;
  RequestContext: new () => FakeRequestContext;
  ConditionalFormatType: Record<string, string>;
  EventTriggerSource: Record<string, string>;
  EventSource: Record<string, string>;
  DataChangeType: Record<string, string>;
  RangeValueType: Record<string, string>;
  SheetVisibility: Record<string, string>;
  BorderIndex: Record<string, string>;
  BorderLineStyle: Record<string, string>;
  BorderWeight: Record<string, string>;
  HorizontalAlignment: Record<string, string>;
  VerticalAlignment: Record<string, string>;
  DataValidationType: Record<string, string>;
  DataValidationAlertStyle: Record<string, string>;
  PageOrientation: Record<string, string>;
  PaperType: Record<string, string>;
  ErrorCodes: Record<string, string>;
}

export function createExcelNamespace(getExcel: () => FakeExcel): FakeExcelNamespace {
  return {
    run<T>(...args: unknown[]): Promise<T> {
      const excel = getExcel();
      return args.length >= 2
        ? excel.run(args[0] as FakeRequestContext, args[1] as (c: FakeRequestContext) => Promise<T>)
        : excel.run(args[0] as (c: FakeRequestContext) => Promise<T>);
    },
    RequestContext: function RequestContext(this: unknown) {
      return getExcel().newContext();
    } as unknown as new () => FakeRequestContext,
    ConditionalFormatType: {
      custom: "Custom",
      dataBar: "DataBar",
      colorScale: "ColorScale",
      iconSet: "IconSet",
      topBottom: "TopBottom",
      presetCriteria: "PresetCriteria",
      containsText: "ContainsText",
      cellValue: "CellValue",
    },
    EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
    EventSource: { local: "Local", remote: "Remote" },
    DataChangeType: {
      unknown: "Unknown",
      rangeEdited: "RangeEdited",
      rowInserted: "RowInserted",
      rowDeleted: "RowDeleted",
      columnInserted: "ColumnInserted",
      columnDeleted: "ColumnDeleted",
      cellInserted: "CellInserted",
      cellDeleted: "CellDeleted",
    },
    RangeValueType: {
      unknown: "Unknown",
      empty: "Empty",
      string: "String",
      integer: "Integer",
      double: "Double",
      boolean: "Boolean",
      error: "Error",
      richValue: "RichValue",
    },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    BorderIndex: {
      edgeTop: "EdgeTop",
      edgeBottom: "EdgeBottom",
      edgeLeft: "EdgeLeft",
      edgeRight: "EdgeRight",
      insideVertical: "InsideVertical",
      insideHorizontal: "InsideHorizontal",
    },
    BorderLineStyle: { none: "None", continuous: "Continuous", dash: "Dash", double: "Double" },
    BorderWeight: { hairline: "Hairline", thin: "Thin", medium: "Medium", thick: "Thick" },
    HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
    DataValidationType: {
      none: "None",
      wholeNumber: "WholeNumber",
      decimal: "Decimal",
      list: "List",
      date: "Date",
      time: "Time",
      textLength: "TextLength",
      custom: "Custom",
      inconsistent: "Inconsistent",
      mixedCriteria: "MixedCriteria",
    },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    PaperType: { letter: "Letter", legal: "Legal", a3: "A3", a4: "A4", a5: "A5", b4: "B4", b5: "B5" },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      itemNotFound: "ItemNotFound",
      propertyNotLoaded: "PropertyNotLoaded",
    },
  };
}
