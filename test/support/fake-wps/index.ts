/**
 * A small in-memory WPS 表格 (ET) object model, the sibling of test/support/fake-excel: the subset of WPS's JS API
 * ("JSA", the VBA-like object model a WPS 加载项 page reaches through `window.Application`) that src/wps uses. It is
 * synchronous, like the real one, and counts every member access and call (`calls`, `callsBy`), since each is a
 * round trip from the pane's Chromium into WPS. It keeps its workbook in the same JSON state as the fake Excel
 * (test/support/fake-excel/model.ts), so one test can compare what both hosts did to the same workbook, and it
 * needs no Node or jest module (the browser test bundles it).
 *
 * Where each behaviour comes from:
 * - Microsoft's Excel VBA reference, which the WPS JSA documentation (open.wps.cn, "WPS 加载项 › 表格 API") copies
 *   member by member: Range.Value2 / Formula / NumberFormat / MergeCells / MergeArea / Merge, Worksheet.UsedRange /
 *   ProtectContents / Visible / PageSetup, Sheets.Add(Before, After) (the new sheet becomes active), FormatConditions.Add(
 *   Type, Operator, Formula1) with XlFormatConditionType xlExpression = 2, Interior.Color / Font.Color as a BGR
 *   long (R + G·256 + B·65536), the numeric enums (xlEdgeTop = 8 … xlInsideHorizontal = 12, xlContinuous = 1,
 *   xlThin = 2, xlCenter = -4108, xlLandscape = 2, xlPaperA4 = 9, xlValidateList = 3, xlValidAlertWarning = 2), a
 *   multi-cell NumberFormat or MergeCells of mixed cells reading as null (VBA's Null), ColumnWidth in characters and
 *   set on any cell of the column, writing a value as if typed (VBA's Range.Value; "'" keeps text).
 * - The WPS 加载项 documentation and wpsjs's project template: Application.ApiEvent.AddApiEventListener("SheetChange",
 *   fn(Sh, Target)) / RemoveApiEventListener, Application.CreateTaskPane(url) with DockPosition
 *   (msoCTPDockPositionRight = 2) and Visible, Application.PluginStorage, ScreenUpdating.
 *
 * Assumptions (not settled by any document we could read; options let the tests try the other readings):
 * - `arrays`: what a multi-cell Value2 / Formula read returns. "2d" (a JS array of rows, default), "flat" (one
 *   row-major array, as some builds flatten VBA SAFEARRAYs), or "item" (a wrapper with Item(row, col), 1-based, as
 *   a raw COM SAFEARRAY would come). A one-cell range always gives the scalar. Writes take a JS 2-D array.
 * - `address`: Range.Address as a method (`Address()`, VBA's parameterised property as JSA documents it, default)
 *   or as a plain property.
 * - `empty`: an empty cell's Value2: undefined (VBA's Empty, default), null or "".
 * - `errors`: an error cell's Value2: "text" ("#REF!", default) or "code" (VBA's CVErr long, e.g. -2146826265).
 * - `eventsForOwnWrites`: SheetChange fires for the add-in's own writes too (as VBA's Change event does; default).
 * - Conditional formats: Cells.FormatConditions lists every rule of the sheet in priority order, and Add puts the
 *   new rule first (as Excel's UI does); Formula1 reads back as written.
 * - New sheets are named "SheetN" until renamed; a taken name throws, as Excel's does.
 */
import { cellAddress, parseRange, rangeAddress, type RangePosition } from "../../../src/core/address";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";
import { enterValue, recalculate } from "../fake-excel/entry";
import {
  cellsOf,
  cloneState,
  contains,
  emptySheet,
  intersects,
  isFakeWorkbookState,
  newId,
  subtract,
  usedArea,
  workbookFromSnapshots,
  xmlNamespace,
  type BorderSide,
  type FakeCustomXmlPart,
  type FakeCell,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type FakeSheetState,
  type FakeWorkbookState,
} from "../fake-excel/model";

export interface FakeWpsOptions {
  arrays: "2d" | "flat" | "item";
  address: "method" | "property";
  empty: undefined | null | "";
  errors: "text" | "code";
  eventsForOwnWrites: boolean;
}

const DEFAULTS: FakeWpsOptions = {
  arrays: "2d",
  address: "method",
  empty: undefined,
  errors: "text",
  eventsForOwnWrites: true,
};

/** VBA's CVErr codes of the Excel errors (xlErrDiv0 2007 …), as a Variant error holds them. */
export const ERROR_CODES: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

const CF_TYPES: Record<string, number> = { CellValue: 1, Custom: 2, ColorScale: 3, DataBar: 4, IconSet: 6 };
const BORDER_INDEX: Record<number, BorderSide | "InsideVertical" | "InsideHorizontal"> = {
  7: "EdgeLeft",
  8: "EdgeTop",
  9: "EdgeBottom",
  10: "EdgeRight",
  11: "InsideVertical",
  12: "InsideHorizontal",
};
const H_ALIGN: Record<number, string> = { [-4131]: "Left", [-4108]: "Center", [-4152]: "Right", 1: "General" };
const V_ALIGN: Record<number, string> = { [-4160]: "Top", [-4108]: "Center", [-4107]: "Bottom" };
const WHOLE_SHEET: RangePosition = { top: 0, left: 0, bottom: 1048575, right: 16383 };

