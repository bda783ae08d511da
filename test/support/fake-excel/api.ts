/**
 * The client side of the fake Excel: proxy objects with Office.js semantics, for the subset of the Excel JavaScript
 * API the adapters in src/excel use.
 *
 * - Every method and property write is queued; nothing happens until `context.sync()`, which runs the queue in
 *   order against the workbook state and counts the sync.
 * - `load()` queues a read; the values arrive with the sync. Reading a property that was not loaded before the last
 *   sync throws a "PropertyNotLoaded" error, as Office.js does.
 * - `*OrNullObject` proxies get `isNullObject` with the sync, without a load.
 * - A failing operation rejects the sync with a RichApi-like error (`code`); the operations before it have taken
 *   effect (Office.js batches are not transactions), the loads of that batch are lost.
 * - Writes to a protected sheet fail with "AccessDenied". `getMergedAreasOrNullObject` fails on a range with more
 *   than 512 merged areas (the limit the Office.js docs give). `ConditionalFormat.custom` fails on a format that is
 *   not custom (OfficeDev/office-js#2180); `customOrNullObject` gives a null object instead.
 */
import { parseRange, rangeAddress, type RangePosition } from "../../../src/core/address";
import { isCellError, type CellValue } from "../../../src/core/snapshot";
import { enterValue } from "./entry";
import {
  cellsOf,
  intersects,
  qualify,
  usedArea,
  type BorderSide,
  type FakeCell,
  type FakeConditionalFormat,
  type FakeSheetState,
} from "./model";
import type { FakeExcel } from "./excel";

export class FakeOfficeError extends Error {
  override name = "RichApi.Error";
  constructor(
    public code: string,
    message: string
  ) {
    super(message);
  }
  get debugInfo(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

const WHOLE_SHEET: RangePosition = { top: 0, left: 0, bottom: 1048575, right: 16383 };
const MAX_READ_CELLS = 5_000_000;

// ---------------------------------------------------------------------------------------------------------------
// Load specs

interface LoadTree {
  all: boolean;
  props: Map<string, LoadTree>;
}

const ALL: LoadTree = { all: true, props: new Map() };

type LoadSpec = string | string[] | Record<string, unknown> | undefined;

function parseLoad(spec: LoadSpec): LoadTree {
  if (spec === undefined || spec === "" || spec === "*") return ALL;
  const tree: LoadTree = { all: false, props: new Map() };
  const addPath = (path: string) => {
    const parts = path
      .split("/")
      .map((p) => p.trim())
      .filter(Boolean);
    let node = tree;
    for (const part of parts) {
      let next = node.props.get(part);
      if (!next || next === ALL) {
        next = { all: false, props: new Map() };
        node.props.set(part, next);
      }
      node = next;
    }
  };
  const addObject = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      if (k === "$all" && v) tree.all = true;
      else if (k === "select" && typeof v === "string") v.split(",").forEach((p) => addPath(prefix + p.trim()));
      else if (typeof v === "object" && v !== null) addObject(v as Record<string, unknown>, `${prefix}${k}/`);
      else if (v) addPath(prefix + k);
    }
  };
  if (typeof spec === "string") spec.split(",").forEach(addPath);
  else if (Array.isArray(spec)) spec.forEach((s) => s.split(",").forEach(addPath));
  else addObject(spec, "");
  return tree;
}

function isEmptyTree(t: LoadTree): boolean {
  return !t.all && t.props.size === 0;
}

interface Loaded {
  bytes: number;
  apply(): void;
}

function sizeOf(x: unknown): number {
  return JSON.stringify(x ?? null).length;
}

function notLoaded(className: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object (${className}) and call "context.sync()" on the associated request context.`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Request context

type Op = () => Loaded | void;

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  /** Syncs made through this context. */
  syncCount = 0;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Op[] = [];
  /** True while a sync runs the queue. */
  _executing = false;

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Queues an operation (internal to the fake). */
  _enqueue(op: Op): void {
    this.queue.push(op);
  }

  get _pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const ops = this.queue;
    this.queue = [];
    this.syncCount++;
    const loaded: Loaded[] = [];
    let failure: unknown;
    this.host._beginBatch();
    this._executing = true;
    for (const op of ops) {
      try {
        const l = op();
        if (l) loaded.push(l);
      } catch (e) {
        failure = e;
        break;
      }
    }
    this._executing = false;
    const bytes = loaded.reduce((s, l) => s + l.bytes, 0);
    this.host._endBatch(bytes, ops.length);
    await Promise.resolve(); // a sync is asynchronous: the caller resumes on a later microtask
    if (failure) throw failure;
    if (bytes > this.host.options.payloadLimitBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload (${bytes} B) is too large.`);
    }
    for (const l of loaded) l.apply();
    return passThroughValue;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Base proxy

