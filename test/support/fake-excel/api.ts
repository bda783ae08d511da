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
 * - What a newer requirement set brings fails at the sync with "ApiNotFound" on a host whose `apiMinor` is lower:
 *   Range.dataValidation (ExcelApi 1.8), Worksheet.pageLayout (1.9). The proxies exist (Office.js's client library
 *   is the same everywhere); the host refuses their requests.
 * - The proxies of formats, data validations and page layouts are not extensible: assigning a property the fake does
 *   not model throws, rather than being silently ignored.
 */
import { parseRange, rangeAddress, type RangePosition } from "../../../src/core/address";
import { isCellError, type CellValue } from "../../../src/core/snapshot";
import { enterValue } from "./entry";
import {
  cellsOf,
  contains,
  intersects,
  qualify,
  subtract,
  usedArea,
  type BorderIndex,
  type BorderSide,
  type FakeCell,
  type FakeConditionalFormat,
  type FakeDataValidation,
  type FakePageLayout,
  type FakePageLayoutZoom,
  type FakeSheetState,
} from "./model";
import type { FakeExcel } from "./excel";
import { xmlNamespace, type FakeCustomXmlPart as PartState } from "./model";

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

const LAST_ROW = 1048575;
const LAST_COLUMN = 16383;
const WHOLE_SHEET: RangePosition = { top: 0, left: 0, bottom: LAST_ROW, right: LAST_COLUMN };
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

/** A request of a requirement set the host lacks (`apiMinor` below `minor`). */
function requireApi(host: FakeExcel, minor: number, what: string): void {
  if (host.options.apiMinor < minor) {
    throw new FakeOfficeError(
      "ApiNotFound",
      `The API you are trying to use could not be found (${what} needs ExcelApi 1.${minor}).`
    );
  }
}