/** BGR long → "#RRGGBB". */
export function hexFromBgr(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return "#" + [r, g, b].map((x) => x.toString(16).padStart(2, "0").toUpperCase()).join("");
}

/** "#RRGGBB" → BGR long. */
export function bgrFromHex(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
}

export interface WpsChangeListener {
  (sheet: FakeWpsWorksheet, target: FakeWpsRange): void;
}

export class FakeWps {
  readonly options: FakeWpsOptions;
  /** Every member access and call made through the object model. */
  calls = 0;
  readonly callsBy: Record<string, number> = {};
  /** Writes made through the object model: kind, sheet, address. */
  readonly log: { kind: string; sheet: string; detail: string }[] = [];
  /** ScreenUpdating values set, in order. */
  readonly screenUpdating: boolean[] = [];
  readonly taskPanes: { ID: number; url: string; DockPosition: number; Visible: boolean }[] = [];
  readonly Application: FakeWpsApplication;
  private listeners: { event: string; fn: WpsChangeListener }[] = [];
  /** Set while the add-in writes, so SheetChange can be suppressed when `eventsForOwnWrites` is off. */
  _writing = 0;

  constructor(
    public state: FakeWorkbookState,
    options: Partial<FakeWpsOptions> = {}
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.Application = new FakeWpsApplication(this);
  }

  static fromSnapshots(snapshots: SheetSnapshot[] | WorkbookSnapshot, options?: Partial<FakeWpsOptions>): FakeWps {
    return new FakeWps(workbookFromSnapshots(snapshots), options);
  }

  /** From saved JSON (a fake workbook state, shared with the fake Excel) or a SheetSnapshot / WorkbookSnapshot. */
  static fromJSON(json: unknown, options?: Partial<FakeWpsOptions>): FakeWps {
    if (isFakeWorkbookState(json)) {
      const state = cloneState(json);
      for (const s of state.sheets) for (const cf of s.conditionalFormats) cf.id = newId("cf");
      return new FakeWps(state, options);
    }
    const j = json as Partial<WorkbookSnapshot & SheetSnapshot>;
    if (Array.isArray(j.sheets)) return FakeWps.fromSnapshots(j as WorkbookSnapshot, options);
    if (typeof j.name === "string" && Array.isArray(j.values))
      return FakeWps.fromSnapshots([j as SheetSnapshot], options);
    throw new Error("fake-wps: not a workbook state or snapshot");
  }

  toJSON(): FakeWorkbookState {
    return cloneState(this.state);
  }

  serialize(): string {
    return JSON.stringify(this.state);
  }

