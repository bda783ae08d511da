/**
 * The fake Excel's workbook state: plain JSON-able data (what a saved .xlsx would hold), with no Office.js, Node or
 * jest import, so it also runs in a browser (test/browser/office-stub.ts).
 *
 * Cells are stored sparsely by A1 address. Conditional formats are stored in priority order (index 0 is the top
 * priority), each with the ranges it applies to. A user's own formats (fill, font, borders) live on the cells; the
 * add-in must never change them — except on a sheet it added itself (a template), which gets cell formats, merges,
 * column widths, row heights, data validations and a page layout, all stored here and saved with the workbook.
 * Those sheet-level parts are optional: a sheet that never had any (and a workbook saved before they existed) has
 * none of the keys, so its JSON is what it always was.
 */
import { cellAddress, parseCell, parseRange, rangeAddress, type RangePosition } from "../../../src/core/address";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";

/** The borders a cell stores (Excel's inside borders of a range are the edges of its cells). */
export type BorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";
/** What Range.format.borders.getItem takes: a cell's edges, and a range's inside lines. */
export type BorderIndex = BorderSide | "InsideHorizontal" | "InsideVertical";

export interface FakeBorder {
  style: string;
  color: string;
  weight?: string;
}

/** A cell's own (user-owned) formats. */
export interface FakeCellFormat {
  fill?: string;
  font?: { color?: string; bold?: boolean; italic?: boolean; name?: string; size?: number };
  borders?: Partial<Record<BorderSide, FakeBorder>>;
  wrapText?: boolean;
  /** "General" (absent), "Left", "Center", "Right", … */
  horizontalAlignment?: string;
  /** "Bottom" (absent), "Top", "Center", … */
  verticalAlignment?: string;
}

/** A data validation rule as Office.js sets it: one key, e.g. `{ list: { inCellDropDown, source } }`. */
export type FakeDataValidationRule = Record<string, unknown>;

export interface FakeDataValidationErrorAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

export interface FakeDataValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

/** The data validation of one rectangle of cells (a sheet's validations do not overlap). */
export interface FakeDataValidation {
  range: string;
  /** `{}` when only an alert or prompt was set (type "None"). */
  rule: FakeDataValidationRule;
  errorAlert: FakeDataValidationErrorAlert;
  prompt: FakeDataValidationPrompt;
  ignoreBlanks: boolean;
}

export interface FakePageLayoutZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

/** What was set of a sheet's page layout (what was not set reads as Excel's default). */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  centerHorizontally?: boolean;
  centerVertically?: boolean;
  printGridlines?: boolean;
  zoom?: FakePageLayoutZoom;
  /** "$3:$5" */
  printTitleRows?: string;
  /** "$A:$B" */
  printTitleColumns?: string;
}

export interface FakeCell {
  /** The (cached) value: text, number, boolean, an error, or null when empty. */
  value: CellValue;
  /** "=SUM(D7:D17)" for a formula cell. */
  formula?: string;
  /** Number format code; absent means "General". */
  numberFormat?: string;
  /** The text was entered with a leading apostrophe (Excel's quotePrefix style flag). */
  quotePrefix?: boolean;
  format?: FakeCellFormat;
}

export interface FakeConditionalFormat {
  /** Session id: regenerated when the workbook is reopened, as Excel's ids are not stored in the file. */
  id: string;
  /** "Custom", "CellValue", "ColorScale", … */
  type: string;
  /** The A1 ranges it applies to. */
  ranges: string[];
  /** The rule formula of a Custom (or CellValue) format. */
  formula?: string;
  fill?: string | null;
  fontColor?: string | null;
  stopIfTrue?: boolean;
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Record<string, FakeCell>;
  merges: string[];
  /** Priority order: index 0 is the top priority. */
  conditionalFormats: FakeConditionalFormat[];
  /** Column widths in points by column letter ("A": 60); a column not here has the default width. */
  columnWidths?: Record<string, number>;
  /** Row heights in points by row number ("3": 40); a row not here has the default height. */
  rowHeights?: Record<string, number>;
  /** Data validations (ExcelApi 1.8), in the order they were set. */
  dataValidations?: FakeDataValidation[];
  /** The page layout (ExcelApi 1.9), when something of it was set. */
  pageLayout?: FakePageLayout;
}

export interface FakeWorkbookState {
  format: "fake-excel/1";
  sheets: FakeSheetState[];
  /** Name of the active sheet. */
  active: string;
  /** The selection on the active sheet. */
  selection: string;
  /** Custom XML parts (Workbook.customXmlParts, ExcelApi 1.5), saved with the workbook; absent when none. */
  customXmlParts?: FakeCustomXmlPart[];
}

/** A custom XML part: its id (kept in the file, as Excel keeps the item's itemID) and its XML text. */
export interface FakeCustomXmlPart {
  id: string;
  xml: string;
}

