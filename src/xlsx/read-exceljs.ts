/**
 * The second reader: exceljs's full model of a workbook → the same snapshot src/xlsx/package.ts makes from the
 * package's parts. It reads what the package reader leaves alone (ZIP64 packages, parts it cannot scan) and is
 * the reference the package reader is tested against (test/xlsx-read.test.ts).
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { emptySnapshot } from "../core/snapshot";
import { cellAddress, rangeAddress } from "../core/address";
import { DATE1904_OFFSET, dateToSerial, errorValue, formulaText, MS_PER_DAY, UNIX_EPOCH_SERIAL } from "./parts";

/**
 * A serial number → the Date exceljs makes of it: `(serial - 25569 [+ 1462]) days after 1970-01-01 UTC`, rounded
 * to the millisecond. dateToSerial (src/xlsx/parts.ts) is its exact inverse.
 */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0)) * MS_PER_DAY));
}

/** Plain text of a string, a rich-text value or a hyperlink's text. */
export function plainText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    const o = v as { richText?: { text?: unknown }[]; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => plainText(r.text)).join("");
    if ("text" in o) return plainText(o.text);
  }
  return "";
}

/**
 * Maps one exceljs cell value (or formula result) to the value Office.js gives in `Range.values`: numbers, dates
 * as serial numbers, text (rich text and hyperlinks flattened), booleans, errors as {error}, null for empty.
 * (exceljs already decodes the `_xHHHH_` escapes of shared strings, "a_x000D_b" → "a\rb".)
 */
export function toCellValue(v: unknown, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: "#VALUE!" } : dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return errorValue(o.error);
    if ("formula" in o || "sharedFormula" in o) return formulaResult(o.result, date1904);
    if ("richText" in o || "text" in o) {
      const t = plainText(o);
      return t === "" ? null : t;
    }
  }
  return null;
}

/** A formula's cached result; an empty string stays "" (Office.js reports "" for a formula that yields ""). */
export function formulaResult(result: unknown, date1904 = false): CellValue {
  if (result === "") return "";
  return toCellValue(result, date1904);
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function extend(box: Box | null, top: number, left: number, bottom: number, right: number): Box {
  if (!box) return { top, left, bottom, right };
  return {
    top: Math.min(box.top, top),
    left: Math.min(box.left, left),
    bottom: Math.max(box.bottom, bottom),
    right: Math.max(box.right, right),
  };
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged areas of a sheet, 1-based as exceljs keeps them. */
function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (internal) return Object.values(internal).filter(Boolean);
  const ranges: string[] = ((ws as unknown as { model?: { merges?: string[] } }).model?.merges ?? []) as string[];
  return ranges.map((r) => {
    const [a, b] = r.split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    return { top: p.row + 1, left: p.col + 1, bottom: q.row + 1, right: q.col + 1 };
  });
}

function parseA1(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const ValueType = ExcelJS.ValueType;

/** One worksheet → its snapshot. Exported for tests. */
export function sheetToSnapshot(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  const merges = mergesOf(ws);
  let box: Box | null = null;
  // Bounding box (1-based) of the cells holding something, and of the merge areas.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ValueType.Null) return;
      if (cell.type === ValueType.Merge) return; // covered by the merge areas below
      if (cell.type === ValueType.String && cell.value === "") return;
      box = extend(box, r, c, r, c);
    });
  });
  for (const m of merges) box = extend(box, m.top, m.left, m.bottom, m.right);

  const snapshot = emptySnapshot(ws.name);
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  snapshot.protected = Boolean(protection?.sheet);
  snapshot.visible = (ws.state ?? "visible") === "visible";
  const used = box as Box | null;
  if (!used) return snapshot;

  snapshot.origin = cellAddress(used.top - 1, used.left - 1);
  for (let r = used.top; r <= used.bottom; r++) {
    const values: CellValue[] = [];
    const formulas: (string | null)[] = [];
    const formats: string[] = [];
    const row = ws.findRow(r);
    for (let c = used.left; c <= used.right; c++) {
      const cell = row?.findCell(c);
      if (!cell) {
        values.push(null);
        formulas.push(null);
        formats.push("General");
        continue;
      }
      formats.push(numberFormatOf(cell));
      if (cell.type === ValueType.Merge) {
        // exceljs answers a merged cell's value with its master's; Office.js gives the cell's own (empty) value.
        values.push(null);
        formulas.push(null);
        continue;
      }
      if (cell.type === ValueType.Formula) {
        const f = cell.formula;
        values.push(formulaResult(cell.result, date1904));
        formulas.push(f ? formulaText(f) : null);
        continue;
      }
      values.push(toCellValue(cell.value, date1904));
      formulas.push(null);
    }
    snapshot.values.push(values);
    snapshot.formulas.push(formulas);
    snapshot.numberFormats.push(formats);
  }
  snapshot.merges = merges
    .filter((m) => m.bottom > m.top || m.right > m.left)
    .map((m) => rangeAddress({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  return snapshot;
}

function numberFormatOf(cell: ExcelJS.Cell): string {
  const f = cell.numFmt as unknown;
  if (typeof f === "string" && f !== "") return f;
  return "General";
}

/**
 * Parts of a worksheet's XML the snapshot never uses, which exceljs then skips instead of building models for
 * (its `ignoreNodes` option): validation lists, conditional formats, extensions, views, print settings, pictures.
 * Values, formulas, number formats (cell styles), merges, protection and hyperlinks' text are all still read.
 */
export const LOAD_OPTIONS: Partial<ExcelJS.XlsxReadOptions> = {
  ignoreNodes: [
    "dataValidations",
    "conditionalFormatting",
    "extLst",
    "sheetViews",
    "pageSetup",
    "pageMargins",
    "headerFooter",
    "printOptions",
    "rowBreaks",
    "picture",
    "drawing",
    "autoFilter",
    "tableParts",
  ],
};

/** Reads a package with exceljs. Throws whatever exceljs throws; an error too for a zip with no worksheet. */
export async function readWithExcelJS(bytes: Uint8Array, options = LOAD_OPTIONS): Promise<WorkbookSnapshot> {
  const workbook = new ExcelJS.Workbook();
  const nodeBuf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // exceljs's typings want its own Buffer alias; a Node Buffer is what it takes at run time.
  await workbook.xlsx.load(nodeBuf as unknown as ExcelJS.Buffer, options);
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  // exceljs "loads" any zip (a .docx, say) as a workbook with no sheets; a real workbook has at least one.
  if (workbook.worksheets.length === 0) throw new Error("no worksheet");
  return { sheets: workbook.worksheets.map((ws) => sheetToSnapshot(ws, date1904)) };
}