  reopen(): FakeWps {
    return FakeWps.fromJSON(JSON.parse(this.serialize()), this.options);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Inspection and user actions (not through the object model: not counted)

  sheet(name: string): FakeSheetState {
    const s = this._sheet(name);
    if (!s) throw new Error(`fake-wps: no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet).cells[address.replace(/\$/g, "")];
  }

  conditionalFormats(sheet?: string): FakeConditionalFormat[] {
    return cloneState(this.sheet(sheet ?? this.state.active).conditionalFormats);
  }

  get selection(): { sheet: string; address: string } {
    return { sheet: this.state.active, address: this.state.selection };
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  userEdit(sheet: string, address: string, value: unknown): void {
    const s = this.sheet(sheet);
    const area = parseRange(address);
    for (const { address: a } of cellsOf(area)) enterValue((s.cells[a] ??= { value: null }), value);
    recalculate(s);
    this._changed(s, area);
  }

  userFormat(sheet: string, address: string, format: FakeCellFormat): void {
    const s = this.sheet(sheet);
    for (const { address: a } of cellsOf(parseRange(address))) {
      const cell = (s.cells[a] ??= { value: null });
      cell.format = cloneState({ ...cell.format, ...format });
    }
  }

  userConditionalFormat(sheet: string, cf: Omit<FakeConditionalFormat, "id">): void {
    this.sheet(sheet).conditionalFormats.unshift({ id: newId("cf"), ...cloneState(cf) });
  }

  protect(sheet: string, on = true): void {
    this.sheet(sheet).protected = on;
  }

  /** The user activates a sheet. */
  activate(sheet: string): void {
    this.state.active = this.sheet(sheet).name;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Internal

  _count(member: string): void {
    this.calls++;
    this.callsBy[member] = (this.callsBy[member] ?? 0) + 1;
  }

  _sheet(key: string): FakeSheetState | null {
    return this.state.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? null;
  }

  _addListener(event: string, fn: WpsChangeListener): void {
    this.listeners.push({ event, fn });
  }

  _removeListener(event: string, fn: WpsChangeListener): void {
    this.listeners = this.listeners.filter((l) => !(l.event === event && l.fn === fn));
  }

  _writable(sheet: FakeSheetState): void {
    if (sheet.protected) throw new Error("fake-wps: 工作表受保护 (the sheet is protected)");
  }

  _changed(sheet: FakeSheetState, area: RangePosition): void {
    if (this._writing > 0 && !this.options.eventsForOwnWrites) return;
    for (const l of this.listeners.filter((x) => x.event === "SheetChange"))
      l.fn(new FakeWpsWorksheet(this, sheet), new FakeWpsRange(this, sheet, area));
  }
}

/** Counts an access and returns the value. */
function counted<T>(w: FakeWps, member: string, value: () => T): T {
  w._count(member);
  return value();
}

export class FakeWpsApplication {
  readonly ApiEvent: {
    AddApiEventListener(event: string, fn: WpsChangeListener): void;
    RemoveApiEventListener(event: string, fn: WpsChangeListener): void;
  };
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  private store = new Map<string, unknown>();
  private screen = true;

  constructor(private readonly w: FakeWps) {
    this.ApiEvent = {
      AddApiEventListener: (event, fn) => counted(w, "ApiEvent.AddApiEventListener", () => w._addListener(event, fn)),
      RemoveApiEventListener: (event, fn) =>
        counted(w, "ApiEvent.RemoveApiEventListener", () => w._removeListener(event, fn)),
    };
    this.PluginStorage = {
      getItem: (key) => counted(w, "PluginStorage.getItem", () => this.store.get(key)),
      setItem: (key, value) => counted(w, "PluginStorage.setItem", () => void this.store.set(key, value)),
    };
  }

  get Name(): string {
    return counted(this.w, "Application.Name", () => "WPS 表格");
  }

  get Build(): string {
    return counted(this.w, "Application.Build", () => "12.1.0.fake");
  }

  get ActiveWorkbook(): FakeWpsWorkbook {
    return counted(this.w, "Application.ActiveWorkbook", () => new FakeWpsWorkbook(this.w));
  }

  get ActiveSheet(): FakeWpsWorksheet {
    return counted(
      this.w,
      "Application.ActiveSheet",
      () => new FakeWpsWorksheet(this.w, this.w.sheet(this.w.state.active))
    );
  }

  get ScreenUpdating(): boolean {
    return counted(this.w, "Application.ScreenUpdating", () => this.screen);
  }

  set ScreenUpdating(on: boolean) {
    this.w._count("Application.ScreenUpdating=");
    this.screen = on;
    this.w.screenUpdating.push(on);
  }

  CreateTaskPane(url: string): { ID: number; DockPosition: number; Visible: boolean } {
    this.w._count("Application.CreateTaskPane");
    const pane = { ID: this.w.taskPanes.length + 1, url, DockPosition: 2, Visible: false };
    this.w.taskPanes.push(pane);
    return pane;
  }

  GetTaskPane(id: number): { ID: number; DockPosition: number; Visible: boolean } | undefined {
    this.w._count("Application.GetTaskPane");
    return this.w.taskPanes.find((p) => p.ID === id);
  }
}

export class FakeWpsWorkbook {
  constructor(private readonly w: FakeWps) {}

  get Sheets(): FakeWpsSheets {
    return counted(this.w, "Workbook.Sheets", () => new FakeWpsSheets(this.w));
  }

  get Worksheets(): FakeWpsSheets {
    return counted(this.w, "Workbook.Worksheets", () => new FakeWpsSheets(this.w));
  }

  get CustomXMLParts(): FakeWpsCustomXmlParts {
    return counted(this.w, "Workbook.CustomXMLParts", () => new FakeWpsCustomXmlParts(this.w));
  }

  get ActiveSheet(): FakeWpsWorksheet {
    return counted(
      this.w,
      "Workbook.ActiveSheet",
      () => new FakeWpsWorksheet(this.w, this.w.sheet(this.w.state.active))
    );
  }
}

/** Workbook.CustomXMLParts (Office's CustomXMLParts): Count, Item(i), Add(xml), SelectByNamespace(ns). */
export class FakeWpsCustomXmlParts {
  constructor(
    private readonly w: FakeWps,
    private readonly namespace?: string
  ) {}

  private list(): FakeCustomXmlPart[] {
    const all = (this.w.state.customXmlParts ??= []);
    return this.namespace === undefined ? all : all.filter((p) => xmlNamespace(p.xml) === this.namespace);
  }

  get Count(): number {
    return counted(this.w, "CustomXMLParts.Count", () => this.list().length);
  }

  Item(index: number): FakeWpsCustomXmlPart {
    this.w._count("CustomXMLParts.Item");
    const part = this.list()[index - 1];
    if (!part) throw new Error(`fake-wps: 下标越界 (custom XML part ${index})`);
    return new FakeWpsCustomXmlPart(this.w, part);
  }

  Add(xml: string): FakeWpsCustomXmlPart {
    this.w._count("CustomXMLParts.Add");
    if (!/^\s*(<\?xml[^>]*>\s*)?<[A-Za-z_]/.test(xml)) throw new Error("fake-wps: not well-formed XML");
    const part = { id: newId("xml"), xml };
    (this.w.state.customXmlParts ??= []).push(part);
    this.w.log.push({ kind: "customXmlPart.add", sheet: "", detail: xmlNamespace(xml) });
    return new FakeWpsCustomXmlPart(this.w, part);
  }

  SelectByNamespace(namespace: string): FakeWpsCustomXmlParts {
    this.w._count("CustomXMLParts.SelectByNamespace");
    return new FakeWpsCustomXmlParts(this.w, namespace);
  }
}

export class FakeWpsCustomXmlPart {
  constructor(
    private readonly w: FakeWps,
    private readonly part: FakeCustomXmlPart
  ) {}

  get XML(): string {
    return counted(this.w, "CustomXMLPart.XML", () => this.part.xml);
  }

  get NamespaceURI(): string {
    return counted(this.w, "CustomXMLPart.NamespaceURI", () => xmlNamespace(this.part.xml));
  }

  Delete(): void {
    this.w._count("CustomXMLPart.Delete");
    const state = this.w.state;
    state.customXmlParts = (state.customXmlParts ?? []).filter((p) => p !== this.part);
    this.w.log.push({ kind: "customXmlPart.delete", sheet: "", detail: xmlNamespace(this.part.xml) });
  }
}

export class FakeWpsSheets {
  constructor(private readonly w: FakeWps) {}

  get Count(): number {
    return counted(this.w, "Sheets.Count", () => this.w.state.sheets.length);
  }

  /** 1-based index or name. */
  Item(key: number | string): FakeWpsWorksheet {
    this.w._count("Sheets.Item");
    const s = typeof key === "number" ? this.w.state.sheets[key - 1] : this.w._sheet(key);
    if (!s) throw new Error(`fake-wps: 下标越界 (no sheet ${key})`);
    return new FakeWpsWorksheet(this.w, s);
  }

  /** Sheets.Add(Before, After): a new "SheetN" before the active sheet (or after `After`), made active. */
  Add(before?: FakeWpsWorksheet | null, after?: FakeWpsWorksheet | null): FakeWpsWorksheet {
    this.w._count("Sheets.Add");
    let n = this.w.state.sheets.length + 1;
    while (this.w._sheet(`Sheet${n}`)) n++;
    const sheet = emptySheet(`Sheet${n}`);
    const sheets = this.w.state.sheets;
    const at = after
      ? sheets.indexOf(after._state) + 1
      : before
        ? sheets.indexOf(before._state)
        : sheets.findIndex((s) => s.name === this.w.state.active);
    sheets.splice(Math.max(0, at), 0, sheet);
    this.w.state.active = sheet.name;
    this.w.state.selection = "A1";
    this.w.log.push({ kind: "addSheet", sheet: sheet.name, detail: "" });
    return new FakeWpsWorksheet(this.w, sheet);
  }
}

export class FakeWpsWorksheet {
  constructor(
    private readonly w: FakeWps,
    readonly _state: FakeSheetState
  ) {}

  get Name(): string {
    return counted(this.w, "Worksheet.Name", () => this._state.name);
  }

  set Name(name: string) {
    this.w._count("Worksheet.Name=");
    const other = this.w._sheet(name);
    if (other && other !== this._state) throw new Error(`fake-wps: 工作表名称已存在 (${name})`);
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`fake-wps: 名称无效 (${name})`);
    if (this.w.state.active === this._state.name) this.w.state.active = name;
    this._state.name = name;
  }

  get ProtectContents(): boolean {
    return counted(this.w, "Worksheet.ProtectContents", () => this._state.protected);
  }

  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  get Visible(): number {
    return counted(this.w, "Worksheet.Visible", () =>
      this._state.visibility === "Visible" ? -1 : this._state.visibility === "Hidden" ? 0 : 2
    );
  }

  get UsedRange(): FakeWpsRange {
    return counted(this.w, "Worksheet.UsedRange", () => {
      const area = usedArea(this._state) ?? { top: 0, left: 0, bottom: 0, right: 0 };
      return new FakeWpsRange(this.w, this._state, area);
    });
  }

  get Cells(): FakeWpsRange {
    return counted(this.w, "Worksheet.Cells", () => new FakeWpsRange(this.w, this._state, WHOLE_SHEET));
  }

  Range(address: string): FakeWpsRange {
    this.w._count("Worksheet.Range");
    return new FakeWpsRange(this.w, this._state, parseRange(address.replace(/\$/g, "").toUpperCase()));
  }

  Activate(): void {
    this.w._count("Worksheet.Activate");
    this.w.state.active = this._state.name;
  }

  get PageSetup(): Record<string, unknown> {
    this.w._count("Worksheet.PageSetup");
    const s = this._state;
    const layout = () => (s.pageLayout ??= {});
    const w = this.w;
    const prop = (name: string, set: (v: unknown) => void) => ({
      set(v: unknown) {
        w._count(`PageSetup.${name}=`);
        set(v);
      },
      enumerable: true,
    });
    const ps = {};
    Object.defineProperties(ps, {
      Orientation: prop("Orientation", (v) => (layout().orientation = v === 2 ? "Landscape" : "Portrait")),
      PaperSize: prop("PaperSize", (v) => (layout().paperSize = v === 9 ? "A4" : String(v))),
      CenterHorizontally: prop("CenterHorizontally", (v) => (layout().centerHorizontally = Boolean(v))),
      Zoom: prop("Zoom", (v) => {
        if (v !== false) layout().zoom = { scale: Number(v) };
      }),
      FitToPagesWide: prop("FitToPagesWide", (v) => {
        layout().zoom = { ...layout().zoom, horizontalFitToPages: v === false ? 0 : Number(v) };
      }),
      FitToPagesTall: prop("FitToPagesTall", (v) => {
        layout().zoom = { ...layout().zoom, verticalFitToPages: v === false ? 0 : Number(v) };
      }),
      PrintTitleRows: prop("PrintTitleRows", (v) => (layout().printTitleRows = String(v))),
    });
    return ps;
  }
}

const mergeCache = new WeakMap<string[], { length: number; parsed: RangePosition[] }>();

/** The sheet's merged areas, parsed once per change of the list (a 5,000-row sheet has thousands). */
function parsedMerges(s: FakeSheetState): RangePosition[] {
  const hit = mergeCache.get(s.merges);
  if (hit && hit.length === s.merges.length) return hit.parsed;
  const parsed = s.merges.map((m) => parseRange(m));
  mergeCache.set(s.merges, { length: s.merges.length, parsed });
  return parsed;
}

/** A value as Value2 gives it. */
function value2(w: FakeWps, cell: FakeCell | undefined): unknown {
  const v: CellValue = cell?.value ?? null;
  if (v === null || v === "") return cell?.value === "" ? "" : w.options.empty;
  if (typeof v === "object") return w.options.errors === "code" ? (ERROR_CODES[v.error] ?? v.error) : v.error;
  return v;
}

/** A cell as Formula gives it: the formula, else the constant as text ("" when empty). */
function formulaOf(cell: FakeCell | undefined): string {
  if (!cell) return "";
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export class FakeWpsRange {
  /** Address(RowAbsolute, ColumnAbsolute) or, with the `address: "property"` option, a string property. */
  readonly Address!: string | ((rowAbsolute?: boolean, columnAbsolute?: boolean) => string);

  constructor(
    private readonly w: FakeWps,
    private readonly s: FakeSheetState,
    private readonly area: RangePosition
  ) {
    const address = (rowAbs = true, colAbs = true): string => {
      const tl = cellAddress(area.top, area.left);
      const br = cellAddress(area.bottom, area.right);
      const abs = (a: string) =>
        a.replace(
          /^([A-Z]+)([0-9]+)$/,
          (_m, c: string, r: string) => `${colAbs ? "$" : ""}${c}${rowAbs ? "$" : ""}${r}`
        );
      return tl === br ? abs(tl) : `${abs(tl)}:${abs(br)}`;
    };
    if (w.options.address === "method") {
      this.Address = (rowAbs?: boolean, colAbs?: boolean) => {
        w._count("Range.Address");
        return address(rowAbs ?? true, colAbs ?? true);
      };
    } else {
      Object.defineProperty(this, "Address", {
        get: () => {
          w._count("Range.Address");
          return address();
        },
      });
    }
  }

  private get single(): boolean {
    return this.area.top === this.area.bottom && this.area.left === this.area.right;
  }

  private grid<T>(f: (cell: FakeCell | undefined) => T): unknown {
    if (this.single) return f(this.s.cells[cellAddress(this.area.top, this.area.left)]);
    const rows: T[][] = [];
    for (let r = this.area.top; r <= this.area.bottom; r++) {
      const row: T[] = [];
      for (let c = this.area.left; c <= this.area.right; c++) row.push(f(this.s.cells[cellAddress(r, c)]));
      rows.push(row);
    }
    if (this.w.options.arrays === "flat") return rows.flat();
    if (this.w.options.arrays === "item") {
      const w = this.w;
      return {
        Count: rows.length * (rows[0]?.length ?? 0),
        Item(r: number, c: number): T {
          w._count("SafeArray.Item");
          return rows[r - 1][c - 1];
        },
      };
    }
    return rows;
  }

  /** Writes `input` (a scalar for every cell, or a 2-D array) as typed input. */
  private enter(kind: string, input: unknown): void {
    this.w._writable(this.s);
    const rows = this.area.bottom - this.area.top + 1;
    const cols = this.area.right - this.area.left + 1;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const a = cellAddress(this.area.top + r, this.area.left + c);
        const v = Array.isArray(input) ? (input as unknown[][])[r]?.[c] : input;
        const cell = (this.s.cells[a] ??= { value: null });
        if (v === "" || v === undefined || v === null) {
          delete cell.formula;
          delete cell.quotePrefix;
          cell.value = null;
        } else enterValue(cell, v);
        if (cell.value === null && !cell.formula && !cell.numberFormat && !cell.format) delete this.s.cells[a];
      }
    recalculate(this.s);
    this.w.log.push({ kind, sheet: this.s.name, detail: rangeAddress(this.area) });
    this.w._writing++;
    try {
      this.w._changed(this.s, this.area);
    } finally {
      this.w._writing--;
    }
  }

  get Value2(): unknown {
    return counted(this.w, "Range.Value2", () => this.grid((cell) => value2(this.w, cell)));
  }

  set Value2(input: unknown) {
    this.w._count("Range.Value2=");
    this.enter("values", input);
  }

  get Formula(): unknown {
    return counted(this.w, "Range.Formula", () => this.grid(formulaOf));
  }

  set Formula(input: unknown) {
    this.w._count("Range.Formula=");
    this.enter("formulas", input);
  }

  /** One format for all cells, or null when they differ. */
  get NumberFormat(): string | null {
    return counted(this.w, "Range.NumberFormat", () => {
      let format: string | undefined;
      for (const { address } of cellsOf(this.area)) {
        const f = this.s.cells[address]?.numberFormat ?? "General";
        if (format === undefined) format = f;
        else if (f !== format) return null;
      }
      return format ?? "General";
    });
  }

  set NumberFormat(format: string) {
    this.w._count("Range.NumberFormat=");
    this.w._writable(this.s);
    for (const { address } of cellsOf(this.area)) {
      const cell = (this.s.cells[address] ??= { value: null });
      if (format === "General") delete cell.numberFormat;
      else cell.numberFormat = format;
    }
    this.w.log.push({ kind: "numberFormat", sheet: this.s.name, detail: rangeAddress(this.area) });
  }

  private mergesIn(): { inside: number; cells: number } {
    let inside = 0;
    for (const r of parsedMerges(this.s)) {
      if (!intersects(r, this.area)) continue;
      const top = Math.max(r.top, this.area.top);
      const bottom = Math.min(r.bottom, this.area.bottom);
      const left = Math.max(r.left, this.area.left);
      const right = Math.min(r.right, this.area.right);
      inside += (bottom - top + 1) * (right - left + 1);
    }
    return { inside, cells: (this.area.bottom - this.area.top + 1) * (this.area.right - this.area.left + 1) };
  }

  /** True when every cell is in a merged area, false when none is, null when mixed. */
  get MergeCells(): boolean | null {
    return counted(this.w, "Range.MergeCells", () => {
      const { inside, cells } = this.mergesIn();
      return inside === 0 ? false : inside === cells ? true : null;
    });
  }

  set MergeCells(on: boolean) {
    this.w._count("Range.MergeCells=");
    if (on) this.doMerge();
  }

  /** The merged area holding the range's first cell, or the range itself. */
  get MergeArea(): FakeWpsRange {
    return counted(this.w, "Range.MergeArea", () => {
      const hit = parsedMerges(this.s).find((r) =>
        contains(r, { ...this.area, bottom: this.area.top, right: this.area.left })
      );
      return new FakeWpsRange(this.w, this.s, hit ?? this.area);
    });
  }

  Merge(): void {
    this.w._count("Range.Merge");
    this.doMerge();
  }

  private doMerge(): void {
    this.w._writable(this.s);
    this.s.merges = this.s.merges.filter((m) => !intersects(parseRange(m), this.area));
    this.s.merges.push(rangeAddress(this.area));
    // Merging keeps the top-left cell's content only.
    for (const { row, col, address } of cellsOf(this.area))
      if (row !== this.area.top || col !== this.area.left) {
        const cell = this.s.cells[address];
        if (cell) cell.value = null;
      }
    this.w.log.push({ kind: "merge", sheet: this.s.name, detail: rangeAddress(this.area) });
  }

  Select(): void {
    this.w._count("Range.Select");
    if (this.w.state.active !== this.s.name) throw new Error("fake-wps: select on an inactive sheet");
    this.w.state.selection = rangeAddress(this.area);
  }

  /** Item(row, col), 1-based within the range. */
  Item(row: number, col: number): FakeWpsRange {
    this.w._count("Range.Item");
    const r = this.area.top + row - 1;
    const c = this.area.left + col - 1;
    return new FakeWpsRange(this.w, this.s, { top: r, left: c, bottom: r, right: c });
  }

  get Worksheet(): FakeWpsWorksheet {
    return counted(this.w, "Range.Worksheet", () => new FakeWpsWorksheet(this.w, this.s));
  }

  private formatCells(kind: string, f: (format: FakeCellFormat, row: number, col: number) => void): void {
    this.w._writable(this.s);
    for (const { address, row, col } of cellsOf(this.area)) {
      const cell = (this.s.cells[address] ??= { value: null });
      const format = (cell.format ??= {});
      f(format, row, col);
    }
    this.w.log.push({ kind: `format.${kind}`, sheet: this.s.name, detail: rangeAddress(this.area) });
  }

  get Interior(): { Color: number } {
    this.w._count("Range.Interior");
    const range = this;
    return {
      get Color() {
        return 0xffffff;
      },
      set Color(bgr: number) {
        range.w._count("Interior.Color=");
        range.formatCells("fill", (f) => (f.fill = hexFromBgr(bgr)));
      },
    };
  }

  get Font(): { Bold: boolean; Size: number; Color: number } {
    this.w._count("Range.Font");
    const range = this;
    return {
      get Bold() {
        return false;
      },
      set Bold(on: boolean) {
        range.w._count("Font.Bold=");
        range.formatCells("font", (f) => (f.font = { ...f.font, bold: on }));
      },
      get Size() {
        return 11;
      },
      set Size(size: number) {
        range.w._count("Font.Size=");
        range.formatCells("font", (f) => (f.font = { ...f.font, size }));
      },
      get Color() {
        return 0;
      },
      set Color(bgr: number) {
        range.w._count("Font.Color=");
        range.formatCells("font", (f) => (f.font = { ...f.font, color: hexFromBgr(bgr) }));
      },
    };
  }

  set WrapText(on: boolean) {
    this.w._count("Range.WrapText=");
    this.formatCells("wrap", (f) => (f.wrapText = on));
  }

  set HorizontalAlignment(v: number) {
    this.w._count("Range.HorizontalAlignment=");
    this.formatCells("alignment", (f) => (f.horizontalAlignment = H_ALIGN[v] ?? String(v)));
  }

  set VerticalAlignment(v: number) {
    this.w._count("Range.VerticalAlignment=");
    this.formatCells("alignment", (f) => (f.verticalAlignment = V_ALIGN[v] ?? String(v)));
  }

  /** Borders.Item(xlEdgeTop …) with LineStyle, Weight, Color; inside borders become the cells' edges. */
  get Borders(): { Item(index: number): { LineStyle: number; Weight: number; Color: number } } {
    this.w._count("Range.Borders");
    const range = this;
    return {
      Item(index: number) {
        range.w._count("Borders.Item");
        const which = BORDER_INDEX[index];
        if (!which) throw new Error(`fake-wps: no border ${index}`);
        const apply = (set: (b: { style: string; color: string; weight?: string }) => void) =>
          range.formatCells("border", (f, row, col) => {
            const a = range.area;
            const sides: BorderSide[] =
              which === "InsideHorizontal"
                ? [...(row > a.top ? ["EdgeTop" as const] : []), ...(row < a.bottom ? ["EdgeBottom" as const] : [])]
                : which === "InsideVertical"
                  ? [...(col > a.left ? ["EdgeLeft" as const] : []), ...(col < a.right ? ["EdgeRight" as const] : [])]
                  : (which === "EdgeTop" && row === a.top) ||
                      (which === "EdgeBottom" && row === a.bottom) ||
                      (which === "EdgeLeft" && col === a.left) ||
                      (which === "EdgeRight" && col === a.right)
                    ? [which]
                    : [];
            for (const side of sides) {
              const borders = (f.borders ??= {});
              const b = (borders[side] ??= { style: "None", color: "#000000" });
              set(b);
            }
          });
        return {
          get LineStyle() {
            return 1;
          },
          set LineStyle(v: number) {
            range.w._count("Border.LineStyle=");
            apply((b) => (b.style = v === 1 ? "Continuous" : v === -4142 ? "None" : String(v)));
          },
          get Weight() {
            return 2;
          },
          set Weight(v: number) {
            range.w._count("Border.Weight=");
            apply((b) => (b.weight = v === 2 ? "Thin" : v === -4138 ? "Medium" : v === 4 ? "Thick" : "Hairline"));
          },
          get Color() {
            return 0;
          },
          set Color(bgr: number) {
            range.w._count("Border.Color=");
            apply((b) => (b.color = hexFromBgr(bgr)));
          },
        };
      },
    };
  }

  /** Set on any cell: the whole column's width, in characters (stored in points, as the fake Excel does). */
  set ColumnWidth(chars: number) {
    this.w._count("Range.ColumnWidth=");
    const widths = (this.s.columnWidths ??= {});
    for (let c = this.area.left; c <= this.area.right; c++)
      widths[cellAddress(0, c).replace(/[0-9]+$/, "")] = Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
  }

  set RowHeight(points: number) {
    this.w._count("Range.RowHeight=");
    const heights = (this.s.rowHeights ??= {});
    for (let r = this.area.top; r <= this.area.bottom; r++) heights[String(r + 1)] = points;
  }

  get Validation(): Record<string, unknown> {
    this.w._count("Range.Validation");
    const range = this;
    const s = this.s;
    const address = rangeAddress(this.area);
    const find = () => (s.dataValidations ?? []).find((v) => v.range === address);
    const prop = (name: string, set: (v: unknown) => void) => ({
      set(v: unknown) {
        range.w._count(`Validation.${name}=`);
        const dv = find();
        if (!dv) throw new Error("fake-wps: Validation.Add first");
        set.call(dv, v);
      },
      enumerable: true,
    });
    const validation = {
      Add(type: number, alertStyle?: number, _operator?: number, formula1?: string) {
        range.w._count("Validation.Add");
        range.w._writable(s);
        if (find()) throw new Error("fake-wps: the range already has a validation (Delete it first)");
        if (type !== 3) throw new Error(`fake-wps: only xlValidateList (3) is modelled, not ${type}`);
        const list = (s.dataValidations ??= []);
        for (let i = list.length - 1; i >= 0; i--) {
          const parts = subtract(parseRange(list[i].range), range.area);
          if (parts.length === 1 && rangeAddress(parts[0]) === list[i].range) continue;
          list.splice(i, 1, ...parts.map((p) => ({ ...cloneState(list[i]), range: rangeAddress(p) })));
        }
        list.push({
          range: address,
          rule: { list: { inCellDropDown: true, source: String(formula1 ?? "") } },
          errorAlert: {
            showAlert: true,
            style: alertStyle === 2 ? "Warning" : alertStyle === 3 ? "Information" : "Stop",
            title: "",
            message: "",
          },
          prompt: { showPrompt: false, title: "", message: "" },
          ignoreBlanks: true,
        });
      },
    };
    const dvOf = (self: unknown) => self as NonNullable<ReturnType<typeof find>>;
    Object.defineProperties(validation, {
      InCellDropdown: prop("InCellDropdown", function (this: unknown, v) {
        (dvOf(this).rule as { list: { inCellDropDown: boolean } }).list.inCellDropDown = Boolean(v);
      }),
      IgnoreBlank: prop("IgnoreBlank", function (this: unknown, v) {
        dvOf(this).ignoreBlanks = Boolean(v);
      }),
      ShowError: prop("ShowError", function (this: unknown, v) {
        dvOf(this).errorAlert.showAlert = Boolean(v);
      }),
      ErrorTitle: prop("ErrorTitle", function (this: unknown, v) {
        dvOf(this).errorAlert.title = String(v);
      }),
      ErrorMessage: prop("ErrorMessage", function (this: unknown, v) {
        dvOf(this).errorAlert.message = String(v);
      }),
    });
    return validation;
  }

  /** The conditional formats whose ranges meet this range, in priority order. */
  get FormatConditions(): FakeWpsFormatConditions {
    return counted(this.w, "Range.FormatConditions", () => new FakeWpsFormatConditions(this.w, this.s, this.area));
  }
}

export class FakeWpsFormatConditions {
  constructor(
    private readonly w: FakeWps,
    private readonly s: FakeSheetState,
    private readonly area: RangePosition
  ) {}

  private list(): FakeConditionalFormat[] {
    return this.s.conditionalFormats.filter((cf) => cf.ranges.some((r) => intersects(parseRange(r), this.area)));
  }

  get Count(): number {
    return counted(this.w, "FormatConditions.Count", () => this.list().length);
  }

  Item(index: number): FakeWpsFormatCondition {
    this.w._count("FormatConditions.Item");
    const cf = this.list()[index - 1];
    if (!cf) throw new Error(`fake-wps: 下标越界 (format condition ${index})`);
    return new FakeWpsFormatCondition(this.w, this.s, cf);
  }

  /** Add(Type, Operator, Formula1, Formula2): only xlExpression (2) is modelled. */
  Add(type: number, _operator?: number, formula1?: string): FakeWpsFormatCondition {
    this.w._count("FormatConditions.Add");
    this.w._writable(this.s);
    if (type !== 2) throw new Error(`fake-wps: only xlExpression (2) is modelled, not ${type}`);
    if (typeof formula1 !== "string" || !formula1.startsWith("="))
      throw new Error("fake-wps: Formula1 must be a formula");
    const cf: FakeConditionalFormat = {
      id: newId("cf"),
      type: "Custom",
      ranges: [rangeAddress(this.area)],
      formula: formula1,
    };
    this.s.conditionalFormats.unshift(cf);
    this.w.log.push({ kind: "conditionalFormat.add", sheet: this.s.name, detail: rangeAddress(this.area) });
    return new FakeWpsFormatCondition(this.w, this.s, cf);
  }
}

export class FakeWpsFormatCondition {
  constructor(
    private readonly w: FakeWps,
    private readonly s: FakeSheetState,
    private readonly cf: FakeConditionalFormat
  ) {}

  private alive(): void {
    if (!this.s.conditionalFormats.includes(this.cf)) throw new Error("fake-wps: the format condition was deleted");
  }

  get Type(): number {
    return counted(this.w, "FormatCondition.Type", () => CF_TYPES[this.cf.type] ?? 0);
  }

  /** The rule's formula (xlExpression, xlCellValue); reading it of other kinds throws, as VBA does. */
  get Formula1(): string {
    return counted(this.w, "FormatCondition.Formula1", () => {
      this.alive();
      if (this.cf.formula === undefined) throw new Error("fake-wps: no Formula1 on this kind of condition");
      return this.cf.formula;
    });
  }

  get AppliesTo(): FakeWpsRange {
    return counted(
      this.w,
      "FormatCondition.AppliesTo",
      () => new FakeWpsRange(this.w, this.s, parseRange(this.cf.ranges[0]))
    );
  }

  get Interior(): { Color: number } {
    this.w._count("FormatCondition.Interior");
    const self = this;
    return {
      get Color() {
        return self.cf.fill ? bgrFromHex(self.cf.fill) : 0;
      },
      set Color(bgr: number) {
        self.w._count("FormatCondition.Interior.Color=");
        self.alive();
        self.cf.fill = hexFromBgr(bgr);
      },
    };
  }

  get Font(): { Color: number } {
    this.w._count("FormatCondition.Font");
    const self = this;
    return {
      get Color() {
        return self.cf.fontColor ? bgrFromHex(self.cf.fontColor) : 0;
      },
      set Color(bgr: number) {
        self.w._count("FormatCondition.Font.Color=");
        self.alive();
        self.cf.fontColor = hexFromBgr(bgr);
      },
    };
  }

  Delete(): void {
    this.w._count("FormatCondition.Delete");
    this.w._writable(this.s);
    this.alive();
    this.s.conditionalFormats = this.s.conditionalFormats.filter((cf) => cf !== this.cf);
    this.w.log.push({ kind: "conditionalFormat.delete", sheet: this.s.name, detail: this.cf.ranges.join(",") });
  }
}
