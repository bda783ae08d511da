/**
 * The part of WPS 表格's JS object model (the VBA-like "JSA" a WPS 加载项 page reaches as `window.Application`) that
 * the WPS host uses, typed loosely, with the enum values it needs and the normalisers for what different WPS builds
 * return. Every member access is a synchronous call into WPS, so the adapters read in bulk and cache what they read.
 *
 * Shapes handled (see test/support/fake-wps for which are documented and which are assumed):
 * - a multi-cell Value2 / Formula: a 2-D array (rows), a flat row-major array, or a SAFEARRAY-like wrapper with
 *   Item(row, col) (1-based); a one-cell range gives the scalar;
 * - parameterised properties (Address) as a method or as a plain property;
 * - error values as their text ("#REF!") or as VBA's CVErr long (-2146826265);
 * - empty cells as undefined, null or "".
 */
import type { CellValue } from "../core/snapshot";

/** The object model is dynamic (COM-like): its objects are typed loosely. */
export type WpsObject = any;

/** The enum values used (Excel's VBA constants, which WPS keeps). */
export const XL = {
  expression: 2, // XlFormatConditionType.xlExpression
  cellValue: 1,
  edgeLeft: 7,
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  insideVertical: 11,
  insideHorizontal: 12,
  continuous: 1, // XlLineStyle
  thin: 2, // XlBorderWeight
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  landscape: 2, // XlPageOrientation
  paperA4: 9,
  validateList: 3, // XlDVType
  validAlertWarning: 2, // XlDVAlertStyle
  between: 1,
  sheetVisible: -1, // XlSheetVisibility
  ctpDockRight: 2, // MsoCTPDockPosition
} as const;

/** VBA's CVErr longs of the worksheet errors. */
const ERROR_BY_CODE: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};
const ERROR_TEXTS = new Set([...Object.values(ERROR_BY_CODE), "#GETTING_DATA", "#SPILL!", "#CALC!"]);

/** A member that may be a parameterised property exposed as a method, or a plain property. */
export function prop<T = unknown>(obj: WpsObject, name: string, ...args: unknown[]): T {
  const v = obj[name];
  return (typeof v === "function" ? v.apply(obj, args) : v) as T;
}

/** A range's address without "$" or sheet name ("B2:F85", "A1"). */
export function addressOf(range: WpsObject): string {
  const a = prop<string>(range, "Address", false, false);
  return String(a).replace(/\$/g, "").replace(/^.*!/, "").toUpperCase();
}

/**
 * Whatever a Value2 / Formula read returned, as rows × cols. Scalars fill a 1 × 1 grid; a flat array is cut into
 * rows; an Item(r, c) wrapper is read cell by cell (each Item is a call: counted by the caller's WPS).
 */
export function toGrid(raw: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(raw)) {
    if (raw.length > 0 && Array.isArray(raw[0])) return raw as unknown[][];
    if (rows === 1 && raw.length === cols) return [raw];
    if (cols === 1 && raw.length === rows) return raw.map((v) => [v]);
    if (raw.length === rows * cols) {
      const out: unknown[][] = [];
      for (let r = 0; r < rows; r++) out.push(raw.slice(r * cols, (r + 1) * cols));
      return out;
    }
    throw new Error(`WPS returned ${raw.length} values for a ${rows}×${cols} range`);
  }
  if (raw !== null && typeof raw === "object" && typeof (raw as { Item?: unknown }).Item === "function") {
    const item = raw as { Item(r: number, c: number): unknown };
    const out: unknown[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= cols; c++) row.push(item.Item(r, c));
      out.push(row);
    }
    return out;
  }
  if (rows === 1 && cols === 1) return [[raw]];
  // VBArray (old WPS builds): toArray() gives the column-major flat array.
  if (raw !== null && typeof raw === "object" && typeof (raw as { toArray?: unknown }).toArray === "function") {
    const flat = (raw as { toArray(): unknown[] }).toArray();
    const out: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < cols; c++) row.push(flat[c * rows + r]);
      out.push(row);
    }
    return out;
  }
  throw new Error(`WPS returned an unexpected ${typeof raw} for a ${rows}×${cols} range`);
}

/** One Value2 entry as a snapshot value. `formula` tells an error text from a formula apart from typed text. */
export function toCellValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") {
    const err = ERROR_BY_CODE[v];
    return err ? { error: err } : v;
  }
  if (typeof v === "string") return ERROR_TEXTS.has(v) ? { error: v } : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return String(v);
  return String(v);
}

/** One Formula entry: the formula when the cell has one (Formula gives constants as text too). */
export function toFormula(formula: unknown, value: unknown): string | null {
  if (typeof formula !== "string" || !formula.startsWith("=") || formula.length < 2) return null;
  if (typeof value === "string" && value === formula) return null; // '=abc typed as text
  return formula;
}

/** "#RRGGBB" → the BGR long WPS (like VBA) takes for colours. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
}

/** Runs `write` with screen updating off (restored after, also on failure). */
export function withScreenOff<T>(app: WpsObject, write: () => T): T {
  let was: unknown = true;
  try {
    was = app.ScreenUpdating;
    app.ScreenUpdating = false;
  } catch {
    // an older build without ScreenUpdating: write anyway
  }
  try {
    return write();
  } finally {
    try {
      app.ScreenUpdating = was !== false;
    } catch {
      // as above
    }
  }
}

/** The WPS Application of this page, when it runs inside WPS; undefined elsewhere (Excel, a plain browser). */
export function wpsApplication(win: unknown): WpsObject | undefined {
  const w = win as { Application?: WpsObject; wps?: { Application?: WpsObject } } | undefined;
  const app = w?.wps?.Application ?? w?.Application;
  if (app === null || app === undefined || (typeof app !== "object" && typeof app !== "function")) return undefined;
  return app;
}
