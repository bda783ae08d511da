/**
 * The Office.js adapter: reads a worksheet into a SheetSnapshot (src/core/snapshot.ts) in one round trip to Excel.
 * Nothing here knows about goal tables; the core does the reading and checking.
 */
import { cellAddress, parseRange, rangeAddress, stripSheet, type RangePosition } from "../core/address";
import { emptySnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import { detectFeatures, officeIsSetSupported } from "./requirements";

export interface LoadSnapshotOptions {
  /**
   * Read merged areas (needs ExcelApi 1.13). Defaults to whether the host supports that set; when it does not,
   * the snapshot has no merges.
   */
  merges?: boolean;
  /**
   * Queues more reads of the sheet into the first sync (the host reads the add-in's marks there, so marking needs
   * no read of its own). Returns a callback called once that sync has succeeded; on the fallback for many merged
   * areas it is not called.
   */
  withFirstRead?: (sheet: Excel.Worksheet) => () => void;
}

/**
 * Loads the used range of `sheet` (values, formulas, number formats, value types, address), the sheet's name,
 * protection and visibility, and its merged areas, with a single `context.sync()`.
 *
 * The used range includes formatted cells, not only cells with values: borders and merges are part of a goal table.
 * Office.js limits how much one request may carry (about 5 MB in Excel on the web), which a goal table stays far
 * below (a 5,000-row table loads under 1 MB).
 *
 * `getMergedAreasOrNullObject` fails when a range has more than 512 merged areas (Office.js docs), which a long
 * table has: 三级 names merged over two columns give one merged area per indicator row. When the first sync fails
 * while merged areas were asked for, the sheet is read again without them (second sync) and the merged areas are
 * then read in bands of rows small enough to hold at most 512 each (third sync). So: one sync for a usual table,
 * three for a long one.
 */
export async function loadSnapshot(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  options: LoadSnapshotOptions = {}
): Promise<SheetSnapshot> {
  return loadSheet(context, sheet, () => sheet, options);
}

/**
 * `again` gives the worksheet for the fallback's new batch. The active sheet is asked for afresh there, rather than
 * reusing a proxy whose first batch failed.
 */
async function loadSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  again: () => Excel.Worksheet,
  options: LoadSnapshotOptions
): Promise<SheetSnapshot> {
  const readMerges = options.merges ?? detectFeatures(officeIsSetSupported()).mergedAreas;

  sheet.load("name, visibility");
  sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject();
  used.load("address, values, formulas, numberFormat, valueTypes");
  // getUsedRange() (not ...OrNullObject) returns A1 for a blank sheet, so the merged-areas request never hangs off
  // a null object. getMergedAreasOrNullObject returns a null object when nothing is merged.
  let merged: Excel.RangeAreas | undefined;
  if (readMerges) {
    merged = sheet.getUsedRange().getMergedAreasOrNullObject();
    merged.load("address");
  }
  const extra = options.withFirstRead?.(sheet);

  try {
    await context.sync();
  } catch (error) {
    if (!merged) throw error;
    return loadSnapshotInBands(context, again());
  }
  extra?.();
  return toSnapshot(sheet, used, merged && !merged.isNullObject ? splitAreasAddress(merged.address) : []);
}

/** The fallback of loadSnapshot for sheets with more than 512 merged areas: two more syncs. */
async function loadSnapshotInBands(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<SheetSnapshot> {
  sheet.load("name, visibility");
  sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject();
  used.load("address, values, formulas, numberFormat, valueTypes");
  await context.sync();
  if (used.isNullObject) return toSnapshot(sheet, used, []);

  const area = parseRange(stripSheet(used.address).replace(/\$/g, ""));
  const bands = mergeBands(area);
  const parts = bands.map((band) => sheet.getRange(band).getMergedAreasOrNullObject().load("address"));
  await context.sync();
  const merges = new Set<string>();
  for (const part of parts) if (!part.isNullObject) splitAreasAddress(part.address).forEach((m) => merges.add(m));
  return toSnapshot(sheet, used, [...merges]);
}

/**
 * Bands of whole rows of `area` with at most 512 cells each, so none can hold more than 512 merged areas (every
 * merged area that touches a band has a cell of its own in it). A merged area that crosses a band boundary is
 * assumed to be given whole by both bands (as Range.MergeArea does); duplicates are dropped.
 */
export function mergeBands(area: RangePosition, maxCells = 512): string[] {
  const width = area.right - area.left + 1;
  const rows = Math.max(1, Math.floor(maxCells / width));
  const bands: string[] = [];
  for (let top = area.top; top <= area.bottom; top += rows) {
    bands.push(
      rangeAddress({ top, left: area.left, bottom: Math.min(area.bottom, top + rows - 1), right: area.right })
    );
  }
  return bands;
}

function toSnapshot(sheet: Excel.Worksheet, used: Excel.Range, merges: string[]): SheetSnapshot {
  const name = sheet.name;
  const sheetState = { protected: sheet.protection.protected, visible: sheet.visibility === "Visible" };
  if (used.isNullObject) return { ...emptySnapshot(name), ...sheetState };

  const area = parseRange(stripSheet(used.address).replace(/\$/g, ""));
  const values = used.values.map((row, r) => row.map((v, c) => toCellValue(v, used.valueTypes[r]?.[c])));
  const formulas = used.formulas.map((row, r) =>
    row.map((f, c) => toFormula(f, used.values[r]?.[c], used.valueTypes[r]?.[c]))
  );
  const numberFormats = used.numberFormat.map((row) => row.map((f) => (typeof f === "string" ? f : "General")));

  return {
    name,
    origin: cellAddress(area.top, area.left),
    values,
    formulas,
    numberFormats,
    merges,
    ...sheetState,
  };
}

/** Loads the snapshot of the active worksheet. */
export async function readActiveSheetSnapshot(
  context: Excel.RequestContext,
  options: LoadSnapshotOptions = {}
): Promise<SheetSnapshot> {
  const active = () => context.workbook.worksheets.getActiveWorksheet();
  return loadSheet(context, active(), active, options);
}

/** Activates `sheetName` and selects `address` on it ("D7" or "A1:F1"). */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}

/**
 * One cell of `Range.values`, given its `Range.valueTypes` entry: errors arrive as text ("#REF!") with type "Error";
 * empty cells arrive as "" with type "Empty".
 */
export function toCellValue(value: unknown, type: Excel.RangeValueType | string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * One cell of `Range.formulas`: formula text starts with "="; a constant cell gives its value instead. Text typed
 * as '=abc (a constant that starts with "=") has a formula equal to its value, so it is not taken for a formula.
 */
export function toFormula(formula: unknown, value: unknown, type: string | undefined): string | null {
  if (typeof formula !== "string" || !formula.startsWith("=")) return null;
  if (type === "String" && value === formula) return null;
  return formula;
}

/**
 * Splits a RangeAreas address ("Sheet1!A1:B4, Sheet1!D1:D4", or "'a, b'!A1:B4" with a quoted sheet name) into
 * plain ranges without sheet names or "$": ["A1:B4", "D1:D4"].
 */
export function splitAreasAddress(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled quote inside a quoted name toggles twice: no change
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts
    .map((p) => stripSheet(p.trim()).replace(/\$/g, ""))
    .filter((p) => p.length > 0)
    .map((p) => p.toUpperCase());
}