/** The namespace of a part: its root element's default or prefixed namespace ("" when it has none). */
export function xmlNamespace(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*((?:\s+[^>]*?)?)\/?>/.exec(xml.replace(/<\?[\s\S]*?\?>/g, ""));
  if (!root) return "";
  const prefix = root[1] ? root[1].slice(0, -1) : "";
  const attr = new RegExp(`xmlns${prefix ? ":" + prefix : ""}\\s*=\\s*["']([^"']*)["']`).exec(root[2] ?? "");
  return attr ? attr[1] : "";
}

/** True when the JSON is a saved fake workbook (rather than a SheetSnapshot or WorkbookSnapshot). */
export function isFakeWorkbookState(x: unknown): x is FakeWorkbookState {
  return typeof x === "object" && x !== null && (x as FakeWorkbookState).format === "fake-excel/1";
}

let idCounter = 0;
export function newId(prefix: string): string {
  idCounter++;
  return `{${prefix}-${Date.now().toString(36)}-${idCounter.toString(36)}}`;
}

export function emptySheet(name: string): FakeSheetState {
  return {
    id: newId("sheet"),
    name,
    visibility: "Visible",
    protected: false,
    cells: {},
    merges: [],
    conditionalFormats: [],
  };
}

/** A sheet's state from a snapshot (values, formulas, number formats, merges, protection, visibility). */
export function sheetFromSnapshot(s: SheetSnapshot): FakeSheetState {
  const sheet = emptySheet(s.name);
  sheet.protected = s.protected === true;
  sheet.visibility = s.visible === false ? "Hidden" : "Visible";
  const o = parseCell(s.origin);
  s.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = s.formulas[r]?.[c] ?? undefined;
      const numberFormat = s.numberFormats[r]?.[c];
      const cell: FakeCell = { value: value ?? null };
      if (formula) cell.formula = formula;
      if (numberFormat && numberFormat !== "General") cell.numberFormat = numberFormat;
      if (cell.value !== null || cell.formula || cell.numberFormat)
        sheet.cells[cellAddress(o.row + r, o.col + c)] = cell;
    })
  );
  sheet.merges = s.merges.map((m) => rangeAddress(parseRange(m)));
  return sheet;
}

export function workbookFromSnapshots(snapshots: SheetSnapshot[] | WorkbookSnapshot): FakeWorkbookState {
  const list = Array.isArray(snapshots) ? snapshots : snapshots.sheets;
  const sheets = list.map(sheetFromSnapshot);
  if (sheets.length === 0) sheets.push(emptySheet("Sheet1"));
  const active = (sheets.find((s) => s.visibility === "Visible") ?? sheets[0]).name;
  return { format: "fake-excel/1", sheets, active, selection: "A1" };
}

export function cloneState<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Every cell address of a range, row by row. */
export function* cellsOf(r: RangePosition): Generator<{ row: number; col: number; address: string }> {
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) yield { row, col, address: cellAddress(row, col) };
}

/** The parts of `a` outside `b`: up to four rectangles (none when `b` covers `a`, `[a]` when they are apart). */
export function subtract(a: RangePosition, b: RangePosition): RangePosition[] {
  if (!intersects(a, b)) return [a];
  const out: RangePosition[] = [];
  if (a.top < b.top) out.push({ top: a.top, left: a.left, bottom: b.top - 1, right: a.right });
  if (a.bottom > b.bottom) out.push({ top: b.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, left: a.left, bottom, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, left: b.right + 1, bottom, right: a.right });
  return out;
}

export function intersects(a: RangePosition, b: RangePosition): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: RangePosition, inner: RangePosition): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

/** The bounding box of what the sheet uses: cells with a value, formula or format, and merged areas. */
export function usedArea(sheet: FakeSheetState, valuesOnly = false): RangePosition | null {
  let box: RangePosition | null = null;
  const grow = (r: RangePosition) => {
    box = box
      ? {
          top: Math.min(box.top, r.top),
          left: Math.min(box.left, r.left),
          bottom: Math.max(box.bottom, r.bottom),
          right: Math.max(box.right, r.right),
        }
      : { ...r };
  };
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const hasValue = (cell.value !== null && cell.value !== "") || !!cell.formula;
    const hasFormat =
      !!cell.numberFormat ||
      !!cell.quotePrefix ||
      !!cell.format?.fill ||
      !!cell.format?.font ||
      cell.format?.wrapText !== undefined ||
      !!cell.format?.horizontalAlignment ||
      !!cell.format?.verticalAlignment ||
      Object.keys(cell.format?.borders ?? {}).length > 0;
    if (hasValue || (!valuesOnly && hasFormat)) {
      const p = parseCell(address);
      grow({ top: p.row, left: p.col, bottom: p.row, right: p.col });
    }
  }
  if (!valuesOnly) for (const m of sheet.merges) grow(parseRange(m));
  return box;
}

/** Quotes a sheet name for an address when Excel would: "'2021年'!A1", "Sheet1!A1". */
export function qualify(sheetName: string, address: string): string {
  const plain = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheetName);
  return `${plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`}!${address}`;
}