abstract class FakeClientObject<T> {
  private _loaded = new Map<string, unknown>();
  private _navCache = new Map<string, FakeClientObject<unknown>>();
  private _pinned: T | undefined;
  /** Known after a sync for *OrNullObject proxies (and after any load). */
  protected _null: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly _className: string,
    private readonly _resolver: () => T | null,
    private readonly _nullable = false
  ) {
    // Proxies made while a sync runs (items of a loaded collection, their navigation properties) learn whether they
    // are null from that load; others from an operation of their own in the next sync.
    if (_nullable && !context._executing) {
      context._enqueue(() => {
        const t = this._tryTarget();
        return { bytes: 16, apply: () => (this._null = t === null) };
      });
    }
  }

  get isNullObject(): boolean {
    if (this._null === undefined) {
      if (!this._nullable && this._loaded.size > 0) return false;
      throw notLoaded(this._className, "isNullObject");
    }
    return this._null;
  }

  protected get host(): FakeExcel {
    return this.context.host;
  }

  /** The object this proxy stands for, resolved when the queue runs; null for a missing *OrNullObject. */
  _tryTarget(): T | null {
    if (this._pinned !== undefined && (this._stillValid?.(this._pinned) ?? true)) return this._pinned;
    const t = this._resolver();
    if (t === null) {
      if (this._nullable) return null;
      throw new FakeOfficeError("ItemNotFound", `The requested ${this._className} doesn't exist.`);
    }
    this._pinned = t;
    return t;
  }

  _target(): T {
    const t = this._tryTarget();
    if (t === null) {
      throw new FakeOfficeError("InvalidOperation", `The ${this._className} is a null object; it has no members.`);
    }
    return t;
  }

  /** Whether a pinned target still exists (a deleted conditional format does not); default yes. */
  protected _stillValid?(t: T): boolean;

  protected abstract _scalarNames(): string[];
  protected abstract _scalar(name: string, target: T): unknown;
  /** The navigation property `name` (a child proxy), if the object has one. */
  protected _navigation?(name: string): FakeClientObject<unknown> | undefined;

  protected _nav<P extends FakeClientObject<unknown>>(name: string, make: () => P): P {
    let p = this._navCache.get(name);
    if (!p) {
      p = make();
      this._navCache.set(name, p);
    }
    return p as P;
  }

  protected _get<V>(name: string): V {
    if (!this._loaded.has(name)) throw notLoaded(this._className, name);
    return this._loaded.get(name) as V;
  }

  load(spec?: LoadSpec): this {
    const tree = parseLoad(spec);
    this.context._enqueue(() => this._execLoad(tree));
    return this;
  }

  _execLoad(tree: LoadTree): Loaded {
    const t = this._tryTarget();
    if (t === null) return { bytes: 16, apply: () => (this._null = true) };
    const values = new Map<string, unknown>();
    const children: Loaded[] = [];
    const names = tree.all ? this._scalarNames() : [...tree.props.keys()];
    for (const name of names) {
      const nav = this._navigation?.(name);
      if (nav) {
        const sub = tree.props.get(name);
        children.push(nav._execLoad(!sub || isEmptyTree(sub) ? ALL : sub));
      } else {
        if (!this._scalarNames().includes(name)) {
          throw new FakeOfficeError("PropertyNotFound", `${this._className} has no property '${name}'.`);
        }
        values.set(name, JSON.parse(JSON.stringify(this._scalar(name, t) ?? null)));
      }
    }
    const bytes = sizeOf(Object.fromEntries(values)) + children.reduce((s, c) => s + c.bytes, 0);
    return {
      bytes,
      apply: () => {
        if (this._nullable) this._null = false;
        for (const [k, v] of values) this._loaded.set(k, v);
        children.forEach((c) => c.apply());
      },
    };
  }

  /** Queues a write against the target's sheet (fails on a protected sheet). */
  protected _write(sheetOf: (t: T) => FakeSheetState, kind: string, fn: (t: T, sheet: FakeSheetState) => string) {
    this.context._enqueue(() => {
      const t = this._target();
      const sheet = sheetOf(t);
      if (sheet.protected) {
        throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      }
      const detail = fn(t, sheet);
      this.host._record({ kind, sheet: sheet.name, detail });
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook and worksheets

export class FakeWorkbookProxy extends FakeClientObject<FakeExcel> {
  constructor(context: FakeRequestContext) {
    super(context, "Workbook", () => context.host);
  }
  protected _scalarNames(): string[] {
    return ["name"];
  }
  protected _scalar(): unknown {
    return "Book1.xlsx";
  }
  protected override _navigation(name: string) {
    return name === "worksheets" ? this.worksheets : undefined;
  }
  get worksheets(): FakeWorksheetCollection {
    return this._nav("worksheets", () => new FakeWorksheetCollection(this.context));
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.host._sheet(this.host.state.active);
      return sheet ? { sheet, area: parseRange(this.host.state.selection) } : null;
    });
  }
  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.host._sheet(this.host.state.active);
      if (!sheet) return null;
      const s = parseRange(this.host.state.selection);
      return { sheet, area: { top: s.top, left: s.left, bottom: s.top, right: s.left } };
    });
  }
}