function invalidArgument(message: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", message);
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
  // Initialised, so that they exist before a subclass makes its proxy non-extensible.
  private _pinned: T | undefined = undefined;
  /** Known after a sync for *OrNullObject proxies (and after any load). */
  protected _null: boolean | undefined = undefined;

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
  get customXmlParts(): FakeCustomXmlPartCollection {
    return this._nav("customXmlParts", () => new FakeCustomXmlPartCollection(this.context));
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

/**
 * A collection: no scalars of its own, and `items` loaded as proxies of its members (`_members`), each with the
 * items' own load tree. `_listBytes` is what the collection adds to the payload besides its items.
 */
abstract class FakeCollection<T, I extends FakeClientObject<unknown>> extends FakeClientObject<T> {
  private _items: I[] | undefined;
  protected readonly _listBytes: number = 2;
  protected abstract _members(t: T): I[];
  protected _scalarNames(): string[] {
    return [];
  }
  protected _scalar(): unknown {
    return undefined;
  }
  get items(): I[] {
    if (!this._items) throw notLoaded(this._className, "items");
    return this._items;
  }
  override _execLoad(tree: LoadTree): Loaded {
    const itemTree = tree.props.get("items") ?? tree;
    const items = this._members(this._target());
    const loads = items.map((i) => i._execLoad(isEmptyTree(itemTree) ? ALL : itemTree));
    return {
      bytes: loads.reduce((s, l) => s + l.bytes, 0) + this._listBytes,
      apply: () => {
        this._items = items;
        loads.forEach((l) => l.apply());
      },
    };
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheetState[], FakeWorksheet> {
  protected override readonly _listBytes = 0;
  constructor(context: FakeRequestContext) {
    super(context, "WorksheetCollection", () => context.host.state.sheets);
  }
  protected _members(sheets: FakeSheetState[]): FakeWorksheet[] {
    return sheets.map((s) => new FakeWorksheet(this.context, () => s));
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
    Object.preventExtensions(this);
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
    if (name === "protection") return this.protection;
    if (name === "pageLayout") return this.pageLayout;
    return undefined;
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
  /** ExcelApi 1.9. */
  get pageLayout(): FakePageLayoutProxy {
    return this._nav("pageLayout", () => new FakePageLayoutProxy(this.context, () => this._target()));
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

/** "A1:C4", "A1", "Sheet1!A1", whole columns "A:C" and whole rows "3:5" (with or without `$`). */
function parseAddress(address: string): RangePosition {
  const a = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).replace(/\$/g, "");
  const rows = /^([0-9]+):([0-9]+)$/.exec(a);
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  try {
    if (rows) {
      const r = parseRange(`A${rows[1]}:A${rows[2]}`);
      return { top: r.top, left: 0, bottom: r.bottom, right: LAST_COLUMN };
    }
    if (columns) {
      const c = parseRange(`${columns[1]}1:${columns[2]}1`);
      return { top: 0, left: c.left, bottom: LAST_ROW, right: c.right };
    }
    return parseRange(a);
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
    Object.preventExtensions(this);
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
    if (name === "dataValidation") return this.dataValidation;
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
  /** ExcelApi 1.8. */
  get dataValidation(): FakeDataValidationProxy {
    return this._nav("dataValidation", () => new FakeDataValidationProxy(this.context, () => this._target()));
  }

  /**
   * Merges the range into one merged area (`across`: each of its rows into one). As Excel does, only the top-left
   * value of each area is kept (the other cells' values and formulas are cleared, their formats kept), and merged
   * areas inside it are absorbed. A merged area that only partly overlaps it is refused (InvalidOperation), rather
   * than guessing how Excel would grow the range.
   */
  merge(across = false): void {
    this._write(
      (t) => t.sheet,
      "merge",
      (t, sheet) => {
        const { area } = t;
        const areas: RangePosition[] = across
          ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({
              ...area,
              top: area.top + i,
              bottom: area.top + i,
            }))
          : [area];
        const merges = sheet.merges.map((m) => parseRange(m));
        const partial = merges.find((m) => intersects(m, area) && !contains(area, m));
        if (partial) {
          throw new FakeOfficeError(
            "InvalidOperation",
            `Cannot merge ${rangeAddress(area)}: it partly overlaps the merged area ${rangeAddress(partial)}.`
          );
        }
        const kept = merges.filter((m) => !contains(area, m));
        let cleared = false;
        for (const a of areas) {
          if (a.top === a.bottom && a.left === a.right) continue; // one cell: nothing to merge
          kept.push(a);
          for (const { row, col, address } of cellsOf(a)) {
            const c = sheet.cells[address];
            if ((row === a.top && col === a.left) || !c) continue;
            if (c.value !== null || c.formula) {
              c.value = null;
              delete c.formula;
              cleared = true;
            }
          }
        }
        sheet.merges = kept.map((m) => rangeAddress(m));
        if (cleared) this.host._dataChanged(sheet, area, "ThisLocalAddin");
        return `${rangeAddress(area)}${across ? " across" : ""}`;
      }
    );
  }

  /** Splits the merged areas inside the range (those that only partly overlap it too, as Excel does). */
  unmerge(): void {
    this._write(
      (t) => t.sheet,
      "unmerge",
      (t, sheet) => {
        sheet.merges = sheet.merges.filter((m) => !intersects(parseRange(m), t.area));
        return rangeAddress(t.area);
      }
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
// Cell formats (fill, font, borders, alignment, wrap), column widths and row heights. The adapters must never write
// these on the user's sheets; the template writes them on the sheet it adds.

/** Excel's default column width (8.43 characters of the default font: 64 px) and row height, in points. */
const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_ROW_HEIGHT = 14.25;
const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

/** A column's letters ("A"), the key of FakeSheetState.columnWidths. */
function columnKey(col: number): string {
  return rangeAddress({ top: 0, left: col, bottom: 0, right: col }).replace(/[0-9]+$/, "");
}

/** The common value over `count` indices from `first`, or null when they differ. */
function commonOver<V>(first: number, last: number, f: (i: number) => V): V | null {
  let value: V | undefined;
  for (let i = first; i <= last; i++) {
    const v = f(i);
    if (i === first) value = v;
    else if (v !== value) return null;
  }
  return value ?? null;
}

class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, resolver: () => RangeTarget) {
    super(context, "RangeFormat", resolver);
    Object.preventExtensions(this);
  }
  protected _scalarNames(): string[] {
    return ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"];
  }
  protected _scalar(name: string, t: RangeTarget): unknown {
    const { sheet, area } = t;
    switch (name) {
      case "columnWidth":
        return commonOver(area.left, area.right, (c) => sheet.columnWidths?.[columnKey(c)] ?? DEFAULT_COLUMN_WIDTH);
      case "rowHeight":
        return commonOver(area.top, area.bottom, (r) => sheet.rowHeights?.[String(r + 1)] ?? DEFAULT_ROW_HEIGHT);
      case "wrapText":
        return common(t, (c) => c?.format?.wrapText ?? false);
      case "horizontalAlignment":
        return common(t, (c) => c?.format?.horizontalAlignment ?? "General");
      default:
        return common(t, (c) => c?.format?.verticalAlignment ?? "Bottom");
    }
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
  get borders(): { getItem(index: BorderIndex): FakeRangeBorder } {
    return { getItem: (index: BorderIndex) => new FakeRangeBorder(this.context, () => this._target(), index) };
  }

  /** The width of the range's columns, in points (0–1,000 as Excel takes; 0 hides the column). */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(points: number) {
    this._write(
      (t) => t.sheet,
      "format.columnWidth",
      (t, sheet) => {
        if (typeof points !== "number" || !(points >= 0 && points <= 1000)) {
          throw invalidArgument(`columnWidth ${String(points)} is not a width in points.`);
        }
        const widths = (sheet.columnWidths ??= {});
        for (let c = t.area.left; c <= t.area.right; c++) widths[columnKey(c)] = points;
        return `${columnKey(t.area.left)}:${columnKey(t.area.right)} ${points}`;
      }
    );
  }
  /** The height of the range's rows, in points (0–409 as Excel takes). */
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(points: number) {
    this._write(
      (t) => t.sheet,
      "format.rowHeight",
      (t, sheet) => {
        if (typeof points !== "number" || !(points >= 0 && points <= 409)) {
          throw invalidArgument(`rowHeight ${String(points)} is not a height in points.`);
        }
        const heights = (sheet.rowHeights ??= {});
        for (let r = t.area.top; r <= t.area.bottom; r++) heights[String(r + 1)] = points;
        return `${t.area.top + 1}:${t.area.bottom + 1} ${points}`;
      }
    );
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._setCells("format.wrapText", (c) => (c.format = { ...c.format, wrapText: v }));
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._setAlignment("horizontalAlignment", v, HORIZONTAL);
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._setAlignment("verticalAlignment", v, VERTICAL);
  }
  private _setAlignment(prop: "horizontalAlignment" | "verticalAlignment", v: string, allowed: string[]): void {
    this._setCells(`format.${prop}`, (c) => {
      if (!allowed.includes(v)) throw invalidArgument(`${prop} '${v}' is not one of ${allowed.join(", ")}.`);
      c.format = { ...c.format, [prop]: v };
    });
  }
  private _setCells(kind: string, f: (c: FakeCell) => void): void {
    this._write(
      (t) => t.sheet,
      kind,
      (t) => {
        forEachCell(t, f);
        return rangeAddress(t.area);
      }
    );
  }
}

/** The value of a per-cell format property over a range: the common value, or null when the cells differ. */
function common<V>(t: RangeTarget, f: (c: FakeCell | undefined) => V): V | null {
  return commonOfCells(t.sheet, cellsOf(t.area), f);
}

function commonOfCells<V>(
  sheet: FakeSheetState,
  cells: Iterable<{ address: string }>,
  f: (c: FakeCell | undefined) => V
): V | null {
  let first: V | undefined;
  for (const { address } of cells) {
    const v = f(sheet.cells[address]);
    if (first === undefined) first = v;
    else if (JSON.stringify(first) !== JSON.stringify(v)) return null;
  }
  return first ?? null;
}

function forEachCell(t: RangeTarget, f: (c: FakeCell) => void): void {
  const cells = (t.area.bottom - t.area.top + 1) * (t.area.right - t.area.left + 1);
  if (cells > MAX_READ_CELLS) {
    // Excel formats whole rows and columns without touching each cell; the fake stores formats per cell.
    throw new FakeOfficeError("InvalidArgument", "fake-excel: cell formats on more than 5,000,000 cells.");
  }
  for (const { address } of cellsOf(t.area)) f(ensureCell(t.sheet, address));
}

class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, resolver: () => RangeTarget) {
    super(context, "RangeFill", resolver);
    Object.preventExtensions(this);
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
    Object.preventExtensions(this);
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
        if (prop === "size" && !(typeof v === "number" && v >= 1 && v <= 409)) {
          throw invalidArgument(`font size ${String(v)} is not a size in points.`);
        }
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
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v);
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v);
  }
}

const BORDER_INDICES: readonly BorderIndex[] = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

/**
 * The cell edges a border of a range stands for: an edge of the range is that side of its edge cells; an inside
 * line is the facing sides of each pair of neighbouring cells (EdgeBottom above, EdgeTop below), as Excel saves them.
 */
function borderCells(area: RangePosition, index: BorderIndex): { row: number; col: number; side: BorderSide }[] {
  const out: { row: number; col: number; side: BorderSide }[] = [];
  for (const { row, col } of cellsOf(area)) {
    if (index === "EdgeTop" && row === area.top) out.push({ row, col, side: "EdgeTop" });
    if (index === "EdgeBottom" && row === area.bottom) out.push({ row, col, side: "EdgeBottom" });
    if (index === "EdgeLeft" && col === area.left) out.push({ row, col, side: "EdgeLeft" });
    if (index === "EdgeRight" && col === area.right) out.push({ row, col, side: "EdgeRight" });
    if (index === "InsideHorizontal") {
      if (row < area.bottom) out.push({ row, col, side: "EdgeBottom" });
      if (row > area.top) out.push({ row, col, side: "EdgeTop" });
    }
    if (index === "InsideVertical") {
      if (col < area.right) out.push({ row, col, side: "EdgeRight" });
      if (col > area.left) out.push({ row, col, side: "EdgeLeft" });
    }
  }
  return out;
}

class FakeRangeBorder extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    resolver: () => RangeTarget,
    private index: BorderIndex
  ) {
    super(context, "RangeBorder", resolver);
    Object.preventExtensions(this);
  }
  protected _scalarNames(): string[] {
    return ["style", "color", "weight", "sideIndex"];
  }
  protected _scalar(n: string, t: RangeTarget): unknown {
    if (n === "sideIndex") return this.index;
    const defaults: Record<string, unknown> = { style: "None", color: "#000000", weight: "Thin" };
    let first: unknown;
    let any = false;
    for (const { row, col, side } of borderCells(t.area, this.index)) {
      const b = t.sheet.cells[rangeAddress({ top: row, left: col, bottom: row, right: col })]?.format?.borders?.[side];
      const v = (b as Record<string, unknown> | undefined)?.[n] ?? defaults[n];
      if (!any) [first, any] = [v, true];
      else if (v !== first) return null;
    }
    return any ? first : defaults[n];
  }
  private _set(prop: "style" | "color" | "weight", v: string): void {
    this._write(
      (t) => t.sheet,
      "format.borders",
      (t, sheet) => {
        if (!BORDER_INDICES.includes(this.index)) throw invalidArgument(`No border '${this.index}'.`);
        if (prop === "style" && !BORDER_STYLES.includes(v)) throw invalidArgument(`No border style '${v}'.`);
        if (prop === "weight" && !BORDER_WEIGHTS.includes(v)) throw invalidArgument(`No border weight '${v}'.`);
        for (const { row, col, side } of borderCells(t.area, this.index)) {
          const c = ensureCell(sheet, rangeAddress({ top: row, left: col, bottom: row, right: col }));
          const borders = { ...c.format?.borders };
          if (prop === "style" && v === "None") delete borders[side];
          else borders[side] = { ...(borders[side] ?? { style: "Continuous", color: "#000000" }), [prop]: v };
          c.format = { ...c.format, borders };
        }
        return `${rangeAddress(t.area)} ${this.index}`;
      }
    );
  }
  get sideIndex(): string {
    return this._get("sideIndex");
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
// Data validation (ExcelApi 1.8)

const RULE_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};
const DEFAULT_ALERT = { showAlert: true, style: "Stop", title: "", message: "" };
const DEFAULT_PROMPT = { showPrompt: false, title: "", message: "" };
const ALERT_STYLES = ["Stop", "Warning", "Information"];

/**
 * Splits the sheet's validations along `area`, so that each lies inside it or apart from it; returns those inside.
 */
function splitValidations(sheet: FakeSheetState, area: RangePosition): FakeDataValidation[] {
  const list = sheet.dataValidations ?? [];
  const next: FakeDataValidation[] = [];
  const inside: FakeDataValidation[] = [];
  for (const v of list) {
    const r = parseRange(v.range);
    if (!intersects(r, area)) {
      next.push(v);
      continue;
    }
    for (const part of subtract(r, area)) next.push({ ...cloneValidation(v), range: rangeAddress(part) });
    const common: RangePosition = {
      top: Math.max(r.top, area.top),
      left: Math.max(r.left, area.left),
      bottom: Math.min(r.bottom, area.bottom),
      right: Math.min(r.right, area.right),
    };
    const piece = { ...cloneValidation(v), range: rangeAddress(common) };
    next.push(piece);
    inside.push(piece);
  }
  sheet.dataValidations = next;
  return inside;
}

function cloneValidation(v: FakeDataValidation): FakeDataValidation {
  return JSON.parse(JSON.stringify(v)) as FakeDataValidation;
}

function tidyValidations(sheet: FakeSheetState): void {
  if (sheet.dataValidations?.length === 0) delete sheet.dataValidations;
}

/** The cells of `area` no validation covers, as rectangles. */
function uncovered(area: RangePosition, pieces: FakeDataValidation[]): RangePosition[] {
  let rest = [area];
  for (const p of pieces) rest = rest.flatMap((r) => subtract(r, parseRange(p.range)));
  return rest;
}

export class FakeDataValidationProxy extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, resolver: () => RangeTarget) {
    super(context, "DataValidation", resolver);
    Object.preventExtensions(this);
  }
  override _execLoad(tree: LoadTree): Loaded {
    requireApi(this.host, 8, "DataValidation");
    return super._execLoad(tree);
  }
  protected _scalarNames(): string[] {
    return ["type", "rule", "errorAlert", "prompt", "ignoreBlanks", "valid"];
  }
  /** Over a range, a property has a value when one validation covers all its cells, or several that agree. */
  protected _scalar(name: string, t: RangeTarget): unknown {
    const pieces = (t.sheet.dataValidations ?? []).filter((v) => intersects(parseRange(v.range), t.area));
    const covered = uncovered(t.area, pieces).length === 0;
    const agreed = <V>(f: (v: FakeDataValidation) => V, none: V): V | null => {
      if (pieces.length === 0) return none;
      if (!covered) return null;
      const values = pieces.map((p) => JSON.stringify(f(p)));
      return values.every((v) => v === values[0]) ? f(pieces[0]) : null;
    };
    switch (name) {
      case "type": {
        if (pieces.length === 0) return "None";
        const rule = agreed((v) => v.rule, {});
        if (rule === null) return "Inconsistent";
        return RULE_TYPES[Object.keys(rule)[0]] ?? "None";
      }
      case "rule":
        return agreed((v) => v.rule, {});
      case "errorAlert":
        return agreed((v) => v.errorAlert, DEFAULT_ALERT);
      case "prompt":
        return agreed((v) => v.prompt, DEFAULT_PROMPT);
      case "ignoreBlanks":
        return agreed((v) => v.ignoreBlanks, true);
      default:
        return pieces.every((p) => this._valid(t.sheet, p));
    }
  }
  /** Whether the cells satisfy a list rule with a literal source (other rules are taken as satisfied). */
  private _valid(sheet: FakeSheetState, v: FakeDataValidation): boolean {
    const list = v.rule.list as { source?: unknown } | undefined;
    if (!list || typeof list.source !== "string" || list.source.startsWith("=")) return true;
    const items = list.source.split(",").map((s) => s.trim());
    for (const { address } of cellsOf(parseRange(v.range))) {
      const value = sheet.cells[address]?.value ?? null;
      if (value === null || value === "") {
        if (!v.ignoreBlanks) return false;
      } else if (!items.includes(String(value))) return false;
    }
    return true;
  }
  private _change(kind: string, f: (sheet: FakeSheetState, area: RangePosition) => string): void {
    this._write(
      (t) => t.sheet,
      kind,
      (t, sheet) => {
        requireApi(this.host, 8, "DataValidation");
        const detail = f(sheet, t.area);
        tidyValidations(sheet);
        return `${rangeAddress(t.area)} ${detail}`.trim();
      }
    );
  }
  get type(): string {
    return this._get("type");
  }
  get valid(): boolean {
    return this._get("valid");
  }
  get rule(): Excel.DataValidationRule {
    return this._get("rule");
  }
  /** Replaces the validation of the range's cells (keeping the alert and prompt they agreed on). */
  set rule(rule: Excel.DataValidationRule) {
    const value = JSON.parse(JSON.stringify(rule ?? {})) as Record<string, unknown>;
    this._change("dataValidation.rule", (sheet, area) => {
      const keys = Object.keys(value);
      if (keys.length !== 1 || !RULE_TYPES[keys[0]]) {
        throw invalidArgument(`A data validation rule needs exactly one of ${Object.keys(RULE_TYPES).join(", ")}.`);
      }
      const list = value.list as { source?: unknown; inCellDropDown?: unknown } | undefined;
      if (list) {
        if (typeof list.source !== "string" || list.source === "") {
          throw invalidArgument("A list rule needs a source (the fake takes text: 'a,b,c' or '=A1:A3').");
        }
        if (list.source.length > 255 && !list.source.startsWith("=")) {
          throw invalidArgument("A list's source is longer than 255 characters.");
        }
        list.inCellDropDown ??= true;
      }
      const inside = splitValidations(sheet, area);
      const keep = inside.length > 0 && uncovered(area, inside).length === 0 ? inside[0] : undefined;
      sheet.dataValidations = sheet.dataValidations!.filter((v) => !inside.includes(v));
      sheet.dataValidations.push({
        range: rangeAddress(area),
        rule: value,
        errorAlert: keep ? keep.errorAlert : { ...DEFAULT_ALERT },
        prompt: keep ? keep.prompt : { ...DEFAULT_PROMPT },
        ignoreBlanks: keep ? keep.ignoreBlanks : true,
      });
      return keys[0];
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get("errorAlert");
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    const value = JSON.parse(JSON.stringify(alert ?? {})) as Partial<FakeDataValidation["errorAlert"]>;
    this._change("dataValidation.errorAlert", (sheet, area) => {
      if (value.style !== undefined && !ALERT_STYLES.includes(value.style)) {
        throw invalidArgument(`No error alert style '${value.style}'.`);
      }
      this._update(sheet, area, (v) => (v.errorAlert = { ...v.errorAlert, ...value }));
      return value.style ?? "";
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get("prompt");
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    const value = JSON.parse(JSON.stringify(prompt ?? {})) as Partial<FakeDataValidation["prompt"]>;
    this._change("dataValidation.prompt", (sheet, area) => {
      this._update(sheet, area, (v) => (v.prompt = { ...v.prompt, ...value }));
      return "";
    });
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(on: boolean) {
    this._change("dataValidation.ignoreBlanks", (sheet, area) => {
      this._update(sheet, area, (v) => (v.ignoreBlanks = on));
      return String(on);
    });
  }
  /** Removes the validation of the range's cells. */
  clear(): void {
    this._change("dataValidation.clear", (sheet, area) => {
      const inside = splitValidations(sheet, area);
      sheet.dataValidations = sheet.dataValidations!.filter((v) => !inside.includes(v));
      return "";
    });
  }
  /** Updates the validations of the range's cells; cells without one get one without a rule (type None). */
  private _update(sheet: FakeSheetState, area: RangePosition, f: (v: FakeDataValidation) => void): void {
    const inside = splitValidations(sheet, area);
    for (const r of uncovered(area, inside)) {
      const v: FakeDataValidation = {
        range: rangeAddress(r),
        rule: {},
        errorAlert: { ...DEFAULT_ALERT },
        prompt: { ...DEFAULT_PROMPT },
        ignoreBlanks: true,
      };
      sheet.dataValidations!.push(v);
      inside.push(v);
    }
    inside.forEach(f);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Page layout (ExcelApi 1.9)

const PAPER_TYPES = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
];

/** What an unset page layout reads as: a Chinese Excel's A4 portrait at 100%. */
const PAGE_DEFAULTS: Required<Omit<FakePageLayout, "printTitleRows" | "printTitleColumns">> = {
  orientation: "Portrait",
  paperSize: "A4",
  centerHorizontally: false,
  centerVertically: false,
  printGridlines: false,
  zoom: { scale: 100 },
};

export class FakePageLayoutProxy extends FakeClientObject<FakeSheetState> {
  constructor(context: FakeRequestContext, resolver: () => FakeSheetState) {
    super(context, "PageLayout", resolver);
    Object.preventExtensions(this);
  }
  override _execLoad(tree: LoadTree): Loaded {
    requireApi(this.host, 9, "PageLayout");
    return super._execLoad(tree);
  }
  protected _scalarNames(): string[] {
    return Object.keys(PAGE_DEFAULTS);
  }
  protected _scalar(name: string, s: FakeSheetState): unknown {
    const key = name as keyof typeof PAGE_DEFAULTS;
    return s.pageLayout?.[key] ?? PAGE_DEFAULTS[key];
  }
  private _set<K extends keyof FakePageLayout>(prop: K, v: FakePageLayout[K], check?: () => void): void {
    const value = JSON.parse(JSON.stringify(v ?? null)) as FakePageLayout[K];
    this._write(
      (s) => s,
      `pageLayout.${prop}`,
      (s) => {
        requireApi(this.host, 9, "PageLayout");
        check?.();
        (s.pageLayout ??= {})[prop] = value;
        return typeof value === "object" ? JSON.stringify(value) : String(value);
      }
    );
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._set("orientation", v, () => {
      if (v !== "Portrait" && v !== "Landscape") throw invalidArgument(`No orientation '${v}'.`);
    });
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    this._set("paperSize", v, () => {
      if (!PAPER_TYPES.includes(v)) throw invalidArgument(`The fake knows no paper size '${v}'.`);
    });
  }
  get centerHorizontally(): boolean {
    return this._get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this._set("centerHorizontally", v);
  }
  get centerVertically(): boolean {
    return this._get("centerVertically");
  }
  set centerVertically(v: boolean) {
    this._set("centerVertically", v);
  }
  get printGridlines(): boolean {
    return this._get("printGridlines");
  }
  set printGridlines(v: boolean) {
    this._set("printGridlines", v);
  }
  get zoom(): FakePageLayoutZoom {
    return this._get("zoom");
  }
  /** A scale (10–400 %), or a number of pages wide and tall to fit (0: as many as needed). */
  set zoom(v: FakePageLayoutZoom) {
    this._set("zoom", v, () => {
      const pages = [v?.horizontalFitToPages, v?.verticalFitToPages].filter((p) => p !== undefined);
      const scaleOk = v?.scale === undefined || (Number.isFinite(v.scale) && v.scale >= 10 && v.scale <= 400);
      const pagesOk = pages.every((p) => Number.isInteger(p) && p! >= 0);
      if (!v || (v.scale === undefined && pages.length === 0) || !scaleOk || !pagesOk) {
        throw invalidArgument(`Not a zoom: ${JSON.stringify(v)}.`);
      }
    });
  }
  /** Rows repeated at the top of every printed page: "$3:$5", or a range (its rows). */
  setPrintTitleRows(rows: string | FakeRange): void {
    this._setTitles("printTitleRows", rows);
  }
  /** Columns repeated at the left of every printed page: "$A:$B", or a range (its columns). */
  setPrintTitleColumns(columns: string | FakeRange): void {
    this._setTitles("printTitleColumns", columns);
  }
  getPrintTitleRowsOrNullObject(): FakeRange {
    return this._titles("printTitleRows");
  }
  getPrintTitleColumnsOrNullObject(): FakeRange {
    return this._titles("printTitleColumns");
  }
  private _setTitles(prop: "printTitleRows" | "printTitleColumns", given: string | FakeRange): void {
    this._write(
      (s) => s,
      `pageLayout.${prop}`,
      (s) => {
        requireApi(this.host, 9, "PageLayout");
        const area = typeof given === "string" ? parseAddress(given) : given._target().area;
        const value =
          prop === "printTitleRows"
            ? `$${area.top + 1}:$${area.bottom + 1}`
            : `$${columnKey(area.left)}:$${columnKey(area.right)}`;
        (s.pageLayout ??= {})[prop] = value;
        return value;
      }
    );
  }
  private _titles(prop: "printTitleRows" | "printTitleColumns"): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this._target();
        requireApi(this.host, 9, "PageLayout");
        const titles = sheet.pageLayout?.[prop];
        return titles ? { sheet, area: parseAddress(titles) } : null;
      },
      true
    );
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

export class FakeConditionalFormatCollection extends FakeCollection<RangeTarget, FakeConditionalFormat_> {
  constructor(context: FakeRequestContext, resolver: () => RangeTarget) {
    super(context, "ConditionalFormatCollection", resolver);
  }
  /** The formats that overlap the range, in priority order. */
  private _overlapping(t: RangeTarget): FakeConditionalFormat[] {
    return t.sheet.conditionalFormats.filter((cf) => cfAreas(cf).some((a) => intersects(a, t.area)));
  }
  protected _members(t: RangeTarget): FakeConditionalFormat_[] {
    return this._overlapping(t).map(
      (cf) =>
        new FakeConditionalFormat_(this.context, () =>
          this.host._deletedFormats.has(cf) ? null : { sheet: t.sheet, cf }
        )
    );
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

// ---------------------------------------------------------------------------------------------------------------
// Custom XML parts (ExcelApi 1.5)

/** A ClientResult: its value arrives with the sync. */
function clientResult<V>(context: FakeRequestContext, compute: () => V): { value: V } {
  const result = {
    _v: undefined as V | undefined,
    _set: false,
    get value(): V {
      if (!this._set) throw notLoaded("ClientResult", "value");
      return this._v as V;
    },
  };
  context._enqueue(() => {
    const v = compute();
    return {
      bytes: sizeOf(v),
      apply: () => {
        result._v = v;
        result._set = true;
      },
    };
  });
  return result;
}

function partsOf(host: FakeExcel): PartState[] {
  requireApi(host, 5, "Workbook.customXmlParts");
  return (host.state.customXmlParts ??= []);
}

/** Checks the XML as Excel does before storing it (a part must be well-formed XML with a root element). */
function checkXml(xml: unknown): string {
  if (typeof xml !== "string" || !/<[A-Za-z_][^>]*>/.test(xml) || /<\/?>/.test(xml)) {
    throw invalidArgument("The XML is not valid.");
  }
  return xml;
}

/** What both part collections share: their items are the parts. */
abstract class FakePartList extends FakeCollection<PartState[], FakeCustomXmlPart_> {
  protected _members(parts: PartState[]): FakeCustomXmlPart_[] {
    return parts.map((p) => new FakeCustomXmlPart_(this.context, () => p));
  }
}

export class FakeCustomXmlPartCollection extends FakePartList {
  constructor(context: FakeRequestContext) {
    super(context, "CustomXmlPartCollection", () => partsOf(context.host));
  }
  add(xml: string): FakeCustomXmlPart_ {
    let created: PartState | undefined;
    this.context._enqueue(() => {
      const part = { id: this.host._newId("xml"), xml: checkXml(xml) };
      partsOf(this.host).push(part);
      created = part;
      this.host._record({ kind: "customXmlParts.add", sheet: "", detail: xmlNamespace(part.xml) });
    });
    return new FakeCustomXmlPart_(this.context, () => created ?? null);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, () =>
      partsOf(this.host).filter((p) => xmlNamespace(p.xml) === namespaceUri)
    );
  }
  getItem(id: string): FakeCustomXmlPart_ {
    return new FakeCustomXmlPart_(this.context, () => partsOf(this.host).find((p) => p.id === id) ?? null);
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart_ {
    return new FakeCustomXmlPart_(this.context, () => partsOf(this.host).find((p) => p.id === id) ?? null, true);
  }
  getCount(): { value: number } {
    return clientResult(this.context, () => partsOf(this.host).length);
  }
}

export class FakeCustomXmlPartScopedCollection extends FakePartList {
  constructor(context: FakeRequestContext, resolver: () => PartState[]) {
    super(context, "CustomXmlPartScopedCollection", resolver);
  }
  getCount(): { value: number } {
    return clientResult(this.context, () => this._target().length);
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart_ {
    return new FakeCustomXmlPart_(
      this.context,
      () => {
        const parts = this._target();
        return parts.length === 1 ? parts[0] : null;
      },
      true
    );
  }
}

/** Excel.CustomXmlPart. */
export class FakeCustomXmlPart_ extends FakeClientObject<PartState> {
  constructor(context: FakeRequestContext, resolver: () => PartState | null, nullable = false) {
    super(context, "CustomXmlPart", resolver, nullable);
  }
  protected override _stillValid(t: PartState): boolean {
    return partsOf(this.host).includes(t);
  }
  protected _scalarNames(): string[] {
    return ["id", "namespaceUri"];
  }
  protected _scalar(n: string, t: PartState): unknown {
    return n === "id" ? t.id : xmlNamespace(t.xml);
  }
  get id(): string {
    return this._get("id");
  }
  get namespaceUri(): string {
    return this._get("namespaceUri");
  }
  getXml(): { value: string } {
    return clientResult(this.context, () => this._target().xml);
  }
  setXml(xml: string): void {
    this.context._enqueue(() => {
      const t = this._target();
      t.xml = checkXml(xml);
      this.host._record({ kind: "customXmlPart.setXml", sheet: "", detail: t.id });
    });
  }
  delete(): void {
    this.context._enqueue(() => {
      const t = this._target();
      const parts = partsOf(this.host);
      parts.splice(parts.indexOf(t), 1);
      this.host._record({ kind: "customXmlPart.delete", sheet: "", detail: t.id });
    });
  }
}
