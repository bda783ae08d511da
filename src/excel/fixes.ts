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
import { toFormula } from "./snapshot";
import { qualified, sameCellState, type CellState, type FixRecord, type UndoResult } from "../host/types";

export interface ApplyFixesOptions {
  /** Called per sheet with the cells about to be written, just before the batch is sent (see changes.ts). */
  beforeWrite?: (sheet: string, addresses: string[]) => void;
}

export interface ApplyFixesResult extends FixRecord {
  /** Cells written. */
  written: number;
}

type CellLoad = { sheet: string; cell: string; range: Excel.Range };

/** Queues the load of a cell's value, formula and number format (read at the next sync, in queue order). */
function loadCell(sheet: Excel.Worksheet, sheetName: string, cell: string): CellLoad {
  const range = sheet.getRange(cell);
  range.load("values, formulas, numberFormat, valueTypes");
  return { sheet: sheetName, cell, range };
}

/** A loaded cell's state (formulas as the snapshot reads them: text typed as '=abc is no formula, see toFormula). */
function cellState(l: CellLoad): CellState {
  const value = l.range.values[0][0] as unknown;
  const numberFormat = l.range.numberFormat[0][0] as unknown;
  return {
    sheet: l.sheet,
    cell: l.cell,
    value: value === "" || value === undefined ? null : (value as CellState["value"]),
    formula: toFormula(l.range.formulas[0][0], value, l.range.valueTypes[0][0]),
    numberFormat: typeof numberFormat === "string" ? numberFormat : "General",
  };
}

/**
 * Writes the edits, grouped by sheet, with one sync. When several edits name the same cell, the last one wins.
 * Edits with neither a value nor a formula are skipped. A failure (protected sheet, missing sheet) rejects.
 *
 * In the same batch, before and after the writes, each written cell's value, formula and number format are read
 * (a batch runs in order, so the first read sees the cell as it was): the record that 撤销 (undoFix) needs, at no
 * extra round trip.
 */
export async function applyFixes(
  context: Excel.RequestContext,
  edits: readonly FixEdit[],
  options: ApplyFixesOptions = {}
): Promise<ApplyFixesResult> {
  const bySheet = groupEdits(edits);
  const kept = [...bySheet.values()].flatMap((cells) => [...cells.values()]);
  if (bySheet.size === 0) return { written: 0, edits: [], before: [], after: [] };
  const before: CellLoad[] = [];
  const after: CellLoad[] = [];
  let written = 0;
  for (const [sheetName, cells] of bySheet) {
    options.beforeWrite?.(sheetName, [...cells.keys()]);
    const sheet = context.workbook.worksheets.getItem(sheetName);
    for (const [cell, edit] of cells) {
      before.push(loadCell(sheet, sheetName, cell));
      const target = sheet.getRange(cell);
      if (edit.formula !== undefined) target.formulas = [[edit.formula]];
      else target.values = [[valueToWrite(edit.value as string | number)]];
      after.push(loadCell(sheet, sheetName, cell));
      written++;
    }
  }
  await context.sync();
  return { written, edits: kept, before: before.map(cellState), after: after.map(cellState) };
}

/**
 * Undoes a fix: one sync reads the cells, a second puts back those that still hold what the fix left (formula,
 * value and number format equal to `after`), each with its value or formula and its number format as `before`
 * had them. Cells changed since are left alone and reported. Nothing to restore: no second sync.
 */
export async function undoFix(
  context: Excel.RequestContext,
  record: FixRecord,
  options: ApplyFixesOptions = {}
): Promise<UndoResult> {
  const now = record.after.map((a) => loadCell(context.workbook.worksheets.getItem(a.sheet), a.sheet, a.cell));
  if (now.length === 0) return { restored: [], changedSince: [] };
  await context.sync();
  const restored: CellState[] = [];
  const changedSince: string[] = [];
  record.after.forEach((after, i) => {
    if (sameCellState(cellState(now[i]), after)) restored.push(record.before[i]);
    else changedSince.push(qualified(after.sheet, after.cell));
  });
  if (restored.length === 0) return { restored: [], changedSince };
  const bySheet = new Map<string, CellState[]>();
  for (const b of restored) bySheet.set(b.sheet, [...(bySheet.get(b.sheet) ?? []), b]);
  for (const [sheetName, cells] of bySheet) {
    options.beforeWrite?.(
      sheetName,
      cells.map((c) => c.cell)
    );
    const sheet = context.workbook.worksheets.getItem(sheetName);
    for (const b of cells) writeCellState(sheet.getRange(b.cell), b);
  }
  await context.sync();
  return { restored: restored.map((b) => qualified(b.sheet, b.cell)), changedSince };
}

/**
 * Queues the writes that give a cell this state: the formula or the value (text as text, see valueToWrite; empty
 * as ""), then the number format, last, so that no typed-in interpretation of the value can change it.
 */
export function writeCellState(range: Excel.Range, state: CellState): void {
  if (state.formula) range.formulas = [[state.formula]];
  else if (state.value === null) range.values = [[""]];
  else if (typeof state.value === "boolean") range.values = [[state.value]];
  else range.values = [[valueToWrite(state.value)]];
  range.numberFormat = [[state.numberFormat]];
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