export class FakeWorksheetCollection extends FakeClientObject<FakeSheetState[]> {
  private _items: FakeWorksheet[] | undefined;
  constructor(context: FakeRequestContext) {
    super(context, "WorksheetCollection", () => context.host.state.sheets);
  }
  protected _scalarNames(): string[] {
    return [];
  }
  protected _scalar(): unknown {
    return undefined;
  }
  get items(): FakeWorksheet[] {
    if (!this._items) throw notLoaded(this._className, "items");
    return this._items;
  }
  override _execLoad(tree: LoadTree): Loaded {
    const sheets = this._target();
    const itemTree = tree.props.get("items") ?? tree;
    const items = sheets.map((s) => new FakeWorksheet(this.context, () => s));
    const loads = items.map((i) => i._execLoad(isEmptyTree(itemTree) ? ALL : itemTree));
    return {
      bytes: loads.reduce((s, l) => s + l.bytes, 0),
      apply: () => {
        this._items = items;
        loads.forEach((l) => l.apply());
      },
    };
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.host._sheet(this.host.state.active));
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.host._sheet(key));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.host._sheet(key), true);
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheetState | undefined;
    this.context._enqueue(() => {
      created = this.host._addSheet(name);
    });
    return new FakeWorksheet(this.context, () => created ?? null);
  }
}

export interface FakeChangedEventArgs {
  type: "WorksheetChanged";
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  worksheetId: string;
  triggerSource?: "Unknown" | "ThisLocalAddin";
  details?: unknown;
}

type ChangedHandler = (args: FakeChangedEventArgs) => Promise<unknown> | void;

