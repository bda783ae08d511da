/**
 * A sheet snapshot: the plain data the core reads. The Excel add-in adapter (src/excel) and the .xlsx adapter
 * (src/xlsx) both produce it; nothing in the core knows where it came from.
 */

/** An Excel error value such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
}

/**
 * A cell's value as Excel's `Range.values` gives it: a number (dates are serial numbers), text, a boolean,
 * an error, or null for an empty cell.
 */
export type CellValue = string | number | boolean | CellError | null;

export interface SheetSnapshot {
  /** The worksheet's name. */
  name: string;
  /** Top-left cell of the used range, e.g. "A1" (values[0][0] is that cell). */
  origin: string;
  /** values[r][c]: the (cached) value of each cell of the used range. */
  values: CellValue[][];
  /** formulas[r][c]: the formula text ("=SUM(D7:D17)") or null for a constant or empty cell. */
  formulas: (string | null)[][];
  /** numberFormats[r][c]: the number format code ("General", "0.00", "@"). */
  numberFormats: string[][];
  /** Merged areas as absolute A1 ranges ("A1:F1"). */
  merges: string[];
  /** True when the sheet is protected (the add-in cannot highlight it). */
  protected?: boolean;
  /** False when the sheet is hidden. */
  visible?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** Excel error literals, as they appear when an error value arrives as text (the add-in API gives "#REF!"). */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

/** An empty snapshot of a sheet with nothing in it. */
export function emptySnapshot(name: string): SheetSnapshot {
  return { name, origin: "A1", values: [], formulas: [], numberFormats: [], merges: [] };
}
