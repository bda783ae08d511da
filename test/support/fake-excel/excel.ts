/**
 * FakeExcel: an in-memory Excel for the adapters' tests and for the browser stand-in. It owns the workbook state
 * (model.ts), hands out request contexts (api.ts), counts syncs and operations, fires Worksheet.onChanged, and can
 * be saved to JSON and reopened from it.
 *
 *   const excel = FakeExcel.fromSnapshots(buildTable(SAMPLE_2021).workbook);
 *   await excel.run(async (context) => { … await context.sync(); });
 *   excel.syncCount; excel.log; excel.cell("Sheet", "D7"); excel.reopen();
 *   excel.sheet("Sheet").merges; excel.dataValidations("Sheet"); excel.pageLayout("Sheet");
 */
import { cellAddress, parseRange, rangeAddress, type RangePosition } from "../../../src/core/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";
import { FakeRequestContext, type FakeChangedEventArgs } from "./api";
import { enterValue, recalculate } from "./entry";
import {
  cloneState,
  emptySheet,
  isFakeWorkbookState,
  newId,
  workbookFromSnapshots,
  type FakeCell,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type FakeDataValidation,
  type FakePageLayout,
  type FakeSheetState,
  type FakeWorkbookState,
} from "./model";

export interface FakeExcelOptions {
  /** The highest ExcelApi minor version the fake claims (1.14 → 14). Default 14. */
  apiMinor: number;
  /** getMergedAreasOrNullObject fails above this many merged areas (Office.js docs: 512). */
  mergedAreasLimit: number;
  /** A sync whose loaded data is larger fails, like Excel on the web's 5 MB limit. Default 5 MB. */
  payloadLimitBytes: number;
  /** Delay before change events are delivered, in ms (Excel delivers them after the batch, asynchronously). */
  eventDelayMs: number;
}

export interface LogEntry {
  kind: string;
  sheet: string;
  detail: string;
}

export interface SyncStats {
  syncs: number;
  /** Loaded bytes (JSON) of the largest sync so far. */
  maxResponseBytes: number;
  /** Queued operations of the largest sync so far. */
  maxOperations: number;
}

type ChangedHandler = (args: FakeChangedEventArgs) => Promise<unknown> | void;

const DEFAULTS: FakeExcelOptions = {
  apiMinor: 14,
  mergedAreasLimit: 512,
  payloadLimitBytes: 5 * 1024 * 1024,
  eventDelayMs: 0,
};

export class FakeExcel {
  readonly options: FakeExcelOptions;
  /** Every write and selection made through the API, in order. */
  readonly log: LogEntry[] = [];
  readonly stats: SyncStats = { syncs: 0, maxResponseBytes: 0, maxOperations: 0 };
  /** Conditional formats deleted through the API (their proxies then fail with ItemNotFound). */
  readonly _deletedFormats = new WeakSet<FakeConditionalFormat>();
  private handlers = new Map<number, { sheetId: string; handler: ChangedHandler }>();
  private nextHandler = 1;
  private dirty = new Set<FakeSheetState>();
  private pendingEvents: FakeChangedEventArgs[] = [];
  private inBatch = false;

