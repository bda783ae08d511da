/**
 * The three kinds of SpreadsheetML part a snapshot needs, each parsed in one pass of the XML scanner:
 * the shared strings, the cell formats' number formats (styles.xml), and a worksheet (its cells' values,
 * formulas and styles, its merged areas and its protection). Pure functions over the parts' text.
 *
 * The result is what Office.js gives for the same sheet (`Range.values`, `formulas`, `numberFormat` of the used
 * range): dates stay serial numbers, errors are {error}, a formula's value is its cached result.
 */
import type { CellValue, SheetSnapshot } from "../core/snapshot";
import { emptySnapshot } from "../core/snapshot";
import {
  cellAddress,
  columnIndex,
  columnName,
  parseCell,
  parseRange,
  rangeAddress,
  type CellPosition,
  type RangePosition,
} from "../core/address";
import { attributes, scanXml, XmlSyntaxError } from "./xml";

// ---------------------------------------------------------------------------------------------------------------
// Shared strings

/** `_xHHHH_` escapes of characters XML cannot carry ("a_x000D_b" → "a\rb"; "_x005F_" is a literal "_"). */
export function decodeEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The text of each string item: its `<t>`, or its runs' `<t>`s joined; phonetic guides (`<rPh>`) are not part
 * of the text.
 */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let current = "";
  scanXml(xml, {
    open(name, _attrs, selfClosing) {
      if (name === "si") {
        inItem = true;
        current = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inItem && !selfClosing) inText = true;
    },
    close(name) {
      if (name === "si") {
        out.push(decodeEscapes(current));
        inItem = false;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(value) {
      if (inText && phonetic === 0) current += value;
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Number formats

/**
 * Excel's built-in number formats by id. Where exceljs knows an id its code is used (so both readers agree on
 * the files exceljs writes); the ids it leaves out are filled with what Excel in Simplified Chinese shows, the
 * locale our users work in (currency ¥, 年月日 dates, the accounting formats 41–44).
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The code of a built-in number format, undefined for an id Excel does not define. */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN_FORMATS[id];
}

/** The number format code of each cell format (`<cellXfs>` entry), by its index: what a cell's `s` points to. */
export function parseCellFormats(xml: string): string[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, raw) {
      if (name === "numFmt") {
        const a = attributes(raw);
        const id = Number(a.numFmtId);
        if (Number.isInteger(id) && a.formatCode !== undefined) custom.set(id, a.formatCode);
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attributes(raw).numFmtId ?? 0);
        ids.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  // A custom code "GENERAL", or an empty one, is General (Excel shows it so).
  return ids.map((id) => {
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General";
    return code === "" || code.toLowerCase() === "general" ? "General" : code;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Formulas

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/**
 * A shared formula as it reads in a cell `dRow` rows and `dCol` columns from the cell that holds its text:
 * every relative reference moved by as much, absolute ones ($) kept, text in quotes left alone. A reference
 * pushed off the sheet becomes #REF!, as Excel shows it.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Split off string literals ("…", '…' sheet names) and [...] parts (external books, table columns).
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\])|([^"'[]+)/g,
    (all, quoted: string, plain: string) => {
      if (quoted !== undefined) return all;
      return shiftPlain(plain, dRow, dCol);
    }
  );
}

const REFERENCE =
  /(^|[^A-Za-z0-9_.$])(?:(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!.])|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(!.])|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!.]))/g;

function shiftPlain(text: string, dRow: number, dCol: number): string {
  return text.replace(
    REFERENCE,
    (
      all,
      lead: string,
      c$: string,
      col: string,
      r$: string,
      row: string,
      ca$: string,
      ca: string,
      cb$: string,
      cb: string,
      ra$: string,
      ra: string,
      rb$: string,
      rb: string
    ) => {
      const moveCol = (dollar: string, letters: string): string | null => {
        const n = columnIndex(letters) + 1;
        if (n > MAX_COL) return null;
        if (dollar) return dollar + letters;
        const m = n + dCol;
        return m < 1 || m > MAX_COL ? "#REF!" : columnName(m - 1);
      };
      const moveRow = (dollar: string, digits: string): string => {
        if (dollar) return dollar + digits;
        const m = Number(digits) + dRow;
        return m < 1 || m > MAX_ROW ? "#REF!" : String(m);
      };
      if (col !== undefined) {
        const c = moveCol(c$, col);
        if (c === null) return all; // a name such as "ABCD1"-like is not a reference
        const r = moveRow(r$, row);
        return c === "#REF!" || r === "#REF!" ? lead + "#REF!" : lead + c + r;
      }
      if (ca !== undefined) {
        const a = moveCol(ca$, ca);
        const b = moveCol(cb$, cb);
        if (a === null || b === null) return all;
        return a === "#REF!" || b === "#REF!" ? lead + "#REF!" : `${lead}${a}:${b}`;
      }
      const a = moveRow(ra$, ra);
      const b = moveRow(rb$, rb);
      return a === "#REF!" || b === "#REF!" ? lead + "#REF!" : `${lead}${a}:${b}`;
    }
  );
}

/** Stored formula text → Office.js form: a leading "=" and no "_xlfn." / "_xlws." future-function prefixes. */
export function formulaText(formula: string): string {
  const f = formula.replace(/_xlfn\.|_xlws\./g, "");
  return f.startsWith("=") ? f : "=" + f;
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheets

/** A cell reference ("AB12", "$B$3") → 0-based {row, col}; null when it is not one or lies off the sheet. */
function parseRef(ref: string): CellPosition | null {
  try {
    const p = parseCell(ref);
    return p.row < MAX_ROW && p.col < MAX_COL ? p : null;
  } catch {
    return null;
  }
}

function parseArea(ref: string): RangePosition | null {
  try {
    const a = parseRange(ref);
    return a.bottom < MAX_ROW && a.right < MAX_COL ? a : null;
  } catch {
    return null;
  }
}

/** An error literal as Office.js gives it ("#REF!", "#N/A"); "#VALUE!" when there is none. */
export function errorValue(text: unknown): CellValue {
  const s = typeof text === "string" ? text.trim().toUpperCase() : "";
  return { error: s || "#VALUE!" };
}

export const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** Serial number of 1970-01-01 in the 1900 date system. */
export const UNIX_EPOCH_SERIAL = 25569;
/** Days between the 1900 and the 1904 date systems. */
export const DATE1904_OFFSET = 1462;

/**
 * A moment → its serial number, rounded to the millisecond. Also the exact inverse of exceljs's serial → Date
 * (serialToDate in read-exceljs.ts), so serials before 1900-03-01 (where Excel's fictitious 1900-02-29 sits) come
 * back unchanged too.
 */
export function dateToSerial(date: Date, date1904 = false): number {
  const serial = UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY - (date1904 ? DATE1904_OFFSET : 0);
  // Remove float noise below a millisecond (Excel keeps about 15 significant digits).
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** An ISO 8601 date, date-time or time of day (cells of type "d") → its serial number (a time: the day's fraction). */
function isoToSerial(text: string, date1904: boolean): CellValue {
  const s = text.trim();
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(s);
  if (time) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !/T/.test(s) ? s : s + "Z");
  if (Number.isNaN(ms)) return { error: "#VALUE!" };
  return dateToSerial(new Date(ms), date1904);
}

/**
 * The most cells a sheet's used range may have to be read: 5,000,000 (a table of 200,000 rows by 25 columns takes
 * ~2 s and ~350 MB). Beyond it is almost always one stray cell far off (XFD1048576), whose range would not fit in
 * memory.
 */
export const MAX_SHEET_CELLS = 5_000_000;

/** A sheet whose used range is too large to read (see MAX_SHEET_CELLS). */
export class SheetTooLarge extends Error {
  constructor(
    readonly sheet: string,
    readonly range: string,
    readonly cells: number
  ) {
    super(`sheet ${sheet}: used range ${range} has ${cells} cells`);
  }
}

interface Cell {
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
  style: number;
}

export interface SheetContext {
  sharedStrings: string[];
  /** Number format code per cell format index (parseCellFormats). */
  formats: string[];
  date1904?: boolean;
}

/**
 * One worksheet part → its snapshot. The used range is the bounding box of the cells holding a value or a
 * formula and of the merged areas; cells inside a merged area other than its top-left one read as empty, as
 * Office.js gives them.
 */
export function parseWorksheet(name: string, xml: string, ctx: SheetContext): SheetSnapshot {
  const cells: Cell[] = [];
  const merges: RangePosition[] = [];
  /** Shared formulas by their index: the text and the cell that carries it. */
  const shared = new Map<string, { text: string; row: number; col: number }>();
  let isProtected = false;

  let inSheetData = false;
  let row = -1;
  let col = -1;
  // The current cell.
  let cell: { row: number; col: number; style: number; type: string } | null = null;
  let v: string | null = null;
  let f: string | null = null;
  let fAttrs: Record<string, string> | null = null;
  let inline: string | null = null;
  let into: "v" | "f" | "t" | null = null;
  let inInline = false;
  let phonetic = 0;

  const finish = (): void => {
    const c = cell!;
    let formula: string | null = null;
    if (fAttrs) {
      const kind = fAttrs.t;
      if (kind === "shared" && fAttrs.si !== undefined) {
        if (f) {
          shared.set(fAttrs.si, { text: f, row: c.row, col: c.col });
          formula = f;
        } else {
          const master = shared.get(fAttrs.si);
          if (master) formula = shiftFormula(master.text, c.row - master.row, c.col - master.col);
        }
      } else if (kind !== "dataTable" && f) formula = f;
    }
    let value: CellValue;
    switch (c.type) {
      case "s": {
        // <v/> (no index) is an empty cell, not string 0.
        const k = v === null || v.trim() === "" ? NaN : Number(v);
        const s = Number.isInteger(k) ? ctx.sharedStrings[k] : undefined;
        value = s === undefined || s === "" ? null : s;
        break;
      }
      case "inlineStr":
        value = inline === null || inline === "" ? null : decodeEscapes(inline);
        break;
      case "str":
        // A formula's text result: "" stays "" (Office.js gives "" for a formula that yields nothing).
        if (v === null) value = null;
        else if (formula !== null) value = decodeEscapes(v);
        else value = v === "" ? null : decodeEscapes(v);
        break;
      case "b":
        value = v === null ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
        break;
      case "e":
        value = v === null ? null : errorValue(v);
        break;
      case "d":
        value = v === null || v.trim() === "" ? null : isoToSerial(v, Boolean(ctx.date1904));
        break;
      default: {
        if (v === null || v.trim() === "") value = null;
        else {
          const n = Number(v);
          value = Number.isFinite(n) ? n : { error: "#NUM!" };
        }
      }
    }
    if (value !== null || formula !== null || c.style !== 0)
      cells.push({
        row: c.row,
        col: c.col,
        value,
        formula: formula === null ? null : formulaText(formula),
        style: c.style,
      });
    cell = null;
  };

  scanXml(xml, {
    open(local, raw, selfClosing) {
      if (cell) {
        if (local === "v") {
          into = "v";
          if (v === null) v = "";
        } else if (local === "f") {
          into = "f";
          fAttrs = attributes(raw);
          if (f === null) f = "";
        } else if (local === "is") inInline = true;
        else if (local === "rPh") phonetic++;
        else if (local === "t" && inInline) {
          into = "t";
          if (inline === null) inline = "";
        }
        if (selfClosing) into = null;
        return;
      }
      if (local === "sheetData") inSheetData = !selfClosing;
      else if (inSheetData && local === "row") {
        const r = /\br\s*=\s*["'](\d+)["']/.exec(raw);
        row = r ? Number(r[1]) - 1 : row + 1;
        col = -1;
      } else if (inSheetData && local === "c") {
        const a = attributes(raw);
        if (a.r !== undefined) {
          const p = parseRef(a.r);
          if (!p) throw new XmlSyntaxError(`bad cell reference ${a.r}`);
          // A row without r takes its number from its first cell.
          row = p.row;
          col = p.col;
        } else col++;
        if (row < 0) row = 0;
        const s = a.s === undefined ? 0 : Number(a.s);
        cell = { row, col, style: Number.isInteger(s) && s >= 0 ? s : 0, type: a.t ?? "n" };
        v = null;
        f = null;
        fAttrs = null;
        inline = null;
        into = null;
        inInline = false;
        phonetic = 0;
        if (selfClosing) finish();
      } else if (local === "mergeCell") {
        const ref = attributes(raw).ref;
        const area = ref ? parseArea(ref) : null;
        if (area) merges.push(area);
      } else if (local === "sheetProtection") {
        const s = attributes(raw).sheet;
        isProtected = s === "1" || s === "true";
      }
    },
    close(local) {
      if (!cell) {
        if (local === "sheetData") inSheetData = false;
        return;
      }
      if (local === "c") finish();
      else if (local === "v" || local === "f" || local === "t") into = null;
      else if (local === "is") inInline = false;
      else if (local === "rPh") phonetic--;
    },
    text(value) {
      if (into === "v") v += value;
      else if (into === "f") f += value;
      else if (into === "t" && phonetic === 0) inline += value;
    },
  });

  return toSnapshot(name, cells, merges, isProtected, ctx.formats);
}

function toSnapshot(
  name: string,
  cells: Cell[],
  merges: RangePosition[],
  isProtected: boolean,
  formats: string[]
): SheetSnapshot {
  const snapshot = emptySnapshot(name);
  snapshot.protected = isProtected;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const grow = (t: number, l: number, b: number, r: number): void => {
    if (t < top) top = t;
    if (l < left) left = l;
    if (b > bottom) bottom = b;
    if (r > right) right = r;
  };
  // Cells covered by a merge (not its top-left) read as empty and do not widen the used range themselves.
  // Indexed by row, over the rows that hold cells only (a merge may span a whole column).
  const rowsWithCells = new Set<number>();
  for (const c of cells) rowsWithCells.add(c.row);
  const mergesByRow = new Map<number, RangePosition[]>();
  for (const m of merges) {
    grow(m.top, m.left, m.bottom, m.right);
    for (let r = m.top; r <= m.bottom; r++) {
      if (!rowsWithCells.has(r)) continue;
      const list = mergesByRow.get(r);
      if (list) list.push(m);
      else mergesByRow.set(r, [m]);
    }
  }
  const covered = (c: Cell): boolean => {
    const list = mergesByRow.get(c.row);
    if (!list) return false;
    for (const m of list) if (c.col >= m.left && c.col <= m.right && (c.row !== m.top || c.col !== m.left)) return true;
    return false;
  };
  for (const c of cells) {
    if (c.value === null && c.formula === null) continue;
    if (!covered(c)) grow(c.row, c.col, c.row, c.col);
  }
  if (bottom < 0) return snapshot;

  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > MAX_SHEET_CELLS)
    throw new SheetTooLarge(name, rangeAddress({ top, left, bottom, right }), height * width);
  snapshot.origin = cellAddress(top, left);
  for (let r = 0; r < height; r++) {
    snapshot.values.push(new Array<CellValue>(width).fill(null));
    snapshot.formulas.push(new Array<string | null>(width).fill(null));
    snapshot.numberFormats.push(new Array<string>(width).fill("General"));
  }
  for (const c of cells) {
    if (c.row < top || c.row > bottom || c.col < left || c.col > right) continue;
    const r = c.row - top;
    const k = c.col - left;
    snapshot.numberFormats[r][k] = formats[c.style] ?? "General";
    if (covered(c)) continue;
    snapshot.values[r][k] = c.value;
    snapshot.formulas[r][k] = c.formula;
  }
  snapshot.merges = merges.filter((m) => m.bottom > m.top || m.right > m.left).map((m) => rangeAddress(m));
  return snapshot;
}
