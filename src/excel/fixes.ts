/**
 * Writes fixes (FixEdit) into the workbook: the named cells and nothing else, all sheets in one batch.
 *
 * A FixEdit's `value` is a literal. `Range.values` takes a string the way Excel takes typed input: the Office.js
 * reference says a value that starts with "+", "-" or "=" is interpreted as a formula, and Excel also turns text that
 * looks like a number, percentage, date or boolean into that ("100%" becomes 1 with a percent format, "2月3日" a
 * date). Excel's way to enter such text as text is a leading apostrophe: the apostrophe is not part of the value,
 * it only sets the cell's quote-prefix flag, and the cell's number format stays as it was (unlike switching the cell
 * to the Text format "@", which would change a format the user owns). So text that Excel would interpret gets the
 * apostrophe; other text is written as it is. Numbers are written as numbers (the cell keeps its number format),
 * formulas through `Range.formulas`.
 */
import { cellAddress, parseCell, stripSheet } from "../core/address";
import type { FixEdit } from "../core/finding";

export interface ApplyFixesOptions {
  /** Called per sheet with the cells about to be written, just before the batch is sent (see changes.ts). */
  beforeWrite?: (sheet: string, addresses: string[]) => void;
}

export interface ApplyFixesResult {
  /** Cells written. */
  written: number;
}

/**
 * Writes the edits, grouped by sheet, with one sync. When several edits name the same cell, the last one wins.
 * Edits with neither a value nor a formula are skipped. A failure (protected sheet, missing sheet) rejects.
 */
export async function applyFixes(
  context: Excel.RequestContext,
  edits: readonly FixEdit[],
  options: ApplyFixesOptions = {}
): Promise<ApplyFixesResult> {
  const bySheet = groupEdits(edits);
  if (bySheet.size === 0) return { written: 0 };
  let written = 0;
  for (const [sheetName, cells] of bySheet) {
    options.beforeWrite?.(sheetName, [...cells.keys()]);
    const sheet = context.workbook.worksheets.getItem(sheetName);
    for (const [cell, edit] of cells) {
      const range = sheet.getRange(cell);
      if (edit.formula !== undefined) range.formulas = [[edit.formula]];
      else range.values = [[valueToWrite(edit.value as string | number)]];
      written++;
    }
  }
  await context.sync();
  return { written };
}

/** Edits per sheet, then per cell (normalised A1), last edit of a cell winning. */
export function groupEdits(edits: readonly FixEdit[]): Map<string, Map<string, FixEdit>> {
  const bySheet = new Map<string, Map<string, FixEdit>>();
  for (const edit of edits) {
    if (edit.formula === undefined && edit.value === undefined) continue;
    const p = parseCell(stripSheet(edit.cell).replace(/\$/g, ""));
    const cell = cellAddress(p.row, p.col);
    let cells = bySheet.get(edit.sheet);
    if (!cells) {
      cells = new Map();
      bySheet.set(edit.sheet, cells);
    }
    cells.delete(cell); // keep the order of the last edit
    cells.set(cell, edit);
  }
  return bySheet;
}

/** What to put into `Range.values` so the cell gets exactly this literal. */
export function valueToWrite(value: string | number): string | number {
  if (typeof value === "number") return value;
  return excelWouldInterpret(value) ? "'" + value : value;
}

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";

/**
 * Whether Excel would take this typed text for something other than the same text: a formula ("=", "+", "-",
 * "@", also full-width), a number, percentage, date or time (anything that starts with a digit, a decimal point, a
 * currency sign or a bracket, "Mar-21"), a boolean, an error ("#N/A"), or text that itself starts with an
 * apostrophe (which Excel would eat). Errs on the side of the apostrophe: on plain text it changes nothing visible.
 */
export function excelWouldInterpret(text: string): boolean {
  if (text === "") return false;
  const t = text.trim();
  if (t === "") return false;
  if (/^['=+\-@＝＋－]/.test(text) || /^['=+\-@＝＋－]/.test(t)) return true;
  if (/^[0-9０-９.．,(（$¥￥€£]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (t.startsWith("#")) return true;
  if (new RegExp(`^(${MONTHS})[a-z]*[\\s\\-/.,]*\\d`, "i").test(t)) return true;
  return false;
}