  constructor(
    public state: FakeWorkbookState,
    options: Partial<FakeExcelOptions> = {}
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  static fromSnapshots(snapshots: SheetSnapshot[] | WorkbookSnapshot, options?: Partial<FakeExcelOptions>): FakeExcel {
    return new FakeExcel(workbookFromSnapshots(snapshots), options);
  }

  /** From saved JSON (FakeWorkbookState), or a SheetSnapshot / WorkbookSnapshot. */
  static fromJSON(json: unknown, options?: Partial<FakeExcelOptions>): FakeExcel {
    if (isFakeWorkbookState(json)) return new FakeExcel(reopenState(json), options);
    const j = json as Partial<WorkbookSnapshot & SheetSnapshot>;
    if (Array.isArray(j.sheets)) return FakeExcel.fromSnapshots(j as WorkbookSnapshot, options);
    if (typeof j.name === "string" && Array.isArray(j.values))
      return FakeExcel.fromSnapshots([j as SheetSnapshot], options);
    throw new Error("fake-excel: not a workbook state or snapshot");
  }

  /** The workbook as JSON, as a saved file holds it. */
  toJSON(): FakeWorkbookState {
    return cloneState(this.state);
  }

  serialize(): string {
    return JSON.stringify(this.state);
  }

  /** Saves, closes and reopens: a new FakeExcel from the saved JSON (session ids renewed, no event handlers). */
  reopen(): FakeExcel {
    return FakeExcel.fromJSON(JSON.parse(this.serialize()), this.options);
  }

  get syncCount(): number {
    return this.stats.syncs;
  }

  /** Which ExcelApi sets the fake supports. */
  isSetSupported(name: string, minVersion?: string): boolean {
    if (name !== "ExcelApi") return false;
    const [major, minor] = (minVersion ?? "1.1").split(".").map(Number);
    return major === 1 && (minor ?? 0) <= this.options.apiMinor;
  }

  newContext(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** Excel.run: a fresh context (or the one given), and a final sync when the batch left operations queued. */
  async run<T>(
    batchOrContext: ((context: FakeRequestContext) => Promise<T>) | FakeRequestContext | { context?: unknown },
    maybeBatch?: (context: FakeRequestContext) => Promise<T>
  ): Promise<T> {
    let context: FakeRequestContext;
    let batch: (context: FakeRequestContext) => Promise<T>;
    if (typeof batchOrContext === "function") {
      context = this.newContext();
      batch = batchOrContext;
    } else {
      const given = batchOrContext instanceof FakeRequestContext ? batchOrContext : batchOrContext.context;
      context = given instanceof FakeRequestContext ? given : this.newContext();
      batch = maybeBatch as (context: FakeRequestContext) => Promise<T>;
    }
    const result = await batch(context);
    if (context._pending > 0) await context.sync();
    return result;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Inspection and user actions (not through the API: these do not count as syncs and are not in the log)

  sheet(name: string): FakeSheetState {
    const s = this._sheet(name);
    if (!s) throw new Error(`fake-excel: no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet).cells[address.replace(/\$/g, "")];
  }

  conditionalFormats(sheet?: string): FakeConditionalFormat[] {
    return cloneState(this.sheet(sheet ?? this.state.active).conditionalFormats);
  }

  /** The sheet's data validations (ExcelApi 1.8), a copy; [] when it has none. */
  dataValidations(sheet?: string): FakeDataValidation[] {
    return cloneState(this.sheet(sheet ?? this.state.active).dataValidations ?? []);
  }

  /** What was set of the sheet's page layout (ExcelApi 1.9), a copy; undefined when nothing was. */
  pageLayout(sheet?: string): FakePageLayout | undefined {
    const layout = this.sheet(sheet ?? this.state.active).pageLayout;
    return layout && cloneState(layout);
  }

  /** The workbook's custom XML parts' text (a copy), in order. */
  customXmlParts(): string[] {
    return (this.state.customXmlParts ?? []).map((p) => p.xml);
  }

  get selection(): { sheet: string; address: string } {
    return { sheet: this.state.active, address: this.state.selection };
  }

  /** The user types into a cell (or range): values are taken as typed input; change events fire. */
  userEdit(sheet: string, address: string, value: unknown): void {
    const s = this.sheet(sheet);
    const area = parseRange(address);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const a = addr(r, c);
        const cell = (s.cells[a] ??= { value: null });
        enterValue(cell, value);
      }
    recalculate(s);
    this._dataChanged(s, area, "Unknown");
    this._flushEvents();
  }

  /** The user sets formats on cells (fill, font, borders). */
  userFormat(sheet: string, address: string, format: FakeCellFormat): void {
    const s = this.sheet(sheet);
    const area = parseRange(address);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const cell = (s.cells[addr(r, c)] ??= { value: null });
        cell.format = cloneState({ ...cell.format, ...format });
      }
  }

  /** The user adds a conditional format of their own (top priority, as Excel's UI does). */
  userConditionalFormat(sheet: string, cf: Omit<FakeConditionalFormat, "id">): void {
    this.sheet(sheet).conditionalFormats.unshift({ id: newId("cf"), ...cloneState(cf) });
  }

  protect(sheet: string, on = true): void {
    this.sheet(sheet).protected = on;
  }

  /** The number of change handlers registered. */
  get handlerCount(): number {
    return this.handlers.size;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Internal: used by the API proxies

  _sheet(key: string): FakeSheetState | null {
    return this.state.sheets.find((s) => s.name === key) ?? this.state.sheets.find((s) => s.id === key) ?? null;
  }

  _addSheet(name?: string): FakeSheetState {
    let n = name ?? `Sheet${this.state.sheets.length + 1}`;
    if (!name) while (this._sheet(n)) n += "1";
    if (this._sheet(n)) throw new Error(`fake-excel: sheet ${n} exists`);
    const s = emptySheet(n);
    this.state.sheets.push(s);
    return s;
  }

  _newId(prefix: string): string {
    return newId(prefix);
  }

  _record(entry: LogEntry): void {
    this.log.push(entry);
  }

  _beginBatch(): void {
    this.inBatch = true;
    this.stats.syncs++;
  }

  _endBatch(bytes: number, operations: number): void {
    this.inBatch = false;
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, bytes);
    this.stats.maxOperations = Math.max(this.stats.maxOperations, operations);
    for (const s of this.dirty) recalculate(s);
    this.dirty.clear();
    this._flushEvents();
  }

  /** Values or formulas of an area changed: recalculate, and queue a change event. */
  _dataChanged(sheet: FakeSheetState, area: RangePosition, trigger: "Unknown" | "ThisLocalAddin"): void {
    this.dirty.add(sheet);
    this.pendingEvents.push({
      type: "WorksheetChanged",
      address: rangeAddress(area),
      changeType: "RangeEdited",
      source: "Local",
      worksheetId: sheet.id,
      // ExcelApi 1.14 adds triggerSource; an older Excel leaves it out.
      ...(this.options.apiMinor >= 14 ? { triggerSource: trigger } : {}),
    });
    if (!this.inBatch) {
      recalculate(sheet);
      this.dirty.delete(sheet);
    }
  }

  _addHandler(sheetId: string, handler: ChangedHandler): number {
    const id = this.nextHandler++;
    this.handlers.set(id, { sheetId, handler });
    return id;
  }

  _removeHandler(id: number): void {
    this.handlers.delete(id);
  }

  _removeHandlerFn(handler: ChangedHandler): void {
    for (const [id, h] of this.handlers) if (h.handler === handler) this.handlers.delete(id);
  }

  private _flushEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of events) {
      const targets = [...this.handlers.values()].filter((h) => h.sheetId === e.worksheetId);
      if (targets.length === 0) continue;
      setTimeout(() => {
        for (const t of targets) void t.handler(e);
      }, this.options.eventDelayMs);
    }
  }
}

/** A reopened workbook: conditional formats get new session ids. */
function reopenState(saved: FakeWorkbookState): FakeWorkbookState {
  const state = cloneState(saved);
  for (const s of state.sheets) for (const cf of s.conditionalFormats) cf.id = newId("cf");
  return state;
}

function addr(r: number, c: number): string {
  return cellAddress(r, c);
}