export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly onRemove: () => void
  ) {}
  remove(): void {
    this.context._enqueue(() => this.onRemove());
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheetState> {
  constructor(context: FakeRequestContext, resolver: () => FakeSheetState | null, nullable = false) {
    super(context, "Worksheet", resolver, nullable);
  }
  protected override _stillValid(t: FakeSheetState): boolean {
    return this.host.state.sheets.includes(t);
  }
  protected _scalarNames(): string[] {
    return ["id", "name", "visibility", "position"];
  }
  protected _scalar(name: string, s: FakeSheetState): unknown {
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      default:
        return this.host.state.sheets.indexOf(s);
    }
  }
  protected override _navigation(name: string) {
    return name === "protection" ? this.protection : undefined;
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  get position(): number {
    return this._get("position");
  }
  get protection(): FakeWorksheetProtection {
    return this._nav("protection", () => new FakeWorksheetProtection(this.context, () => this._target()));
  }
  activate(): void {
    this.context._enqueue(() => {
      const s = this._target();
      if (this.host.state.active !== s.name) {
        this.host.state.active = s.name;
        this.host.state.selection = "A1";
      }
      this.host._record({ kind: "activate", sheet: s.name, detail: "" });
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this._target();
      return { sheet, area: address === undefined || address === "" ? WHOLE_SHEET : parseAddress(address) };
    });
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this._target();
      return { sheet, area: usedArea(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this._target();
        const area = usedArea(sheet, valuesOnly);
        return area ? { sheet, area } : null;
      },
      true
    );
  }
  get onChanged(): { add(handler: ChangedHandler): FakeEventHandlerResult; remove(handler: ChangedHandler): void } {
    return {
      add: (handler: ChangedHandler) => {
        let id: number | undefined;
        this.context._enqueue(() => {
          const s = this._target();
          id = this.host._addHandler(s.id, handler);
        });
        return new FakeEventHandlerResult(this.context, () => {
          if (id !== undefined) this.host._removeHandler(id);
        });
      },
      remove: (handler: ChangedHandler) => {
        this.context._enqueue(() => this.host._removeHandlerFn(handler));
      },
    };
  }
}

export class FakeWorksheetProtection extends FakeClientObject<FakeSheetState> {
  constructor(context: FakeRequestContext, resolver: () => FakeSheetState) {
    super(context, "WorksheetProtection", resolver);
  }
  protected _scalarNames(): string[] {
    return ["protected"];
  }
  protected _scalar(_name: string, s: FakeSheetState): unknown {
    return s.protected;
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(): void {
    this.context._enqueue(() => {
      this._target().protected = true;
    });
  }
  unprotect(): void {
    this.context._enqueue(() => {
      this._target().protected = false;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: FakeSheetState;
  area: RangePosition;
}

function parseAddress(address: string): RangePosition {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  try {
    return parseRange(a.replace(/\$/g, ""));
  } catch {
    throw new FakeOfficeError("InvalidArgument", `The argument '${address}' is not a valid range address.`);
  }
}

function cellOf(sheet: FakeSheetState, address: string): FakeCell | undefined {
  return sheet.cells[address];
}

function ensureCell(sheet: FakeSheetState, address: string): FakeCell {
  let c = sheet.cells[address];
  if (!c) {
    c = { value: null };
    sheet.cells[address] = c;
  }
  return c;
}

function outValue(c: FakeCell | undefined): string | number | boolean {
  const v = c?.value ?? null;
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return v as string | number | boolean;
}

function valueType(c: FakeCell | undefined): string {
  const v: CellValue = c?.value ?? null;
  if (v === null || v === "") return c?.formula ? "String" : "Empty";
  if (isCellError(v)) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

function grid<V>(area: RangePosition, f: (address: string) => V): V[][] {
  const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  if (cells > MAX_READ_CELLS) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "Range too large to read.");
  const out: V[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: V[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(f(rangeAddress({ top: r, left: c, bottom: r, right: c })));
    out.push(row);
  }
  return out;
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, resolver: () => RangeTarget | null, nullable = false) {
    super(context, "Range", resolver, nullable);
  }
  protected _scalarNames(): string[] {
    return [
      "address",
      "addressLocal",
      "values",
      "formulas",
      "numberFormat",
      "valueTypes",
      "text",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "cellCount",
    ];
  }
  protected _scalar(name: string, t: RangeTarget): unknown {
    const { sheet, area } = t;
    switch (name) {
      case "address":
      case "addressLocal":
        return qualify(sheet.name, rangeAddress(area));
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "rowIndex":
        return area.top;
      case "columnIndex":
        return area.left;
      case "cellCount":
        return (area.bottom - area.top + 1) * (area.right - area.left + 1);
      case "values":
        return grid(area, (a) => outValue(cellOf(sheet, a)));
      case "text":
        return grid(area, (a) => String(outValue(cellOf(sheet, a))));
      case "formulas":
        return grid(area, (a) => cellOf(sheet, a)?.formula ?? outValue(cellOf(sheet, a)));
      case "numberFormat":
        return grid(area, (a) => cellOf(sheet, a)?.numberFormat ?? "General");
      case "valueTypes":
        return grid(area, (a) => valueType(cellOf(sheet, a)));
      default:
        return undefined;
    }
  }
  protected override _navigation(name: string) {
    if (name === "format") return this.format;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }
  get address(): string {
    return this._get("address");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._writeGrid("values", v);
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._writeGrid("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._writeGrid("numberFormat", v);
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get format(): FakeRangeFormat {
    return this._nav("format", () => new FakeRangeFormat(this.context, () => this._target()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav(
      "conditionalFormats",
      () => new FakeConditionalFormatCollection(this.context, () => this._target())
    );
  }

  private _writeGrid(prop: "values" | "formulas" | "numberFormat", input: unknown[][]): void {
    this._write(
      (t) => t.sheet,
      prop,
      (t, sheet) => {
        const { area } = t;
        const h = area.bottom - area.top + 1;
        const w = area.right - area.left + 1;
        const single = !Array.isArray(input);
        if (!single && (input.length !== h || input.some((row) => !Array.isArray(row) || row.length !== w))) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`
          );
        }
        for (const { row, col, address } of cellsOf(area)) {
          const v = single ? input : input[row - area.top][col - area.left];
          if (v === null || v === undefined) continue;
          const cell = ensureCell(sheet, address);
          if (prop === "numberFormat") cell.numberFormat = String(v) === "General" ? undefined : String(v);
          else enterValue(cell, v);
          if (cell.numberFormat === undefined) delete cell.numberFormat;
        }
        this.host._dataChanged(sheet, area, "ThisLocalAddin");
        return rangeAddress(area);
      }
    );
  }

  select(): void {
    this.context._enqueue(() => {
      const t = this._target();
      this.host.state.active = t.sheet.name;
      this.host.state.selection = rangeAddress(t.area);
      this.host._record({ kind: "select", sheet: t.sheet.name, detail: rangeAddress(t.area) });
    });
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      const r = t.area.top + row;
      const c = t.area.left + column;
      return { sheet: t.sheet, area: { top: r, left: c, bottom: r, right: c } };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this._target();
        const areas = t.sheet.merges.map((m) => parseRange(m)).filter((m) => intersects(m, t.area));
        if (areas.length > this.host.options.mergedAreasLimit) {
          throw new FakeOfficeError(
            "GeneralException",
            `getMergedAreasOrNullObject: the range has ${areas.length} merged areas, more than 512.`
          );
        }
        return areas.length === 0 ? null : { sheet: t.sheet, areas };
      },
      true
    );
  }
}

interface AreasTarget {
  sheet: FakeSheetState;
  areas: RangePosition[];
}

export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  constructor(context: FakeRequestContext, resolver: () => AreasTarget | null, nullable = false) {
    super(context, "RangeAreas", resolver, nullable);
  }
  protected _scalarNames(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected _scalar(name: string, t: AreasTarget): unknown {
    if (name === "areaCount") return t.areas.length;
    if (name === "cellCount") return t.areas.reduce((s, a) => s + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
    return t.areas.map((a) => qualify(t.sheet.name, rangeAddress(a))).join(",");
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The user's own cell formats (fill, font, borders): the adapters must never write these.

class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, resolver: () => RangeTarget) {
    super(context, "RangeFormat", resolver);
  }
  protected _scalarNames(): string[] {
    return [];
  }
  protected _scalar(): unknown {
    return undefined;
  }
  protected override _navigation(name: string) {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }
  get fill(): FakeRangeFill {
    return this._nav("fill", () => new FakeRangeFill(this.context, () => this._target()));
  }
  get font(): FakeRangeFont {
    return this._nav("font", () => new FakeRangeFont(this.context, () => this._target()));
  }
  get borders(): { getItem(side: BorderSide): FakeRangeBorder } {
    return { getItem: (side: BorderSide) => new FakeRangeBorder(this.context, () => this._target(), side) };
  }
}

/** The value of a per-cell format property over a range: the common value, or null when the cells differ. */
function common<V>(t: RangeTarget, f: (c: FakeCell | undefined) => V): V | null {
  let first: V | undefined;
  for (const { address } of cellsOf(t.area)) {
    const v = f(t.sheet.cells[address]);
    if (first === undefined) first = v;
    else if (JSON.stringify(first) !== JSON.stringify(v)) return null;
  }
  return first ?? null;
}

function forEachCell(t: RangeTarget, f: (c: FakeCell) => void): void {
  for (const { address } of cellsOf(t.area)) f(ensureCell(t.sheet, address));
}

class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, resolver: () => RangeTarget) {
    super(context, "RangeFill", resolver);
  }
  protected _scalarNames(): string[] {
    return ["color"];
  }
  protected _scalar(_n: string, t: RangeTarget): unknown {
    return common(t, (c) => c?.format?.fill ?? "#FFFFFF");
  }
  get color(): string {
    return this._get("color");
  }
  set color(color: string) {
    this._write(
      (t) => t.sheet,
      "format.fill",
      (t) => {
        forEachCell(t, (c) => (c.format = { ...c.format, fill: color.toUpperCase() }));
        return rangeAddress(t.area);
      }
    );
  }
  clear(): void {
    this._write(
      (t) => t.sheet,
      "format.fill",
      (t) => {
        forEachCell(t, (c) => {
          if (c.format) delete c.format.fill;
        });
        return rangeAddress(t.area);
      }
    );
  }
}

class FakeRangeFont extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, resolver: () => RangeTarget) {
    super(context, "RangeFont", resolver);
  }
  protected _scalarNames(): string[] {
    return ["color", "bold", "italic", "name", "size"];
  }
  protected _scalar(n: string, t: RangeTarget): unknown {
    const defaults: Record<string, unknown> = { color: "#000000", bold: false, italic: false, name: "等线", size: 11 };
    return common(t, (c) => (c?.format?.font as Record<string, unknown> | undefined)?.[n] ?? defaults[n]);
  }
  private _set(prop: string, v: unknown): void {
    this._write(
      (t) => t.sheet,
      "format.font",
      (t) => {
        forEachCell(t, (c) => (c.format = { ...c.format, font: { ...c.format?.font, [prop]: v } }));
        return rangeAddress(t.area);
      }
    );
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v.toUpperCase());
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v);
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v);
  }
}

class FakeRangeBorder extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    resolver: () => RangeTarget,
    private side: BorderSide
  ) {
    super(context, "RangeBorder", resolver);
  }
  protected _scalarNames(): string[] {
    return ["style", "color", "weight", "sideIndex"];
  }
  protected _scalar(n: string, t: RangeTarget): unknown {
    if (n === "sideIndex") return this.side;
    const defaults: Record<string, unknown> = { style: "None", color: "#000000", weight: "Thin" };
    return common(
      t,
      (c) => (c?.format?.borders?.[this.side] as Record<string, unknown> | undefined)?.[n] ?? defaults[n]
    );
  }
  private _set(prop: "style" | "color" | "weight", v: string): void {
    this._write(
      (t) => t.sheet,
      "format.borders",
      (t) => {
        forEachCell(t, (c) => {
          const old = c.format?.borders?.[this.side] ?? { style: "Continuous", color: "#000000" };
          c.format = { ...c.format, borders: { ...c.format?.borders, [this.side]: { ...old, [prop]: v } } };
        });
        return rangeAddress(t.area);
      }
    );
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v.toUpperCase());
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._set("weight", v);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Conditional formats

interface CfTarget {
  sheet: FakeSheetState;
  cf: FakeConditionalFormat;
}

function cfAreas(cf: FakeConditionalFormat): RangePosition[] {
  return cf.ranges.map((r) => parseRange(r));
}

export class FakeConditionalFormatCollection extends FakeClientObject<RangeTarget> {
  private _items: FakeConditionalFormat_[] | undefined;
  constructor(context: FakeRequestContext, resolver: () => RangeTarget) {
    super(context, "ConditionalFormatCollection", resolver);
  }
  protected _scalarNames(): string[] {
    return [];
  }
  protected _scalar(): unknown {
    return undefined;
  }
  /** The formats that overlap the range, in priority order. */
  private _overlapping(t: RangeTarget): FakeConditionalFormat[] {
    return t.sheet.conditionalFormats.filter((cf) => cfAreas(cf).some((a) => intersects(a, t.area)));
  }
  get items(): FakeConditionalFormat_[] {
    if (!this._items) throw notLoaded(this._className, "items");
    return this._items;
  }
  override _execLoad(tree: LoadTree): Loaded {
    const t = this._target();
    const itemTree = tree.props.get("items") ?? tree;
    const items = this._overlapping(t).map(
      (cf) =>
        new FakeConditionalFormat_(this.context, () =>
          this.host._deletedFormats.has(cf) ? null : { sheet: t.sheet, cf }
        )
    );
    const loads = items.map((i) => i._execLoad(isEmptyTree(itemTree) ? ALL : itemTree));
    return {
      bytes: loads.reduce((s, l) => s + l.bytes, 0) + 2,
      apply: () => {
        this._items = items;
        loads.forEach((l) => l.apply());
      },
    };
  }
  add(type: string): FakeConditionalFormat_ {
    let created: CfTarget | undefined;
    this._write(
      (t) => t.sheet,
      "conditionalFormats.add",
      (t, sheet) => {
        const cf: FakeConditionalFormat = { id: this.host._newId("cf"), type, ranges: [rangeAddress(t.area)] };
        sheet.conditionalFormats.unshift(cf); // "Adds a new conditional format to the collection at the first/top priority."
        created = { sheet, cf };
        return `${type} ${rangeAddress(t.area)}`;
      }
    );
    return new FakeConditionalFormat_(this.context, () => created ?? null);
  }
  getItem(id: string): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(this.context, () => this._find(id));
  }
  getItemOrNullObject(id: string): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(this.context, () => this._find(id), true);
  }
  getItemAt(index: number): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(this.context, () => {
      const t = this._target();
      const cf = this._overlapping(t)[index];
      return cf ? { sheet: t.sheet, cf } : null;
    });
  }
  getCount(): { value: number } {
    const result = {
      _v: undefined as number | undefined,
      get value(): number {
        if (this._v === undefined) throw notLoaded("ClientResult", "value");
        return this._v;
      },
    };
    this.context._enqueue(() => {
      const n = this._overlapping(this._target()).length;
      return { bytes: 8, apply: () => (result._v = n) };
    });
    return result;
  }
  private _find(id: string): CfTarget | null {
    const t = this._target();
    const cf = this._overlapping(t).find((c) => c.id === id);
    return cf ? { sheet: t.sheet, cf } : null;
  }
}

/** Excel.ConditionalFormat (the trailing underscore keeps the name apart from the collection's). */
export class FakeConditionalFormat_ extends FakeClientObject<CfTarget> {
  constructor(context: FakeRequestContext, resolver: () => CfTarget | null, nullable = false) {
    super(context, "ConditionalFormat", resolver, nullable);
  }
  protected override _stillValid(t: CfTarget): boolean {
    return !this.host._deletedFormats.has(t.cf);
  }
  protected _scalarNames(): string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  protected _scalar(n: string, t: CfTarget): unknown {
    if (n === "id") return t.cf.id;
    if (n === "type") return t.cf.type;
    if (n === "priority") return t.sheet.conditionalFormats.indexOf(t.cf);
    return t.cf.stopIfTrue ?? false;
  }
  protected override _navigation(name: string) {
    if (name === "custom") return this.custom;
    if (name === "customOrNullObject") return this.customOrNullObject;
    return undefined;
  }
  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(p: number) {
    this._write(
      (t) => t.sheet,
      "conditionalFormat.priority",
      (t, sheet) => {
        const list = sheet.conditionalFormats;
        list.splice(list.indexOf(t.cf), 1);
        list.splice(Math.max(0, Math.min(p, list.length)), 0, t.cf);
        return `${t.cf.id} → ${p}`;
      }
    );
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._write(
      (t) => t.sheet,
      "conditionalFormat.stopIfTrue",
      (t) => {
        t.cf.stopIfTrue = v;
        return t.cf.id;
      }
    );
  }
  get custom(): FakeCustomConditionalFormat {
    return this._nav("custom", () => new FakeCustomConditionalFormat(this.context, () => this._customTarget(false)));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._nav(
      "customOrNullObject",
      () => new FakeCustomConditionalFormat(this.context, () => this._customTarget(true), true)
    );
  }
  private _customTarget(orNull: boolean): CfTarget | null {
    const t = this._target();
    if (t.cf.type === "Custom") return t;
    if (orNull) return null;
    throw new FakeOfficeError("InvalidOperation", "This operation is not permitted for the current object.");
  }
  delete(): void {
    this._write(
      (t) => t.sheet,
      "conditionalFormat.delete",
      (t, sheet) => {
        sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(t.cf), 1);
        this.host._deletedFormats.add(t.cf);
        return `${t.cf.id} ${t.cf.ranges.join(",")}`;
      }
    );
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      if (t.cf.ranges.length !== 1) throw new FakeOfficeError("InvalidOperation", "Applied to several ranges.");
      return { sheet: t.sheet, area: parseRange(t.cf.ranges[0]) };
    });
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        return t.cf.ranges.length === 1 ? { sheet: t.sheet, area: parseRange(t.cf.ranges[0]) } : null;
      },
      true
    );
  }
}

export class FakeCustomConditionalFormat extends FakeClientObject<CfTarget> {
  constructor(context: FakeRequestContext, resolver: () => CfTarget | null, nullable = false) {
    super(context, "CustomConditionalFormat", resolver, nullable);
  }
  protected _scalarNames(): string[] {
    return [];
  }
  protected _scalar(): unknown {
    return undefined;
  }
  protected override _navigation(name: string) {
    if (name === "rule") return this.rule;
    if (name === "format") return this.format;
    return undefined;
  }
  get rule(): FakeConditionalFormatRule {
    return this._nav("rule", () => new FakeConditionalFormatRule(this.context, () => this._target()));
  }
  get format(): FakeConditionalRangeFormat {
    return this._nav("format", () => new FakeConditionalRangeFormat(this.context, () => this._target()));
  }
}

export class FakeConditionalFormatRule extends FakeClientObject<CfTarget> {
  constructor(context: FakeRequestContext, resolver: () => CfTarget) {
    super(context, "ConditionalFormatRule", resolver);
  }
  protected _scalarNames(): string[] {
    return ["formula", "formulaLocal"];
  }
  protected _scalar(_n: string, t: CfTarget): unknown {
    return t.cf.formula ?? "";
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(f: string) {
    this._write(
      (t) => t.sheet,
      "conditionalFormat.rule",
      (t) => {
        t.cf.formula = f;
        return `${t.cf.id} ${f}`;
      }
    );
  }
  get formulaLocal(): string {
    return this._get("formulaLocal");
  }
}

class FakeConditionalRangeFormat extends FakeClientObject<CfTarget> {
  constructor(context: FakeRequestContext, resolver: () => CfTarget) {
    super(context, "ConditionalRangeFormat", resolver);
  }
  protected _scalarNames(): string[] {
    return [];
  }
  protected _scalar(): unknown {
    return undefined;
  }
  protected override _navigation(name: string) {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }
  get fill(): FakeConditionalColor {
    return this._nav("fill", () => new FakeConditionalColor(this.context, () => this._target(), "fill"));
  }
  get font(): FakeConditionalColor {
    return this._nav("font", () => new FakeConditionalColor(this.context, () => this._target(), "fontColor"));
  }
}

/** ConditionalRangeFill and ConditionalRangeFont (only their colour). */
class FakeConditionalColor extends FakeClientObject<CfTarget> {
  constructor(
    context: FakeRequestContext,
    resolver: () => CfTarget,
    private key: "fill" | "fontColor"
  ) {
    super(context, key === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont", resolver);
  }
  protected _scalarNames(): string[] {
    return ["color"];
  }
  protected _scalar(_n: string, t: CfTarget): unknown {
    return t.cf[this.key] ?? null;
  }
  get color(): string {
    return this._get("color");
  }
  set color(c: string) {
    this._write(
      (t) => t.sheet,
      `conditionalFormat.${this.key}`,
      (t) => {
        t.cf[this.key] = c.toUpperCase();
        return `${t.cf.id} ${c}`;
      }
    );
  }
  clear(): void {
    this._write(
      (t) => t.sheet,
      `conditionalFormat.${this.key}`,
      (t) => {
        t.cf[this.key] = null;
        return t.cf.id;
      }
    );
  }
}
